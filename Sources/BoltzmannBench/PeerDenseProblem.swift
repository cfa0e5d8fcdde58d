import Boltzmann

/// The dense teacher–student problem of the peer baselines (`dense_ts_numpy.py`,
/// `dense_ts_jax.py` at their defaults): a p = 3 student, N = 256, M = α N²/6 r-noise examples
/// (r = 0.3) of one teacher, L = 16 chains, T = 1000, heat bath, 5 warm-up + 20 timed sweeps.
///
/// Teacher and examples come from `RandomStream(seed: 0, stream: 0 / 1)`, so they differ from
/// the peers' NumPy draws; the statistics (acceptance, q*) are the comparable part. The unit is
/// the peers': example-overlap updates per second = flip attempts × M / s.
struct PeerDenseProblem {
    static let size = 256
    static let chains = 16
    static let temperature = 1000.0
    static let correlation = 0.3
    static let warmUpSweeps = 5
    static let timedSweeps = 20
    static let description = "p = 3, N = \(size), L = \(chains), T = \(temperature), r = \(correlation), "
        + "heat bath, \(warmUpSweeps) + \(timedSweeps) sweeps"

    let alpha: Double
    let teacher: [Int8]
    let examples: PatternMatrix
    /// The peers' start: independent random spins per chain.
    let randomStart: [Int8]
    /// Every chain at the teacher.
    let teacherStart: [Int8]

    init(alpha: Double) throws {
        let n = Self.size
        let m = Int((alpha * Double(n * n) / 6).rounded())
        var teacherStream = RandomStream(seed: 0, stream: 0)
        var exampleStream = RandomStream(seed: 0, stream: 1)
        var startStream = RandomStream(seed: 0, stream: 2)
        self.alpha = alpha
        let teacher = try PatternMatrix.random(count: 1, size: n, stream: &teacherStream).values
        self.teacher = teacher
        examples = try PatternMatrix.noisyCopies(of: teacher, count: m, correlation: Self.correlation, stream: &exampleStream)
        randomStart = (0..<(Self.chains * n)).map { _ in startStream.rademacher() }
        teacherStart = Array((0..<Self.chains).map { _ in teacher }.joined())
    }

    /// The median of `repeats` timed runs of `kernel` from `start` (each restarted with the same
    /// streams), with the acceptance rate and the mean q* = ξ*·σ/N at the end.
    func time<Kernel: DenseFlipKernel>(_ kernel: inout Kernel, from start: [Int8], repeats: Int) -> KernelTiming {
        let n = Self.size, chains = Self.chains, sweeps = Self.timedSweeps
        let beta = 1 / Self.temperature
        var times: [Double] = []
        var acceptance = 0.0
        var meanOverlap = 0.0
        for repeatIndex in 0..<max(1, repeats) {
            if repeatIndex > 0 { kernel.setSpins(start) }
            var streams = (0..<chains).map { RandomStream(seed: 1, stream: UInt64($0)) }
            for _ in 0..<Self.warmUpSweeps { _ = kernel.sweep(beta: beta, rule: .heatBath, streams: &streams) }
            var accepted = 0
            times.append(benchSeconds {
                for _ in 0..<sweeps { accepted += kernel.sweep(beta: beta, rule: .heatBath, streams: &streams) }
            })
            acceptance = Double(accepted) / Double(sweeps * n * chains)
            let spins = kernel.spins
            var overlap = 0
            for l in 0..<chains {
                for i in 0..<n { overlap += Int(spins[l * n + i]) * Int(teacher[i]) }
            }
            meanOverlap = Double(overlap) / Double(n * chains)
        }
        let median = times.sorted()[times.count / 2]
        let attempts = Double(sweeps * n * chains) / median
        return KernelTiming(
            medianSeconds: median, attemptsPerSecond: attempts, overlapUpdatesPerSecond: attempts * Double(examples.count),
            acceptance: acceptance, meanQStar: meanOverlap)
    }
}

/// One timed kernel run of ``PeerDenseProblem``.
struct KernelTiming {
    var medianSeconds: Double
    var attemptsPerSecond: Double
    var overlapUpdatesPerSecond: Double
    var acceptance: Double
    var meanQStar: Double

    /// "attempts/s, overlap updates/s, acceptance, q*, set-up, median" for a bench line.
    func summary(setupSeconds: Double) -> String {
        "\(benchScientific(attemptsPerSecond)) attempts/s, \(benchScientific(overlapUpdatesPerSecond)) overlap updates/s, "
            + "acceptance \(benchFixed(acceptance * 100, 2)) %, q* \(benchFixed(meanQStar, 4)), "
            + "set-up \(benchFixed(setupSeconds * 1000, 1)) ms, median \(benchFixed(medianSeconds * 1000, 2)) ms"
    }

    /// Ratio lines against the peers measured at the same α.
    func ratios(alpha: Double, peers: [PeerRate]) -> [String] {
        peers.filter { $0.alpha == alpha }.map { peer in
            "    vs \(peer.name): \(benchFixed(overlapUpdatesPerSecond / peer.overlapUpdatesPerSecond, 1))× "
                + "(peer \(benchScientific(peer.overlapUpdatesPerSecond)) overlap updates/s)"
        }
    }
}

/// A peer's throughput on ``PeerDenseProblem`` at one α, measured on the same machine.
struct PeerRate {
    var name: String
    var alpha: Double
    var overlapUpdatesPerSecond: Double
}
