extension FigureRenderer {
    /// Labelled series in the order added, then each phase map's phases.
    static func legendEntries(figure: Figure, colors: [Color]) -> [LegendEntry] {
        var entries: [LegendEntry] = []
        for (series, color) in zip(figure.series, colors) {
            guard let label = series.label.map(RichText.init), !label.isEmpty else { continue }
            entries.append(LegendEntry(label: label, sample: .series(series, color)))
        }
        for map in figure.phaseMaps where map.showsLegend {
            for name in map.phaseNames {
                entries.append(LegendEntry(label: RichText(name), sample: .swatch(map.color(of: name))))
            }
        }
        return entries
    }

    /// The legend box: a white panel (slightly translucent over lines, opaque over a map) with a
    /// thin grey border, one row per entry with its sample and label.
    func drawLegend(into svg: inout SVGWriter) {
        guard let placement = legendPlacement else { return }
        func f(_ value: Double) -> String { SVGNumber.format(value) }
        let box = placement.rect
        svg.open("g", [("class", "legend")])
        svg.element("rect", [
            ("class", "legend-box"), ("x", f(box.minX)), ("y", f(box.minY)), ("width", f(box.width)), ("height", f(box.height)),
            ("fill", "#ffffff"), ("fill-opacity", hasMap ? "1" : "0.9"), ("stroke", "#bbbbbb"), ("stroke-width", "0.8"),
        ])
        for (row, entry) in legendEntries.enumerated() {
            let centreY = box.minY + 5 + (Double(row) + 0.5) * LegendPlacement.rowHeight
            let sampleLeft = box.minX + LegendPlacement.padding
            let sampleCentre = PixelPoint(x: sampleLeft + LegendPlacement.sampleWidth / 2, y: centreY)
            switch entry.sample {
            case .series(let series, let color):
                if let style = series.lineStyle {
                    if color.luminance > 0.75 {
                        // A light line (white over a heat map) would vanish on the white box:
                        // give it a dark casing.
                        svg.element("path", [
                            ("d", "M\(f(sampleLeft)) \(f(centreY))h\(f(LegendPlacement.sampleWidth))"), ("fill", "none"),
                            ("stroke", "#555555"), ("stroke-width", f(series.lineWidth + 1.6)),
                        ])
                    }
                    var attributes: [(String, String)] = [
                        ("class", "legend-sample"),
                        ("d", "M\(f(sampleLeft)) \(f(centreY))h\(f(LegendPlacement.sampleWidth))"),
                        ("fill", "none"), ("stroke", color.hex), ("stroke-width", f(series.lineWidth)),
                        ("stroke-linecap", style.lineCap),
                    ]
                    if let dashes = style.dashArray(width: series.lineWidth) {
                        attributes.append(("stroke-dasharray", dashes))
                    }
                    svg.element("path", attributes)
                }
                if series.yError != nil {
                    let half = 6.0
                    let cap = 3.0
                    svg.element("path", [
                        ("class", "legend-sample"),
                        ("d", "M\(f(sampleCentre.x)) \(f(centreY - half))v\(f(2 * half))M\(f(sampleCentre.x - cap)) \(f(centreY - half))h\(f(2 * cap))M\(f(sampleCentre.x - cap)) \(f(centreY + half))h\(f(2 * cap))"),
                        ("fill", "none"), ("stroke", color.hex), ("stroke-width", "1.2"),
                    ])
                }
                if let marker = series.marker {
                    Self.drawMarker(
                        marker, at: sampleCentre, size: series.markerSize, color: color, className: "legend-marker", into: &svg)
                }
            case .swatch(let color):
                svg.element("rect", [
                    ("class", "legend-swatch"), ("x", f(sampleCentre.x - 9)), ("y", f(centreY - 6)), ("width", "18"),
                    ("height", "12"), ("fill", color.hex), ("stroke", "#666666"), ("stroke-width", "0.6"),
                ])
            }
            svg.text(
                entry.label, x: sampleLeft + LegendPlacement.sampleWidth + LegendPlacement.sampleGap,
                y: centreY + Typography.legendFontSize * Typography.capHeight / 2,
                fontSize: Typography.legendFontSize, anchor: .start, extra: [("class", "legend-label")])
        }
        svg.close("g")
    }
}
