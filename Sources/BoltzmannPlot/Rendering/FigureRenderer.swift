/// Turns a `Figure` into SVG: validates it, lays it out (ranges, ticks, margins, colour bar,
/// legend) and writes the layers. One renderer per `svg()` call; it holds no state after.
struct FigureRenderer {
    let figure: Figure
    /// Resolved colour of each series, in `figure.series` order.
    let seriesColors: [Color]
    let xTicks: AxisTicks
    let yTicks: AxisTicks
    let area: PlotArea
    /// The heat map that owns the colour bar, if any.
    let colorBarMap: HeatMap?
    let legendEntries: [LegendEntry]
    let legendPlacement: LegendPlacement?

    /// Whether a heat map or phase map fills the plot box.
    var hasMap: Bool { !figure.heatMaps.isEmpty || !figure.phaseMaps.isEmpty }
    /// Ticks point into the plot, as in most physics journals, except over a map, where they
    /// would vanish into the colours and so point out.
    var ticksPointOutward: Bool { hasMap }
    static let majorTickLength = 6.0
    static let minorTickLength = 3.5
    /// Gap between a tick's outer end (or the frame) and its label.
    static let tickLabelGap = 4.0
    static let outerPadding = 8.0

    init(figure: Figure) throws {
        try Self.validate(figure)
        self.figure = figure
        var cycle = 0
        seriesColors = figure.series.map { series in
            if let color = series.color { return color }
            defer { cycle += 1 }
            return figure.palette[cycle % figure.palette.count]
        }
        colorBarMap = figure.heatMaps.first(where: \.showsColorBar)
        legendEntries = Self.legendEntries(figure: figure, colors: seriesColors)

        // Extents: a map fixes the range to its cells exactly; otherwise the data decide.
        let hasMap = !figure.heatMaps.isEmpty || !figure.phaseMaps.isEmpty
        var xExtent = DataExtent()
        var yExtent = DataExtent()
        if hasMap {
            for (x, y) in figure.heatMaps.map({ ($0.x, $0.y) }) + figure.phaseMaps.map({ ($0.x, $0.y) }) {
                for edge in Self.cellEdges(x, scale: figure.xAxis.scale) { xExtent.include(edge, scale: figure.xAxis.scale) }
                for edge in Self.cellEdges(y, scale: figure.yAxis.scale) { yExtent.include(edge, scale: figure.yAxis.scale) }
            }
        } else {
            for series in figure.series {
                Self.include(series, in: &xExtent, &yExtent, xScale: figure.xAxis.scale, yScale: figure.yAxis.scale)
            }
        }

        // Lay out in passes: tick labels decide the margins, the margins decide the axis
        // lengths, which decide the ticks. Three passes settle it (label widths barely change
        // after the first), including one for a legend that moves outside.
        let outsideLegend: Bool
        switch figure.legend {
        case .outsideRight: outsideLegend = true
        case .automatic: outsideLegend = !figure.phaseMaps.isEmpty
        default: outsideLegend = false
        }
        var area = PlotArea(
            left: 70, top: figure.title == nil ? 14 : 36, width: figure.width - 90,
            height: figure.height - (figure.title == nil ? 14 : 36) - 50,
            xRange: 0...1, yRange: 0...1, xScale: figure.xAxis.scale, yScale: figure.yAxis.scale)
        var xTicks = AxisTicks.resolve(axis: figure.xAxis, extent: xExtent, tight: hasMap, length: area.width, horizontal: true)
        var yTicks = AxisTicks.resolve(axis: figure.yAxis, extent: yExtent, tight: hasMap, length: area.height, horizontal: false)
        var legendOutside = outsideLegend && !legendEntries.isEmpty
        for pass in 0..<3 {
            area = Self.plotArea(
                figure: figure, xTicks: xTicks, yTicks: yTicks, colorBarMap: colorBarMap,
                legendWidth: legendOutside ? LegendPlacement.size(of: legendEntries).width : nil,
                outwardTicks: hasMap)
            xTicks = AxisTicks.resolve(axis: figure.xAxis, extent: xExtent, tight: hasMap, length: area.width, horizontal: true)
            yTicks = AxisTicks.resolve(axis: figure.yAxis, extent: yExtent, tight: hasMap, length: area.height, horizontal: false)
            area.xRange = xTicks.range
            area.yRange = yTicks.range
            // After the first full layout, an automatic legend that finds no free corner
            // moves outside, which needs one more pass for the narrower plot.
            if pass == 0, figure.legend == .automatic, !legendOutside, !legendEntries.isEmpty {
                let inside = LegendPlacement.automaticInside(
                    entries: legendEntries, area: area, dataPoints: Self.dataPixels(figure.series, area: area))
                if inside == nil { legendOutside = true }
            }
        }
        self.area = area
        self.xTicks = xTicks
        self.yTicks = yTicks

        if legendEntries.isEmpty || figure.legend == .hidden {
            legendPlacement = nil
        } else if legendOutside {
            legendPlacement = LegendPlacement.outside(
                entries: legendEntries, area: area, colorBarWidth: colorBarMap.map { Self.colorBarWidth($0) } ?? 0)
        } else if figure.legend == .automatic {
            legendPlacement = LegendPlacement.automaticInside(
                entries: legendEntries, area: area, dataPoints: Self.dataPixels(figure.series, area: area))
                ?? LegendPlacement.corner(.topRight, entries: legendEntries, area: area)
        } else {
            legendPlacement = LegendPlacement.corner(figure.legend, entries: legendEntries, area: area)
        }
    }

    /// The plot box left after margins for tick labels, axis labels, title, colour bar and an
    /// outside legend.
    private static func plotArea(
        figure: Figure, xTicks: AxisTicks, yTicks: AxisTicks, colorBarMap: HeatMap?, legendWidth: Double?,
        outwardTicks: Bool
    ) -> PlotArea {
        let tickOut = outwardTicks ? majorTickLength : 0
        let tickFont = Typography.tickFontSize
        let labelFont = Typography.labelFontSize
        let yLabelBand = RichText(figure.yAxis.label).isEmpty ? 0 : labelFont * (Typography.capHeight + Typography.descent) + 8
        let left = outerPadding + yLabelBand + yTicks.widestLabel + tickLabelGap + tickOut
        let hasXLabelLine = !RichText(figure.xAxis.label).isEmpty || xTicks.multiplier != nil
        let xLabelBand = hasXLabelLine ? labelFont * (Typography.capHeight + Typography.descent) + 8 : 0
        let xTickBand = tickFont * (xTicks.hasSuperscripts ? 1.15 : 1.0) + tickFont * Typography.descent
        let bottom = tickOut + tickLabelGap + xTickBand + xLabelBand + outerPadding
        let titleBand = figure.title.map { RichText($0).isEmpty ? 0 : Typography.titleFontSize * 1.2 + 8 } ?? 0
        // Room above the plot for the top tick label's upper half, or for a ×10^k factor
        // (of the y axis or the colour bar) written above the frame.
        let hasMultiplier = yTicks.multiplier != nil || colorBarMap.map { colorBarTicks($0, length: 320).multiplier != nil } == true
        let top = outerPadding + titleBand + (hasMultiplier ? tickFont * 1.5 : (yTicks.hasSuperscripts ? tickFont * 0.7 : tickFont * 0.5))
        let lastXLabel = xTicks.labels.last.map { $0.width(fontSize: tickFont) / 2 } ?? 0
        var right = max(outerPadding + 6, lastXLabel + 4)
        if let colorBarMap {
            right = max(right, colorBarWidth(colorBarMap) + outerPadding)
        }
        if let legendWidth {
            right += legendWidth + 12
        }
        return PlotArea(
            left: left, top: top, width: max(figure.width - left - right, 10),
            height: max(figure.height - top - bottom, 10),
            xRange: xTicks.range, yRange: yTicks.range, xScale: figure.xAxis.scale, yScale: figure.yAxis.scale)
    }

    /// Everything the figure's layers contribute to the axes' extents: points and the ends of
    /// their error bars.
    private static func include(
        _ series: Series, in xExtent: inout DataExtent, _ yExtent: inout DataExtent, xScale: AxisScale, yScale: AxisScale
    ) {
        for index in series.x.indices {
            let x = series.x[index]
            let y = series.y[index]
            guard x.isFinite, y.isFinite else { continue }
            xExtent.include(x, scale: xScale)
            yExtent.include(y, scale: yScale)
            if let error = series.yError?[index], error.isFinite {
                yExtent.include(y + error, scale: yScale)
                yExtent.include(y - error, scale: yScale)
            }
            if let error = series.xError?[index], error.isFinite {
                xExtent.include(x + error, scale: xScale)
                xExtent.include(x - error, scale: xScale)
            }
        }
    }

    /// Cell edges of a map's centres, in data units (geometric midpoints on a log axis).
    static func cellEdges(_ centres: [Double], scale: AxisScale) -> [Double] {
        let coordinates = centres.map { PlotArea.transformed($0, scale: scale) ?? .nan }
        return GridValidation.edges(ofCentres: coordinates).map { PlotArea.untransformed($0, scale: scale) }
    }

    /// The whole SVG document (without an XML declaration, so it can be inlined in HTML).
    func render() -> String {
        var svg = SVGWriter()
        svg.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", SVGNumber.format(figure.width)), ("height", SVGNumber.format(figure.height)),
            ("viewBox", "0 0 \(SVGNumber.format(figure.width)) \(SVGNumber.format(figure.height))"),
            ("font-family", Typography.fontFamily), ("role", "img"),
        ])
        if let title = figure.title {
            svg.element("title", [], text: RichText(title).plainText)
        }
        svg.element("rect", [
            ("class", "background"), ("x", "0"), ("y", "0"),
            ("width", SVGNumber.format(figure.width)), ("height", SVGNumber.format(figure.height)), ("fill", "#ffffff"),
        ])
        drawMaps(into: &svg)
        drawGrid(into: &svg)
        drawContours(into: &svg)
        drawRegionLabels(into: &svg)
        drawSeries(into: &svg)
        drawAxes(into: &svg)
        drawColorBar(into: &svg)
        drawLegend(into: &svg)
        svg.close("svg")
        return svg.markup
    }
}
