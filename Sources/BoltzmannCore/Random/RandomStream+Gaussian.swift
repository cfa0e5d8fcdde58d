import RealModule

extension RandomStream {
    /// A standard normal N(0, 1) variate, by the 256-layer Ziggurat (``GaussianZiggurat``).
    ///
    /// One 64-bit draw x supplies three disjoint bit fields: the layer i = x mod 256 (bits 0–7),
    /// the sign (bit 8) and the abscissa u = x ≫ 11 (53 bits), so the layer and the value are
    /// independent (Doornik's fix of the original Marsaglia–Tsang correlation). The candidate
    /// |z| = u · 2⁻⁵³ · xᵢ is returned at once when it is below xᵢ₊₁, which happens in 98.5 % of
    /// the calls; otherwise the tail (Marsaglia 1964) or wedge rejection test runs with further
    /// draws (1.02 draws per variate on average). The result is exact (no approximation of Φ) up
    /// to the 2⁻⁵³ grid of the uniforms. The largest possible |z| is r + 53 ln 2/r ≈ 13.7 (the
    /// tail's uniform is at least 2⁻⁵³); P(|z| > 13.7) ≈ 10⁻⁴², so the cut-off is never felt.
    ///
    /// There is no cached second variate, so a copied stream continues identically.
    @inlinable
    public mutating func gaussian() -> Double {
        gaussian(table: GaussianZiggurat.standard)
    }

    /// One Ziggurat draw with the table already loaded (lets bulk loops hoist the table access).
    @inlinable @inline(__always)
    mutating func gaussian(table: GaussianZiggurat) -> Double {
        let bits = next()
        let layer = Int(truncatingIfNeeded: bits & 0xFF)
        let magnitude = Double(Int64(bitPattern: bits >> 11)) * table.scaledWidth[layer]
        if magnitude < table.width[layer &+ 1] {
            return Double(bitPattern: magnitude.bitPattern | ((bits & 0x100) << 55))
        }
        return gaussianOutsideCore(layer: layer, magnitude: magnitude, signBit: bits & 0x100, table: table)
    }

    /// The rare branch of the Ziggurat: tail sampling for the base strip, the wedge test for the
    /// other layers, and fresh draws after a wedge rejection.
    @usableFromInline
    mutating func gaussianOutsideCore(
        layer firstLayer: Int, magnitude firstMagnitude: Double, signBit firstSignBit: UInt64,
        table: GaussianZiggurat
    ) -> Double {
        var layer = firstLayer
        var magnitude = firstMagnitude
        var signBit = firstSignBit
        while true {
            if layer == 0 {
                // Marsaglia's tail method: x = −ln(U₁)/r, y = −ln(U₂), accept when 2y > x².
                let r = GaussianZiggurat.tailStart
                var excess: Double
                var exponential: Double
                repeat {
                    excess = -Double.log(1 - uniform()) / r
                    exponential = -Double.log(1 - uniform())
                } while exponential + exponential <= excess * excess
                magnitude = r + excess
                break
            }
            let low = table.height[layer]
            let high = table.height[layer + 1]
            if low + uniform() * (high - low) < Double.exp(-0.5 * magnitude * magnitude) {
                break
            }
            let bits = next()
            layer = Int(truncatingIfNeeded: bits & 0xFF)
            magnitude = Double(Int64(bitPattern: bits >> 11)) * table.scaledWidth[layer]
            signBit = bits & 0x100
            if magnitude < table.width[layer + 1] {
                break
            }
        }
        return signBit == 0 ? magnitude : -magnitude
    }

    /// Fills `buffer` with `gaussian()` values, in order.
    @inlinable
    public mutating func fillGaussian(_ buffer: UnsafeMutableBufferPointer<Double>) {
        guard let base = buffer.baseAddress else { return }
        let table = GaussianZiggurat.standard
        for index in 0..<buffer.count {
            base[index] = gaussian(table: table)
        }
    }

    /// Fills `buffer` with `Float(gaussian())` values, in order (one draw per value, rounded).
    @inlinable
    public mutating func fillGaussian(_ buffer: UnsafeMutableBufferPointer<Float>) {
        guard let base = buffer.baseAddress else { return }
        let table = GaussianZiggurat.standard
        for index in 0..<buffer.count {
            base[index] = Float(gaussian(table: table))
        }
    }

    /// Fills `array` with `gaussian()` values, in order.
    @inlinable
    public mutating func fillGaussian(_ array: inout [Double]) {
        array.withUnsafeMutableBufferPointer { fillGaussian($0) }
    }

    /// Fills `array` with `Float(gaussian())` values, in order.
    @inlinable
    public mutating func fillGaussian(_ array: inout [Float]) {
        array.withUnsafeMutableBufferPointer { fillGaussian($0) }
    }
}
