import BoltzmannCore
import Dispatch

extension OverlapDenseKernel {
    public mutating func sweep(beta: Double, rule: UpdateRule, streams: inout [RandomStream]) -> Int {
        precondition(streams.count == chainCount, "OverlapDenseKernel.sweep: \(streams.count) streams for \(chainCount) chains")
        let groups = min(threadCount, chainCount)
        let chains = chainCount
        let batch = chainsPerPass
        let data = self.data
        let sweepGroups: (SweepBuffers) -> Int = { buffers in
            let sweepGroup: @Sendable (Int) -> Int = { group in
                let range = (chains * group / groups)..<(chains * (group + 1) / groups)
                switch data.arithmetic {
                case .quadratic:
                    return Self.sweepQuadratic(range, data: data, buffers: buffers, beta: beta, rule: rule, batch: batch)
                case .integerTable, .realTable:
                    return Self.sweepTable(range, data: data, buffers: buffers, beta: beta, rule: rule, batch: batch)
                }
            }
            if groups == 1 { return sweepGroup(0) }
            let counts = SweepCounts(count: groups)
            DispatchQueue.concurrentPerform(iterations: groups) { group in
                counts.pointer[group] = sweepGroup(group)
            }
            return counts.total()
        }
        return spinState.withUnsafeMutableBufferPointer { spins in
            overlaps16.withUnsafeMutableBufferPointer { overlaps16 in
                overlaps32.withUnsafeMutableBufferPointer { overlaps32 in
                    overlapSums.withUnsafeMutableBufferPointer { sums in
                        overlapSquareSums.withUnsafeMutableBufferPointer { squares in
                            streams.withUnsafeMutableBufferPointer { streamBuffer in
                                sweepGroups(SweepBuffers(
                                    spins: spins.baseAddress!, overlaps16: overlaps16.baseAddress,
                                    overlaps32: overlaps32.baseAddress, overlapSums: sums.baseAddress!,
                                    overlapSquareSums: squares.baseAddress!, streams: streamBuffer.baseAddress!))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Raw views of the kernel's mutable state for one sweep; every thread touches only the
    /// entries of its own chains.
    struct SweepBuffers: @unchecked Sendable {
        let spins: UnsafeMutablePointer<Int8>
        let overlaps16: UnsafeMutablePointer<Int16>?
        let overlaps32: UnsafeMutablePointer<Int32>?
        let overlapSums: UnsafeMutablePointer<Int64>
        let overlapSquareSums: UnsafeMutablePointer<Int64>
        let streams: UnsafeMutablePointer<RandomStream>
    }

    /// Per-group accepted-flip counts, written by one thread each.
    final class SweepCounts: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<Int>
        let count: Int
        init(count: Int) {
            self.count = count
            pointer = .allocate(capacity: count)
            pointer.initialize(repeating: 0, count: count)
        }
        func total() -> Int { (0..<count).reduce(0) { $0 + pointer[$1] } }
        deinit { pointer.deallocate() }
    }

    /// Sites whose masked sums share one pass over a chain's overlaps (quadratic arithmetic).
    static let siteWindow = 4

    /// The quadratic arithmetic over the chains `range`, in batches of `batch` chains.
    ///
    /// Sites are taken in windows of ``siteWindow``: one pass over the overlaps of a chain, block
    /// by block, accumulates the masked sums of all the window's sites (each block of the
    /// window's packed columns is expanded once into lane masks in L1 and shared by the batch),
    /// so the overlaps stream from L2/L3 once per window instead of once per site. Then each
    /// chain takes its decisions site by site, in order. A sum computed before an accepted flip
    /// of the same chain in the window is stale and is recomputed from the current overlaps
    /// before its decision, so every decision uses the exact ΔE of the current state: the
    /// trajectory is the same as site-by-site evaluation, whatever the window and batch.
    static func sweepQuadratic(
        _ range: Range<Int>, data: OverlapKernelData, buffers: SweepBuffers, beta: Double, rule: UpdateRule, batch: Int
    ) -> Int {
        let n = data.size
        let pad = data.paddedCount
        let words = pad / 64
        let m = Int64(data.memoryCount)
        let (g0, g1, g2) = data.quadratic!
        let needSquares = g2 != 0
        let needLinear = g1 != 0
        let window = siteWindow
        let block = max(64, data.blockLength / window / 64 * 64)
        let denominator = data.denominator
        let overlaps = buffers.overlaps16!
        return data.packedColumns.withUnsafeBufferPointer { columns in
            data.columnSums.withUnsafeBufferPointer { columnSums in
                withUnsafeTemporaryAllocation(of: Int64.self, capacity: 2 * batch * window) { sums in
                    withUnsafeTemporaryAllocation(of: Int16.self, capacity: window * block) { maskBuffer in
                        let masks = maskBuffer.baseAddress!
                        let w = sums.baseAddress!
                        /// The masked sums of chain l for column i from its current overlaps.
                        func freshSums(chain l: Int, site i: Int) -> (Int64, Int64) {
                            var q2: Int64 = 0
                            var q1: Int64 = 0
                            var a0 = 0
                            while a0 < pad {
                                let length = min(block, pad &- a0)
                                expandMasks(columns.baseAddress! + (i &* words &+ (a0 >> 6)), into: masks, count: length)
                                let s = overlaps + (l &* pad &+ a0)
                                if needSquares { q2 &+= Int64(maskedSquareSum(s, masks, count: length)) }
                                if needLinear { q1 &+= Int64(maskedLinearSum(s, masks, count: length)) }
                                a0 &+= length
                            }
                            return (q2, q1)
                        }
                        var accepted = 0
                        var first = range.lowerBound
                        while first < range.upperBound {
                            let last = min(range.upperBound, first + batch)
                            var i0 = 0
                            while i0 < n {
                                let width = min(window, n &- i0)
                                for k in 0..<(2 &* window &* (last &- first)) { w[k] = 0 }
                                var a0 = 0
                                while a0 < pad {
                                    let length = min(block, pad &- a0)
                                    for k in 0..<width {
                                        expandMasks(
                                            columns.baseAddress! + ((i0 &+ k) &* words &+ (a0 >> 6)),
                                            into: masks + k &* block, count: length)
                                    }
                                    for l in first..<last {
                                        let s = overlaps + (l &* pad &+ a0)
                                        let base = 2 &* window &* (l &- first)
                                        for k in 0..<width {
                                            if needSquares { w[base &+ k] &+= Int64(maskedSquareSum(s, masks + k &* block, count: length)) }
                                            if needLinear {
                                                w[base &+ window &+ k] &+= Int64(maskedLinearSum(s, masks + k &* block, count: length))
                                            }
                                        }
                                    }
                                    a0 &+= length
                                }
                                for l in first..<last {
                                    let base = 2 &* window &* (l &- first)
                                    var stale = false
                                    for k in 0..<width {
                                        let i = i0 &+ k
                                        let c = columnSums[i]
                                        let site = l &* n &+ i
                                        let s = Int64(buffers.spins[site])
                                        let u1 = buffers.overlapSums[l]
                                        var q2 = w[base &+ k]
                                        var q1 = w[base &+ window &+ k]
                                        if stale { (q2, q1) = freshSums(chain: l, site: i) }
                                        var total = g0 &* c
                                        if needSquares { total &+= g2 &* (2 &* q2 &- buffers.overlapSquareSums[l] &- 2 &* s &* u1 &+ c) }
                                        if needLinear { total &+= g1 &* (2 &* q1 &- u1 &- s &* m) }
                                        let deltaE = Double(s &* total) / denominator
                                        guard rule.accepts(energyChange: deltaE, beta: beta, stream: &buffers.streams[l]) else { continue }
                                        buffers.spins[site] = Int8(truncatingIfNeeded: -s)
                                        let row = overlaps + l &* pad
                                        var positive: Int64 = 0
                                        var b0 = 0
                                        while b0 < pad {
                                            let length = min(block, pad &- b0)
                                            expandMasks(columns.baseAddress! + (i &* words &+ (b0 >> 6)), into: masks, count: length)
                                            positive &+= Int64(addSignedColumn(
                                                row + b0, masks, count: length, factor: Int16(truncatingIfNeeded: -2 &* s)))
                                            b0 &+= length
                                        }
                                        // W1 = 2 Σ_{η=+1} S − U1 before the flip; U2 += −4s W1 + 4M.
                                        let w1 = 2 &* positive &- u1
                                        buffers.overlapSquareSums[l] &+= 4 &* m &- 4 &* s &* w1
                                        buffers.overlapSums[l] = u1 &- 2 &* s &* c
                                        accepted &+= 1
                                        stale = true
                                    }
                                }
                                i0 &+= width
                            }
                            first = last
                        }
                        return accepted
                    }
                }
            }
        }
    }

    /// The table arithmetics over the chains `range`, in batches of `batch` chains.
    static func sweepTable(
        _ range: Range<Int>, data: OverlapKernelData, buffers: SweepBuffers, beta: Double, rule: UpdateRule, batch: Int
    ) -> Int {
        let n = data.size
        let m = data.memoryCount
        let offset = n - 1
        let denominator = data.denominator
        let overlaps = buffers.overlaps32!
        return data.columns8.withUnsafeBufferPointer { columns in
            data.columnSums.withUnsafeBufferPointer { columnSums in
                (data.integerFlip ?? []).withUnsafeBufferPointer { integerTable in
                    data.realFlip.withUnsafeBufferPointer { realTable in
                        var accepted = 0
                        var first = range.lowerBound
                        while first < range.upperBound {
                            let last = min(range.upperBound, first + batch)
                            for i in 0..<n {
                                let column = columns.baseAddress! + i &* m
                                for l in first..<last {
                                    let site = l &* n &+ i
                                    let s = Int32(buffers.spins[site])
                                    let row = overlaps + l &* m
                                    let deltaE: Double
                                    if data.arithmetic == .integerTable {
                                        var total: Int64 = 0
                                        for a in 0..<m {
                                            let e = Int32(column[a])
                                            total &+= Int64(e) &* integerTable[Int(row[a] &- s &* e) &+ offset]
                                        }
                                        deltaE = Double(Int64(s) &* total) / denominator
                                    } else {
                                        var total = 0.0
                                        for a in 0..<m {
                                            let e = Int32(column[a])
                                            total += Double(e) * realTable[Int(row[a] &- s &* e) &+ offset]
                                        }
                                        deltaE = Double(s) * total
                                    }
                                    if rule.accepts(energyChange: deltaE, beta: beta, stream: &buffers.streams[l]) {
                                        buffers.spins[site] = -Int8(truncatingIfNeeded: s)
                                        let twice = 2 &* s
                                        for a in 0..<m { row[a] &-= twice &* Int32(column[a]) }
                                        buffers.overlapSums[l] &-= Int64(twice) &* columnSums[i]
                                        accepted &+= 1
                                    }
                                }
                            }
                            first = last
                        }
                        return accepted
                    }
                }
            }
        }
    }
}
