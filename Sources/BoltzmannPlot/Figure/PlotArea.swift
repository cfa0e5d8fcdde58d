import Foundation

/// Where the axes' box lies in the SVG and how data coordinates map into it.
///
/// Pixel x grows to the right and pixel y downwards: the axis lower bound sits at `left` and
/// at `top + height` respectively. On a log axis positions are linear in log₁₀ of the value.
public struct PlotArea: Sendable, Equatable {
    public var left: Double
    public var top: Double
    public var width: Double
    public var height: Double
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var xScale: AxisScale
    public var yScale: AxisScale

    /// Horizontal pixel position of data value `x`; nil when it cannot be shown (not finite,
    /// or ≤ 0 on a log axis). Values outside the range map outside the box.
    public func pixelX(_ x: Double) -> Double? {
        guard let fraction = Self.fraction(x, range: xRange, scale: xScale) else { return nil }
        return left + fraction * width
    }

    /// Vertical pixel position of data value `y` (see `pixelX`).
    public func pixelY(_ y: Double) -> Double? {
        guard let fraction = Self.fraction(y, range: yRange, scale: yScale) else { return nil }
        return top + height - fraction * height
    }

    /// The box in pixels.
    var rect: PixelRect {
        PixelRect(minX: left, minY: top, maxX: left + width, maxY: top + height)
    }

    /// Position of `value` along the axis as a fraction of its length (0 at the lower bound).
    static func fraction(_ value: Double, range: ClosedRange<Double>, scale: AxisScale) -> Double? {
        guard let t = transformed(value, scale: scale),
            let low = transformed(range.lowerBound, scale: scale),
            let high = transformed(range.upperBound, scale: scale)
        else { return nil }
        return (t - low) / (high - low)
    }

    /// The coordinate in which the axis is linear: the value, or its log₁₀.
    static func transformed(_ value: Double, scale: AxisScale) -> Double? {
        guard value.isFinite else { return nil }
        switch scale {
        case .linear: return value
        case .log10: return value > 0 ? Foundation.log10(value) : nil
        }
    }

    /// Inverse of `transformed`.
    static func untransformed(_ coordinate: Double, scale: AxisScale) -> Double {
        switch scale {
        case .linear: return coordinate
        case .log10: return Foundation.pow(10, coordinate)
        }
    }
}

extension PlotArea {
    /// Horizontal pixel of an axis coordinate that is already transformed (log₁₀ on a log axis).
    func pixelX(coordinate: Double) -> Double {
        let low = Self.transformed(xRange.lowerBound, scale: xScale) ?? 0
        let high = Self.transformed(xRange.upperBound, scale: xScale) ?? 1
        return left + (coordinate - low) / (high - low) * width
    }

    /// Vertical pixel of an axis coordinate that is already transformed.
    func pixelY(coordinate: Double) -> Double {
        let low = Self.transformed(yRange.lowerBound, scale: yScale) ?? 0
        let high = Self.transformed(yRange.upperBound, scale: yScale) ?? 1
        return top + height - (coordinate - low) / (high - low) * height
    }

    /// Pixel position of a data point, nil if either coordinate cannot be shown.
    func pixel(x: Double, y: Double) -> PixelPoint? {
        guard let px = pixelX(x), let py = pixelY(y) else { return nil }
        return PixelPoint(x: px, y: py)
    }
}
