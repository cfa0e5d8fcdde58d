extension FigureRenderer {
    /// Lines, error bars and markers of every series, in the order added.
    func drawSeries(into svg: inout SVGWriter) {
        let clip = area.rect
        for (index, series) in figure.series.enumerated() {
            let color = seriesColors[index].hex
            svg.open("g", [("class", "series")])
            if let style = series.lineStyle {
                let path = Self.linePath(series, area: area, clip: clip.insetBy(-1))
                if !path.isEmpty {
                    var attributes: [(String, String)] = [
                        ("class", "series-line"), ("d", path), ("fill", "none"), ("stroke", color),
                        ("stroke-width", SVGNumber.format(series.lineWidth)), ("stroke-linejoin", "round"),
                        ("stroke-linecap", style.lineCap),
                    ]
                    if let dashes = style.dashArray(width: series.lineWidth) {
                        attributes.append(("stroke-dasharray", dashes))
                    }
                    svg.element("path", attributes)
                }
            }
            for path in errorBarPaths(series) {
                svg.element("path", [
                    ("class", "error-bar"), ("d", path), ("fill", "none"), ("stroke", color), ("stroke-width", "1.2"),
                ])
            }
            if let marker = series.marker {
                for (x, y) in zip(series.x, series.y) {
                    guard let point = area.pixel(x: x, y: y), clip.contains(point, tolerance: 0.5) else { continue }
                    Self.drawMarker(marker, at: point, size: series.markerSize, color: seriesColors[index], into: &svg)
                }
            }
            svg.close("g")
        }
    }

    /// SVG path data for a series' line, clipped to `clip`, broken at every point that cannot
    /// be shown (NaN, ±∞, ≤ 0 on a log axis).
    static func linePath(_ series: Series, area: PlotArea, clip: PixelRect) -> String {
        polylinePath(zip(series.x, series.y).map { area.pixel(x: $0, y: $1) }, clip: clip)
    }

    /// Distance in px below which consecutive line points are merged (see `polylinePath`).
    static let subpixel = 0.3

    /// SVG path data through `points` in order, clipped to `clip`; a nil point breaks the line.
    ///
    /// Points closer than `subpixel` to the last point written are held back and only the
    /// last of such a run is written, so a 10⁶-step Monte Carlo trace costs about one vertex
    /// per 0.3 px of drawn length instead of 10⁶, and deviates from the full polyline by less
    /// than a pixel.
    static func polylinePath(_ points: [PixelPoint?], clip: PixelRect) -> String {
        var path = ""
        var previous: PixelPoint?
        // Last vertex written, and the newest vertex reached but not yet written.
        var written: PixelPoint?
        var pending: PixelPoint?
        func write(_ command: String, _ point: PixelPoint) {
            path += command
            path += SVGNumber.format(point.x)
            path += " "
            path += SVGNumber.format(point.y)
        }
        func flush() {
            if let point = pending {
                write("L", point)
                written = point
                pending = nil
            }
        }
        for point in points {
            guard let point else {
                flush()
                previous = nil
                written = nil
                continue
            }
            defer { previous = point }
            guard let start = previous, let (from, to) = clip.clip(start, point) else { continue }
            if (pending ?? written) != from {
                flush()
                write("M", from)
                written = from
            }
            if to == point, let last = written, distance(last, to) < subpixel {
                pending = to
                continue
            }
            pending = nil
            write("L", to)
            written = to
            if to != point {
                // The line leaves the box here: the next piece starts with a move.
                written = nil
            }
        }
        flush()
        return path
    }

    /// One path per error bar (the bar and the caps at ends inside the plot). An end that falls
    /// at ≤ 0 on a log axis runs the bar off the plot edge, without a cap.
    func errorBarPaths(_ series: Series) -> [String] {
        let clip = area.rect
        let cap = max(series.markerSize * 0.45, 3)
        var paths: [String] = []
        for index in series.x.indices {
            let x = series.x[index]
            let y = series.y[index]
            guard let centre = area.pixel(x: x, y: y) else { continue }
            if let error = series.yError?[index], error.isFinite, error > 0 {
                let low = area.pixelY(y - error) ?? (clip.maxY + 10)
                let high = area.pixelY(y + error) ?? (clip.minY - 10)
                if let path = Self.bar(from: PixelPoint(x: centre.x, y: low), to: PixelPoint(x: centre.x, y: high), cap: cap, clip: clip) {
                    paths.append(path)
                }
            }
            if let error = series.xError?[index], error.isFinite, error > 0 {
                let low = area.pixelX(x - error) ?? (clip.minX - 10)
                let high = area.pixelX(x + error) ?? (clip.maxX + 10)
                if let path = Self.bar(from: PixelPoint(x: low, y: centre.y), to: PixelPoint(x: high, y: centre.y), cap: cap, clip: clip) {
                    paths.append(path)
                }
            }
        }
        return paths
    }

    /// A bar from `a` to `b` (axis-aligned) with perpendicular caps of half-length `cap` at
    /// the ends that lie inside `clip`.
    private static func bar(from a: PixelPoint, to b: PixelPoint, cap: Double, clip: PixelRect) -> String? {
        guard let (start, end) = clip.clip(a, b) else { return nil }
        var path = "M\(SVGNumber.format(start.x)) \(SVGNumber.format(start.y))L\(SVGNumber.format(end.x)) \(SVGNumber.format(end.y))"
        let vertical = a.x == b.x
        for (end, original) in [(start, a), (end, b)] where end == original {
            if vertical {
                path += "M\(SVGNumber.format(end.x - cap)) \(SVGNumber.format(end.y))h\(SVGNumber.format(2 * cap))"
            } else {
                path += "M\(SVGNumber.format(end.x)) \(SVGNumber.format(end.y - cap))v\(SVGNumber.format(2 * cap))"
            }
        }
        return path
    }

    /// One marker centred on `point`, `size` px across.
    static func drawMarker(
        _ marker: Marker, at point: PixelPoint, size: Double, color: Color, className: String = "marker",
        into svg: inout SVGWriter
    ) {
        let paint: [(String, String)]
        if marker.shape == .cross {
            paint = [("fill", "none"), ("stroke", color.hex), ("stroke-width", "1.5")]
        } else if marker.isFilled {
            paint = [("fill", color.hex), ("stroke", "#ffffff"), ("stroke-width", "0.6")]
        } else {
            paint = [("fill", "#ffffff"), ("stroke", color.hex), ("stroke-width", "1.3")]
        }
        let (x, y) = (point.x, point.y)
        func f(_ value: Double) -> String { SVGNumber.format(value) }
        switch marker.shape {
        case .circle:
            svg.element("circle", [("class", className), ("cx", f(x)), ("cy", f(y)), ("r", f(size / 2))] + paint)
        case .square:
            let side = size * 0.88
            svg.element("rect", [
                ("class", className), ("x", f(x - side / 2)), ("y", f(y - side / 2)), ("width", f(side)), ("height", f(side)),
            ] + paint)
        case .diamond:
            let r = size * 0.62
            svg.element("path", [("class", className), ("d", "M\(f(x)) \(f(y - r))L\(f(x + r)) \(f(y))L\(f(x)) \(f(y + r))L\(f(x - r)) \(f(y))Z")] + paint)
        case .triangle:
            // Equilateral, centroid on the point: circumradius r, base at r/2 below.
            let r = size * 0.62
            let halfBase = r * 0.8660254037844386
            svg.element("path", [("class", className), ("d", "M\(f(x)) \(f(y - r))L\(f(x + halfBase)) \(f(y + r / 2))L\(f(x - halfBase)) \(f(y + r / 2))Z")] + paint)
        case .cross:
            let h = size * 0.45
            svg.element("path", [("class", className), ("d", "M\(f(x - h)) \(f(y - h))L\(f(x + h)) \(f(y + h))M\(f(x - h)) \(f(y + h))L\(f(x + h)) \(f(y - h))")] + paint)
        }
    }

    /// Pixels covered by the series' data: points, error-bar ends, and samples every 4 px
    /// along lines. Used to find a legend corner that hides nothing.
    static func dataPixels(_ series: [Series], area: PlotArea) -> [PixelPoint] {
        var pixels: [PixelPoint] = []
        for series in series {
            var previous: PixelPoint?
            for index in series.x.indices {
                guard let point = area.pixel(x: series.x[index], y: series.y[index]) else {
                    previous = nil
                    continue
                }
                pixels.append(point)
                if let error = series.yError?[index], error.isFinite {
                    if let low = area.pixelY(series.y[index] - error) { pixels.append(PixelPoint(x: point.x, y: low)) }
                    if let high = area.pixelY(series.y[index] + error) { pixels.append(PixelPoint(x: point.x, y: high)) }
                }
                if series.lineStyle != nil, let start = previous {
                    let length = ((point.x - start.x) * (point.x - start.x) + (point.y - start.y) * (point.y - start.y)).squareRoot()
                    let steps = min(Int(length / 4), 2000)
                    if steps > 1 {
                        for step in 1..<steps {
                            let t = Double(step) / Double(steps)
                            pixels.append(PixelPoint(x: start.x + t * (point.x - start.x), y: start.y + t * (point.y - start.y)))
                        }
                    }
                }
                previous = point
            }
        }
        return pixels
    }
}
