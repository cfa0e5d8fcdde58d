/// Where the legend goes.
public enum LegendPosition: Sendable, Hashable {
    /// The inside corner that covers the fewest data points, trying top right, top left,
    /// bottom right, bottom left in that order; outside on the right when every corner covers
    /// some, or when a phase map fills the plot.
    case automatic
    case topRight, topLeft, bottomRight, bottomLeft
    /// To the right of the plot area (and of the colour bar, if any).
    case outsideRight
    /// No legend.
    case hidden
}
