/// A single-panel scientific figure rendered as self-contained SVG.
///
///     var figure = Figure(width: 640, height: 440, title: "Nishimori line, p = 3")
///     figure.xAxis = Axis(label: "T")
///     figure.yAxis = Axis(label: "q^{*}")
///     figure.add(.line(x: ts, y: qs, label: "RS theory"))
///     figure.add(.points(x: tsMC, y: qMC, yError: errors, label: "Monte Carlo, N = 256"))
///     try figure.write(to: url)
///
/// Layers are drawn bottom to top: phase maps, heat maps, their contours, then series in the
/// order added, then axes, colour bar and legend. Series without a colour take the next
/// colour of `palette`. Everything drawn inside the axes is clipped to them.
public struct Figure: Sendable {
    /// Size in px; the SVG has a matching `viewBox`, so it scales when inlined.
    public var width: Double
    public var height: Double
    /// Title above the plot, in `RichText` markup; nil for none (papers put it in the caption).
    public var title: String?
    public var xAxis: Axis
    public var yAxis: Axis
    public var legend: LegendPosition
    /// Colour cycle for series without an explicit colour.
    public var palette: [Color]
    public private(set) var series: [Series] = []
    public private(set) var heatMaps: [HeatMap] = []
    public private(set) var phaseMaps: [PhaseMap] = []

    public init(
        width: Double = 640, height: Double = 440, title: String? = nil,
        xAxis: Axis = Axis(), yAxis: Axis = Axis(), legend: LegendPosition = .automatic,
        palette: [Color] = Palette.okabeIto
    ) {
        self.width = width
        self.height = height
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.legend = legend
        self.palette = palette
    }

    public mutating func add(_ series: Series) {
        self.series.append(series)
    }

    /// Adds a heat map; the first one with `showsColorBar` gets the colour bar.
    public mutating func add(_ map: HeatMap) {
        heatMaps.append(map)
    }

    public mutating func add(_ map: PhaseMap) {
        phaseMaps.append(map)
    }
}
