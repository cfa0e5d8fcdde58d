extension RandomStream {
    /// A uniform `Double` in [0, 1): the top 53 bits of one draw times 2⁻⁵³.
    /// (Converted through `Int64`, which is one instruction; the value is exact.)
    ///
    /// Every multiple of 2⁻⁵³ in [0, 1) is equally likely (probability 2⁻⁵³); 1 is never
    /// returned, 0 is (with probability 2⁻⁵³). Use `1 - uniform()` for a value in (0, 1].
    @inlinable @inline(__always)
    public mutating func uniform() -> Double {
        Double(Int64(bitPattern: next() >> 11)) * 0x1p-53
    }

    /// A uniform `Float` in [0, 1): the top 24 bits of one draw times 2⁻²⁴.
    @inlinable @inline(__always)
    public mutating func uniformFloat() -> Float {
        Float(Int32(truncatingIfNeeded: next() >> 40)) * 0x1p-24
    }

    /// A uniform integer in 0..<`bound`, exactly unbiased.
    ///
    /// Lemire's multiply-and-reject method: with x a 64-bit draw, the high word of x·bound is
    /// the result unless the low word falls in the 2⁶⁴ mod bound rejected values, which happens
    /// with probability < bound/2⁶⁴. The algorithm is fixed here (not the standard library's),
    /// so sequences do not change with the toolchain.
    ///
    /// Source: D. Lemire, "Fast random integer generation in an interval", ACM TOMACS 29, 3 (2019).
    /// - Precondition: `bound > 0` (a programmer error otherwise).
    @inlinable
    public mutating func uniformIndex(below bound: Int) -> Int {
        precondition(bound > 0, "uniformIndex(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// Fills `buffer` with `uniform()` values, in order.
    @inlinable
    public mutating func fillUniform(_ buffer: UnsafeMutableBufferPointer<Double>) {
        guard let base = buffer.baseAddress else { return }
        var generator = engine
        for index in 0..<buffer.count {
            base[index] = Double(Int64(bitPattern: generator.next() >> 11)) * 0x1p-53
        }
        engine = generator
    }

    /// Fills `buffer` with `uniformFloat()` values, in order.
    @inlinable
    public mutating func fillUniform(_ buffer: UnsafeMutableBufferPointer<Float>) {
        guard let base = buffer.baseAddress else { return }
        var generator = engine
        for index in 0..<buffer.count {
            base[index] = Float(Int32(truncatingIfNeeded: generator.next() >> 40)) * 0x1p-24
        }
        engine = generator
    }

    /// Fills `array` with `uniform()` values, in order.
    @inlinable
    public mutating func fillUniform(_ array: inout [Double]) {
        array.withUnsafeMutableBufferPointer { fillUniform($0) }
    }

    /// Fills `array` with `uniformFloat()` values, in order.
    @inlinable
    public mutating func fillUniform(_ array: inout [Float]) {
        array.withUnsafeMutableBufferPointer { fillUniform($0) }
    }
}
