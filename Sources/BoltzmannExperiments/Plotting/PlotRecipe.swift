import BoltzmannCore
import BoltzmannPlot

/// How to draw a figure from an experiment: the plots `boltzmann plot`, `report` and
/// `reproduce` make.
public enum PlotRecipe: Sendable {
    /// A result against one column, a series per value of the grouping columns.
    case line(LinePlot)
    /// A result over two columns: heat map (numbers) or phase map (text).
    case map(MapPlot)
    /// Theory lines with simulation points: from the two parts of a family run, or from two
    /// experiments.
    case overlay(TheorySimulationOverlay)

    /// The figure drawn from `summary`, and for `.overlay` from `simulation` as well.
    /// - Throws: `BoltzmannError` for bad columns, or an overlay without a simulation summary.
    public func figure(_ summary: ExperimentSummary, simulation: ExperimentSummary? = nil) throws(BoltzmannError) -> Figure {
        switch self {
        case .line(let plot): return try plot.figure(summary)
        case .map(let plot): return try plot.figure(summary)
        case .overlay(let plot):
            if simulation == nil, let parts = summary.theoryAndSimulation() {
                return try plot.figure(theory: parts.theory, simulation: parts.simulation)
            }
            guard let simulation else {
                throw BoltzmannError(
                    "a theory-vs-simulation figure needs the simulation's results as well",
                    fix: "pass the simulation store (boltzmann plot THEORY --simulation STORE)", source: "overlay")
            }
            return try plot.figure(theory: summary, simulation: simulation)
        }
    }
}
