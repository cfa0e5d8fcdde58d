import Boltzmann

/// ``PeerDenseProblem`` run by ``OverlapDenseKernel``, the O(M)-per-attempt kernel for any order
/// and form: per α the Krotov student from the teacher and from the peers' random start, on two
/// threads, and the Gardner form; then the full ``DenseMonteCarlo`` run (observables included)
/// with the kernel `.automatic` picks. `peerRates` add ratio lines to the one-thread
/// random-start run (the peers' protocol).
func runDenseMonteCarloBenchmark(alphas: [Double] = [3, 9], repeats: Int = 3, peerRates: [PeerRate] = []) -> [String] {
    var lines = ["Overlap kernel (\(PeerDenseProblem.description))"]
    for alpha in alphas {
        guard let problem = try? PeerDenseProblem(alpha: alpha),
              let krotov = try? DenseHopfieldNetwork(memories: problem.examples, order: 3, form: .krotov(.power)),
              let gardner = try? DenseHopfieldNetwork(memories: problem.examples, order: 3, form: .gardner)
        else {
            lines.append("alpha = \(alpha): the problem could not be built")
            continue
        }
        lines.append("alpha = \(alpha), M = \(problem.examples.count):")
        let runs: [(String, DenseHopfieldNetwork, Int, Bool)] = [
            ("krotov, teacher start, 1 thread", krotov, 1, true),
            ("krotov, random start, 1 thread", krotov, 1, false),
            ("krotov, teacher start, 2 threads", krotov, 2, true),
            ("gardner, teacher start, 1 thread", gardner, 1, true),
        ]
        for (label, network, threads, fromTeacher) in runs {
            let start = fromTeacher ? problem.teacherStart : problem.randomStart
            var kernel: OverlapDenseKernel?
            let setup = benchSeconds { kernel = try? OverlapDenseKernel(network: network, spins: start, threads: threads) }
            guard var kernel else {
                lines.append("  \(label): the kernel could not be set up")
                continue
            }
            let timing = problem.time(&kernel, from: start, repeats: repeats)
            lines.append("  \(label) (\(kernel.arithmetic.rawValue)): " + timing.summary(setupSeconds: setup))
            if threads == 1 && !fromTeacher { lines += timing.ratios(alpha: alpha, peers: peerRates) }
        }
        // The whole simulation: kernel choice, sweeps and measurements every sweep.
        let student = try? TeacherStudentProblem(
            teacherPattern: problem.teacher, examples: problem.examples, order: 3, form: .krotov(.power),
            temperature: PeerDenseProblem.temperature)
        if let student, let monteCarlo = try? DenseMonteCarlo(
            chains: PeerDenseProblem.chains, sweeps: PeerDenseProblem.timedSweeps,
            equilibrationSweeps: PeerDenseProblem.warmUpSweeps, initialCondition: .teacher, seed: 1)
        {
            var result: DenseMonteCarloResult?
            let total = benchSeconds { result = try? monteCarlo.run(student) }
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
