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

/// Turns an order-parameter solution into the record `dense theory` prints.
extension ResultRecord {
    init(theory point: OrderParameters, phase: Phase, alpha: Double, temperature: Double) {
        self.init([
            "alpha": .number(alpha), "temperature": .number(temperature),
            "qStar": .number(point.qStar), "q": .number(point.q), "m": .number(point.m),
            "freeEntropy": .number(point.freeEntropy), "phase": .text(phase.abbreviation),
            "converged": .bool(point.converged), "iterations": .integer(point.iterations),
            "residual": .number(point.residual),
        ])
    }
}
