/// The xoshiro256** generator: a 256-bit xor/shift/rotate linear engine with the `**`
/// (multiply–rotate–multiply) output scrambler.
///
/// One step, with state (s₀, s₁, s₂, s₃):
///
///     output = rotl(s₁ · 5, 7) · 9
///     t  = s₁ ≪ 17
///     s₂ ⊕= s₀;  s₃ ⊕= s₁;  s₁ ⊕= s₂;  s₀ ⊕= s₃;  s₂ ⊕= t;  s₃ = rotl(s₃, 45)
///
/// Period 2²⁵⁶ − 1 (the all-zero state is a fixed point and must never be used); the output is
/// 4-dimensionally equidistributed and all 64 bits pass BigCrush and PractRand, so the low bits
/// are as good as the high ones. About 1 ns per draw.
///
/// This is the raw engine: ``RandomStream`` wraps it with stream derivation and the
/// distributions. Use it directly only to reproduce the published reference sequence.
///
/// Source: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators",
/// ACM Trans. Math. Softw. 47, 36 (2021).
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable, Codable {
    public var s0: UInt64
    public var s1: UInt64
    public var s2: UInt64
    public var s3: UInt64

    /// Starts from an explicit state. The state must not be all zero (a programmer error:
    /// ``RandomStream`` derives states that provably never are).
    @inlinable
    public init(_ s0: UInt64, _ s1: UInt64, _ s2: UInt64, _ s3: UInt64) {
        precondition(s0 | s1 | s2 | s3 != 0, "xoshiro256** must not start from the all-zero state")
        self.s0 = s0
        self.s1 = s1
        self.s2 = s2
        self.s3 = s3
    }

    /// Decodes a saved state, refusing the all-zero state (a corrupted or hand-edited checkpoint):
    /// the generator would return 0 forever.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let s0 = try container.decode(UInt64.self, forKey: .s0)
        let s1 = try container.decode(UInt64.self, forKey: .s1)
        let s2 = try container.decode(UInt64.self, forKey: .s2)
        let s3 = try container.decode(UInt64.self, forKey: .s3)
        guard s0 | s1 | s2 | s3 != 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .s3, in: container,
                debugDescription: "xoshiro256** state is all zero; the saved random stream is corrupted")
        }
        self.init(s0, s1, s2, s3)
    }

    /// Returns the scrambled output of the current state and advances the state by one step.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, by: 45)
        return result
    }

    /// Left rotation by `count` bits, 0 < count < 64.
    @inlinable @inline(__always)
    static func rotateLeft(_ value: UInt64, by count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 &- count))
    }
}
