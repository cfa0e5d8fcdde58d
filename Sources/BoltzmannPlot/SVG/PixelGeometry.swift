/// A point in SVG pixel coordinates (y grows downwards).
struct PixelPoint: Equatable {
    var x: Double
    var y: Double
}

/// An axis-aligned rectangle in SVG pixel coordinates, used to clip everything drawn inside
/// the plot area by computing geometry rather than by `clipPath` (a `clipPath` needs an `id`,
/// and ids clash when several figures are inlined in one HTML page).
struct PixelRect: Equatable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    var width: Double { maxX - minX }
    var height: Double { maxY - minY }

    func contains(_ point: PixelPoint, tolerance: Double = 0) -> Bool {
        point.x >= minX - tolerance && point.x <= maxX + tolerance
            && point.y >= minY - tolerance && point.y <= maxY + tolerance
    }

    func insetBy(_ amount: Double) -> PixelRect {
        PixelRect(minX: minX + amount, minY: minY + amount, maxX: maxX - amount, maxY: maxY - amount)
    }

    /// The part of the segment `a`–`b` inside the rectangle, or nil when none is.
    ///
    /// Liang–Barsky clipping: with p(t) = a + t (b − a), each of the four edges bounds t from
    /// one side; the segment survives when the largest lower bound does not exceed the smallest
    /// upper bound. Y.-D. Liang and B. A. Barsky, Commun. ACM 27, 868 (1984).
    func clip(_ a: PixelPoint, _ b: PixelPoint) -> (PixelPoint, PixelPoint)? {
        let dx = b.x - a.x
        let dy = b.y - a.y
        var lower = 0.0
        var upper = 1.0
        // Each pair (p, q) encodes the constraint t·p ≤ q for one edge.
        let constraints = [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)]
        for (p, q) in constraints {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let t = q / p
            if p < 0 {
                lower = max(lower, t)
            } else {
                upper = min(upper, t)
            }
            if lower > upper { return nil }
        }
        let start = lower == 0 ? a : PixelPoint(x: a.x + lower * dx, y: a.y + lower * dy)
        let end = upper == 1 ? b : PixelPoint(x: a.x + upper * dx, y: a.y + upper * dy)
        return (start, end)
    }

    /// The intersection with `other`, or nil when they do not overlap.
    func intersection(_ other: PixelRect) -> PixelRect? {
        let result = PixelRect(
            minX: max(minX, other.minX), minY: max(minY, other.minY),
            maxX: min(maxX, other.maxX), maxY: min(maxY, other.maxY))
        return result.minX < result.maxX && result.minY < result.maxY ? result : nil
    }
}
