import Boltzmann

/// ``PeerDenseProblem`` run by ``CubicTensorKernel``: per α the tensor build (a one-off per
/// example set, OpenBLAS on one thread), then the Krotov student from the peers' random start
/// on one and two threads, the Gardner form, and the Krotov student started at the teacher.
/// `peerRates` add ratio lines to the one-thread random-start run (the peers' protocol).
func runCubicTensorBenchmark(alphas: [Double] = [3, 9], repeats: Int = 3, peerRates: [PeerRate] = []) -> [String] {
    var lines = ["Cubic tensor kernel (\(PeerDenseProblem.description))"]
    for alpha in alphas {
        guard let problem = try? PeerDenseProblem(alpha: alpha) else {
            lines.append("alpha = \(alpha): the problem could not be built")
            continue
        }
        var tensor: CubicTensor?
        let buildSeconds = benchSeconds {
            tensor = BLASThreads.withThreads(1) {
                try? CubicTensor(examples: problem.examples.values, exampleCount: problem.examples.count, size: PeerDenseProblem.size)
            }
        }
        guard let tensor else {
            lines.append("alpha = \(alpha): the tensor could not be built")
            continue
        }
        lines.append(
            "alpha = \(alpha), M = \(problem.examples.count): tensor \(tensor.entryType.rawValue), "
                + "max|K| = \(tensor.largestEntryMagnitude), \(benchFixed(Double(tensor.byteCount) / 1_048_576, 1)) MiB, "
                + "built in \(benchFixed(buildSeconds, 2)) s")
        let runs: [(CubicTensorKernel.Form, Int, Bool)] = [
            (.krotov, 1, false), (.krotov, 2, false), (.gardner, 1, false), (.krotov, 1, true),
        ]
        for (form, threads, fromTeacher) in runs {
            let start = fromTeacher ? problem.teacherStart : problem.randomStart
            var kernel: CubicTensorKernel?
            let setupSeconds = benchSeconds {
                kernel = try? CubicTensorKernel(tensor: tensor, form: form, spins: start, threads: threads)
            }
            guard var kernel else {
                lines.append("  \(form.rawValue): the kernel could not be set up")
                continue
            }
            let timing = problem.time(&kernel, from: start, repeats: repeats)
            lines.append(
                "  \(form.rawValue), \(fromTeacher ? "teacher" : "random") start, \(threads) thread\(threads == 1 ? "" : "s"): "
                    + timing.summary(setupSeconds: setupSeconds))
            if form == .krotov && threads == 1 && !fromTeacher { lines += timing.ratios(alpha: alpha, peers: peerRates) }
        }
    }
    return lines
}
