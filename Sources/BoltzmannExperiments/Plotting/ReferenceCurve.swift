/// A curve known before the experiment runs, drawn over a map for comparison: e.g. the
/// transition line T = √(α/c) of a critical c a paper reports.
public struct ReferenceCurve: Sendable {
    public var x: [Double]
    public var y: [Double]
    /// Legend text in `RichText` markup.
    public var label: String

    public init(x: [Double], y: [Double], label: String) {
        precondition(x.count == y.count, "one y per x")
        self.x = x
        self.y = y
        self.label = label
    }

    /// y = f(x) sampled at `count` evenly spaced x in `range`.
    public init(sampling f: (Double) -> Double, over range: ClosedRange<Double>, count: Int = 200, label: String) {
        precondition(count >= 2, "at least two samples")
        let xs = (0..<count).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(count - 1) }
        self.init(x: xs, y: xs.map(f), label: label)
    }
}
