/// One connected piece of a level set, as a polyline in the grid's coordinates.
public struct ContourLine: Sendable, Equatable {
    /// The level f(x, y) = level that the line traces.
    public var level: Double
    public var x: [Double]
    public var y: [Double]
    /// True when the line returns to its start (its last point repeats the first).
    public var isClosed: Bool
}
