import BoltzmannCore
import Dispatch

extension CubicTensorKernel {
    public mutating func sweep(beta: Double, rule: UpdateRule, streams: inout [RandomStream]) -> Int {
        precondition(
            streams.count == chainCount,
            "CubicTensorKernel.sweep: \(streams.count) streams for \(chainCount) chains")
        let groups = min(threadCount, chainCount)
        let chains = chainCount
        let context = makeContext(beta: beta, rule: rule)
        let entryType = tensor.entryType
        return streams.withUnsafeMutableBufferPointer { streamBuffer in
            let streams = SendablePointer(streamBuffer.baseAddress!)
            let sweepGroup: @Sendable (Int) -> Int = { group in
                let range = (chains * group / groups)..<(chains * (group + 1) / groups)
                switch entryType {
                case .int16:
                    return Self.sweepGroup(range, entries: Int16.self, context: context, streams: streams.pointer)
                case .int32:
                    return Self.sweepGroup(range, entries: Int32.self, context: context, streams: streams.pointer)
                }
            }
            if groups == 1 { return sweepGroup(0) }
            let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: groups)
            defer { counts.deallocate() }
            let results = SendablePointer(counts.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: groups) { group in
                results.pointer[group] = sweepGroup(group)
            }
            return counts.reduce(0, +)
        }
    }

    /// Rebuilds every chain's masks, reference fields Q (reference = current state, D = ∅) and
    /// fields B_i = Σ_j σ_j Q[i][j], in one pass over the tensor.
    mutating func rebuildFields() {
        let context = makeContext(beta: 0, rule: .zeroTemperature)
        let all = Array(0..<chainCount)
        let n = size
        for l in all {
            let chain = context.storage.chain(l)
            chain.loadMasks(size: n)
            chain.header[2] = 0
            chain.header[3] = 0
        }
        switch tensor.entryType {
        case .int16: Self.rebuildReferences(all, entries: Int16.self, context: context)
        case .int32: Self.rebuildReferences(all, entries: Int32.self, context: context)
        }
        for l in all {
            let chain = context.storage.chain(l)
            for i in 0..<n {
                let q = chain.references + i * n
                var sum: Int64 = 0
                for j in 0..<n { sum &+= Int64(chain.spins[j]) &* Int64(q[j]) }
                chain.fields[i] = sum
            }
        }
    }

    private mutating func makeContext(beta: Double, rule: UpdateRule) -> SweepContext {
        SweepContext(
            size: size, beta: beta, rule: rule, costs: costs, chunk: chunk, storage: uniqueStorage(),
            tensor: tensor)
    }

    /// One sweep of the chains in `range`, site-major: at each site every chain decides; chains
    /// that flip by the near path update at once, the others share one pass over the tensor
    /// slab of the site. At the end, references move where the cost account says so.
    private static func sweepGroup<Entry: FixedWidthInteger & SignedInteger>(
        _ range: Range<Int>, entries: Entry.Type, context: SweepContext,
        streams: UnsafeMutablePointer<RandomStream>
    ) -> Int {
        // One closure per rule, so that each specialisation decides with a constant rule.
        let beta = context.beta
        switch context.rule {
        case .heatBath:
            return sweepGroup(range, entries: entries, context: context) { dE, l in
                UpdateRule.heatBath.accepts(energyChange: dE, beta: beta, stream: &streams[l])
            }
        case .metropolis:
            return sweepGroup(range, entries: entries, context: context) { dE, l in
                UpdateRule.metropolis.accepts(energyChange: dE, beta: beta, stream: &streams[l])
            }
        case .zeroTemperature:
            return sweepGroup(range, entries: entries, context: context) { dE, l in
                UpdateRule.zeroTemperature.accepts(energyChange: dE, beta: beta, stream: &streams[l])
            }
        }
    }

    @inline(__always)
    private static func sweepGroup<Entry: FixedWidthInteger & SignedInteger>(
        _ range: Range<Int>, entries: Entry.Type, context: SweepContext,
        accepts: (_ deltaE: Double, _ chain: Int) -> Bool
    ) -> Int {
        let n = context.size
        let squared = Double(n * n)
        let selfTerms = context.selfTerms
        let storage = context.storage
        let rowWeight = context.costs.rowWeight
        let entries = context.entries.assumingMemoryBound(to: Entry.self)
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: range.count) { farBuffer in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: range.count * n) { gBuffer in
                let far = farBuffer.baseAddress!
                let g = gBuffer.baseAddress!
                var accepted = 0
                for k in 0..<n {
                    var farCount = 0
                    for l in range {
                        let chain = storage.chain(l)
                        let s = Int64(chain.spins[k])
                        let numerator = 2 &* s &* (3 &* chain.fields[k] &+ selfTerms[k])
                        guard accepts(Double(numerator) / squared, l) else { continue }
                        accepted &+= 1
                        let count = Int(chain.departures[0])
                        if (count + 1) * rowWeight < n {
                            nearFlip(chain, site: k, entries: entries, size: n, rowWeight: rowWeight, g: g)
                        } else {
                            far[farCount] = l
                            farCount += 1
                        }
                    }
                    if farCount > 0 {
                        farFlips(
                            UnsafeBufferPointer(start: far, count: farCount), site: k, entries: entries,
                            context: context, g: g)
                    }
                }
                moveReferences(range, entries: entries, context: context)
                return accepted
            }
        }
    }

    /// Flips σ_k of one chain with G = Q^ref[k] + Σ_{m ∈ D} 2σ_m K_k·m.
    @inline(__always)
    private static func nearFlip<Entry: FixedWidthInteger & SignedInteger>(
        _ chain: ChainState, site k: Int, entries: UnsafePointer<Entry>, size n: Int, rowWeight: Int,
        g: UnsafeMutablePointer<Int32>
    ) {
        let count = Int(chain.departures[0])
        let sites = chain.departures + 1
        let q = chain.references + k * n
        let rowBytes = n * MemoryLayout<Entry>.stride
        for d in 0..<min(2, count) where Int(sites[d]) != k {
            prefetch(UnsafeRawPointer(entries + CubicTensor.pairOffset(k, Int(sites[d]), size: n)), bytes: rowBytes)
        }
        for i in 0..<n { g[i] = q[i] }
        for d in 0..<count {
            let m = Int(sites[d])
            if m == k { continue }
            if d + 2 < count, Int(sites[d + 2]) != k {
                prefetch(UnsafeRawPointer(entries + CubicTensor.pairOffset(k, Int(sites[d + 2]), size: n)), bytes: rowBytes)
            }
            accumulate(g, row: entries + CubicTensor.pairOffset(k, m, size: n), positive: chain.spins[m] > 0, count: n)
        }
        chain.header[1] &+= Int64(n * count * rowWeight)
        applyFlip(chain, site: k, g: g, size: n)
    }

    /// Flips σ_k of the chains in `chains` with G_i = Σ_j K_kij σ_j computed from the slab k
    /// (the rows (k, i)), read once for all of them.
    private static func farFlips<Entry: FixedWidthInteger & SignedInteger>(
        _ chains: UnsafeBufferPointer<Int>, site k: Int, entries: UnsafePointer<Entry>,
        context: SweepContext, g: UnsafeMutablePointer<Int32>
    ) {
        let n = context.size
        if Entry.self == Int16.self {
            symmetricSlabProducts(
                chains, site: k, entries: UnsafeRawPointer(entries).assumingMemoryBound(to: Int16.self),
                context: context, g: g)
        } else {
            slabProducts(chains, site: k, entries: entries, context: context, g: g)
        }
        let excess = Int64(max(0, n * n - n * context.costs.rowWeight))
        for (slot, l) in chains.enumerated() {
            let chain = context.storage.chain(l)
            g[slot * n + k] = 0
            chain.header[1] &+= excess
            applyFlip(chain, site: k, g: g + slot * n, size: n)
        }
    }

    /// G_i = Σ_j K_kij σ_j for every chain, one masked sum per row (k, i), four rows at a time
    /// (the `Int32` entries; `Int16` ones take ``symmetricSlabProducts``).
    private static func slabProducts<Entry: FixedWidthInteger & SignedInteger>(
        _ chains: UnsafeBufferPointer<Int>, site k: Int, entries: UnsafePointer<Entry>,
        context: SweepContext, g: UnsafeMutablePointer<Int32>
    ) {
        let n = context.size
        let storage = context.storage
        let chunk = context.chunk
        var rows = SIMD4<Int>()
        var filled = 0
        for i in 0..<n where i != k {
            rows[filled] = i
            filled += 1
            guard filled == 4 else { continue }
            let r0 = entries + CubicTensor.pairOffset(k, rows[0], size: n)
            let r1 = entries + CubicTensor.pairOffset(k, rows[1], size: n)
            let r2 = entries + CubicTensor.pairOffset(k, rows[2], size: n)
            let r3 = entries + CubicTensor.pairOffset(k, rows[3], size: n)
            for (slot, l) in chains.enumerated() {
                let chain = storage.chain(l)
                let sums = maskedDots(r0, r1, r2, r3, masks: chain.masks, count: n, chunk: chunk)
                for q in 0..<4 { g[slot * n + rows[q]] = sums[q] &+ chain.negatives }
            }
            filled = 0
        }
        for q in 0..<filled {
            let row = entries + CubicTensor.pairOffset(k, rows[q], size: n)
            for (slot, l) in chains.enumerated() {
                let chain = storage.chain(l)
                g[slot * n + rows[q]] = maskedDot(row, masks: chain.masks, count: n, chunk: chunk) &+ chain.negatives
            }
        }
    }

    /// G_i = Σ_j K_kij σ_j for every chain from the upper half of the symmetric slab only
    /// (K_kij = K_kji): each row (k, i) is read from its own 8-column block onwards, and every
    /// 8-entry vector v of it serves twice, as G_i += Σ (v ⊕ mask_J) (row part) and as
    /// G_J += v ⊕ splat(mask_i) (column part, for the later blocks J). Half the bytes of
    /// ``slabProducts`` for the same number of operations.
    ///
    /// Rows go four at a time (the column part then adds four vectors per store, and four rows
    /// are in flight), rows eight groups ahead are prefetched; the missing row k (not stored,
    /// all its entries are zero) is a zero row. `Int16` lanes are widened every `chunk`
    /// additions: row parts after `chunk` blocks, column parts after ⌊chunk/4⌋ groups (which
    /// needs chunk ≥ 4, i.e. max|K| ≤ 8190; otherwise one row at a time, after `chunk` rows).
    /// With the xor trick each G_i needs + #{σ_j = −1} over the columns of its row part and
    /// the rows of its column part, which together are all N indices.
    private static func symmetricSlabProducts(
        _ chains: UnsafeBufferPointer<Int>, site k: Int, entries: UnsafePointer<Int16>,
        context: SweepContext, g: UnsafeMutablePointer<Int32>
    ) {
        let n = context.size
        let storage = context.storage
        let chunk = context.chunk
        let blocks = n / 8
        let tailStart = blocks * 8
        let count = chains.count
        let group = chunk >= 4 ? 4 : 1
        let groupsPerFlush = chunk / group
        g.initialize(repeating: 0, count: count * n)
        withUnsafeTemporaryAllocation(of: Int16.self, capacity: n) { zeroBuffer in
            let zero = zeroBuffer.baseAddress!
            zero.initialize(repeating: 0, count: n)
            func row(_ i: Int) -> UnsafePointer<Int16> {
                i == k ? UnsafePointer(zero) : entries + CubicTensor.pairOffset(k, i, size: n)
            }
            withUnsafeTemporaryAllocation(of: SIMD8<Int16>.self, capacity: max(1, count * blocks)) { buffer in
                let columns = buffer.baseAddress!
                columns.initialize(repeating: SIMD8(), count: count * blocks)
                func flushColumns() {
                    for slot in 0..<count {
                        for block in 0..<blocks {
                            let lanes = columns[slot * blocks + block]
                            let target = g + slot * n + block * 8
                            for lane in 0..<8 { target[lane] &+= Int32(lanes[lane]) }
                            columns[slot * blocks + block] = SIMD8()
                        }
                    }
                }
                let ahead = 8 * group
                for i in 0..<min(ahead, tailStart) where i != k {
                    prefetch(UnsafeRawPointer(row(i)), bytes: 2 * n)
                }
                var groupsSinceFlush = 0
                var i0 = 0
                while i0 < tailStart {
                    var i = i0 + ahead
                    while i < min(i0 + ahead + group, n) {
                        if i != k {
                            let start = (i / 8) * 8
                            prefetch(UnsafeRawPointer(row(i) + start), bytes: 2 * (n - start))
                        }
                        i += 1
                    }
                    let firstBlock = i0 / 8
                    for (slot, l) in chains.enumerated() {
                        let chain = storage.chain(l)
                        let target = g + slot * n
                        if group == 4 {
                            let sums = upperRows4(
                                row(i0), row(i0 + 1), row(i0 + 2), row(i0 + 3), site: i0, firstBlock: firstBlock,
                                blocks: blocks, masks: chain.masks, columns: columns + slot * blocks, chunk: chunk)
                            for q in 0..<4 { target[i0 + q] &+= sums[q] }
                        } else {
                            target[i0] &+= upperRow(
                                row(i0), site: i0, firstBlock: firstBlock, blocks: blocks, masks: chain.masks,
                                columns: columns + slot * blocks, chunk: chunk)
                        }
                        // Tail columns j ≥ 8·blocks, row and column parts, one entry at a time.
                        for q in 0..<group {
                            let entry = row(i0 + q)
                            let own = chain.masks[i0 + q]
                            var sum: Int32 = 0
                            for j in tailStart..<n {
                                sum &+= Int32(entry[j] ^ chain.masks[j])
                                target[j] &+= Int32(entry[j] ^ own)
                            }
                            target[i0 + q] &+= sum
                        }
                    }
                    groupsSinceFlush += 1
                    if groupsSinceFlush == groupsPerFlush {
                        flushColumns()
                        groupsSinceFlush = 0
                    }
                    i0 += group
                }
                flushColumns()
                // Tail rows: the tail block is their diagonal block, no later blocks.
                for i in tailStart..<n where i != k {
                    let entry = row(i)
                    for (slot, l) in chains.enumerated() {
                        let chain = storage.chain(l)
                        var sum: Int32 = 0
                        for j in tailStart..<n { sum &+= Int32(entry[j] ^ chain.masks[j]) }
                        g[slot * n + i] &+= sum
                    }
                }
            }
        }
        for (slot, l) in chains.enumerated() {
            let negatives = storage.chain(l).negatives
            let target = g + slot * n
            for j in 0..<n { target[j] &+= negatives }
        }
    }

    /// Row part of one row i (blocks firstBlock…, the first being its diagonal block) and its
    /// column part into `columns` (blocks after the diagonal one).
    @inline(__always)
    private static func upperRow(
        _ row: UnsafePointer<Int16>, site i: Int, firstBlock: Int, blocks: Int, masks: UnsafePointer<Int16>,
        columns: UnsafeMutablePointer<SIMD8<Int16>>, chunk: Int
    ) -> Int32 {
        let r = UnsafeRawPointer(row)
        let m = UnsafeRawPointer(masks)
        let splat = SIMD8<Int16>(repeating: masks[i])
        var lanes = r.loadUnaligned(fromByteOffset: firstBlock &* 16, as: SIMD8<Int16>.self)
            ^ m.loadUnaligned(fromByteOffset: firstBlock &* 16, as: SIMD8<Int16>.self)
        var total = SIMD4<Int32>()
        var inChunk = 1
        var block = firstBlock &+ 1
        while block < blocks {
            let v = r.loadUnaligned(fromByteOffset: block &* 16, as: SIMD8<Int16>.self)
            lanes &+= v ^ m.loadUnaligned(fromByteOffset: block &* 16, as: SIMD8<Int16>.self)
            columns[block] &+= v ^ splat
            inChunk &+= 1
            if inChunk == chunk {
                total &+= widen(lanes)
                lanes = SIMD8()
                inChunk = 0
            }
            block &+= 1
        }
        return (total &+ widen(lanes)).wrappedSum()
    }

    /// ``upperRow`` for four consecutive rows i…i+3 of one 8-block: one column-part store per
    /// four rows (needs chunk ≥ 4 so that the four added vectors fit in `Int16`).
    @inline(__always)
    private static func upperRows4(
        _ r0: UnsafePointer<Int16>, _ r1: UnsafePointer<Int16>, _ r2: UnsafePointer<Int16>,
        _ r3: UnsafePointer<Int16>, site i: Int, firstBlock: Int, blocks: Int, masks: UnsafePointer<Int16>,
        columns: UnsafeMutablePointer<SIMD8<Int16>>, chunk: Int
    ) -> SIMD4<Int32> {
        let p0 = UnsafeRawPointer(r0)
        let p1 = UnsafeRawPointer(r1)
        let p2 = UnsafeRawPointer(r2)
        let p3 = UnsafeRawPointer(r3)
        let m = UnsafeRawPointer(masks)
        let s0 = SIMD8<Int16>(repeating: masks[i])
        let s1 = SIMD8<Int16>(repeating: masks[i + 1])
        let s2 = SIMD8<Int16>(repeating: masks[i + 2])
        let s3 = SIMD8<Int16>(repeating: masks[i + 3])
        var offset = firstBlock &* 16
        var mask = m.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self)
        var a0 = p0.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self) ^ mask
        var a1 = p1.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self) ^ mask
        var a2 = p2.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self) ^ mask
        var a3 = p3.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self) ^ mask
        var t0 = SIMD4<Int32>()
        var t1 = SIMD4<Int32>()
        var t2 = SIMD4<Int32>()
        var t3 = SIMD4<Int32>()
        var inChunk = 1
        var block = firstBlock &+ 1
        while block < blocks {
            offset &+= 16
            mask = m.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self)
            let v0 = p0.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self)
            let v1 = p1.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self)
            let v2 = p2.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self)
            let v3 = p3.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self)
            a0 &+= v0 ^ mask
            a1 &+= v1 ^ mask
            a2 &+= v2 ^ mask
            a3 &+= v3 ^ mask
            columns[block] &+= ((v0 ^ s0) &+ (v1 ^ s1)) &+ ((v2 ^ s2) &+ (v3 ^ s3))
            inChunk &+= 1
            if inChunk == chunk {
                t0 &+= widen(a0)
                t1 &+= widen(a1)
                t2 &+= widen(a2)
                t3 &+= widen(a3)
                a0 = SIMD8()
                a1 = SIMD8()
                a2 = SIMD8()
                a3 = SIMD8()
                inChunk = 0
            }
            block &+= 1
        }
        return SIMD4(
            (t0 &+ widen(a0)).wrappedSum(), (t1 &+ widen(a1)).wrappedSum(), (t2 &+ widen(a2)).wrappedSum(),
            (t3 &+ widen(a3)).wrappedSum())
    }

    /// The 8 `Int16` lanes summed pairwise into 4 `Int32` lanes.
    @inline(__always)
    static func widen(_ lanes: SIMD8<Int16>) -> SIMD4<Int32> {
        SIMD4<Int32>(truncatingIfNeeded: lanes.lowHalf) &+ SIMD4<Int32>(truncatingIfNeeded: lanes.highHalf)
    }

    /// B −= 4 s G, σ_k → −σ_k, k toggled in D.
    @inline(__always)
    private static func applyFlip(_ chain: ChainState, site k: Int, g: UnsafeMutablePointer<Int32>, size n: Int) {
        let fields = chain.fields
        if chain.spins[k] > 0 {
            for i in 0..<n { fields[i] &-= Int64(g[i]) &<< 2 }
        } else {
            for i in 0..<n { fields[i] &+= Int64(g[i]) &<< 2 }
        }
        chain.flipSpin(k)
        let count = Int(chain.departures[0])
        let sites = chain.departures + 1
        for d in 0..<count where Int(sites[d]) == k {
            sites[d] = sites[count - 1]
            chain.departures[0] = Int32(count - 1)
            return
        }
        sites[count] = Int32(k)
        chain.departures[0] = Int32(count + 1)
    }

    /// g += 2·row (positive) or g −= 2·row.
    @inline(__always)
    private static func accumulate<Entry: FixedWidthInteger & SignedInteger>(
        _ g: UnsafeMutablePointer<Int32>, row: UnsafePointer<Entry>, positive: Bool, count n: Int
    ) {
        if positive {
            for i in 0..<n { g[i] &+= Int32(truncatingIfNeeded: row[i]) &<< 1 }
        } else {
            for i in 0..<n { g[i] &-= Int32(truncatingIfNeeded: row[i]) &<< 1 }
        }
    }

    /// Moves the reference of every chain whose excess cost has reached `rebaseFactor` · 2^b
    /// times the cost of moving it: incrementally (N²|D| row additions) when that is cheaper
    /// than a rebuild from scratch (N³/2), otherwise from scratch, all such chains in one tensor
    /// pass. The backoff exponent b of a chain rises by one when its reference has to move again
    /// within `backoffSweeps` sweeps (the chain wanders, a new reference would soon be stale as
    /// well) and falls by one when the move comes after 4 · `backoffSweeps` sweeps or more.
    private static func moveReferences<Entry: FixedWidthInteger & SignedInteger>(
        _ range: Range<Int>, entries: UnsafePointer<Entry>, context: SweepContext
    ) {
        let n = context.size
        let storage = context.storage
        let scratchCost = n * n * n / 2
        var rebuilds: [Int] = []
        for l in range {
            let chain = storage.chain(l)
            chain.header[3] &+= 1
            let count = Int(chain.departures[0])
            guard count > 0 else { continue }
            let incremental = n * n * count * context.costs.rowWeight
            let threshold = context.costs.rebaseFactor * Double(min(incremental, scratchCost))
                * Double(1 << Int(chain.header[2]))
            guard Double(chain.header[1]) >= threshold else { continue }
            if chain.header[3] <= backoffSweeps {
                chain.header[2] = min(chain.header[2] + 1, 20)
            } else if chain.header[3] >= 4 * backoffSweeps {
                chain.header[2] = max(chain.header[2] - 1, 0)
            }
            chain.header[3] = 0
            if incremental <= scratchCost {
                rebase(chain, entries: entries, size: n)
            } else {
                rebuilds.append(l)
            }
        }
        if !rebuilds.isEmpty {
            rebuildReferences(rebuilds, entries: Entry.self, context: context)
        }
    }

    /// See ``moveReferences(_:entries:context:)``.
    static let backoffSweeps: Int64 = 4

    /// Q^ref[a] += Σ_{m ∈ D} 2σ_m K_a·m for every a; D = ∅.
    private static func rebase<Entry: FixedWidthInteger & SignedInteger>(
        _ chain: ChainState, entries: UnsafePointer<Entry>, size n: Int
    ) {
        let count = Int(chain.departures[0])
        let sites = chain.departures + 1
        let rowBytes = n * MemoryLayout<Entry>.stride
        for a in 0..<n {
            let q = chain.references + a * n
            if a + 1 < n {
                for d in 0..<count where Int(sites[d]) != a + 1 {
                    prefetch(UnsafeRawPointer(entries + CubicTensor.pairOffset(a + 1, Int(sites[d]), size: n)), bytes: rowBytes)
                }
            }
            for d in 0..<count {
                let m = Int(sites[d])
                if m == a { continue }
                accumulate(q, row: entries + CubicTensor.pairOffset(a, m, size: n), positive: chain.spins[m] > 0, count: n)
            }
        }
        chain.departures[0] = 0
        chain.header[1] = 0
    }

    /// Q^ref[a][b] = Σ_c K_abc σ_c from scratch for the given chains (masks current), each
    /// stored row read once for all of them: the lower triangle row by row, then the upper one
    /// by a tiled transpose (Q is symmetric); D = ∅.
    private static func rebuildReferences<Entry: FixedWidthInteger & SignedInteger>(
        _ chains: [Int], entries: Entry.Type, context: SweepContext
    ) {
        let n = context.size
        let storage = context.storage
        let chunk = context.chunk
        let entries = context.entries.assumingMemoryBound(to: Entry.self)
        // Stored rows p = 0, 1, … are the pairs (a, b), a > b, in the order (1,0), (2,0), (2,1), …
        let pairs = n * (n - 1) / 2
        var a = 1
        var b = 0
        var p = 0
        while p + 4 <= pairs {
            var targets = SIMD4<Int>()
            for slot in 0..<4 {
                targets[slot] = a * n + b
                b += 1
                if b == a {
                    a += 1
                    b = 0
                }
            }
            let r0 = entries + p * n
            for l in chains {
                let chain = storage.chain(l)
                let sums = maskedDots(r0, r0 + n, r0 + 2 * n, r0 + 3 * n, masks: chain.masks, count: n, chunk: chunk)
                    &+ SIMD4(repeating: chain.negatives)
                for slot in 0..<4 { chain.references[targets[slot]] = sums[slot] }
            }
            p += 4
        }
        while p < pairs {
            let row = entries + p * n
            for l in chains {
                let chain = storage.chain(l)
                chain.references[a * n + b] = maskedDot(row, masks: chain.masks, count: n, chunk: chunk) &+ chain.negatives
            }
            b += 1
            if b == a {
                a += 1
                b = 0
            }
            p += 1
        }
        let tile = 32
        for l in chains {
            let chain = storage.chain(l)
            let q = chain.references
            for a0 in stride(from: 0, to: n, by: tile) {
                for b0 in stride(from: a0, to: n, by: tile) {
                    for a in a0..<min(a0 + tile, n) {
                        var b = max(b0, a + 1)
                        while b < min(b0 + tile, n) {
                            q[a * n + b] = q[b * n + a]
                            b += 1
                        }
                    }
                }
            }
            chain.departures[0] = 0
            chain.header[1] = 0
        }
    }

    /// Σ_j (row_j ⊕ mask_j) over N entries; adding #{σ_j = −1} gives Σ_j row_j σ_j.
    @inline(__always)
    static func maskedDot<Entry: FixedWidthInteger & SignedInteger>(
        _ row: UnsafePointer<Entry>, masks: UnsafePointer<Int16>, count n: Int, chunk: Int
    ) -> Int32 {
        if Entry.self == Int16.self {
            return maskedSum16(UnsafeRawPointer(row), UnsafeRawPointer(masks), count: n, chunk: chunk)
        }
        var sum: Int32 = 0
        for j in 0..<n { sum &+= Int32(truncatingIfNeeded: row[j]) ^ Int32(masks[j]) }
        return sum
    }

    /// ``maskedDot`` of four rows against the same masks.
    @inline(__always)
    static func maskedDots<Entry: FixedWidthInteger & SignedInteger>(
        _ r0: UnsafePointer<Entry>, _ r1: UnsafePointer<Entry>, _ r2: UnsafePointer<Entry>,
        _ r3: UnsafePointer<Entry>, masks: UnsafePointer<Int16>, count n: Int, chunk: Int
    ) -> SIMD4<Int32> {
        if Entry.self == Int16.self {
            return maskedSums16(
                UnsafeRawPointer(r0), UnsafeRawPointer(r1), UnsafeRawPointer(r2), UnsafeRawPointer(r3),
                UnsafeRawPointer(masks), count: n, chunk: chunk)
        }
        return SIMD4(
            maskedDot(r0, masks: masks, count: n, chunk: chunk), maskedDot(r1, masks: masks, count: n, chunk: chunk),
            maskedDot(r2, masks: masks, count: n, chunk: chunk), maskedDot(r3, masks: masks, count: n, chunk: chunk))
    }

    /// ``maskedSum16`` of four rows at once: one mask load per four row loads, four independent
    /// accumulator chains.
    @inline(__always)
    static func maskedSums16(
        _ r0: UnsafeRawPointer, _ r1: UnsafeRawPointer, _ r2: UnsafeRawPointer, _ r3: UnsafeRawPointer,
        _ masks: UnsafeRawPointer, count n: Int, chunk: Int
    ) -> SIMD4<Int32> {
        let vectors = n / 8
        var t0 = SIMD4<Int32>()
        var t1 = SIMD4<Int32>()
        var t2 = SIMD4<Int32>()
        var t3 = SIMD4<Int32>()
        var v = 0
        var offset = 0
        while v < vectors {
            let end = min(v &+ chunk, vectors)
            var a0 = SIMD8<Int16>()
            var a1 = SIMD8<Int16>()
            var a2 = SIMD8<Int16>()
            var a3 = SIMD8<Int16>()
            while v < end {
                let m = masks.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self)
                a0 &+= r0.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self) ^ m
                a1 &+= r1.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self) ^ m
                a2 &+= r2.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self) ^ m
                a3 &+= r3.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self) ^ m
                offset &+= 16
                v &+= 1
            }
            t0 &+= SIMD4<Int32>(truncatingIfNeeded: a0.lowHalf) &+ SIMD4<Int32>(truncatingIfNeeded: a0.highHalf)
            t1 &+= SIMD4<Int32>(truncatingIfNeeded: a1.lowHalf) &+ SIMD4<Int32>(truncatingIfNeeded: a1.highHalf)
            t2 &+= SIMD4<Int32>(truncatingIfNeeded: a2.lowHalf) &+ SIMD4<Int32>(truncatingIfNeeded: a2.highHalf)
            t3 &+= SIMD4<Int32>(truncatingIfNeeded: a3.lowHalf) &+ SIMD4<Int32>(truncatingIfNeeded: a3.highHalf)
        }
        var sums = SIMD4(t0.wrappedSum(), t1.wrappedSum(), t2.wrappedSum(), t3.wrappedSum())
        let m = masks.assumingMemoryBound(to: Int16.self)
        let rows = (
            r0.assumingMemoryBound(to: Int16.self), r1.assumingMemoryBound(to: Int16.self),
            r2.assumingMemoryBound(to: Int16.self), r3.assumingMemoryBound(to: Int16.self))
        for j in (vectors * 8)..<n {
            sums &+= SIMD4(
                Int32(rows.0[j] ^ m[j]), Int32(rows.1[j] ^ m[j]), Int32(rows.2[j] ^ m[j]), Int32(rows.3[j] ^ m[j]))
        }
        return sums
    }

    /// Σ_j (row_j ⊕ mask_j) for `Int16` rows: 8 lanes of `Int16` partial sums, widened to
    /// `Int32` every `chunk` vectors, where chunk · (max|K| + 1) ≤ 32767 keeps every lane exact.
    @inline(__always)
    static func maskedSum16(_ row: UnsafeRawPointer, _ masks: UnsafeRawPointer, count n: Int, chunk: Int) -> Int32 {
        let vectors = n / 8
        var total = SIMD4<Int32>()
        var v = 0
        var r = row
        var m = masks
        while v < vectors {
            let end = min(v &+ chunk, vectors)
            var lanes = SIMD8<Int16>()
            while v < end {
                lanes &+= r.loadUnaligned(as: SIMD8<Int16>.self) ^ m.loadUnaligned(as: SIMD8<Int16>.self)
                r += 16
                m += 16
                v &+= 1
            }
            total &+= SIMD4<Int32>(truncatingIfNeeded: lanes.lowHalf) &+ SIMD4<Int32>(truncatingIfNeeded: lanes.highHalf)
        }
        var sum = total.wrappedSum()
        let rowTail = row.assumingMemoryBound(to: Int16.self)
        let maskTail = masks.assumingMemoryBound(to: Int16.self)
        for j in (vectors * 8)..<n { sum &+= Int32(rowTail[j] ^ maskTail[j]) }
        return sum
    }
}

extension CubicTensorKernel {
    /// Everything a sweep reads besides the chain states, shared by the worker threads: the
    /// tensor is immutable, the storage is written only in the records of each worker's chains.
    struct SweepContext: @unchecked Sendable {
        let size: Int
        let beta: Double
        let rule: UpdateRule
        let costs: Costs
        /// Vectors per `Int16` partial sum in ``maskedSum16``.
        let chunk: Int
        let storage: ChainStorage
        /// Keeps the tensor alive while `entries` is used.
        let tensor: CubicTensor
        let entries: UnsafeRawPointer
        let selfTerms: UnsafePointer<Int64>

        init(
            size: Int, beta: Double, rule: UpdateRule, costs: Costs, chunk: Int, storage: ChainStorage,
            tensor: CubicTensor
        ) {
            self.size = size
            self.beta = beta
            self.rule = rule
            self.costs = costs
            self.chunk = chunk
            self.storage = storage
            self.tensor = tensor
            self.entries = UnsafeRawPointer(tensor.storage)
            self.selfTerms = UnsafePointer(storage.selfTerms)
        }
    }

    /// A pointer handed to concurrent workers that write disjoint elements.
    struct SendablePointer<Pointee>: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<Pointee>
        init(_ pointer: UnsafeMutablePointer<Pointee>) { self.pointer = pointer }
    }
}
