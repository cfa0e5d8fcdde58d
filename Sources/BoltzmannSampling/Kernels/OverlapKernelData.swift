import BoltzmannCore
import BoltzmannModels

/// The immutable data an ``OverlapDenseKernel`` reads: the memories column by column and the
/// exact flip and energy functions of the interaction. Built once, shared by every copy of
/// the kernel and every thread.
final class OverlapKernelData: Sendable {
    /// Number of spins N.
    let size: Int
    /// Number of memories M.
    let memoryCount: Int
    /// M rounded up to a multiple of 64 (quadratic arithmetic). The padding entries have mask 0:
    /// they never enter a sum, and their overlaps (which the SIMD update treats as η = −1, so
    /// they stay equal to −Σ_i σ_i, within ±N) are never read.
    let paddedCount: Int
    /// Column i of the memories bit-packed, N × paddedCount/64 words: bit a mod 64 of word
    /// ⌊a/64⌋ of column i is 1 iff η_ai = +1 (padding bits 0). Filled only for the quadratic
    /// arithmetic; a sweep expands one block of a column at a time into 16-bit lane masks.
    let packedColumns: [UInt64]
    /// Column i of the memories, N × M `Int8`. Filled only for the table arithmetics.
    let columns8: [Int8]
    /// c_i = Σ_a η_ai.
    let columnSums: [Int64]
    /// N^{p−1}: ΔE = numerator / denominator.
    let denominator: Double
    /// g(u) = g2 u² + g1 u + g0 when the integer flip function is such a polynomial.
    let quadratic: (g0: Int64, g1: Int64, g2: Int64)?
    /// g(u), index u + N − 1, when the flip numerators are exact in `Int64` for all M memories.
    let integerFlip: [Int64]?
    /// G(u) = Φ(u+1) − Φ(u−1), index u + N − 1.
    let realFlip: [Double]
    /// φ(S), index S + N, when Σ_a φ(S_a) is exact in `Int64`.
    let integerEnergy: [Int64]?
    /// Φ(S), index S + N.
    let realEnergy: [Double]
    /// Elements per block of the quadratic sums (a multiple of 64): B N² < 2³¹ keeps the `Int32`
    /// partial sums exact.
    let blockLength: Int
    /// Which arithmetic the kernel uses.
    let arithmetic: OverlapDenseKernel.Arithmetic

    init(network: DenseHopfieldNetwork, arithmetic requested: OverlapDenseKernel.Arithmetic?) throws(BoltzmannError) {
        let interaction = network.interaction
        let n = network.size
        let m = network.memoryCount
        size = n
        memoryCount = m
        paddedCount = (m + 63) / 64 * 64
        denominator = interaction.denominator
        columnSums = network.memories.columnSums.map(Int64.init)
        let limit = Int64(1) << 62

        // Exact integer flip numerators: |Σ_a η g(u)| ≤ M max|g| must stay below 2⁶².
        var flip = interaction.integerFlipTable()
        if let table = flip {
            let largest = table.map { $0.magnitude }.max() ?? 0
            if largest > 0, UInt64(limit) / largest < UInt64(m) { flip = nil }
        }
        integerFlip = flip
        realFlip = interaction.flipTable()

        var energies: [Int64]? = interaction.hasIntegerNumerators ? [] : nil
        var reals = [Double](repeating: 0, count: 2 * n + 1)
        for s in stride(from: -n, through: n, by: 1) {
            let valid = (n - s) % 2 == 0
            reals[s + n] = valid ? interaction.overlapEnergy(s) : 0
            if energies != nil {
                if !valid { energies!.append(0); continue }
                if let phi = interaction.integerNumerator(s), phi.magnitude < UInt64(limit) / UInt64(m) {
                    energies!.append(phi)
                } else {
                    energies = nil
                }
            }
        }
        integerEnergy = energies
        realEnergy = reals

        // The quadratic fast path: g(u) = g2 u² + g1 u + g0 with integer coefficients,
        // |S| ≤ N ≤ 4096 (Int16 overlaps and blocks of ≥ 128 elements) and exact Int64 sums.
        var fit: (g0: Int64, g1: Int64, g2: Int64)? = nil
        if let table = flip, n >= 3, n <= 4096 {
            fit = Self.quadraticFit(table, size: n)
            if let (g0, g1, g2) = fit {
                let mm = Double(m), nn = Double(n)
                let bound = Double(g2.magnitude) * mm * (nn * nn + 2 * nn + 1)
                    + Double(g1.magnitude) * mm * (nn + 1) + Double(g0.magnitude) * mm
                if bound >= Double(limit) { fit = nil }
            }
        }
        quadratic = fit
        let squareBound = Int(Int32.max) / (n * n)
        blockLength = max(64, min(2048, squareBound / 64 * 64))

        let chosen: OverlapDenseKernel.Arithmetic
        if let requested {
            switch requested {
            case .quadratic where fit == nil:
                throw BoltzmannError(
                    "the quadratic overlap arithmetic needs a flip function g(u) of degree ≤ 2 with exact "
                        + "integer sums and N ≤ 4096 (Krotov x^p or Gardner with p ≤ 3); this network is "
                        + "\(interaction.form), p = \(interaction.order), N = \(n)",
                    fix: "let the kernel choose its arithmetic", source: "arithmetic")
            case .integerTable where flip == nil:
                throw BoltzmannError(
                    "the flip numerators of \(interaction.form), p = \(interaction.order), N = \(n), M = \(m) "
                        + "do not fit in Int64",
                    fix: "use the real-table arithmetic (or let the kernel choose)", source: "arithmetic")
            default:
                chosen = requested
            }
        } else {
            chosen = fit != nil ? .quadratic : (flip != nil ? .integerTable : .realTable)
        }
        arithmetic = chosen

        let eta = network.memories.values
        if chosen == .quadratic {
            let words = paddedCount / 64
            var packed = [UInt64](repeating: 0, count: n * words)
            eta.withUnsafeBufferPointer { e in
                packed.withUnsafeMutableBufferPointer { c in
                    for a in 0..<m {
                        let bit = UInt64(1) << UInt64(a & 63)
                        for i in 0..<n where e[a &* n &+ i] > 0 { c[i &* words &+ (a >> 6)] |= bit }
                    }
                }
            }
            packedColumns = packed
            columns8 = []
        } else {
            packedColumns = []
            columns8 = network.memories.transposed()
        }
    }

    /// Integer g2, g1, g0 with g(u) = g2 u² + g1 u + g0 on every u ≡ N − 1 (mod 2), or `nil`.
    static func quadraticFit(_ table: [Int64], size n: Int) -> (g0: Int64, g1: Int64, g2: Int64)? {
        let u0 = -(n - 1)
        let y0 = table[0], y1 = table[2], y2 = table[4]
        // On the lattice u0, u0 + 2, u0 + 4: y2 − 2y1 + y0 = 8 g2, y1 − y0 = g2 (4u0 + 4) + 2 g1.
        let second = y2 - 2 * y1 + y0
        guard second % 8 == 0 else { return nil }
        let g2 = second / 8
        let first = y1 - y0 - g2 * Int64(4 * u0 + 4)
        guard first % 2 == 0 else { return nil }
        let g1 = first / 2
        let g0 = y0 - g2 * Int64(u0 * u0) - g1 * Int64(u0)
        for u in stride(from: u0, through: n - 1, by: 2) {
            let x = Int64(u)
            if g2 * x * x + g1 * x + g0 != table[u + n - 1] { return nil }
        }
        return (g0, g1, g2)
    }
}
