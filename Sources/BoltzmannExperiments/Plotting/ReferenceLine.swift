import BoltzmannPlot

/// A value a figure marks for comparison, e.g. a transition the paper reports: a vertical line
/// at x = `value` or a horizontal one at y = `value`, dashed black, with a legend label.
public struct ReferenceLine: Sendable {
    public enum Direction: Sendable { case vertical, horizontal }

    public var direction: Direction
    public var value: Double
    /// Legend text in `RichText` markup.
    public var label: String

    public init(_ direction: Direction, at value: Double, label: String) {
        self.direction = direction
        self.value = value
        self.label = label
    }

    /// Adds the line to `figure`, spanning `range` (the other axis's extent).
    func add(to figure: inout Figure, spanning range: ClosedRange<Double>, style: LineStyle) {
        switch direction {
        case .vertical:
            figure.add(.line(x: [value, value], y: [range.lowerBound, range.upperBound], label: label, style: style, color: .black, width: 1.2))
        case .horizontal:
            figure.add(.line(x: [range.lowerBound, range.upperBound], y: [value, value], label: label, style: style, color: .black, width: 1.2))
        }
    }

    /// Adds each line with its own dash pattern, spanning the data's extent on the other axis.
    static func add(_ lines: [ReferenceLine], to figure: inout Figure, xs: [Double], ys: [Double]) {
        let styles: [LineStyle] = [.dashed, .dotted, .dashDot]
        for (index, line) in lines.enumerated() {
            let values = (line.direction == .vertical ? ys : xs).filter(\.isFinite)
            guard let low = values.min(), let high = values.max() else { continue }
            let pad = high > low ? 0.04 * (high - low) : 0.5
            line.add(to: &figure, spanning: (low - pad)...(high + pad), style: styles[index % styles.count])
        }
    }
}
