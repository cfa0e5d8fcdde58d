import BoltzmannCore
/// A function of two variables drawn as coloured cells, with a colour bar and optional
/// contour lines, e.g. an order parameter over (α, T).
///
/// `x` and `y` are the cell centres (increasing, not necessarily evenly spaced); each cell
/// reaches halfway to its neighbours. `values[j][i]` is the value at (`x[i]`, `y[j]`): one row
/// per y, row-major. NaN cells are left blank (white), so a failed solver shows as a hole.
/// The colour scale runs linearly over `valueRange`, by default the finite values' extent.
public struct HeatMap: Sendable {
    public var x: [Double]
    public var y: [Double]
    public var values: [[Double]]
    public var colorMap: ColorMap
    /// Colour-bar caption in `RichText` markup.
    public var colorBarLabel: String
    public var showsColorBar: Bool
    /// Values mapped to the two ends of the colour map; nil uses the data's extent.
    public var valueRange: ClosedRange<Double>?
    public private(set) var contours: [ContourSet] = []

    public init(
        x: [Double], y: [Double], values: [[Double]], colorMap: ColorMap = .viridis,
        colorBar: String = "", showsColorBar: Bool = true, valueRange: ClosedRange<Double>? = nil
    ) {
        self.x = x
        self.y = y
        self.values = values
        self.colorMap = colorMap
        self.colorBarLabel = colorBar
        self.showsColorBar = showsColorBar
        self.valueRange = valueRange
    }

    /// Draws contour lines of this map at `levels` (computed by `MarchingSquares` on the cell
    /// centres), in `color` (white reads well on viridis), labelled with their values.
    public mutating func addContours(
        levels: [Double], color: Color = .white, width: Double = 1, style: LineStyle = .solid, labeled: Bool = true
    ) {
        contours.append(ContourSet(levels: levels, color: color, width: width, style: style, labeled: labeled))
    }

    /// About `count` round-number levels strictly inside the colour range, for `addContours`.
    public func niceLevels(approximately count: Int = 6) -> [Double] {
        guard let range = resolvedValueRange(), range.lowerBound < range.upperBound else { return [] }
        let ticks = LinearTicks(covering: range.lowerBound, range.upperBound, target: max(count + 2, 3), expandsRange: false)
        return ticks.values.filter { $0 > range.lowerBound && $0 < range.upperBound }
    }

    /// `valueRange`, or the extent of the finite values; nil when there are none.
    func resolvedValueRange() -> ClosedRange<Double>? {
        if let valueRange { return valueRange }
        let finite = values.joined().filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        return low...high
    }

    func validate(name: String) throws {
        try GridValidation.validate(x: x, y: y, rows: values, name: name)
        if let valueRange, !(valueRange.lowerBound.isFinite && valueRange.upperBound.isFinite) {
            throw BoltzmannError("the colour range \(valueRange) is not finite", fix: "pass finite bounds or nil", source: name)
        }
    }
}
