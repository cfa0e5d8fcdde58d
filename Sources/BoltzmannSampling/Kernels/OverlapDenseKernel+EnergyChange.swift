extension OverlapDenseKernel {
    /// ΔE of flipping spin i of chain l, by the same arithmetic as `sweep` (exact integer
    /// numerator divided once by N^{p−1} for the integer arithmetics): the local-field query
    /// h_i = σ_i ΔE / 2 of ``BoltzmannModels/DenseHopfieldNetwork/localField(site:spins:)``
    /// at O(M) cost instead of O(M N).
    public func energyChange(chain l: Int, site i: Int) -> Double {
        precondition((0..<chainCount).contains(l) && (0..<size).contains(i), "OverlapDenseKernel.energyChange: no chain \(l) / site \(i)")
        let n = size
        let s = Int64(spinState[l * n + i])
        let c = data.columnSums[i]
        switch data.arithmetic {
        case .quadratic:
            let (g0, g1, g2) = data.quadratic!
            let pad = data.paddedCount
            let u1 = overlapSums[l]
            return overlaps16.withUnsafeBufferPointer { overlaps in
                data.packedColumns.withUnsafeBufferPointer { columns in
                    withUnsafeTemporaryAllocation(of: Int16.self, capacity: pad) { masks in
                        Self.expandMasks(columns.baseAddress! + i * (pad / 64), into: masks.baseAddress!, count: pad)
                        var q2: Int64 = 0
                        var q1: Int64 = 0
                        var a0 = 0
                        while a0 < pad {
                            let length = min(data.blockLength, pad - a0)
                            let row = overlaps.baseAddress! + (l * pad + a0)
                            q2 &+= Int64(Self.maskedSquareSum(row, masks.baseAddress! + a0, count: length))
                            q1 &+= Int64(Self.maskedLinearSum(row, masks.baseAddress! + a0, count: length))
                            a0 += length
                        }
                        let w2 = 2 &* q2 &- overlapSquareSums[l]
                        let w1 = 2 &* q1 &- u1
                        let total = g0 &* c &+ g2 &* (w2 &- 2 &* s &* u1 &+ c) &+ g1 &* (w1 &- s &* Int64(data.memoryCount))
                        return Double(s &* total) / data.denominator
                    }
                }
            }
        case .integerTable, .realTable:
            let m = data.memoryCount
            var integer: Int64 = 0
            var real = 0.0
            for a in 0..<m {
                let e = Int32(data.columns8[i * m + a])
                let index = Int(overlaps32[l * m + a] - Int32(s) * e) + n - 1
                if data.arithmetic == .integerTable {
                    integer &+= Int64(e) &* data.integerFlip![index]
                } else {
                    real += Double(e) * data.realFlip[index]
                }
            }
            return data.arithmetic == .integerTable ? Double(s &* integer) / data.denominator : Double(s) * real
        }
    }
}
