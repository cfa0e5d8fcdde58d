import ArgumentParser
import Boltzmann

/// `boltzmann dense theory`: the replica-symmetric saddle point at one (α, T).
struct DenseTheory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theory",
        abstract: "Solve the replica-symmetric equations at one (α, T) and label the phase.",
        discussion: """
            Solves from the four initialisations of the paper (m = 1; q* = q = 1; q = 1; all 0) \
            and keeps the solution of largest free entropy. Phases: gR (global retrieval of the \
            teacher), lR (local retrieval), eR (example retrieval, memorisation), SG, P. For \
            p ≥ 3 past the condensation load the SG state is the 1RSB glass (breakingParameter \
            = Parisi's x < 1; 1 for replica-symmetric states). Non-convergence is reported in the output (converged = false), never hidden.

            Example: boltzmann dense theory --p 3 --alpha 2 --temperature 0.8 --nishimori
            """)

    @OptionGroup var scenario: DenseScenarioOptions
    @Option(help: "Load α > 0 (M = α N^{p−1}/p!).") var alpha: Double
    @Option(help: "Student (inference) temperature T > 0.") var temperature: Double
    @Flag(help: "Also print every candidate solution (one per initialisation).") var candidates = false
    @OptionGroup var output: OutputOptions

    func run() throws {
        let problem = try scenario.scenario(alpha: alpha, temperature: temperature)
        let solution = try RSSolver().solve(problem)
        var records = [ResultRecord(alpha: alpha, temperature: temperature, results: DenseTheoryScenario.results(of: solution))]
        if candidates {
            for candidate in solution.candidates {
                var record = ResultRecord(
                    alpha: alpha, temperature: temperature,
                    results: DenseTheoryScenario.results(of: candidate.orderParameters, phase: candidate.orderParameters.phase))
                record["initialisation"] = .text(candidate.initialisation.rawValue)
                record["stable"] = .bool(candidate.stable)
                records.append(record)
            }
        }
        output.emit(records)
    }
}
