extension FigureRenderer {
    /// Light grey lines at the labelled ticks of axes that ask for them.
    func drawGrid(into svg: inout SVGWriter) {
        let rect = area.rect
        var path = ""
        if figure.xAxis.showsGrid {
            for value in xTicks.major {
                guard let x = area.pixelX(value), x > rect.minX + 0.5, x < rect.maxX - 0.5 else { continue }
                path += "M\(SVGNumber.format(x)) \(SVGNumber.format(rect.minY))V\(SVGNumber.format(rect.maxY))"
            }
        }
        if figure.yAxis.showsGrid {
            for value in yTicks.major {
                guard let y = area.pixelY(value), y > rect.minY + 0.5, y < rect.maxY - 0.5 else { continue }
                path += "M\(SVGNumber.format(rect.minX)) \(SVGNumber.format(y))H\(SVGNumber.format(rect.maxX))"
            }
        }
        if !path.isEmpty {
            svg.element("path", [("class", "grid"), ("d", path), ("fill", "none"), ("stroke", "#dddddd"), ("stroke-width", "0.8")])
        }
    }

    /// The frame, ticks (inward and mirrored on all four sides, or outward on the left and
    /// bottom over a map), tick labels, axis labels and title.
    func drawAxes(into svg: inout SVGWriter) {
        let rect = area.rect
        let outward = ticksPointOutward
        let direction = outward ? -1.0 : 1.0
        func f(_ value: Double) -> String { SVGNumber.format(value) }

        svg.open("g", [("class", "axes")])
        for (values, length, width) in [(xTicks.major, Self.majorTickLength, "1"), (xTicks.minor, Self.minorTickLength, "0.8")] {
            var path = ""
            for value in values {
                guard let x = area.pixelX(value), x >= rect.minX - 0.01, x <= rect.maxX + 0.01 else { continue }
                path += "M\(f(x)) \(f(rect.maxY))v\(f(-direction * length))"
                if !outward { path += "M\(f(x)) \(f(rect.minY))v\(f(length))" }
            }
            for value in values == xTicks.major ? yTicks.major : yTicks.minor {
                guard let y = area.pixelY(value), y >= rect.minY - 0.01, y <= rect.maxY + 0.01 else { continue }
                path += "M\(f(rect.minX)) \(f(y))h\(f(direction * length))"
                if !outward { path += "M\(f(rect.maxX)) \(f(y))h\(f(-length))" }
            }
            if !path.isEmpty {
                svg.element("path", [("class", "ticks"), ("d", path), ("fill", "none"), ("stroke", "#000000"), ("stroke-width", width)])
            }
        }
        svg.element("rect", [
            ("class", "frame"), ("x", f(rect.minX)), ("y", f(rect.minY)), ("width", f(rect.width)), ("height", f(rect.height)),
            ("fill", "none"), ("stroke", "#000000"), ("stroke-width", "1"),
        ])

        let tickFont = Typography.tickFontSize
        let tickOut = outward ? Self.majorTickLength : 0
        let xLabelBaseline = rect.maxY + tickOut + Self.tickLabelGap + tickFont * (xTicks.hasSuperscripts ? 1.0 : Typography.capHeight)
        for (value, label) in zip(xTicks.major, xTicks.labels) {
            guard let x = area.pixelX(value), x >= rect.minX - 0.01, x <= rect.maxX + 0.01 else { continue }
            svg.text(label, x: x, y: xLabelBaseline, fontSize: tickFont, anchor: .middle, extra: [("class", "tick-label")])
        }
        for (value, label) in zip(yTicks.major, yTicks.labels) {
            guard let y = area.pixelY(value), y >= rect.minY - 0.01, y <= rect.maxY + 0.01 else { continue }
            svg.text(
                label, x: rect.minX - tickOut - Self.tickLabelGap, y: y + tickFont * Typography.capHeight / 2,
                fontSize: tickFont, anchor: .end, extra: [("class", "tick-label")])
        }

        // A shared ×10^k goes at the right end of the axis-label line, or above the y axis.
        let xLabelLine = xLabelBaseline + tickFont * Typography.descent + 8 + Typography.labelFontSize * Typography.capHeight
        if let multiplier = xTicks.multiplier {
            svg.text(multiplier, x: rect.maxX, y: xLabelLine, fontSize: tickFont, anchor: .end, extra: [("class", "tick-multiplier")])
        }
        if let multiplier = yTicks.multiplier {
            svg.text(multiplier, x: rect.minX, y: rect.minY - 6, fontSize: tickFont, anchor: .start, extra: [("class", "tick-multiplier")])
        }

        let labelFont = Typography.labelFontSize
        let xLabel = RichText(figure.xAxis.label)
        if !xLabel.isEmpty {
            svg.text(xLabel, x: rect.minX + rect.width / 2, y: xLabelLine, fontSize: labelFont, anchor: .middle, extra: [("class", "axis-label")])
        }
        let yLabel = RichText(figure.yAxis.label)
        if !yLabel.isEmpty {
            let baseline = Self.outerPadding + labelFont * Typography.capHeight
            svg.text(
                yLabel, x: baseline, y: rect.minY + rect.height / 2, fontSize: labelFont, anchor: .middle, rotation: -90,
                extra: [("class", "axis-label")])
        }
        if let title = figure.title.map(RichText.init), !title.isEmpty {
            svg.text(
                title, x: rect.minX + rect.width / 2, y: Self.outerPadding + Typography.titleFontSize * 0.9,
                fontSize: Typography.titleFontSize, anchor: .middle, extra: [("class", "title")])
        }
        svg.close("g")
    }
}
