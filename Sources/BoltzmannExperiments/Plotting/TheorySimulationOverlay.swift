import BoltzmannCore
import BoltzmannPlot

/// Theory against simulation on one figure: the theory experiment's values as lines, the
/// simulation's as markers with error bars (`<y>Error`), one colour per value of the grouping
/// columns so that a curve and its Monte Carlo points match.
///
/// The two experiments are matched by parameters: a theory curve and the simulation points with
/// the same values of the `series` columns share a colour; groups present in only one of them
/// are drawn alone. The simulation's points are its rows that pass `filters` (as the theory's).
public struct TheorySimulationOverlay: Sendable {
    public var x: String
    public var y: String
    /// Grouping columns; nil for automatic (the varying sweep axes other than x, of either).
    public var series: [String]?
    public var filters: [ColumnFilter]
    public var logX: Bool
    public var title: String?
    public var references: [ReferenceLine]
    public var yRange: ClosedRange<Double>?
    /// Legend suffixes telling the two apart.
    public var theoryLabel: String
    public var simulationLabel: String

    public init(
        x: String, y: String, series: [String]? = nil, filters: [ColumnFilter] = [], logX: Bool = false,
        title: String? = nil, references: [ReferenceLine] = [], yRange: ClosedRange<Double>? = nil,
        theoryLabel: String = "RS theory", simulationLabel: String = "Monte Carlo"
    ) {
        self.x = x
        self.y = y
        self.series = series
        self.filters = filters
        self.logX = logX
        self.title = title
        self.references = references
        self.yRange = yRange
        self.theoryLabel = theoryLabel
        self.simulationLabel = simulationLabel
    }

    /// The overlay figure.
    /// - Throws: `BoltzmannError` as `LinePlot` for either experiment.
    public func figure(theory: ExperimentSummary, simulation: ExperimentSummary) throws(BoltzmannError) -> Figure {
        let grouping = series ?? automaticSeries(theory: theory, simulation: simulation)
        let plot = LinePlot(x: x, y: y, series: grouping, filters: filters, logX: logX)
        let theoryColumns = SummaryColumns(theory), simulationColumns = SummaryColumns(simulation)
        let theoryGroups = try plot.groups(of: theoryColumns, summary: theory).groups
        let simulationGroups = try plot.groups(of: simulationColumns, summary: simulation).groups
        var identities: [String] = []
        for group in theoryGroups + simulationGroups where !identities.contains(group.identity) {
            identities.append(group.identity)
        }
        var figure = Figure(title: title ?? "\(ColumnLabels.label(y)) against \(ColumnLabels.label(x)): theory and simulation")
        figure.xAxis = Axis(label: ColumnLabels.label(x), scale: logX ? .log10 : .linear)
        figure.yAxis = Axis(label: ColumnLabels.label(y), range: yRange)
        func color(_ group: RowGroups.Group) -> Color {
            figure.palette[(identities.firstIndex(of: group.identity) ?? 0) % figure.palette.count]
        }
        func label(_ group: RowGroups.Group, _ kind: String) -> String {
            group.label.map { "\(kind), \($0)" } ?? kind
        }
        var xs: [Double] = [], ys: [Double] = []
        for group in theoryGroups {
            let points = try LinePlot.points(group, x: x, y: y, error: nil)
            figure.add(.line(x: points.x, y: points.y, label: label(group, theoryLabel), color: color(group)))
            xs += points.x
            ys += points.y
        }
        let error = simulationColumns.errorColumn(for: y)
        for group in simulationGroups {
            let points = try LinePlot.points(group, x: x, y: y, error: error, averagesRepeats: plot.averagesRepeats(simulation))
            let index = identities.firstIndex(of: group.identity) ?? 0
            figure.add(.points(x: points.x, y: points.y, yError: points.error, label: label(group, simulationLabel),
                               marker: LinePlot.markers[index % LinePlot.markers.count], color: color(group), size: 6.5))
            xs += points.x
            ys += points.y
        }
        ReferenceLine.add(references, to: &figure, xs: xs, ys: ys)
        return figure
    }

    /// The varying sweep axes (other than x and the filtered ones) of either experiment.
    func automaticSeries(theory: ExperimentSummary, simulation: ExperimentSummary) -> [String] {
        var columns: [String] = []
        for summary in [theory, simulation] {
            let table = SummaryColumns(summary)
            let rows = table.rows(matching: filters)
            for column in RowGroups.automaticColumns(table, axes: summary.axes, excluding: [x] + filters.map(\.column), rows: rows)
            where !columns.contains(column) {
                columns.append(column)
            }
        }
        // A column only one experiment sweeps (e.g. the Monte Carlo size) cannot match the
        // other's curves; keep it only if both have it.
        let both = Set(SummaryColumns(theory).names).intersection(SummaryColumns(simulation).names)
        return columns.filter { both.contains($0) }
    }
}
