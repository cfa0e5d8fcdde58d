import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import RealModule
import Testing

/// The binary student's Metropolis kernel against brute-force enumeration
/// (``RBMStudentPosteriorReference``): its log posterior, every proposal's log-posterior change
/// (before and after sweeps, so the incremental overlaps and partition weights are checked too),
/// and the stationary histogram over all 2^{NP} weight configurations of tiny problems.
@Suite struct BinaryStudentChainTests {
    static func problem(size n: Int, hidden p: Int, examples m: Int, beta: Double, seed: UInt64) throws -> (RBMStudentData, [Int8]) {
        var stream = RandomStream(seed: seed)
        var examples = [Int8](repeating: 0, count: m * n)
        stream.fillRademacher(&examples)
        var weights = [Int8](repeating: 0, count: n * p)
        stream.fillRademacher(&weights)
        return (try RBMStudentData(examples: examples, exampleCount: m, size: n, hiddenCount: p, beta: beta), weights)
    }

    static func reference(_ data: RBMStudentData, _ weights: [Int8]) -> Double {
        RBMStudentPosteriorReference.logLikelihood(
            examples: data.examples, size: data.size, weights: weights.map(Double.init), hiddenCount: data.hiddenCount,
            beta: data.beta)
    }

    @Test(arguments: [1, 2, 3])
    func logPosteriorAndProposalChangesMatchBruteForce(hidden p: Int) throws {
        let (data, weights) = try Self.problem(size: 6, hidden: p, examples: 5, beta: 1.7, seed: UInt64(p))
        var chain = BinaryStudentChain(data: data, weights: weights)
        var stream = RandomStream(seed: 4)
        for round in 0..<3 {
            let current = Self.reference(data, chain.weights)
            #expect(abs(chain.logPosterior() - current) < 1e-9, "log posterior, round \(round)")
            for i in 0..<data.size {
                for mu in 0..<p {
                    var flipped = chain.weights
                    flipped[i * p + mu] = -flipped[i * p + mu]
                    let change = Self.reference(data, flipped) - current
                    #expect(abs(chain.logPosteriorChange(site: i, unit: mu) - change) < 1e-9,
                            "ΔlogP at (\(i), \(mu)), round \(round)")
                }
            }
            for _ in 0..<7 { _ = chain.sweep(random: &stream) }
        }
    }

    /// Empirical frequencies of every configuration over T sweeps against the exact posterior,
    /// within 6σ of a binomial inflated by 2τ = 10 sweeps of autocorrelation.
    func histogramMatchesPosterior(size n: Int, hidden p: Int, examples m: Int, beta: Double) throws {
        let (data, weights) = try Self.problem(size: n, hidden: p, examples: m, beta: beta, seed: 21)
        let bits = n * p
        let states = 1 << bits
        func configuration(_ s: Int) -> [Int8] { (0..<bits).map { (s >> $0) & 1 == 1 ? 1 : -1 } }
        let logPosterior = (0..<states).map { Self.reference(data, configuration($0)) }
        let logNorm = RBMStudentPosteriorReference.logSumExp(logPosterior)
        let exact = logPosterior.map { Double.exp($0 - logNorm) }
        var chain = BinaryStudentChain(data: data, weights: weights)
        var stream = RandomStream(seed: 8)
        let sweeps = 200_000
        var histogram = [Int](repeating: 0, count: states)
        for _ in 0..<sweeps {
            _ = chain.sweep(random: &stream)
            var s = 0
            for j in 0..<bits where chain.weights[j] == 1 { s |= 1 << j }
            histogram[s] += 1
        }
        for s in 0..<states {
            let observed = Double(histogram[s]) / Double(sweeps)
            let sigma = (exact[s] * (1 - exact[s]) * 10 / Double(sweeps)).squareRoot()
            #expect(abs(observed - exact[s]) <= 6 * sigma + 1e-4, "state \(s): \(observed) vs \(exact[s])")
        }
    }

    @Test func histogramMatchesPosteriorForOneHiddenUnit() throws {
        try histogramMatchesPosterior(size: 6, hidden: 1, examples: 4, beta: 2)
    }

    @Test func histogramMatchesPosteriorForTwoHiddenUnits() throws {
        // P = 2: ln Z(ξ) depends on ξ and is tracked incrementally.
        try histogramMatchesPosterior(size: 4, hidden: 2, examples: 3, beta: 2.5)
    }
}
