extension CubicTensorKernel {
    /// The per-chain state of a ``CubicTensorKernel`` in one allocation, chain after chain
    /// (each record 64-byte aligned), behind a class so that the kernel can hand raw pointers to
    /// its worker threads; the kernel keeps value semantics by copying the storage before
    /// mutating it when it is shared (`isKnownUniquelyReferenced`).
    ///
    /// Record of one chain (N spins): a header of 4 × `Int64` (the negatives count
    /// #{j: σ_j = −1}, the excess-cost account, the backoff exponent of the reference moves and
    /// the sweeps since the reference last moved), the fields B (N `Int64`), the reference fields Q^ref
    /// (N × N `Int32`), D as its size followed by its sites (N + 1 `Int32`), the spin masks
    /// (N `Int16`: 0 for +1, −1 for −1) and the spins (N `Int8`).
    final class ChainStorage: @unchecked Sendable {
        let size: Int
        let chains: Int
        /// Bytes per chain record.
        let stride: Int
        let base: UnsafeMutableRawPointer
        /// λ c_i with λ = 3N − 2 (Krotov) or 0 (Gardner): the self-term part of the ΔE
        /// numerator, shared by all chains.
        let selfTerms: UnsafeMutablePointer<Int64>

        /// Bytes of one chain record for N spins, before alignment.
        static func recordBytes(size n: Int) -> Int {
            32 + 8 * n + 4 * n * n + 4 * (n + 1) + 2 * n + n
        }

        init(size n: Int, chains: Int, selfTerms: [Int64]) {
            self.size = n
            self.chains = chains
            self.stride = (Self.recordBytes(size: n) + 63) / 64 * 64
            self.base = UnsafeMutableRawPointer.allocate(byteCount: max(1, stride * chains), alignment: 64)
            base.initializeMemory(as: UInt8.self, repeating: 0, count: stride * chains)
            self.selfTerms = UnsafeMutablePointer<Int64>.allocate(capacity: n)
            self.selfTerms.initialize(from: selfTerms, count: n)
        }

        private init(copying other: ChainStorage) {
            size = other.size
            chains = other.chains
            stride = other.stride
            base = UnsafeMutableRawPointer.allocate(byteCount: max(1, stride * chains), alignment: 64)
            base.copyMemory(from: other.base, byteCount: stride * chains)
            selfTerms = UnsafeMutablePointer<Int64>.allocate(capacity: size)
            selfTerms.initialize(from: other.selfTerms, count: size)
        }

        func copy() -> ChainStorage { ChainStorage(copying: self) }

        deinit {
            base.deallocate()
            selfTerms.deallocate()
        }

        /// Typed views of chain l's record.
        @inline(__always)
        func chain(_ l: Int) -> ChainState {
            let n = size
            let record = base + l &* stride
            let fields = record + 32
            let references = fields + 8 &* n
            let departures = references + 4 &* n &* n
            let masks = departures + 4 &* (n &+ 1)
            let spins = masks + 2 &* n
            return ChainState(
                header: record.assumingMemoryBound(to: Int64.self),
                references: references.assumingMemoryBound(to: Int32.self),
                fields: fields.assumingMemoryBound(to: Int64.self),
                departures: departures.assumingMemoryBound(to: Int32.self),
                masks: masks.assumingMemoryBound(to: Int16.self),
                spins: spins.assumingMemoryBound(to: Int8.self))
        }
    }

    /// Pointers into one chain's record of ``ChainStorage``.
    struct ChainState {
        /// [0]: #{j: σ_j = −1}; [1]: the excess cost accumulated since the reference moved;
        /// [2]: the backoff exponent of reference moves; [3]: sweeps since the reference moved.
        let header: UnsafeMutablePointer<Int64>
        /// Q^ref[a][b], row-major N × N.
        let references: UnsafeMutablePointer<Int32>
        /// B_i.
        let fields: UnsafeMutablePointer<Int64>
        /// [0]: |D|; [1…]: the sites of D.
        let departures: UnsafeMutablePointer<Int32>
        /// 0 for σ_j = +1, −1 (all bits set) for σ_j = −1.
        let masks: UnsafeMutablePointer<Int16>
        let spins: UnsafeMutablePointer<Int8>

        @inline(__always) var negatives: Int32 { Int32(truncatingIfNeeded: header[0]) }

        /// Flips σ_k with its mask and the negatives count.
        @inline(__always)
        func flipSpin(_ k: Int) {
            header[0] &+= spins[k] > 0 ? 1 : -1
            spins[k] = 0 &- spins[k]
            masks[k] = ~masks[k]
        }

        /// Sets the masks and the negatives count from the spins.
        func loadMasks(size n: Int) {
            var count: Int64 = 0
            for j in 0..<n {
                let negative = spins[j] < 0
                masks[j] = negative ? -1 : 0
                count &+= negative ? 1 : 0
            }
            header[0] = count
        }
    }
}
