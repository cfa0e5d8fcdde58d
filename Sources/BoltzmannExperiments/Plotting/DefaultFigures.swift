import BoltzmannCore
import BoltzmannPlot

/// The figures a report shows when nobody chose any, picked from the sweep axes:
///
/// - one varying axis: each numeric result against it (error bars from `<name>Error`);
/// - two: each numeric result as a heat map when both axes have at least `mapMinimum` values,
///   otherwise against the axis with more values with a series per value of the other; a text
///   result (e.g. `phase`) as a phase map;
/// - more: each numeric result against the axis with the most values, a series per combination
///   of the others.
///
/// Error columns, seeds and results that never vary are not plotted on their own. At most
/// `limit` figures, in the order of the result columns.
public enum DefaultFigures {
    public static let mapMinimum = 5
    public static let limit = 12

    /// The recipes for `summary` (empty when nothing varies or nothing finished).
    public static func recipes(for summary: ExperimentSummary) -> [PlotRecipe] {
        if let parts = summary.theoryAndSimulation() {
            // A family run: the theory's figures, lines becoming theory-vs-simulation overlays
            // for the results both parts have.
            let shared = Set(SummaryColumns(parts.simulation).resultNames)
            return recipes(for: parts.theory).map { recipe in
                guard case .line(let plot) = recipe, shared.contains(plot.y) else { return recipe }
                return .overlay(TheorySimulationOverlay(x: plot.x, y: plot.y, series: plot.series))
            }
        }
        let columns = SummaryColumns(summary)
        let varying = columns.varyingNames
        let axes = summary.axes.filter { varying.contains($0) && columns.numericNames.contains($0) }
        guard !axes.isEmpty else { return [] }
        let counts = Dictionary(uniqueKeysWithValues: axes.map { ($0, MapPlot.distinct(columns.rows, $0).count) })
        let byCount = axes.sorted { counts[$0]! > counts[$1]! }
        let plotted = columns.resultNames.filter { name in
            !name.hasSuffix("Error") && name != "seed" && varying.contains(name) && !axes.contains(name)
                && !isBoolean(name, columns)
        }
        var recipes: [PlotRecipe] = []
        for name in plotted {
            let isText = columns.textNames.contains(name)
            let isNumber = columns.numericNames.contains(name)
            if axes.count == 2 && (isText || counts[byCount[1]]! >= mapMinimum) {
                guard isText || isNumber else { continue }
                recipes.append(.map(MapPlot(x: axes[0], y: axes[1], value: name)))
            } else if isNumber {
                recipes.append(.line(LinePlot(x: byCount[0], y: name, series: Array(byCount.dropFirst()))))
            }
        }
        return Array(recipes.prefix(limit))
    }

    /// Whether every value of the column is a boolean (flags such as `converged`).
    static func isBoolean(_ name: String, _ columns: SummaryColumns) -> Bool {
        columns.rows.allSatisfy { row in
            if case .bool = row[name] { return true }
            return row[name] == nil
        }
    }
}
