import ArgumentParser
import Boltzmann

/// `boltzmann dense …`: dense (p-body) Hopfield networks in the teacher–student setting
/// (Thériault et al., arXiv 2401.04191).
struct Dense: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Dense (p-body) Hopfield networks: replica theory, Monte Carlo, robustness.",
        subcommands: [
            DenseTheory.self, DenseTransitions.self, DenseSimulate.self, DensePhaseDiagram.self,
            DenseRobustness.self, DenseCompare.self,
        ])
}

/// The rows `dense theory` and `dense phase-diagram` print: α and T, then the scenario's row.
extension ResultRecord {
    init(alpha: Double, temperature: Double, results: ResultRecord) {
        self.init(["alpha": .number(alpha), "temperature": .number(temperature)])
        merge(results)
    }
}
