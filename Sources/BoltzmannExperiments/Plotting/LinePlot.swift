import BoltzmannCore
import BoltzmannPlot

/// A line plot of one result column against one column of an experiment: one series per value
/// of the grouping columns, error bars from the `<y>Error` column when the results have one.
///
/// Without error bars the series are lines with small markers (theory curves); with them they are
/// markers with error bars (Monte Carlo estimates), joined by a thin line only when `joinsPoints`.
/// When `series` is nil the series are the experiment's other sweep axes that vary.
public struct LinePlot: Sendable {
    public var x: String
    public var y: String
    /// Further result columns drawn on the same axes (each labelled by its name).
    public var moreY: [String]
    /// Grouping columns; nil for automatic (the other varying sweep axes).
    public var series: [String]?
    /// Keeps only the rows passing all of these.
    public var filters: [ColumnFilter]
    public var logX: Bool
    public var logY: Bool
    /// Figure title (RichText); nil takes "y against x".
    public var title: String?
    /// Values to mark with dashed lines, e.g. the transitions a paper reports.
    public var references: [ReferenceLine]
    /// Fixed y range, nil to fit the data.
    public var yRange: ClosedRange<Double>?

    public init(
        x: String, y: String, moreY: [String] = [], series: [String]? = nil, filters: [ColumnFilter] = [], logX: Bool = false,
        logY: Bool = false, title: String? = nil, references: [ReferenceLine] = [], yRange: ClosedRange<Double>? = nil
    ) {
        self.x = x
        self.y = y
        self.moreY = moreY
        self.series = series
        self.filters = filters
        self.logX = logX
        self.logY = logY
        self.title = title
        self.references = references
        self.yRange = yRange
    }

    /// The figure for `summary`.
    /// - Throws: `BoltzmannError` for unknown or non-numeric columns (listing the valid ones),
    ///   no rows left after the filters, or two points at one x in a series (name the column
    ///   to group by or filter on).
    ///
    /// A family run holding theory and simulation tasks (`scenario = "dense"`) is drawn as a
    /// `TheorySimulationOverlay` with the same settings when both have `y`, from its theory
    /// tasks when only they have it.
    public func figure(_ summary: ExperimentSummary) throws(BoltzmannError) -> Figure {
        var summary = summary
        if let parts = summary.theoryAndSimulation() {
            let simulated = Set(SummaryColumns(parts.simulation).names)
            if moreY.isEmpty && simulated.contains(y) {
                let overlay = TheorySimulationOverlay(
                    x: x, y: y, series: series, filters: filters, logX: logX, title: title, references: references, yRange: yRange)
                return try overlay.figure(theory: parts.theory, simulation: parts.simulation)
            }
            // Results only the theory has (e.g. the free entropy) come from the theory tasks.
            if !([y] + moreY).contains(where: simulated.contains) { summary = parts.theory }
        }
        let columns = SummaryColumns(summary)
        let groups = try groups(of: columns, summary: summary)
        var figure = Figure(title: title ?? "\(ColumnLabels.label(y)) against \(ColumnLabels.label(x))")
        figure.xAxis = Axis(label: ColumnLabels.label(x), scale: logX ? .log10 : .linear)
        figure.yAxis = Axis(label: ColumnLabels.label(y), scale: logY ? .log10 : .linear, range: yRange)
        var xs: [Double] = [], ys: [Double] = []
        let columnsShown = [y] + moreY
        var index = 0
        for column in columnsShown {
            let error = columns.errorColumn(for: column)
            for group in groups.groups {
                let points = try Self.points(group, x: x, y: column, error: error, averagesRepeats: averagesRepeats(summary))
                let color = figure.palette[index % figure.palette.count]
                var label = group.label
                if columnsShown.count > 1 { label = ColumnLabels.label(column) + (label.map { ", " + $0 } ?? "") }
                figure.add(Self.series(points, label: label, color: color, marker: Self.markers[index % Self.markers.count]))
                xs += points.x
                ys += points.y
                index += 1
            }
        }
        if moreY.isEmpty { figure.yAxis.label = ColumnLabels.label(y) } else { figure.yAxis.label = "" }
        ReferenceLine.add(references, to: &figure, xs: xs, ys: ys)
        if index == 1 && references.isEmpty { figure.legend = .hidden }
        return figure
    }

    /// Whether repeats are averaged: the spec has repeats and the plot neither groups by nor
    /// filters on them.
    func averagesRepeats(_ summary: ExperimentSummary) -> Bool {
        summary.axes.contains(RowGroups.repeatAxis) && !(series ?? []).contains(RowGroups.repeatAxis)
            && !filters.contains { $0.column == RowGroups.repeatAxis } && x != RowGroups.repeatAxis
    }

    /// Markers cycled through the series, so they stay distinct in greyscale.
    static let markers: [Marker] = [.circle, .square, .diamond, .triangle, .openCircle, .openSquare, .openDiamond, .openTriangle]

    /// Checks the columns and splits the filtered rows into series.
    func groups(of columns: SummaryColumns, summary: ExperimentSummary) throws(BoltzmannError) -> RowGroups {
        try columns.requireNumeric(x, role: "x axis")
        for column in [y] + moreY { try columns.requireNumeric(column, role: "y axis") }
        for filter in filters { try columns.require(filter.column, role: "filter") }
        for column in series ?? [] { try columns.require(column, role: "series") }
        let rows = columns.rows(matching: filters)
        guard !rows.isEmpty else {
            throw BoltzmannError(
                "no finished task matches the filters \(filters.map { "\($0.column)=\($0.value)" }.joined(separator: ", "))",
                fix: "check the values with `boltzmann export`, or drop --where", source: "filter")
        }
        let grouping = series ?? RowGroups.automaticColumns(
            columns, axes: summary.axes, excluding: [x] + filters.map(\.column), rows: rows)
        return RowGroups(rows: rows, by: grouping)
    }

    /// The sorted points of one group; throws when one x occurs twice.
    /// Rows at one x that differ in the `repeat` axis only (it is neither grouped nor filtered)
    /// are averaged.
    static func points(_ group: RowGroups.Group, x: String, y: String, error: String?, averagesRepeats: Bool = false) throws(BoltzmannError) -> PlotPoints {
        let points = PlotPoints(rows: group.rows, x: x, y: y, error: error, averaging: averagesRepeats)
        if let repeated = points.repeatedX {
            throw BoltzmannError(
                "several tasks\(group.label.map { " of the series " + $0 } ?? "") have \(x) = \(NumberText.short(repeated))",
                fix: "name the column that tells them apart with --series, or fix it with --where name=value", source: y)
        }
        return points
    }

    /// Lines for values without error bars, markers with bars for values that have them.
    static func series(_ points: PlotPoints, label: String?, color: Color, marker: Marker) -> Series {
        if let error = points.error, error.contains(where: { $0.isFinite }) {
            return .points(x: points.x, y: points.y, yError: error, label: label, marker: marker, color: color, size: 6)
        }
        return .line(x: points.x, y: points.y, label: label, color: color, marker: points.x.count <= 25 ? marker : nil)
    }
}
