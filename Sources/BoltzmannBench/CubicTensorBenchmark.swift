import Boltzmann

/// The dense teacher–student Monte Carlo of the peer baselines (`dense_ts_numpy.py`,
/// `dense_ts_jax.py`) run by ``CubicTensorKernel``: p = 3 Krotov student, N = 256, M = α N²/6
/// r-noise examples of one teacher (r = 0.3), L = 16 chains started at the teacher, T = 1000,
/// heat-bath, 5 warm-up + 20 timed sweeps, one thread; median of `repeats` runs, each restarted
/// from the teacher with the same streams.
///
/// Figures per α: the tensor build (a one-off per example set, OpenBLAS on one thread) and the
/// kernel's field set-up, then attempts/s and example-overlap updates/s (attempts × M / s, the
/// peers' unit: the work an O(M)-per-attempt method does), acceptance and mean q* = ξ*·σ/N.
/// Extra lines: the same run on two threads (chains split in two groups) and the Gardner form.
/// Teacher and examples come from `RandomStream(seed: 0, stream: 0 / 1)`, so the examples
/// differ from the peers' NumPy draws; the statistics (acceptance ≈ 6–7 %, q* ≈ 0.99) are
/// the comparable part. `peerRates` (overlap updates/s of peers measured on the same machine)
/// add ratio lines.
public func runCubicTensorBenchmark(
    alphas: [Double] = [3, 9], repeats: Int = 3, peerRates: [CubicTensorPeerRate] = []
) -> [String] {
    let n = 256
    let chains = 16
    let temperature = 1000.0
    let r = 0.3
    var lines = ["Cubic tensor kernel (p = 3, N = \(n), L = \(chains), T = \(temperature), r = \(r), heat-bath, 5 + 20 sweeps)"]
    for alpha in alphas {
        let m = Int((alpha * Double(n * n) / 6).rounded())
        var random = RandomStream(seed: 0, stream: 0)
        let teacher = (0..<n).map { _ in random.rademacher() }
        var noise = RandomStream(seed: 0, stream: 1)
        var examples = [Int8](repeating: 0, count: m * n)
        for a in 0..<m {
            for i in 0..<n { examples[a * n + i] = noise.uniform() < (1 + r) / 2 ? teacher[i] : -teacher[i] }
        }
        var startStream = RandomStream(seed: 0, stream: 2)
        let randomStart = (0..<(chains * n)).map { _ in startStream.rademacher() }
        let teacherStart = Array((0..<chains).map { _ in teacher }.joined())
        var tensor: CubicTensor?
        let buildSeconds = benchSeconds {
            tensor = BLASThreads.withThreads(1) {
                try? CubicTensor(examples: examples, exampleCount: m, size: n)
            }
        }
        guard let tensor else {
            lines.append("alpha = \(alpha): the tensor could not be built")
            continue
        }
        lines.append(
            "alpha = \(alpha), M = \(m): tensor \(tensor.entryType.rawValue), max|K| = \(tensor.largestEntryMagnitude), "
                + "\(benchFixed(Double(tensor.byteCount) / 1_048_576, 1)) MiB, built in \(benchFixed(buildSeconds, 2)) s")
        let runs: [(CubicTensorKernel.Form, Int, Bool)] = [
            (.krotov, 1, false), (.krotov, 2, false), (.gardner, 1, false), (.krotov, 1, true),
        ]
        for (form, threads, fromTeacher) in runs {
            let start = fromTeacher ? teacherStart : randomStart
            var kernel: CubicTensorKernel?
            let setupSeconds = benchSeconds {
                kernel = try? CubicTensorKernel(tensor: tensor, form: form, spins: start, threads: threads)
            }
            guard var kernel else {
                lines.append("  \(form.rawValue): the kernel could not be set up")
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
                times.append(
                    benchSeconds {
                        for _ in 0..<20 {
                            accepted += kernel.sweep(beta: 1 / temperature, rule: .heatBath, streams: &streams)
                        }
                    })
                acceptance = Double(accepted) / Double(20 * n * chains)
                let spins = kernel.spins
                var overlap = 0
                for l in 0..<chains {
                    for i in 0..<n { overlap += Int(spins[l * n + i]) * Int(teacher[i]) }
                }
                meanOverlap = Double(overlap) / Double(n * chains)
            }
            let median = times.sorted()[times.count / 2]
            let attempts = Double(20 * n * chains) / median
            let updates = attempts * Double(m)
            lines.append(
                "  \(form.rawValue), \(fromTeacher ? "teacher" : "random") start, \(threads) thread\(threads == 1 ? "" : "s"): "
                    + "\(benchScientific(attempts)) attempts/s, \(benchScientific(updates)) overlap updates/s, "
                    + "acceptance \(benchFixed(acceptance * 100, 2)) %, q* \(benchFixed(meanOverlap, 4)), "
                    + "set-up \(benchFixed(setupSeconds * 1000, 1)) ms, median \(benchFixed(median * 1000, 2)) ms")
            if form == .krotov && threads == 1 && !fromTeacher {
                for peer in peerRates where peer.alpha == alpha {
                    lines.append(
                        "    vs \(peer.name): \(benchFixed(updates / peer.overlapUpdatesPerSecond, 1))× "
                            + "(peer \(benchScientific(peer.overlapUpdatesPerSecond)) overlap updates/s)")
                }
            }
        }
    }
    return lines
}

/// A peer's throughput on the benchmark problem at one α, measured on the same machine.
public struct CubicTensorPeerRate: Sendable {
    public var name: String
    public var alpha: Double
    public var overlapUpdatesPerSecond: Double

    public init(name: String, alpha: Double, overlapUpdatesPerSecond: Double) {
        self.name = name
        self.alpha = alpha
        self.overlapUpdatesPerSecond = overlapUpdatesPerSecond
    }
}



