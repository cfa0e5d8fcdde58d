extension FigureRenderer {
    /// Cell edges of a map's centres as pixel positions along x and y.
    private func pixelEdges(x: [Double], y: [Double]) -> (x: [Double], y: [Double]) {
        let xCoordinates = x.map { PlotArea.transformed($0, scale: area.xScale) ?? .nan }
        let yCoordinates = y.map { PlotArea.transformed($0, scale: area.yScale) ?? .nan }
        return (
            GridValidation.edges(ofCentres: xCoordinates).map { area.pixelX(coordinate: $0) },
            GridValidation.edges(ofCentres: yCoordinates).map { area.pixelY(coordinate: $0) }
        )
    }

    /// The pixel rectangle of cells `columns` in row `row`, clipped to the plot; nil if outside.
    private func cellRect(columns: ClosedRange<Int>, row: Int, edges: (x: [Double], y: [Double])) -> PixelRect? {
        let cell = PixelRect(
            minX: edges.x[columns.lowerBound], minY: edges.y[row + 1],
            maxX: edges.x[columns.upperBound + 1], maxY: edges.y[row])
        return cell.intersection(area.rect)
    }

    /// Phase maps, then heat maps, as rectangles: one per run of equal phase (equal colour)
    /// along a row; NaN cells stay blank. `crispEdges` keeps neighbouring cells from showing
    /// hairline seams where anti-aliasing would blend them with the background.
    func drawMaps(into svg: inout SVGWriter) {
        for map in figure.phaseMaps {
            let edges = pixelEdges(x: map.x, y: map.y)
            let colors = Dictionary(uniqueKeysWithValues: map.phaseNames.map { ($0, map.color(of: $0).hex) })
            svg.open("g", [("class", "phase-map"), ("shape-rendering", "crispEdges")])
            for (row, phases) in map.phases.enumerated() {
                var start = 0
                while start < phases.count {
                    var end = start
                    while end + 1 < phases.count && phases[end + 1] == phases[start] { end += 1 }
                    if let fill = colors[phases[start]], let rect = cellRect(columns: start...end, row: row, edges: edges) {
                        svg.rect(rect, fill: fill, className: "phase-cell")
                    }
                    start = end + 1
                }
            }
            svg.close("g")
        }
        for map in figure.heatMaps {
            let edges = pixelEdges(x: map.x, y: map.y)
            let range = map.resolvedValueRange() ?? 0...1
            svg.open("g", [("class", "heat-map"), ("shape-rendering", "crispEdges")])
            for (row, values) in map.values.enumerated() {
                let fills = values.map { value in
                    value.isFinite ? map.colorMap.color(at: Self.colorFraction(value, range: range))?.hex : nil
                }
                var start = 0
                while start < fills.count {
                    var end = start
                    while end + 1 < fills.count && fills[end + 1] == fills[start] { end += 1 }
                    if let fill = fills[start], let rect = cellRect(columns: start...end, row: row, edges: edges) {
                        svg.rect(rect, fill: fill, className: "cell")
                    }
                    start = end + 1
                }
            }
            svg.close("g")
        }
    }

    /// Where `value` falls on the colour map: 0 at the range's lower end, 1 at its upper end,
    /// 0.5 for a range of one value.
    static func colorFraction(_ value: Double, range: ClosedRange<Double>) -> Double {
        range.upperBound > range.lowerBound ? (value - range.lowerBound) / (range.upperBound - range.lowerBound) : 0.5
    }

    /// Contour lines of each heat map, traced on its cell centres in axis coordinates (log₁₀
    /// on a log axis, where the map looks linear), with each level's value written on its
    /// longest line when that is at least 80 px long.
    func drawContours(into svg: inout SVGWriter) {
        for map in figure.heatMaps where !map.contours.isEmpty {
            let xCoordinates = map.x.map { PlotArea.transformed($0, scale: area.xScale) ?? .nan }
            let yCoordinates = map.y.map { PlotArea.transformed($0, scale: area.yScale) ?? .nan }
            for set in map.contours {
                svg.open("g", [("class", "contours")])
                for level in set.levels where level.isFinite {
                    let lines = MarchingSquares.contourLines(x: xCoordinates, y: yCoordinates, values: map.values, level: level)
                    let pixelLines = lines.map { line in
                        zip(line.x, line.y).map { PixelPoint(x: area.pixelX(coordinate: $0), y: area.pixelY(coordinate: $1)) }
                    }
                    let label = RichText(NumberFormat.compact(level, significantDigits: 4))
                    let labelPoint = set.labeled ? labelPosition(on: pixelLines) : nil
                    // A gap in the line around the label, as in hand-drawn contour maps.
                    let gap = labelPoint.map { point in
                        let halfWidth = label.width(fontSize: Typography.contourFontSize) / 2 + 3
                        let halfHeight = Typography.contourFontSize * 0.6 + 1
                        return PixelRect(minX: point.x - halfWidth, minY: point.y - halfHeight, maxX: point.x + halfWidth, maxY: point.y + halfHeight)
                    }
                    var path = ""
                    for points in pixelLines {
                        path += Self.polylinePath(gap.map { Self.cutting(points, around: $0) } ?? points, clip: area.rect)
                    }
                    if path.isEmpty { continue }
                    var attributes: [(String, String)] = [
                        ("class", "contour"), ("d", path), ("fill", "none"), ("stroke", set.color.hex),
                        ("stroke-width", SVGNumber.format(set.width)), ("stroke-linejoin", "round"),
                        ("stroke-linecap", set.style.lineCap),
                    ]
                    if let dashes = set.style.dashArray(width: set.width) {
                        attributes.append(("stroke-dasharray", dashes))
                    }
                    svg.element("path", attributes)
                    if let labelPoint {
                        // The map's colour under the label is that of the level itself.
                        let background = map.colorMap.color(at: Self.colorFraction(level, range: map.resolvedValueRange() ?? 0...1))
                        let ink = (background?.luminance ?? 0) > 0.3 ? "#000000" : "#ffffff"
                        svg.text(
                            label, x: labelPoint.x, y: labelPoint.y + Typography.contourFontSize * Typography.capHeight / 2,
                            fontSize: Typography.contourFontSize, anchor: .middle, extra: [("class", "contour-label"), ("fill", ink)])
                    }
                }
                svg.close("g")
            }
        }
    }

    /// A point on the longest of `lines`, at least 80 px long, away from the plot's edges:
    /// the first of 50 %, 30 %, 70 %, 15 %, 85 % of its length that is 12 px inside the frame.
    private func labelPosition(on lines: [[PixelPoint]]) -> PixelPoint? {
        func length(_ line: [PixelPoint]) -> Double {
            zip(line, line.dropFirst()).reduce(0) { $0 + Self.distance($1.0, $1.1) }
        }
        guard let longest = lines.max(by: { length($0) < length($1) }) else { return nil }
        let total = length(longest)
        guard total >= 80 else { return nil }
        let inner = area.rect.insetBy(12)
        for fraction in [0.5, 0.3, 0.7, 0.15, 0.85] {
            var remaining = total * fraction
            for (a, b) in zip(longest, longest.dropFirst()) {
                let step = Self.distance(a, b)
                if remaining <= step && step > 0 {
                    let t = remaining / step
                    let point = PixelPoint(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y))
                    if inner.contains(point) { return point }
                    break
                }
                remaining -= step
            }
        }
        return nil
    }

    static func distance(_ a: PixelPoint, _ b: PixelPoint) -> Double {
        ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
    }

    /// The polyline `points` with the parts inside `hole` removed (nil entries break it).
    static func cutting(_ points: [PixelPoint], around hole: PixelRect) -> [PixelPoint?] {
        guard let first = points.first else { return [] }
        var result: [PixelPoint?] = hole.contains(first) ? [] : [first]
        for (a, b) in zip(points, points.dropFirst()) {
            if let (entry, exit) = hole.clip(a, b) {
                if entry != a { result.append(entry) }
                result.append(nil)
                if exit != b { result.append(exit) }
            }
            if !hole.contains(b) { result.append(b) }
        }
        return result
    }

    /// Each phase's name inside its region, at the cell deepest inside it.
    func drawRegionLabels(into svg: inout SVGWriter) {
        for map in figure.phaseMaps where map.labelsRegions {
            let cells = map.labelCells()
            for name in map.phaseNames {
                guard let (i, j) = cells[name], let point = area.pixel(x: map.x[i], y: map.y[j]),
                    area.rect.contains(point)
                else { continue }
                svg.text(
                    RichText(name), x: point.x, y: point.y + Typography.labelFontSize * Typography.capHeight / 2,
                    fontSize: Typography.labelFontSize, anchor: .middle, extra: [("class", "region-label"), ("fill", "#1a1a1a")])
            }
        }
    }
}
