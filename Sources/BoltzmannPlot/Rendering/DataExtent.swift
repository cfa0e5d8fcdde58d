/// The smallest interval holding a set of values that an axis can show.
struct DataExtent {
    private(set) var lower = Double.infinity
    private(set) var upper = -Double.infinity

    var isEmpty: Bool { lower > upper }

    /// Adds `value` if it is finite and, on a log axis, positive.
    mutating func include(_ value: Double, scale: AxisScale) {
        guard value.isFinite, scale == .linear || value > 0 else { return }
        lower = min(lower, value)
        upper = max(upper, value)
    }

    /// A non-degenerate range to draw: the extent, widened when it is a single value, or a
    /// default when empty ([0, 1] linear, [1, 10] log).
    func drawableRange(scale: AxisScale) -> (lower: Double, upper: Double) {
        if isEmpty {
            return scale == .linear ? (0, 1) : (1, 10)
        }
        if lower < upper { return (lower, upper) }
        switch scale {
        case .linear:
            let pad = lower == 0 ? 1 : abs(lower) * 0.1
            return (lower - pad, upper + pad)
        case .log10:
            return (lower / 3.1622776601683795, upper * 3.1622776601683795)
        }
    }
}
