/// A seeded, splittable stream of random numbers: the one source of randomness in Boltzmann.
///
/// A stream is named by a run seed and a task index, `RandomStream(seed: s, stream: k)`, and
/// nested tasks take children of it, `stream.substream(l)` (chain l of task k, and so on). What a
/// stream produces depends only on that name, never on threads, timing or the order in which
/// tasks run, so a seeded run is bit-identical for any thread count.
///
/// ## Generator
/// xoshiro256** (``Xoshiro256StarStar``): period 2²⁵⁶ − 1, all output bits pass BigCrush and
/// PractRand, about 1–1.5 ns per 64-bit draw on a 2.4 GHz core.
///
/// ## Why streams are independent
/// The name is hashed into a 128-bit ``StreamKey`` by a keyed Feistel permutation built on the
/// SplitMix64 mixer, and the key is expanded the same way into the 256-bit xoshiro state.
/// - *Distinct*: within a run, distinct task indices provably get distinct keys and states, and
///   so do the children of one stream and the same task index under distinct seeds (each step
///   is a bijection, see ``StreamKey``); any other coincidence is a generic 128-bit collision,
///   of probability ≈ n²/2¹²⁹ among n streams. The state is provably never the forbidden
///   all-zero one.
/// - *Non-overlapping*: xoshiro256** has a single cycle of length 2²⁵⁶ − 1 through all non-zero
///   states, and the mixer puts each stream at an effectively random point of it. n streams of
///   L draws each overlap with probability at most n²L/2²⁵⁶: for 2⁴⁰ streams of 2⁶⁴ draws that is
///   2⁻¹¹², never in practice. (This is the argument Blackman and Vigna give for seeding
///   xoshiro from a SplitMix64 hash; numpy's SeedSequence relies on the same reasoning.)
/// - *Uncorrelated*: neighbouring names (k, k + 1) differ in one input bit, and the four-round
///   Feistel network with the SplitMix64 mixer spreads that bit over all 256 state bits, so
///   nearby streams start at unrelated points instead of at shifted copies of one another.
///   The tests check the correlation of many neighbouring pairs against 1/√n.
///
/// ## Value semantics
/// All state, including the Rademacher bit reserve, is stored in the value: a copy continues
/// exactly like the original, and `Codable` saves a stream mid-run for checkpoint and resume.
///
/// ## Bit budget per draw (each draw is one 64-bit output)
/// `uniform` 1 (top 53 bits), `uniformFloat` 1 (top 24 bits), `gaussian` 1 in 98.5 % of the
/// calls and 1.02 on average (Ziggurat), `bernoulli` 1, `uniformIndex` 1 and rarely more (Lemire),
/// `rademacher` 1/64 (bits are served from a reserve, lowest bit first).
/// The `fill…` methods produce exactly the values of the corresponding scalar calls in order.
public struct RandomStream: RandomNumberGenerator, Sendable, Hashable, Codable {
    /// The xoshiro256** engine; advances with every draw.
    @usableFromInline
    var engine: Xoshiro256StarStar

    /// This stream's position in the tree of seeds and tasks; never changes.
    public let key: StreamKey

    /// Random bits not yet used by `rademacher()`, consumed lowest bit first.
    @usableFromInline
    var signBits: UInt64 = 0

    /// How many bits of `signBits` are still unused (0…64).
    @usableFromInline
    var signBitCount: Int = 0

    /// The stream of task `stream` in the run with seed `seed`.
    ///
    /// `RandomStream(seed: s, stream: k)` and `RandomStream(seed: s).substream(k)` are two
    /// different, equally valid streams; pick one convention per call site.
    public init(seed: UInt64, stream: UInt64 = 0) {
        self.init(key: StreamKey(seed: seed).child(stream))
    }

    /// The stream owned by a key (the fresh stream, with nothing drawn yet).
    public init(key: StreamKey) {
        self.key = key
        engine = key.generatorState
    }

    /// The fresh child stream `index` of this stream, for nested tasks (e.g. chain l of task k).
    ///
    /// Depends only on this stream's name and `index`, not on how much has been drawn from it,
    /// so `stream.substream(l)` is the same before and after using `stream`.
    public func substream(_ index: UInt64) -> RandomStream {
        RandomStream(key: key.child(index))
    }

    /// Decodes a saved stream (checkpoint and resume), refusing an impossible bit reserve or
    /// generator state, which can only come from a corrupted or hand-edited file.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(StreamKey.self, forKey: .key)
        engine = try container.decode(Xoshiro256StarStar.self, forKey: .engine)
        signBits = try container.decode(UInt64.self, forKey: .signBits)
        signBitCount = try container.decode(Int.self, forKey: .signBitCount)
        guard (0...64).contains(signBitCount) else {
            throw DecodingError.dataCorruptedError(
                forKey: .signBitCount, in: container,
                debugDescription: "the Rademacher bit reserve holds \(signBitCount) bits, but 0…64 are possible")
        }
    }

    /// The next 64 uniformly distributed random bits.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        engine.next()
    }
}
