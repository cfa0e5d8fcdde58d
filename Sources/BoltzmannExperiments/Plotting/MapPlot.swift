import BoltzmannCore
import BoltzmannPlot

/// A result over two columns of an experiment: a heat map for a numeric result (with contour
/// lines at chosen levels, e.g. the 0.5 line of a return probability), a phase map for a text
/// result such as `phase`.
///
/// The grid is the distinct values of `x` and `y` among the (filtered) rows; a grid point without
/// a finished task is left blank. Every other column must be fixed (by the spec or a filter).
public struct MapPlot: Sendable {
    public var x: String
    public var y: String
    /// The result coloured in.
    public var value: String
    /// Contour levels drawn over a heat map.
    public var contours: [Double]
    public var filters: [ColumnFilter]
    public var logX: Bool
    public var logY: Bool
    public var title: String?
    /// Lines drawn on top, e.g. a closed-form boundary from the same or another summary column.
    public var overlays: [LinePlot]
    /// Curves known in advance (e.g. transition lines a paper reports), drawn in black on top.
    public var references: [ReferenceCurve]

    public init(
        x: String, y: String, value: String, contours: [Double] = [], filters: [ColumnFilter] = [],
        logX: Bool = false, logY: Bool = false, title: String? = nil, overlays: [LinePlot] = [],
        references: [ReferenceCurve] = []
    ) {
        self.x = x
        self.y = y
        self.value = value
        self.contours = contours
        self.filters = filters
        self.logX = logX
        self.logY = logY
        self.title = title
        self.overlays = overlays
        self.references = references
    }

    /// The figure for `summary`; a family run holding theory and simulation tasks is mapped from
    /// its theory tasks.
    /// - Throws: `BoltzmannError` for unknown columns (listing the valid ones), an empty
    ///   selection, fewer than two distinct values on an axis, or two tasks at one grid point.
    public func figure(_ summary: ExperimentSummary) throws(BoltzmannError) -> Figure {
        let summary = summary.theoryAndSimulation()?.theory ?? summary
        let columns = SummaryColumns(summary)
        try columns.requireNumeric(x, role: "x axis")
        try columns.requireNumeric(y, role: "y axis")
        try columns.require(value, role: "map value")
        for filter in filters { try columns.require(filter.column, role: "filter") }
        let rows = columns.rows(matching: filters)
        let xs = Self.distinct(rows, x), ys = Self.distinct(rows, y)
        guard xs.count >= 2, ys.count >= 2 else {
            throw BoltzmannError(
                "a map needs at least two values of each axis; \(x) has \(xs.count) and \(y) has \(ys.count)",
                fix: "sweep both axes in the spec, or draw a line plot instead", source: value)
        }
        let isCategorical = columns.textNames.contains(value)
        var numbers = [[Double]](repeating: [Double](repeating: .nan, count: xs.count), count: ys.count)
        var names = [[String]](repeating: [String](repeating: "", count: xs.count), count: ys.count)
        var filled = Set<Int>()
        for row in rows {
            guard let px = SummaryColumns.number(row[x]), let py = SummaryColumns.number(row[y]),
                let i = xs.firstIndex(of: px), let j = ys.firstIndex(of: py)
            else { continue }
            guard filled.insert(j * xs.count + i).inserted else {
                let others = columns.varyingNames.filter { ![x, y, value].contains($0) && columns.parameterNames.contains($0) }
                throw BoltzmannError(
                    "several tasks sit at \(x) = \(NumberText.short(px)), \(y) = \(NumberText.short(py))",
                    fix: "fix the other axes with --where name=value (varying: \(others.joined(separator: ", ")))",
                    source: value)
            }
            if isCategorical {
                names[j][i] = SummaryColumns.label(row[value])
            } else {
                numbers[j][i] = SummaryColumns.number(row[value]) ?? .nan
            }
        }
        var figure = Figure(title: title ?? "\(ColumnLabels.label(value)) over (\(ColumnLabels.label(x)), \(ColumnLabels.label(y)))")
        figure.xAxis = Axis(label: ColumnLabels.label(x), scale: logX ? .log10 : .linear)
        figure.yAxis = Axis(label: ColumnLabels.label(y), scale: logY ? .log10 : .linear)
        if isCategorical {
            figure.add(PhaseMap(x: xs, y: ys, phases: names, order: ["gR", "lR", "eR", "SG", "P"]))
        } else {
            var map = HeatMap(x: xs, y: ys, values: numbers, colorBar: ColumnLabels.label(value))
            if !contours.isEmpty { map.addContours(levels: contours) }
            figure.add(map)
        }
        for (index, overlay) in overlays.enumerated() {
            let groups = try overlay.groups(of: columns, summary: summary)
            for group in groups.groups {
                let points = try LinePlot.points(group, x: overlay.x, y: overlay.y, error: nil)
                let label = overlay.title ?? ColumnLabels.label(overlay.y)
                figure.add(.line(x: points.x, y: points.y, label: label, style: [.dashed, .solid, .dotted][index % 3], color: .black))
            }
        }
        for (index, curve) in references.enumerated() {
            figure.add(.line(x: curve.x, y: curve.y, label: curve.label, style: [.dashed, .dotted, .dashDot][index % 3], color: .black))
        }
        if !references.isEmpty || !overlays.isEmpty { figure.legend = .outsideRight }
        return figure
    }

    /// The distinct numeric values of `column`, ascending.
    static func distinct(_ rows: [ResultRecord], _ column: String) -> [Double] {
        Array(Set(rows.compactMap { SummaryColumns.number($0[column]) }.filter(\.isFinite))).sorted()
    }
}
