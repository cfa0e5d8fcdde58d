/// A continuous colour map: evenly spaced colour stops, linearly interpolated in sRGB.
public struct ColorMap: Sendable, Equatable {
    /// Stops at t = 0, 1/(n−1), …, 1.
    public var stops: [Color]

    /// - Precondition: at least two stops.
    public init(stops: [Color]) {
        precondition(stops.count >= 2, "a colour map needs at least two stops")
        self.stops = stops
    }

    /// The colour at `t` in [0, 1]; values outside are clamped, NaN gives nil.
    public func color(at t: Double) -> Color? {
        guard !t.isNaN else { return nil }
        let position = min(max(t, 0), 1) * Double(stops.count - 1)
        let index = min(Int(position), stops.count - 2)
        return stops[index].mixed(with: stops[index + 1], fraction: position - Double(index))
    }

    /// The same map run backwards.
    public func reversed() -> ColorMap {
        ColorMap(stops: stops.reversed())
    }

    /// Viridis (S. van der Walt and N. Smith, matplotlib 1.5, 2015): perceptually uniform,
    /// readable in greyscale and by readers with colour-vision deficiencies; dark purple
    /// (#440154) at 0 to yellow (#fde725) at 1.
    ///
    /// Stored as its published 256-entry definition sampled at t = k/32 (33 stops, four
    /// decimals); linear interpolation between them reproduces the full table to within
    /// 2.5/255 per component (largest near t = 0, where red bends), below a visible difference.
    public static let viridis = ColorMap(stops: [
        (0.2670, 0.0049, 0.3294), (0.2770, 0.0503, 0.3757), (0.2823, 0.0950, 0.4173),
        (0.2829, 0.1359, 0.4534), (0.2788, 0.1755, 0.4834), (0.2706, 0.2141, 0.5071),
        (0.2590, 0.2515, 0.5247), (0.2450, 0.2877, 0.5373), (0.2297, 0.3224, 0.5457),
        (0.2143, 0.3556, 0.5512), (0.1994, 0.3876, 0.5546), (0.1856, 0.4186, 0.5568),
        (0.1727, 0.4488, 0.5579), (0.1607, 0.4785, 0.5581), (0.1490, 0.5081, 0.5573),
        (0.1378, 0.5375, 0.5549), (0.1276, 0.5669, 0.5506), (0.1206, 0.5964, 0.5436),
        (0.1206, 0.6258, 0.5335), (0.1323, 0.6550, 0.5197), (0.1579, 0.6838, 0.5017),
        (0.1966, 0.7118, 0.4792), (0.2461, 0.7389, 0.4520), (0.3041, 0.7647, 0.4199),
        (0.3692, 0.7889, 0.3829), (0.4401, 0.8111, 0.3410), (0.5160, 0.8312, 0.2943),
        (0.5958, 0.8487, 0.2433), (0.6785, 0.8637, 0.1895), (0.7624, 0.8764, 0.1371),
        (0.8456, 0.8873, 0.0997), (0.9261, 0.8973, 0.1041), (0.9932, 0.9062, 0.1439),
    ].map { Color(red: $0.0, green: $0.1, blue: $0.2) })

    /// White (0) to black (1), for figures printed in greyscale.
    public static let greys = ColorMap(stops: [.white, .black])
}
