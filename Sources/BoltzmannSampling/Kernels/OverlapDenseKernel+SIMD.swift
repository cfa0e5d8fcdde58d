// The SIMD helpers of the quadratic arithmetic. The sums are small `@inline(never)` functions
// called once per block of ≥ 64 elements: inside them the optimizer inlines the lane
// conversions, and LLVM turns `acc += Int32(a) * Int32(b)` over 16-bit lanes, reduced only at
// the end, into `pmaddwd` (8 products and 4 pair sums per instruction with SSE2). Inlined into
// the large sweep function instead, the generic conversion stays a call and the loop runs
// several times slower.

extension OverlapDenseKernel {
    /// Expands `count` bits (a multiple of 64) of a packed column into 16-bit lane masks:
    /// `masks[k] = −1` (all ones) when bit k is set (η = +1), 0 otherwise: each byte is
    /// broadcast to 8 lanes, and-ed with (1, 2, …, 128) and compared with it.
    @inline(never)
    static func expandMasks(_ bits: UnsafePointer<UInt64>, into masks: UnsafeMutablePointer<Int16>, count: Int) {
        let lanes = SIMD8<Int16>(1, 2, 4, 8, 16, 32, 64, 128)
        let out = UnsafeMutableRawPointer(masks)
        var word = 0
        var offset = 0
        while offset < count {
            var value = bits[word]
            for _ in 0..<8 {
                let selected = SIMD8<Int16>(repeating: Int16(truncatingIfNeeded: value & 0xFF)) & lanes
                let mask = SIMD8<Int16>.zero.replacing(with: -1, where: selected .== lanes)
                out.storeBytes(of: mask, toByteOffset: offset &* 2, as: SIMD8<Int16>.self)
                value >>= 8
                offset &+= 8
            }
            word &+= 1
        }
    }

    /// Σ_k (s_k & m_k) s_k = Σ_{k: η_k = +1} s_k² over `count` elements (a multiple of 32), as
    /// the `Int32` sum modulo 2³²: exact when the true sum is below 2³¹ (callers keep
    /// count · N² < 2³¹).
    @inline(never)
    static func maskedSquareSum(_ s: UnsafePointer<Int16>, _ m: UnsafePointer<Int16>, count: Int) -> Int32 {
        let sr = UnsafeRawPointer(s)
        let mr = UnsafeRawPointer(m)
        var acc0 = SIMD8<Int32>()
        var acc1 = SIMD8<Int32>()
        var acc2 = SIMD8<Int32>()
        var acc3 = SIMD8<Int32>()
        var byte = 0
        let end = 2 &* count
        while byte < end {
            let x0 = sr.loadUnaligned(fromByteOffset: byte, as: SIMD8<Int16>.self)
            let m0 = mr.loadUnaligned(fromByteOffset: byte, as: SIMD8<Int16>.self)
            let x1 = sr.loadUnaligned(fromByteOffset: byte &+ 16, as: SIMD8<Int16>.self)
            let m1 = mr.loadUnaligned(fromByteOffset: byte &+ 16, as: SIMD8<Int16>.self)
            let x2 = sr.loadUnaligned(fromByteOffset: byte &+ 32, as: SIMD8<Int16>.self)
            let m2 = mr.loadUnaligned(fromByteOffset: byte &+ 32, as: SIMD8<Int16>.self)
            let x3 = sr.loadUnaligned(fromByteOffset: byte &+ 48, as: SIMD8<Int16>.self)
            let m3 = mr.loadUnaligned(fromByteOffset: byte &+ 48, as: SIMD8<Int16>.self)
            acc0 &+= SIMD8<Int32>(truncatingIfNeeded: x0 & m0) &* SIMD8<Int32>(truncatingIfNeeded: x0)
            acc1 &+= SIMD8<Int32>(truncatingIfNeeded: x1 & m1) &* SIMD8<Int32>(truncatingIfNeeded: x1)
            acc2 &+= SIMD8<Int32>(truncatingIfNeeded: x2 & m2) &* SIMD8<Int32>(truncatingIfNeeded: x2)
            acc3 &+= SIMD8<Int32>(truncatingIfNeeded: x3 & m3) &* SIMD8<Int32>(truncatingIfNeeded: x3)
            byte &+= 64
        }
        return ((acc0 &+ acc1) &+ (acc2 &+ acc3)).wrappedSum()
    }

    /// Σ_{k: η_k = +1} s_k over `count` elements (a multiple of 32); exact (count N < 2³¹).
    @inline(never)
    static func maskedLinearSum(_ s: UnsafePointer<Int16>, _ m: UnsafePointer<Int16>, count: Int) -> Int32 {
        let sr = UnsafeRawPointer(s)
        let mr = UnsafeRawPointer(m)
        var acc0 = SIMD8<Int32>()
        var acc1 = SIMD8<Int32>()
        var byte = 0
        let end = 2 &* count
        while byte < end {
            let x0 = sr.loadUnaligned(fromByteOffset: byte, as: SIMD8<Int16>.self)
            let m0 = mr.loadUnaligned(fromByteOffset: byte, as: SIMD8<Int16>.self)
            let x1 = sr.loadUnaligned(fromByteOffset: byte &+ 16, as: SIMD8<Int16>.self)
            let m1 = mr.loadUnaligned(fromByteOffset: byte &+ 16, as: SIMD8<Int16>.self)
            acc0 &+= SIMD8<Int32>(truncatingIfNeeded: x0 & m0)
            acc1 &+= SIMD8<Int32>(truncatingIfNeeded: x1 & m1)
            byte &+= 32
        }
        return (acc0 &+ acc1).wrappedSum()
    }

    /// s_k += f η_k with η_k = +1 where the mask is set and −1 elsewhere (padding included),
    /// i.e. s − f + (2f & m), over `count` elements (a multiple of 8). Returns Σ_{η_k = +1} s_k
    /// *before* the update (exact: count N < 2³¹), from which the caller gets Σ_a η_a s_a.
    @inline(never)
    static func addSignedColumn(_ s: UnsafeMutablePointer<Int16>, _ m: UnsafePointer<Int16>, count: Int, factor: Int16) -> Int32 {
        let sr = UnsafeMutableRawPointer(s)
        let mr = UnsafeRawPointer(m)
        let f = SIMD8<Int16>(repeating: factor)
        let twice = SIMD8<Int16>(repeating: factor &* 2)
        var acc = SIMD8<Int32>()
        var byte = 0
        let end = 2 &* count
        while byte < end {
            let x = sr.loadUnaligned(fromByteOffset: byte, as: SIMD8<Int16>.self)
            let mask = mr.loadUnaligned(fromByteOffset: byte, as: SIMD8<Int16>.self)
            acc &+= SIMD8<Int32>(truncatingIfNeeded: x & mask)
            sr.storeBytes(of: (x &- f) &+ (twice & mask), toByteOffset: byte, as: SIMD8<Int16>.self)
            byte &+= 16
        }
        return acc.wrappedSum()
    }
}
