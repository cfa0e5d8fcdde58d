/// Contour lines to draw over a heat map: the levels and how to stroke and label them.
public struct ContourSet: Sendable, Hashable {
    public var levels: [Double]
    public var color: Color
    public var width: Double
    public var style: LineStyle
    /// Write each level's value on its longest line.
    public var labeled: Bool

    public init(levels: [Double], color: Color = .white, width: Double = 1, style: LineStyle = .solid, labeled: Bool = true) {
        self.levels = levels
        self.color = color
        self.width = width
        self.style = style
        self.labeled = labeled
    }
}
