extension RandomStream {
    /// `true` with probability `p`: the comparison `uniform() < p` on one draw.
    ///
    /// Exact for p on the 2⁻⁵³ grid and within 2⁻⁵³ of p otherwise. Edge cases: p ≤ 0 (and NaN)
    /// give `false`, p ≥ 1 gives `true`; a draw is consumed in every case, so the stream's
    /// position does not depend on p.
    @inlinable @inline(__always)
    public mutating func bernoulli(_ p: Double) -> Bool {
        uniform() < p
    }

    /// Samples independent 0/1 units, `buffer[i] = 1` with probability `probabilities[i]`
    /// (e.g. the hidden layer of an RBM given its conditional probabilities).
    ///
    /// Element i equals `bernoulli(Double(probabilities[i])) ? 1 : 0`, in order: one 53-bit
    /// uniform per unit, so probabilities below 2⁻²⁴ are still honoured.
    /// - Precondition: both buffers have the same count (a programmer error otherwise).
    @inlinable
    public mutating func fillBernoulli(
        _ buffer: UnsafeMutableBufferPointer<Float>, probabilities: UnsafeBufferPointer<Float>
    ) {
        precondition(buffer.count == probabilities.count, "fillBernoulli: buffer and probabilities differ in count")
        guard let base = buffer.baseAddress, let p = probabilities.baseAddress else { return }
        // Two units at a time through a vector compare-and-mask: the outcome is unpredictable
        // by construction, and the branch that x86 code generation makes of a scalar
        // floating-point select would mispredict up to half the time. Same comparison `u < p`,
        // same result (NaN included), same order of draws.
        let one = SIMD2<Double>(repeating: 1)
        var generator = engine
        var index = 0
        while index &+ 1 < buffer.count {
            let first = Double(Int64(bitPattern: generator.next() >> 11))
            let second = Double(Int64(bitPattern: generator.next() >> 11))
            let u = SIMD2(first, second) * 0x1p-53
            let threshold = SIMD2(Double(p[index]), Double(p[index &+ 1]))
            let units = SIMD2<Double>(repeating: 0).replacing(with: one, where: u .< threshold)
            base[index] = Float(units[0])
            base[index &+ 1] = Float(units[1])
            index &+= 2
        }
        if index < buffer.count {
            let u = Double(Int64(bitPattern: generator.next() >> 11)) * 0x1p-53
            base[index] = u < Double(p[index]) ? 1 : 0
        }
        engine = generator
    }

    /// Array form of `fillBernoulli(_:probabilities:)`.
    @inlinable
    public mutating func fillBernoulli(_ array: inout [Float], probabilities: [Float]) {
        probabilities.withUnsafeBufferPointer { p in
            array.withUnsafeMutableBufferPointer { fillBernoulli($0, probabilities: p) }
        }
    }
}
