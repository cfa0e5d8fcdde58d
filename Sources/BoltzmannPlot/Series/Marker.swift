/// The symbol drawn at each data point. Filled symbols take the series colour with a thin
/// white rim (so overlapping points stay countable); open ones are outlined in it.
public enum Marker: Sendable, Hashable {
    case circle, square, diamond, triangle
    case openCircle, openSquare, openDiamond, openTriangle
    /// A diagonal cross, always open.
    case cross

    enum Shape {
        case circle, square, diamond, triangle, cross
    }

    var shape: Shape {
        switch self {
        case .circle, .openCircle: return .circle
        case .square, .openSquare: return .square
        case .diamond, .openDiamond: return .diamond
        case .triangle, .openTriangle: return .triangle
        case .cross: return .cross
        }
    }

    var isFilled: Bool {
        switch self {
        case .circle, .square, .diamond, .triangle: return true
        case .openCircle, .openSquare, .openDiamond, .openTriangle, .cross: return false
        }
    }
}
