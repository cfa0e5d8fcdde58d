import BoltzmannCore
import BoltzmannModels
import RealModule

/// Metropolis single-weight-flip dynamics of a binary RBM student, ξ ∈ {±1}^{N×P} with a uniform
/// prior, whose stationary law is the posterior (``RBMStudentChain``)
///
///     log P(ξ | data) = Σ_a Σ_μ ln 2cosh(β k^a_μ/√N) − M ln Z(ξ) + const,   k^a_μ = σ^a·ξ_μ.
///
/// ## Incremental arithmetic
/// The overlaps k^a_μ are integers in [−N, N], kept exactly in `Int32` (P × M). Flipping ξ_{iμ}
/// changes them by −2 ξ_{iμ} σ^a_i, so the likelihood change is
///
///     Δ = Σ_a [Λ(k^a_μ − 2ξ_{iμ}σ^a_i) − Λ(k^a_μ)],   Λ(k) = ln cosh(β k/√N),
///
/// one lookup per example in a table of the 2(2N + 1) differences Λ(k ∓ 2) − Λ(k), indexed by
/// 2k + [ξ_{iμ}σ^a_i = +1]: O(M) per proposal, reading the site's examples contiguously
/// (``RBMStudentData/examplesBySite``).
///
/// For P ≥ 2 the partition function depends on ξ through the site fields
/// x_i(τ) = Σ_μ ξ_{iμ} τ_μ ∈ {−P, …, P}. The chain keeps x_i(τ) for every site and hidden state
/// and the weights w(τ) = exp(S(τ) − S₀), S(τ) = Σ_i ln 2cosh(β x_i(τ)/√N); a flip moves
/// x_i(τ) → x_i(τ) − 2ξ_{iμ}τ_μ, multiplying w(τ) by a tabulated cosh ratio, so
/// Δ ln Z = ln(Σ_τ w(τ) r_τ / Σ_τ w(τ)): O(2^P) per proposal and one logarithm. After every sweep
/// the weights are recomputed from the fields, so rounding cannot accumulate. For P = 1,
/// Z = 2(2cosh(β/√N))^N does not depend on ξ and is not tracked.
///
/// A proposal is accepted with probability min(1, e^{Δ − M Δ ln Z}) (one uniform drawn only when
/// the change is negative). A sweep visits the weights in site-major order (i, then μ): a
/// deterministic scan, which satisfies balance for the posterior.
public struct BinaryStudentChain: RBMStudentChain {
    /// The examples and the student's β and P.
    public let data: RBMStudentData
    /// The weights ξ, site-major N × P, entries ±1.
    public private(set) var weights: [Int8]
    /// k^a_μ = σ^a·ξ_μ, unit-major P × M.
    public private(set) var overlaps: [Int32]
    /// Λ(k) = ln cosh(β k/√N) at index k + N.
    let logCoshTable: [Double]
    /// Λ(k + 2) − Λ(k) at index 2(k + N) and Λ(k − 2) − Λ(k) at index 2(k + N) + 1 (0 where k ± 2
    /// leaves [−N, N], which no flip reaches).
    let changeTable: [Double]
    /// Whether ln Z(ξ) changes with ξ (P ≥ 2).
    let tracksPartition: Bool
    /// x_i(τ), site-major N × 2^P (P ≥ 2 only).
    var siteFields: [Int8]
    /// w(τ) = exp(S(τ) − S₀) and their sum (P ≥ 2 only).
    var partitionWeights: [Double]
    var partitionTotal: Double
    /// exp(Λ₂(x − 2) − Λ₂(x)) and exp(Λ₂(x + 2) − Λ₂(x)) at index x + P, Λ₂(x) = ln 2cosh(βx/√N).
    let ratioDown: [Double]
    let ratioUp: [Double]

    /// A chain at the given weights (site-major N × P, entries ±1).
    ///
    /// - Precondition: `weights` has N·P entries ±1 (a programmer error otherwise).
    public init(data: RBMStudentData, weights: [Int8]) {
        let n = data.size
        let p = data.hiddenCount
        let m = data.exampleCount
        precondition(weights.count == n * p && weights.allSatisfy { $0 == 1 || $0 == -1 },
                     "BinaryStudentChain: weights must be N·P values ±1")
        self.data = data
        self.weights = weights
        var overlaps = [Int32](repeating: 0, count: p * m)
        for a in 0..<m {
            for mu in 0..<p {
                var k: Int32 = 0
                for i in 0..<n { k &+= Int32(data.examples[a * n + i]) &* Int32(weights[i * p + mu]) }
                overlaps[mu * m + a] = k
            }
        }
        self.overlaps = overlaps
        let scale = data.beta / Double(n).squareRoot()
        let logCoshTable = (0...(2 * n)).map { logCosh(scale * Double($0 - n)) }
        self.logCoshTable = logCoshTable
        changeTable = (0..<(2 * (2 * n + 1))).map { index in
            let k = index / 2
            let next = index % 2 == 0 ? k + 2 : k - 2
            return (0...(2 * n)).contains(next) ? logCoshTable[next] - logCoshTable[k] : 0
        }
        tracksPartition = p >= 2
        let twoCosh = (0...(2 * p)).map { log2Cosh(scale * Double($0 - p)) }
        ratioDown = (0...(2 * p)).map { $0 >= 2 ? .exp(twoCosh[$0 - 2] - twoCosh[$0]) : 0 }
        ratioUp = (0...(2 * p)).map { $0 <= 2 * p - 2 ? .exp(twoCosh[$0 + 2] - twoCosh[$0]) : 0 }
        siteFields = []
        partitionWeights = []
        partitionTotal = 1
        if tracksPartition {
            let states = 1 << p
            siteFields = [Int8](repeating: 0, count: n * states)
            for i in 0..<n {
                for state in 0..<states {
                    var x = 0
                    for mu in 0..<p { x += RBMTeacher.hiddenSpin(state: state, unit: mu) * Int(weights[i * p + mu]) }
                    siteFields[i * states + state] = Int8(x)
                }
            }
            renormalisePartition()
        }
    }

    public var proposalsPerSweep: Int { data.size * data.hiddenCount }

    public var weightValues: [Double] { weights.map(Double.init) }

    /// Σ_a Σ_μ ln 2cosh(β k^a_μ/√N) − M ln Z(ξ): the exact log-likelihood of the examples.
    public func logPosterior() -> Double {
        let n = data.size
        var sum = 0.0
        for k in overlaps { sum += logCoshTable[Int(k) + n] + Double.log(2) }
        let logZ = RBMStudentPartition.logSumExp(RBMStudentPartition.logWeights(
            weights: weightValues, size: n, hiddenCount: data.hiddenCount, beta: data.beta))
        return sum - Double(data.exampleCount) * logZ
    }

    /// The change of ``logPosterior()`` if ξ_{iμ} were flipped, from the incremental
    /// arithmetic of a sweep (what the acceptance test uses).
    public func logPosteriorChange(site i: Int, unit mu: Int) -> Double {
        weights.withUnsafeBufferPointer { w in
            overlaps.withUnsafeBufferPointer { k in
                data.examplesBySite.withUnsafeBufferPointer { x in
                    changeTable.withUnsafeBufferPointer { table in
                        likelihoodChange(
                            site: i, unit: mu, weight: w[i * data.hiddenCount + mu], overlaps: k.baseAddress!,
                            examples: x.baseAddress!, table: table.baseAddress! + 2 * data.size)
                    }
                }
            }
        } - Double(data.exampleCount) * (tracksPartition ? .log(flippedPartitionTotal(site: i, unit: mu) / partitionTotal) : 0)
    }

    /// One Metropolis sweep over the N·P weights; returns the accepted flips.
    public mutating func sweep(random: inout RandomStream) -> Int {
        let n = data.size
        let p = data.hiddenCount
        let m = data.exampleCount
        let mDouble = Double(m)
        var accepted = 0
        let examples = data.examplesBySite
        let table = changeTable
        examples.withUnsafeBufferPointer { x in
            table.withUnsafeBufferPointer { tableBuffer in
                let lookup = tableBuffer.baseAddress! + 2 * n
                for i in 0..<n {
                    for mu in 0..<p {
                        let weight = weights[i * p + mu]
                        var change = overlaps.withUnsafeBufferPointer { k in
                            likelihoodChange(site: i, unit: mu, weight: weight, overlaps: k.baseAddress!,
                                             examples: x.baseAddress!, table: lookup)
                        }
                        var newTotal = 0.0
                        if tracksPartition {
                            newTotal = flippedPartitionTotal(site: i, unit: mu)
                            change -= mDouble * .log(newTotal / partitionTotal)
                        }
                        guard change >= 0 || random.uniform() < .exp(change) else { continue }
                        accepted += 1
                        weights[i * p + mu] = -weight
                        let twice = 2 &* Int32(weight)
                        overlaps.withUnsafeMutableBufferPointer { k in
                            let row = k.baseAddress! + mu * m
                            let column = x.baseAddress! + i * m
                            for a in 0..<m { row[a] &-= twice &* Int32(column[a]) }
                        }
                        if tracksPartition { flipPartition(site: i, unit: mu, weight: weight, newTotal: newTotal) }
                    }
                }
            }
        }
        if tracksPartition { renormalisePartition() }
        return accepted
    }

    /// Σ_a [Λ(k^a_μ − 2ξ_{iμ}σ^a_i) − Λ(k^a_μ)], `table` pointing at the change table's k = 0 entries.
    @inline(__always)
    func likelihoodChange(
        site i: Int, unit mu: Int, weight: Int8, overlaps: UnsafePointer<Int32>, examples: UnsafePointer<Int8>,
        table: UnsafePointer<Double>
    ) -> Double {
        let m = data.exampleCount
        let row = overlaps + mu * m
        let column = examples + i * m
        let xi = Int(weight)
        var even = 0.0
        var odd = 0.0
        var a = 0
        while a + 1 < m {
            even += table[2 &* Int(row[a]) &+ ((xi &* Int(column[a]) &+ 1) &>> 1)]
            odd += table[2 &* Int(row[a + 1]) &+ ((xi &* Int(column[a + 1]) &+ 1) &>> 1)]
            a += 2
        }
        if a < m { even += table[2 &* Int(row[a]) &+ ((xi &* Int(column[a]) &+ 1) &>> 1)] }
        return even + odd
    }

    /// Σ_τ w(τ) r_τ: the partition sum (relative to S₀) after flipping ξ_{iμ}.
    func flippedPartitionTotal(site i: Int, unit mu: Int) -> Double {
        let p = data.hiddenCount
        let states = 1 << p
        let weight = Int(weights[i * p + mu])
        var total = 0.0
        for state in 0..<states {
            let x = Int(siteFields[i * states + state]) + p
            let product = weight * RBMTeacher.hiddenSpin(state: state, unit: mu)
            total += partitionWeights[state] * (product > 0 ? ratioDown[x] : ratioUp[x])
        }
        return total
    }

    /// Applies an accepted flip of ξ_{iμ} (whose old value was `weight`) to the fields and weights.
    mutating func flipPartition(site i: Int, unit mu: Int, weight: Int8, newTotal: Double) {
        let p = data.hiddenCount
        let states = 1 << p
        for state in 0..<states {
            let x = Int(siteFields[i * states + state])
            let product = Int(weight) * RBMTeacher.hiddenSpin(state: state, unit: mu)
            partitionWeights[state] *= product > 0 ? ratioDown[x + p] : ratioUp[x + p]
            siteFields[i * states + state] = Int8(x - 2 * product)
        }
        partitionTotal = newTotal
    }

    /// Recomputes w(τ) = exp(S(τ) − max S) from the fields.
    mutating func renormalisePartition() {
        let n = data.size
        let p = data.hiddenCount
        let states = 1 << p
        let scale = data.beta / Double(n).squareRoot()
        let twoCosh = (0...(2 * p)).map { log2Cosh(scale * Double($0 - p)) }
        var logWeights = [Double](repeating: 0, count: states)
        for i in 0..<n {
            for state in 0..<states { logWeights[state] += twoCosh[Int(siteFields[i * states + state]) + p] }
        }
        let top = logWeights.max()!
        partitionWeights = logWeights.map { .exp($0 - top) }
        partitionTotal = partitionWeights.reduce(0, +)
    }
}
