extension FigureRenderer {
    static let colorBarGap = 16.0
    static let colorBarThickness = 14.0
    static let colorBarSteps = 128

    /// Ticks along a colour bar `length` px tall: round numbers inside the value range, one
    /// per ~45 px, with a shared power of ten (`×10^{5}`, shown above the bar) when needed.
    static func colorBarTicks(_ map: HeatMap, length: Double) -> (values: [Double], labels: [RichText], multiplier: RichText?) {
        guard let range = map.resolvedValueRange() else { return ([], [], nil) }
        guard range.upperBound > range.lowerBound else {
            return ([range.lowerBound], [RichText(NumberFormat.compact(range.lowerBound, significantDigits: 6))], nil)
        }
        let target = min(max(Int(length / 45), 3), 8)
        let ticks = LinearTicks(covering: range.lowerBound, range.upperBound, target: target, expandsRange: false)
        let (labels, exponent) = NumberFormat.scaledTickLabels(ticks.values, step: ticks.step)
        return (
            ticks.values, labels.map(RichText.init),
            exponent.map { RichText("\u{00D7}10^{\(NumberFormat.compact(Double($0)))}") }
        )
    }

    /// Horizontal room the colour bar takes right of the plot: gap, bar, ticks, labels, caption.
    static func colorBarWidth(_ map: HeatMap) -> Double {
        let labels = colorBarTicks(map, length: 320).labels
        let widest = labels.map { $0.width(fontSize: Typography.tickFontSize) }.max() ?? 0
        let caption = RichText(map.colorBarLabel).isEmpty ? 0 : 8 + Typography.labelFontSize * (Typography.capHeight + Typography.descent)
        return colorBarGap + colorBarThickness + 4 + tickLabelGap + widest + caption
    }

    /// A vertical colour bar beside the plot, as tall as it, with ticks and caption.
    func drawColorBar(into svg: inout SVGWriter) {
        guard let map = colorBarMap, let range = map.resolvedValueRange() else { return }
        let rect = area.rect
        let bar = PixelRect(
            minX: rect.maxX + Self.colorBarGap, minY: rect.minY,
            maxX: rect.maxX + Self.colorBarGap + Self.colorBarThickness, maxY: rect.maxY)
        func f(_ value: Double) -> String { SVGNumber.format(value) }
        svg.open("g", [("class", "color-bar")])
        svg.open("g", [("shape-rendering", "crispEdges")])
        let steps = Self.colorBarSteps
        for step in 0..<steps {
            let t = (Double(step) + 0.5) / Double(steps)
            guard let color = map.colorMap.color(at: t) else { continue }
            let top = bar.maxY - bar.height * Double(step + 1) / Double(steps)
            let bottom = bar.maxY - bar.height * Double(step) / Double(steps)
            svg.element("rect", [
                ("class", "colorbar-step"), ("x", f(bar.minX)), ("y", f(top)), ("width", f(bar.width)),
                ("height", f(bottom - top)), ("fill", color.hex),
            ])
        }
        svg.close("g")
        svg.element("rect", [
            ("x", f(bar.minX)), ("y", f(bar.minY)), ("width", f(bar.width)), ("height", f(bar.height)),
            ("fill", "none"), ("stroke", "#000000"), ("stroke-width", "0.8"),
        ])
        let ticks = Self.colorBarTicks(map, length: bar.height)
        var path = ""
        var widest = 0.0
        for (value, label) in zip(ticks.values, ticks.labels) {
            let y = bar.maxY - Self.colorFraction(value, range: range) * bar.height
            path += "M\(f(bar.maxX)) \(f(y))h4"
            svg.text(
                label, x: bar.maxX + 4 + Self.tickLabelGap, y: y + Typography.tickFontSize * Typography.capHeight / 2,
                fontSize: Typography.tickFontSize, anchor: .start, extra: [("class", "tick-label")])
            widest = max(widest, label.width(fontSize: Typography.tickFontSize))
        }
        if !path.isEmpty {
            svg.element("path", [("d", path), ("fill", "none"), ("stroke", "#000000"), ("stroke-width", "0.8")])
        }
        if let multiplier = ticks.multiplier {
            svg.text(
                multiplier, x: bar.minX, y: bar.minY - 6, fontSize: Typography.tickFontSize, anchor: .start,
                extra: [("class", "tick-multiplier")])
        }
        let caption = RichText(map.colorBarLabel)
        if !caption.isEmpty {
            let baseline = bar.maxX + 4 + Self.tickLabelGap + widest + 8 + Typography.labelFontSize * Typography.capHeight
            svg.text(
                caption, x: baseline, y: bar.minY + bar.height / 2, fontSize: Typography.labelFontSize, anchor: .middle,
                rotation: -90, extra: [("class", "axis-label")])
        }
        svg.close("g")
    }
}
