/// SplitMix64: a 64-bit generator made of a Weyl sequence and a strong output mixer.
///
/// The state advances by the odd constant γ = 0x9E3779B97F4A7C15 (2⁶⁴/φ) and each output is
/// `mix(state)`, where `mix` is the bijective avalanche function
///
///     z ← (z ⊕ (z ≫ 30)) · 0xBF58476D1CE4E5B9
///     z ← (z ⊕ (z ≫ 27)) · 0x94D049BB133111EB
///     z ← z ⊕ (z ≫ 31)
///
/// (Stafford's "Mix13" variant of the MurmurHash3 finaliser). Every step of `mix` is invertible
/// (xor-shift, multiplication by an odd constant), so distinct inputs give distinct outputs.
///
/// Period 2⁶⁴. It passes BigCrush, but its small state makes it a seeding and hashing tool here,
/// not the simulation generator: ``RandomStream`` uses `mix` to turn a (seed, stream) key into a
/// xoshiro256** state, as Blackman and Vigna recommend.
///
/// Source: G. L. Steele, D. Lea, C. H. Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014; D. Stafford, "Better bit mixing" (2011); S. Vigna, splitmix64 reference
/// description at prng.di.unimi.it.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable, Codable {
    /// The Weyl-sequence counter; the next output is `mix(state &+ γ)`.
    public var state: UInt64

    /// The Weyl increment γ = ⌊2⁶⁴/φ⌋ rounded to odd.
    public static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Starts the sequence at `seed`; the first output is `mix(seed &+ γ)`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Advances the counter by γ and returns the mixed counter.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= SplitMix64.increment
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function: a bijection of `UInt64` with full avalanche
    /// (each input bit flips each output bit with probability ≈ 1/2).
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
