/// The 128-bit identity of a ``RandomStream``: where it sits in the tree
/// run seed → task index → sub-task index → …, independent of how many numbers it has drawn.
///
/// Everything is built on one bijection P of 128-bit words, a four-round Feistel network whose
/// round functions are the SplitMix64 mixer with distinct offsets:
///
///     (h, l) → h ⊕= F₁(l);  l ⊕= F₂(h);  h ⊕= F₃(l);  l ⊕= F₄(h),   Fⱼ(x) = mix(x + cⱼ)
///
/// Each Feistel round is invertible whatever Fⱼ is, so P is a permutation; with four rounds every
/// output bit depends on every input bit, and with ideal round functions four rounds are
/// indistinguishable from a random permutation (Luby–Rackoff).
///
/// - root key:        K(seed)       = P(seed, c_root)
/// - child key:       K.child(i)    = P(K.h, K.l ⊕ i)
/// - xoshiro state:   (s₀, s₁) = P(K.h ⊕ d₁, K.l),   (s₂, s₃) = P(K.h ⊕ d₂, K.l)
///
/// The constants c_root, d₁, d₂, cⱼ are consecutive 64-bit words of the hexadecimal expansion of
/// π ("nothing up my sleeve" numbers), chosen only to separate the three uses of P.
///
/// Consequences, all exact (not probabilistic): distinct seeds give distinct root keys; the
/// children of one key are pairwise distinct, and so are the i-th children of distinct keys;
/// distinct keys give distinct 256-bit states; and the state is never all zero, since
/// (s₀, s₁) = (s₂, s₃) = 0 would need two different preimages of 0 under P.
/// The remaining collisions (e.g. a grandchild key equal to an unrelated child key) are
/// generic 128-bit collisions, of probability ≈ n²/2¹²⁹ among n keys.
///
/// Source: M. Luby, C. Rackoff, SIAM J. Comput. 17, 373 (1988) for the Feistel construction;
/// the SplitMix64 mixer as in ``SplitMix64/mix(_:)``.
public struct StreamKey: Sendable, Hashable, Codable {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The root key of a run seed.
    public init(seed: UInt64) {
        self = StreamKey(high: seed, low: 0x243F_6A88_85A3_08D3).permuted()
    }

    /// The key of child `index` (a task, chain or sub-task of this stream).
    public func child(_ index: UInt64) -> StreamKey {
        StreamKey(high: high, low: low ^ index).permuted()
    }

    /// The xoshiro256** state owned by this key.
    public var generatorState: Xoshiro256StarStar {
        let first = StreamKey(high: high ^ 0x1319_8A2E_0370_7344, low: low).permuted()
        let second = StreamKey(high: high ^ 0xA409_3822_299F_31D0, low: low).permuted()
        return Xoshiro256StarStar(first.high, first.low, second.high, second.low)
    }

    /// The Feistel permutation P described above.
    func permuted() -> StreamKey {
        var h = high
        var l = low
        h ^= SplitMix64.mix(l &+ 0x082E_FA98_EC4E_6C89)
        l ^= SplitMix64.mix(h &+ 0x4528_21E6_38D0_1377)
        h ^= SplitMix64.mix(l &+ 0xBE54_66CF_34E9_0C6C)
        l ^= SplitMix64.mix(h &+ 0xC0AC_29B7_C97C_50DD)
        return StreamKey(high: h, low: l)
    }
}
