import BoltzmannCore
import BoltzmannModels
import RealModule

/// Exact, independent samples of a one-pattern teacher's Boltzmann distribution
/// σ ~ exp(−β* H*(σ)), H*(σ) = −Φ*(ξ*·σ) (``BoltzmannModels/DenseTeacher``).
///
/// ## Why this is exact
/// The energy depends on σ only through the overlap S = ξ*·σ = 2k − N, where k is the number
/// of sites with σ_i = ξ*_i. Exactly C(N, k) configurations have a given k, and they all have
/// the same weight, so
///
///     P(k) = C(N, k) e^{β* Φ*(2k − N)} / Z,    Z = Σ_k C(N, k) e^{β* Φ*(2k − N)},
///
/// and conditionally on k the configuration is uniform among the C(N, k) with that overlap.
/// The sampler draws k from P(k) by inverting its cumulative distribution (one uniform), then
/// chooses the N − k disagreeing sites uniformly by a partial Fisher–Yates shuffle. Every example
/// is an exact, independent draw from the teacher's equilibrium: there is no equilibration, no
/// autocorrelation and no metastability (a Monte Carlo chain of a p* ≥ 3 teacher at low T*
/// can stay trapped in the paramagnet or the retrieval state for exponentially long times).
///
/// ## The misaligned teacher
/// For p* ≥ 3 the paramagnet m ≈ 0 stays a local maximum of P(k) at every T*, while below the
/// teacher's first-order transition the global maximum is the retrieval state m ≈ 1 (e.g.
/// p* = 3 at T* = 1: e^{β* N} against 2^N). The replica theory of the teacher–student problem
/// (Thériault & Tantari, appendix A, "case 2") takes the teacher *misaligned*: examples from
/// the paramagnetic state, with m = O(N^{−1/2}) — also what Monte Carlo chains started at random
/// produce, since they never cross the O(N) barrier. ``Phase/misaligned`` samples exactly
/// that state: P(k) restricted to the mode that contains the overlap closest to 0 (climb from
/// there to the local maximum, then down to the local minima on both sides) and renormalised.
/// When P(k) has a single mode (high T*) the two phases coincide.
///
/// Numerics: log C(N, k) = lnΓ(N+1) − lnΓ(k+1) − lnΓ(N−k+1), log-weights shifted by their maximum
/// before exponentiation; P(k) is accurate to ~1e−13 relative, far below any sampling noise.
/// Cost: O(N) once, then O(N) per example.
public struct ExactTeacherSampler: Sendable {
    /// Which state of the teacher the examples come from.
    public enum Phase: String, Sendable, Hashable, Codable, CaseIterable {
        /// The full Boltzmann distribution.
        case equilibrium
        /// The mode of P(k) around m = 0: the paramagnetic, misaligned teacher of the theory.
        case misaligned
    }

    /// The teacher.
    public let teacher: DenseTeacher
    /// The state sampled.
    public let phase: Phase
    /// P(k) for k = 0…N agreeing sites (overlap S = 2k − N), restricted to the phase.
    public let probabilities: [Double]
    /// The cumulative distribution Σ_{j ≤ k} P(j).
    let cumulative: [Double]

    public init(teacher: DenseTeacher, phase: Phase = .equilibrium) {
        self.teacher = teacher
        self.phase = phase
        let n = teacher.size
        let beta = teacher.beta
        let logFactorialN = Double.logGamma(Double(n + 1))
        var logWeights = [Double](repeating: 0, count: n + 1)
        for k in 0...n {
            let logBinomial = logFactorialN - Double.logGamma(Double(k + 1)) - Double.logGamma(Double(n - k + 1))
            let energyTerm = beta == 0 ? 0 : beta * teacher.interaction.overlapEnergy(2 * k - n)
            logWeights[k] = logBinomial + energyTerm
        }
        if phase == .misaligned {
            // Climb from the overlap closest to 0 to its local maximum, then descend both ways.
            var top = n / 2
            if n % 2 == 1, logWeights[top + 1] > logWeights[top] { top += 1 }
            while top > 0, logWeights[top - 1] > logWeights[top] { top -= 1 }
            while top < n, logWeights[top + 1] > logWeights[top] { top += 1 }
            var low = top
            while low > 0, logWeights[low - 1] <= logWeights[low] { low -= 1 }
            var high = top
            while high < n, logWeights[high + 1] <= logWeights[high] { high += 1 }
            for k in 0...n where k < low || k > high { logWeights[k] = -.infinity }
        }
        let largest = logWeights.max()!
        var weights = logWeights.map { Double.exp($0 - largest) }
        let total = weights.reduce(0, +)
        for k in 0...n { weights[k] /= total }
        probabilities = weights
        var running = 0.0
        cumulative = weights.map { running += $0; return running }
    }

    /// P(S) for the overlaps S = −N, −N+2, …, N.
    public var overlapDistribution: [(overlap: Int, probability: Double)] {
        let n = teacher.size
        return probabilities.enumerated().map { (2 * $0.offset - n, $0.element) }
    }

    /// E[m] = E[S]/N under the teacher's equilibrium.
    public var meanMagnetization: Double {
        let n = teacher.size
        var sum = 0.0
        for (k, p) in probabilities.enumerated() { sum += p * Double(2 * k - n) }
        return sum / Double(n)
    }

    /// One overlap S drawn from P(S): one `uniform()`.
    public func sampleOverlap(stream: inout RandomStream) -> Int {
        let u = stream.uniform() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > u { high = mid } else { low = mid + 1 }
        }
        return 2 * low - teacher.size
    }

    /// One configuration: an overlap from P(S), then the N − k sites that disagree with ξ*
    /// chosen uniformly (partial Fisher–Yates, N − k `uniformIndex` draws).
    public func sample(stream: inout RandomStream) -> [Int8] {
        let n = teacher.size
        let overlap = sampleOverlap(stream: &stream)
        let disagreements = (n - overlap) / 2
        var sites = Array(0..<n)
        var example = teacher.pattern
        for j in 0..<disagreements {
            let pick = j + stream.uniformIndex(below: n - j)
            sites.swapAt(j, pick)
            example[sites[j]] = -example[sites[j]]
        }
        return example
    }

    /// M independent examples (row a from `stream.substream(a)`, so any subset of rows can be
    /// regenerated alone).
    /// - Throws: `BoltzmannError` when M < 1.
    public func examples(count m: Int, stream: RandomStream) throws(BoltzmannError) -> PatternMatrix {
        guard m >= 1 else {
            throw BoltzmannError("the number of examples must be at least 1, got \(m)", fix: "pass M ≥ 1", source: "examples")
        }
        let n = teacher.size
        var values = [Int8]()
        values.reserveCapacity(m * n)
        for a in 0..<m {
            var rowStream = stream.substream(UInt64(a))
            values += sample(stream: &rowStream)
        }
        return try PatternMatrix(count: m, size: n, values: values)
    }
}
