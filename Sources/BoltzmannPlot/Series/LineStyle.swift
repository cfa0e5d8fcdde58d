/// How a line is stroked.
public enum LineStyle: Sendable, Hashable {
    case solid
    /// Long dashes, 6 px on, 4 px off at width 1.5 (scaled with the line width).
    case dashed
    /// Round dots.
    case dotted
    /// Alternating dash and dot.
    case dashDot

    /// The SVG `stroke-dasharray` for a line of `width` px, or nil for a solid line.
    func dashArray(width: Double) -> String? {
        let unit = max(width, 1) / 1.5
        let pattern: [Double]
        switch self {
        case .solid: return nil
        case .dashed: pattern = [6, 4]
        case .dotted: pattern = [0.01, 3.5]
        case .dashDot: pattern = [7, 3, 0.01, 3]
        }
        return pattern.map { SVGNumber.format(max($0 * unit, 0.01)) }.joined(separator: " ")
    }

    /// Dots are zero-length dashes drawn with round caps.
    var lineCap: String {
        self == .dotted || self == .dashDot ? "round" : "butt"
    }
}
