import Foundation

/// The ticks an axis ends up with: its final range, labelled major ticks and minor ticks.
struct AxisTicks {
    var lower: Double
    var upper: Double
    var scale: AxisScale
    var major: [Double]
    var labels: [RichText]
    var minor: [Double]
    /// A power of ten that the labels are to be multiplied by (`×10^{5}`), shown once at the
    /// axis end; nil when the labels are the values themselves.
    var multiplier: RichText?

    /// Ticks for `axis` drawn `length` px long.
    ///
    /// The range is the axis' fixed range, else the data extent; when neither is fixed nor
    /// `tight` (a map's extent is drawn exactly) it is widened to the outer ticks. An end that
    /// would then leave more than `emptyLimit` of the data span empty (8 %, or 30 % of the
    /// decades on a log axis), or less than 1 %, gets a 3 % margin beyond the data instead:
    /// an error bar just below 0 does not add a whole empty tick interval, and a curve that
    /// reaches the outer tick (m = 0 above T_c) is not hidden under the frame. The tick
    /// density starts at one label per 80 px horizontally, 55 px vertically (per 50 / 35 px
    /// for decades) and is reduced until neighbouring labels no longer collide.
    static func resolve(axis: Axis, extent: DataExtent, tight: Bool, length: Double, horizontal: Bool) -> AxisTicks {
        let (low, high) = axis.range.map { ($0.lowerBound, $0.upperBound) } ?? extent.drawableRange(scale: axis.scale)
        let expands = axis.range == nil && !tight
        switch axis.scale {
        case .linear:
            var target = min(max(Int((length / (horizontal ? 80 : 55)).rounded()), 3), 10)
            while true {
                let ticks = LinearTicks(covering: low, high, target: target, expandsRange: expands)
                let (labels, exponent) = NumberFormat.scaledTickLabels(ticks.values, step: ticks.step)
                var result = AxisTicks(
                    lower: ticks.lower, upper: ticks.upper, scale: .linear, major: ticks.values,
                    labels: labels.map(RichText.init), minor: minorTicks(for: ticks),
                    multiplier: exponent.map { RichText("\u{00D7}10^{\(NumberFormat.compact(Double($0)))}") })
                if expands {
                    result.fitMargins(dataLower: low, dataUpper: high, emptyLimit: 0.08)
                }
                if target <= 2 || result.labelsFit(length: length, horizontal: horizontal) { return result }
                target -= 1
            }
        case .log10:
            var maxLabels = min(max(Int(length / (horizontal ? 50 : 35)), 2), 12)
            while true {
                let ticks = LogTicks(covering: low, high, maxLabels: maxLabels, expandsRange: expands)
                var result = AxisTicks(
                    lower: ticks.lower, upper: ticks.upper, scale: .log10, major: ticks.major,
                    labels: ticks.labels.map(RichText.init), minor: ticks.minor, multiplier: nil)
                if expands {
                    result.fitMargins(dataLower: low, dataUpper: high, emptyLimit: 0.3)
                }
                if maxLabels <= 2 || result.labelsFit(length: length, horizontal: horizontal) { return result }
                maxLabels -= 1
            }
        }
    }

    /// Unlabelled ticks subdividing each step: fifths of a step 1 or 5 × 10^k, quarters of 2 × 10^k.
    private static func minorTicks(for ticks: LinearTicks) -> [Double] {
        let power = Foundation.pow(10, Foundation.floor(Foundation.log10(ticks.step) + 1e-9))
        let mantissa = (ticks.step / power).rounded()
        let parts = mantissa == 2 ? 4 : 5
        let minorStep = ticks.step / Double(parts)
        guard let first = ticks.values.first else { return [] }
        let below = Int(Foundation.floor((first - ticks.lower) / minorStep + 1e-9))
        let count = Int(Foundation.floor((ticks.upper - ticks.lower) / minorStep + 1e-9)) + 1
        return (0..<count).compactMap { offset in
            let index = offset - below
            if index % parts == 0 { return nil }
            let value = first + Double(index) * minorStep
            return value >= ticks.lower - 1e-9 * ticks.step && value <= ticks.upper + 1e-9 * ticks.step ? value : nil
        }
    }

    var range: ClosedRange<Double> { lower...upper }

    /// Moves each end that lies more than `emptyLimit` × (data span) or less than 1 % beyond
    /// the data to a 3 % margin, dropping the ticks left outside. Spans are measured in the
    /// axis coordinate (decades on a log axis). Leaves the range alone when that would keep
    /// fewer than two labelled ticks.
    mutating func fitMargins(dataLower: Double, dataUpper: Double, emptyLimit: Double) {
        guard let low = PlotArea.transformed(dataLower, scale: scale), let high = PlotArea.transformed(dataUpper, scale: scale),
            let axisLow = PlotArea.transformed(lower, scale: scale), let axisHigh = PlotArea.transformed(upper, scale: scale)
        else { return }
        let span = high - low
        let margin = 0.03 * span
        let lowGap = (low - axisLow) / span
        let highGap = (axisHigh - high) / span
        let newLower = lowGap > emptyLimit || lowGap < 0.01 ? PlotArea.untransformed(low - margin, scale: scale) : lower
        let newUpper = highGap > emptyLimit || highGap < 0.01 ? PlotArea.untransformed(high + margin, scale: scale) : upper
        let inside = { (value: Double) in value >= newLower && value <= newUpper }
        let kept = major.indices.filter { inside(major[$0]) }
        guard kept.count >= 2 else { return }
        lower = newLower
        upper = newUpper
        major = kept.map { major[$0] }
        labels = kept.map { labels[$0] }
        minor = minor.filter(inside)
    }

    /// Whether neighbouring labels keep at least 8 px apart (horizontal) or a line height
    /// apart (vertical).
    func labelsFit(length: Double, horizontal: Bool) -> Bool {
        let fontSize = Typography.tickFontSize
        for index in major.indices.dropLast() {
            guard let a = PlotArea.fraction(major[index], range: range, scale: scale),
                let b = PlotArea.fraction(major[index + 1], range: range, scale: scale)
            else { continue }
            let distance = abs(b - a) * length
            let needed: Double
            if horizontal {
                needed = (labels[index].width(fontSize: fontSize) + labels[index + 1].width(fontSize: fontSize)) / 2 + 8
            } else {
                needed = fontSize * 1.3
            }
            if distance < needed { return false }
        }
        return true
    }

    /// Whether any label carries a superscript (it then needs more room above its baseline).
    var hasSuperscripts: Bool {
        labels.contains { $0.runs.contains { $0.position == .superscript } }
    }

    var widestLabel: Double {
        labels.map { $0.width(fontSize: Typography.tickFontSize) }.max() ?? 0
    }
}
