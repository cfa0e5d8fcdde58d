import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import Foundation
import Testing

@Suite("RBM block Gibbs sampling")
struct BlockGibbsTests {
    /// A V×H machine with random biases and weights of the given kinds.
    static func machine(visible: RBMUnitKind, hidden: RBMUnitKind, visibleCount: Int, hiddenCount: Int, seed: UInt64) -> RestrictedBoltzmannMachine {
        var rbm = RestrictedBoltzmannMachine.random(
            visible: visible, visibleCount: visibleCount, hidden: hidden, hiddenCount: hiddenCount, weightScale: 0.8, seed: seed)
        var random = RandomStream(seed: seed, stream: 9)
        rbm.visible.parameters = ["bias": (0..<visibleCount).map { _ in Float(0.6 * random.gaussian()) }]
        rbm.hidden.parameters = ["bias": (0..<hiddenCount).map { _ in Float(0.6 * random.gaussian()) }]
        return rbm
    }

    /// The index of a row of discrete states, unit 0 the least significant binary digit.
    static func index(_ row: ArraySlice<Float>, states: [Float]) -> Int {
        var result = 0
        for (position, value) in row.enumerated() where value == states[1] { result |= 1 << position }
        return result
    }

    /// Exact p_β(v, h) over all joint states, indexed by v + 2^V · h.
    static func exactJoint(_ rbm: RestrictedBoltzmannMachine, beta: Double) -> [Double] {
        let visibleStates = rbm.visible.unitStates!, hiddenStates = rbm.hidden.unitStates!
        let V = rbm.visibleCount, H = rbm.hiddenCount
        var weights = [Double](repeating: 0, count: 1 << (V + H))
        for code in 0..<(1 << (V + H)) {
            let v: [Float] = (0..<V).map { (unit: Int) -> Float in visibleStates[(code >> unit) & 1] }
            let h: [Float] = (0..<H).map { (unit: Int) -> Float in hiddenStates[(code >> (V + unit)) & 1] }
            let visibleBias: [Float] = rbm.visible.parameters["bias"]!
            let hiddenBias: [Float] = rbm.hidden.parameters["bias"]!
            var negativeEnergy = 0.0
            for i in 0..<V { negativeEnergy += Double(visibleBias[i]) * Double(v[i]) }
            for j in 0..<H { negativeEnergy += Double(hiddenBias[j]) * Double(h[j]) }
            for i in 0..<V {
                for j in 0..<H {
                    let coupling = Double(v[i]) * Double(rbm.weights[i, j]) * Double(h[j])
                    negativeEnergy += beta * coupling
                }
            }
            weights[code] = exp(negativeEnergy)
        }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// Pearson's χ² of observed counts against probabilities.
    static func chiSquare(counts: [Int], probabilities: [Double]) -> Double {
        let n = Double(counts.reduce(0, +))
        var statistic = 0.0
        for (count, probability) in zip(counts, probabilities) {
            let expected = n * probability
            let difference = Double(count) - expected
            statistic += difference * difference / expected
        }
        return statistic
    }

    @Test("Chains of a V=4, H=2 RBM reach the exact joint distribution (χ² over 64 states)",
          arguments: [(RBMUnitKind.bernoulli, RBMUnitKind.bernoulli), (.spin, .bernoulli), (.bernoulli, .spin), (.spin, .spin)])
    func jointDistribution(kinds: (RBMUnitKind, RBMUnitKind)) {
        let rbm = Self.machine(visible: kinds.0, hidden: kinds.1, visibleCount: 4, hiddenCount: 2, seed: 41)
        for beta: Float in [1, 0.5] {
            let chains = 40_000
            let start = Matrix<Float>(rows: chains, columns: 4, repeating: rbm.visible.unitStates![0])
            var state = RBMChainState(visible: start, hidden: Matrix(rows: chains, columns: 2))
            var random = RandomStream(seed: 7, stream: UInt64(beta == 1 ? 1 : 2))
            for _ in 0..<40 { rbm.gibbsSweep(&state, beta: beta, random: &random) }
            // Independent chains, one sample each: (h from the last half-sweep, v after it) is a
            // draw from p(h | v_prev) p(v | h), whose joint law is p(v, h) at stationarity.
            var counts = [Int](repeating: 0, count: 64)
            for chain in 0..<chains {
                let v = Self.index(state.visible.row(chain)[...], states: rbm.visible.unitStates!)
                let h = Self.index(state.hidden.row(chain)[...], states: rbm.hidden.unitStates!)
                counts[v + 16 * h] += 1
            }
            let exact = Self.exactJoint(rbm, beta: Double(beta))
            // 63 degrees of freedom: mean 63, standard deviation √126 ≈ 11.2; 5σ above the mean.
            let statistic = Self.chiSquare(counts: counts, probabilities: exact)
            #expect(statistic < 63 + 5 * 126.0.squareRoot(), "\(kinds) β=\(beta): χ² = \(statistic)")
            var totalVariation = 0.0
            for (count, probability) in zip(counts, exact) { totalVariation += 0.5 * abs(Double(count) / Double(chains) - probability) }
            #expect(totalVariation < 0.03, "TV = \(totalVariation)")
        }
    }

    @Test("A Gaussian-hidden (Hopfield) RBM samples the Hopfield distribution on the visible spins")
    func hopfieldChains() throws {
        var random = RandomStream(seed: 2)
        let patterns = try PatternMatrix.random(count: 2, size: 5, stream: &random)
        // β = 0.8 keeps the ±ξ basins connected within the 40 sweeps; the chains start at random σ.
        let beta = 0.8
        let rbm = try RestrictedBoltzmannMachine.hopfield(patterns: patterns, beta: beta)
        var exact = [Double](repeating: 0, count: 32)
        for code in 0..<32 {
            var energy = 0.0
            for mu in 0..<2 {
                var overlap = 0.0
                for i in 0..<5 {
                    let spin: Double = (code >> i) & 1 == 1 ? 1 : -1
                    overlap += Double(patterns[pattern: mu, site: i]) * spin
                }
                energy -= overlap * overlap / 10
            }
            exact[code] = exp(-beta * energy)
        }
        let total = exact.reduce(0, +)
        exact = exact.map { $0 / total }
        let chains = 30_000
        let start = Matrix<Float>(rows: chains, columns: 5) { _, _ in random.uniform() < 0.5 ? 1 : -1 }
        var state = RBMChainState(visible: start, hidden: Matrix(rows: chains, columns: 2))
        for _ in 0..<40 { rbm.gibbsSweep(&state, random: &random) }
        var counts = [Int](repeating: 0, count: 32)
        for chain in 0..<chains { counts[Self.index(state.visible.row(chain)[...], states: [-1, 1])] += 1 }
        let statistic = Self.chiSquare(counts: counts, probabilities: exact)
        #expect(statistic < 31 + 5 * 62.0.squareRoot(), "χ² = \(statistic)")
    }

    @Test("sampleHidden and sampleVisible draw from the conditionals; sweeps are reproducible")
    func conditionalSampling() {
        let rbm = Self.machine(visible: .bernoulli, hidden: .spin, visibleCount: 5, hiddenCount: 3, seed: 3)
        let rows = 50_000
        let v = Matrix<Float>(rows: rows, columns: 5) { _, i in i % 2 == 0 ? 1 : 0 }
        var h = Matrix<Float>(rows: 0, columns: 0)
        var random = RandomStream(seed: 4)
        rbm.sampleHidden(given: v, beta: 0.7, into: &h, random: &random)
        var fields = Matrix<Float>(rows: 0, columns: 0)
        var means = Matrix<Float>(rows: 0, columns: 0)
        rbm.hiddenInputs(Matrix(rows: 1, columns: 5) { _, i in i % 2 == 0 ? 1 : 0 }, beta: 0.7, into: &fields)
        rbm.hidden.mean(inputs: fields, into: &means)
        for j in 0..<3 {
            let average = h.column(j).reduce(0.0) { $0 + Double($1) } / Double(rows)
            let m = Double(means[0, j])
            #expect(abs(average - m) < 5 * ((1 - m * m) / Double(rows)).squareRoot())
        }
        var reconstructed = Matrix<Float>(rows: 0, columns: 0)
        rbm.sampleVisible(given: h, into: &reconstructed, random: &random)
        #expect(reconstructed.rows == rows && reconstructed.columns == 5)
        #expect(reconstructed.elements.allSatisfy { $0 == 0 || $0 == 1 })

        var first = RBMChainState(visible: Matrix(rows: 3, columns: 5), hidden: Matrix(rows: 3, columns: 3))
        var second = first
        var a = RandomStream(seed: 99), b = RandomStream(seed: 99)
        for _ in 0..<5 {
            rbm.gibbsSweep(&first, random: &a)
            rbm.gibbsSweep(&second, random: &b)
        }
        #expect(first.visible == second.visible && first.hidden == second.hidden)
    }
}
