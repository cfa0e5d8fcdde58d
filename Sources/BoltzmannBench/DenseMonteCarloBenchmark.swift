import Boltzmann

/// The dense teacher–student Monte Carlo of the peer baselines (`dense_ts_numpy.py`,
/// `dense_ts_jax.py`) run by ``OverlapDenseKernel``, the O(M)-per-attempt kernel for any order
/// and form: p = 3 Krotov student, N = 256, M = α N²/6 r-noise examples of one teacher
/// (r = 0.3), L = 16 chains, T = 1000, heat bath, 5 warm-up + 20 timed sweeps, one thread;
/// median wall time of `repeats` runs, each restarted from the same state with the same
/// streams.
///
/// The unit is the peers': example-overlap updates per second = flip attempts × M / s. Lines
/// per α: the brief's start at the teacher, the peers' random start, two threads, and the
/// Gardner form; then the full ``DenseMonteCarlo`` run (observables included) with the kernel
/// `.automatic` picks. Teacher and examples come from `RandomStream(seed: 0, stream: 0 / 1)`
/// (the same problem as the cubic-tensor benchmark); `peerRates` (measured on the same machine,
/// random start as in the peer scripts) add ratio lines.
public func runDenseMonteCarloBenchmark(
    alphas: [Double] = [3, 9], repeats: Int = 3, peerRates: [CubicTensorPeerRate] = []
) -> [String] {
    let n = 256
    let chains = 16
    let temperature = 1000.0
    let r = 0.3
    let sweeps = 20
    var lines = [
        "Overlap kernel (p = 3, N = \(n), L = \(chains), T = \(temperature), r = \(r), heat bath, 5 + \(sweeps) sweeps)"
    ]
    for alpha in alphas {
        let m = Int((alpha * Double(n * n) / 6).rounded())
        var teacherStream = RandomStream(seed: 0, stream: 0)
        var exampleStream = RandomStream(seed: 0, stream: 1)
        guard let teacher = try? PatternMatrix.random(count: 1, size: n, stream: &teacherStream).values,
              let examples = try? PatternMatrix.noisyCopies(of: teacher, count: m, correlation: r, stream: &exampleStream),
              let krotov = try? DenseHopfieldNetwork(memories: examples, order: 3, form: .krotov(.power)),
              let gardner = try? DenseHopfieldNetwork(memories: examples, order: 3, form: .gardner)
        else {
            lines.append("alpha = \(alpha): the problem could not be built")
            continue
        }
        var startStream = RandomStream(seed: 0, stream: 2)
        let randomStart = (0..<(chains * n)).map { _ in startStream.rademacher() }
        let teacherStart = Array((0..<chains).map { _ in teacher }.joined())
        lines.append("alpha = \(alpha), M = \(m):")
        let runs: [(String, DenseHopfieldNetwork, Int, [Int8])] = [
            ("krotov, teacher start, 1 thread", krotov, 1, teacherStart),
            ("krotov, random start, 1 thread", krotov, 1, randomStart),
            ("krotov, teacher start, 2 threads", krotov, 2, teacherStart),
            ("gardner, teacher start, 1 thread", gardner, 1, teacherStart),
        ]
        for (label, network, threads, start) in runs {
            var kernel: OverlapDenseKernel?
            let setup = benchSeconds { kernel = try? OverlapDenseKernel(network: network, spins: start, threads: threads) }
            guard var kernel else {
                lines.append("  \(label): the kernel could not be set up")
                continue
            }
            var times: [Double] = []
            var acceptance = 0.0
            var meanOverlap = 0.0
            for repeatIndex in 0..<max(1, repeats) {
                if repeatIndex > 0 { kernel.setSpins(start) }
                var streams = (0..<chains).map { RandomStream(seed: 1, stream: UInt64($0)) }
                for _ in 0..<5 { _ = kernel.sweep(beta: 1 / temperature, rule: .heatBath, streams: &streams) }
                var accepted = 0
                times.append(benchSeconds {
                    for _ in 0..<sweeps { accepted += kernel.sweep(beta: 1 / temperature, rule: .heatBath, streams: &streams) }
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
            let updates = attempts * Double(m)
            lines.append(
                "  \(label) (\(kernel.arithmetic.rawValue)): \(benchScientific(attempts)) attempts/s, "
                    + "\(benchScientific(updates)) overlap updates/s, acceptance \(benchFixed(acceptance * 100, 2)) %, "
                    + "q* \(benchFixed(meanOverlap, 4)), set-up \(benchFixed(setup * 1000, 1)) ms, "
                    + "median \(benchFixed(median * 1000, 2)) ms")
            if threads == 1, start == randomStart {
                for peer in peerRates where peer.alpha == alpha {
                    lines.append(
                        "    vs \(peer.name): \(benchFixed(updates / peer.overlapUpdatesPerSecond, 1))× "
                            + "(peer \(benchScientific(peer.overlapUpdatesPerSecond)) overlap updates/s)")
                }
            }
        }
        // The whole simulation: kernel choice, sweeps and measurements every sweep.
        let problem = try? TeacherStudentProblem(
            teacherPattern: teacher, examples: examples, order: 3, form: .krotov(.power), temperature: temperature)
        if let problem, let monteCarlo = try? DenseMonteCarlo(
            chains: chains, sweeps: sweeps, equilibrationSweeps: 5, initialCondition: .teacher, seed: 1)
        {
            var result: DenseMonteCarloResult?
            let total = benchSeconds { result = try? monteCarlo.run(problem) }
            if let result {
                lines.append(
                    "  DenseMonteCarlo (automatic → \(result.kernel)): \(benchScientific(result.overlapUpdatesPerSecond)) "
                        + "overlap updates/s in the sweeps, q* = \(benchFixed(result.qStar, 4)) ± "
                        + "\(benchFixed(result.qStarError, 4)), m_max = \(benchFixed(result.mMax, 4)), "
                        + "\(benchFixed(total, 2)) s in all (set-up and observables included)")
            }
        }
    }
    return lines
}



