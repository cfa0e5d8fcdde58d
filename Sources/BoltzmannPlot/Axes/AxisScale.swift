/// How data values map to positions along an axis.
public enum AxisScale: Sendable, Hashable {
    /// Position proportional to the value.
    case linear
    /// Position proportional to log₁₀ of the value; only positive values can be shown.
    case log10
}
