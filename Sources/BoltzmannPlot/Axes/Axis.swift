/// One axis of a figure: its label, scale and, optionally, a fixed range.
public struct Axis: Sendable, Hashable {
    /// Text in `RichText` markup: `T`, `q^{*}`, `α = M/N`, `E_{train}`.
    public var label: String
    public var scale: AxisScale
    /// A fixed range; nil ranges the axis from the data (widened to round numbers, or exactly
    /// the extent of a heat map when the figure holds one). Data outside is clipped.
    public var range: ClosedRange<Double>?
    /// Light grey lines across the plot at the labelled ticks.
    public var showsGrid: Bool

    public init(
        label: String = "", scale: AxisScale = .linear, range: ClosedRange<Double>? = nil,
        showsGrid: Bool = false
    ) {
        self.label = label
        self.scale = scale
        self.range = range
        self.showsGrid = showsGrid
    }
}
