import BoltzmannCore
import BoltzmannModels
import Dispatch

/// Teacher examples by Monte Carlo, as in the paper (arXiv 2401.04191): L independent heat-bath
/// chains of the one-pattern teacher, equilibrated, then sampled every few sweeps.
///
/// Each chain keeps its overlap S = ξ*·σ, so an attempt costs O(1): flipping σ_i = s changes S
/// by −2 s ξ*_i and the energy by ΔE = Φ*(S) − Φ*(S − 2 s ξ*_i); acceptance is the heat-bath rule
/// of ``UpdateRule/accepts(energyChange:beta:stream:)``. Chain l starts from a uniformly random
/// configuration (or from ξ* with `startAtTeacher`), runs `equilibrationSweeps` sweeps, and then
/// emits its current configuration after every `decorrelationSweeps` sweeps; example
/// t·L + l is the t-th emission of chain l. Chains run in `threads` groups and use only their
/// own streams (`stream.substream(l)`), so the examples are bit-identical for any thread count.
///
/// Unlike ``ExactTeacherSampler`` this is only approximately the equilibrium: successive
/// emissions of a chain are correlated, and for p* ≥ 3 below the teacher's first-order
/// transition a chain may stay in the metastable phase it started in. It is kept because the
/// issue asks for the paper's procedure and as a cross-check of the exact sampler.
public struct TeacherChainSampler: Sendable {
    /// The teacher.
    public let teacher: DenseTeacher
    /// Independent chains L.
    public var chains: Int
    /// Sweeps before the first emission.
    public var equilibrationSweeps: Int
    /// Sweeps between two emissions of a chain.
    public var decorrelationSweeps: Int
    /// Start every chain at ξ* instead of a random configuration.
    public var startAtTeacher: Bool
    /// Threads over chain groups.
    public var threads: Int
    /// Φ*(S) at index S + N (entries of the impossible parity are 0).
    let overlapEnergies: [Double]

    /// - Throws: `BoltzmannError` when chains, threads or decorrelationSweeps is below 1 or
    ///   equilibrationSweeps is negative.
    public init(
        teacher: DenseTeacher, chains: Int = 64, equilibrationSweeps: Int = 100, decorrelationSweeps: Int = 10,
        startAtTeacher: Bool = false, threads: Int = 1
    ) throws(BoltzmannError) {
        guard chains >= 1, threads >= 1, decorrelationSweeps >= 1, equilibrationSweeps >= 0 else {
            throw BoltzmannError(
                "teacher chains need chains ≥ 1, threads ≥ 1, decorrelationSweeps ≥ 1 and equilibrationSweeps ≥ 0 "
                    + "(got \(chains), \(threads), \(decorrelationSweeps), \(equilibrationSweeps))",
                fix: "pass positive counts", source: "teacher sampler")
        }
        self.teacher = teacher
        self.chains = chains
        self.equilibrationSweeps = equilibrationSweeps
        self.decorrelationSweeps = decorrelationSweeps
        self.startAtTeacher = startAtTeacher
        self.threads = threads
        let n = teacher.size
        overlapEnergies = (0...(2 * n)).map { index in
            (index % 2 == 0) ? teacher.interaction.overlapEnergy(index - n) : 0
        }
    }

    /// M examples; chain l draws from `stream.substream(l)`.
    /// - Throws: `BoltzmannError` when M < 1.
    public func examples(count m: Int, stream: RandomStream) throws(BoltzmannError) -> PatternMatrix {
        guard m >= 1 else {
            throw BoltzmannError("the number of examples must be at least 1, got \(m)", fix: "pass M ≥ 1", source: "examples")
        }
        let n = teacher.size
        let l = min(chains, m)
        let emissions = (m + l - 1) / l
        let groups = min(threads, l)
        let output = ExampleBuffer(count: m * n)
        let work: @Sendable (Int) -> Void = { group in
            for chain in (l * group / groups)..<(l * (group + 1) / groups) {
                var chainStream = stream.substream(UInt64(chain))
                var state = startAtTeacher ? teacher.pattern : (0..<n).map { _ in chainStream.rademacher() }
                var overlap = zip(state, teacher.pattern).reduce(0) { $0 + Int($1.0) * Int($1.1) }
                for _ in 0..<equilibrationSweeps { sweep(&state, overlap: &overlap, stream: &chainStream) }
                for t in 0..<emissions {
                    let index = t * l + chain
                    if index >= m { break }
                    if t > 0 {
                        for _ in 0..<decorrelationSweeps { sweep(&state, overlap: &overlap, stream: &chainStream) }
                    }
                    for i in 0..<n { output.pointer[index * n + i] = state[i] }
                }
            }
        }
        if groups == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: groups, execute: work) }
        return try PatternMatrix(count: m, size: n, values: output.values())
    }

    /// One heat-bath sweep of the teacher chain.
    func sweep(_ state: inout [Int8], overlap: inout Int, stream: inout RandomStream) {
        let xi = teacher.pattern
        let beta = teacher.beta
        let n = state.count
        for i in 0..<n {
            let t = Int(state[i]) * Int(xi[i])
            let after = overlap - 2 * t
            let deltaE = overlapEnergies[overlap + n] - overlapEnergies[after + n]
            if UpdateRule.heatBath.accepts(energyChange: deltaE, beta: beta, stream: &stream) {
                state[i] = -state[i]
                overlap = after
            }
        }
    }

    /// The examples being written, one disjoint range per chain.
    final class ExampleBuffer: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<Int8>
        let count: Int
        init(count: Int) {
            self.count = count
            pointer = .allocate(capacity: count)
            pointer.initialize(repeating: 0, count: count)
        }
        func values() -> [Int8] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
        deinit { pointer.deallocate() }
    }
}
