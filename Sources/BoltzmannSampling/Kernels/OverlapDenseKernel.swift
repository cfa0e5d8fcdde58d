import BoltzmannCore
import BoltzmannModels

/// Single-spin-flip Monte Carlo of a dense p-body Hopfield network (any order, any form) from
/// maintained integer overlaps S_{l,a} = η^a·σ_l, O(M) work per attempt, exact ΔE.
///
/// ## Energy change
/// For the flip of σ_i = s of chain l (``BoltzmannModels/DenseInteraction``):
///
///     ΔE = s Σ_a η_ai g(u_a) / N^{p−1},   u_a = S_a − s η_ai,   g(u) = φ(u+1) − φ(u−1).
///
/// Three arithmetics, chosen at construction (``Arithmetic``):
/// - `.quadratic`: when g(u) = g2 u² + g1 u + g0 with integer coefficients (Krotov x^p and
///   Gardner for p ≤ 3: p = 3 Krotov g = 6u² + 2, Gardner g = 6u² − 6(N−1); p = 2: g = 4u).
///   Substituting u = S − sη and η² = 1,
///
///       Σ_a η_ai g(u_a) = g2 (W2 − 2s U1 + c_i) + g1 (W1 − s M) + g0 c_i,
///
///   with W2 = Σ_a η_ai S_a², W1 = Σ_a η_ai S_a, c_i = Σ_a η_ai, and per chain U1 = Σ_a S_a,
///   U2 = Σ_a S_a² (kept exactly: a flip changes them by −2s c_i and −4s W1 + 4M). For p = 3
///   Krotov this is the brief's Σ_a (S′³ − S³) = −2s Σ_a η_ai (3u_a² + 1). Since η = ±1,
///   W2 = 2 Σ_{a: η_ai = +1} S_a² − U2 and W1 = 2 Σ_{η_ai = +1} S_a − U1, so the hot loop is a
///   *masked* sum of squares: the columns of η are stored bit-packed (N·M/8 bytes: 1 MiB for
///   N = 256, M = 32768), one block of a column is expanded into 16-bit lane masks in L1 and
///   shared by a batch of chains, and each chain adds (S & mask)·S over its `Int16` overlaps
///   (|S| ≤ N ≤ 4096) with 16-bit lanes widened to 32 bits (LLVM emits `pmaddwd`), summed in
///   `Int32` over blocks of B elements with B N² < 2³¹ (exact) and then in `Int64`. All
///   integer arithmetic is exact.
/// - `.integerTable`: any integer form (Krotov x^p and max(x,0)^p, Gardner, any p) whose
///   numerators fit `Int64`: a scalar loop over the memories with the table g(u); `Int32`
///   overlaps, `Int8` columns, exact.
/// - `.realTable`: the exponential form and overflowing integer forms: the same loop with the
///   `Double` table G(u) (relative error ~M·2⁻⁵³).
///
/// The overlaps of a chain change only on accepted flips: S_a −= 2s η_ai (a SIMD pass over
/// the column), so the cost of a sweep is N L M masked multiply-adds plus M per accepted flip.
/// Measured on the peers' problem (p = 3, N = 256, M = 32768 or 98304, 16 chains, one core of
/// the 2-core AMD EPYC): 1.4·10¹⁰ example-overlap updates/s (1.1·10¹⁰ at the 7 % acceptance of
/// a random start), 2.7·10¹⁰ on two threads; the inner loop runs near the 2·10¹⁰ /s at which
/// 128-bit `pmaddwd` retires from L1. For p = 3 the ``CubicTensorKernel`` is far faster on long
/// runs (see ``DenseKernelChoice``).
///
/// ## Chains and threads
/// Chains are independent, each with its own stream; a sweep visits the sites in order and for
/// each site attempts a flip in every chain, drawing one uniform per attempt from that chain's
/// stream (none at zero temperature), with the shared acceptance rule
/// ``UpdateRule/accepts(energyChange:beta:stream:)``. The chains are split into `threads`
/// contiguous groups run with `DispatchQueue.concurrentPerform`; inside a group, batches of
/// `chainsPerPass` chains share each expanded block of the columns (it stays in L1 while the
/// batch's overlaps stream through), and windows of sites share each pass over a chain's
/// overlaps (see `sweepQuadratic`). Since no chain reads another's state and every decision
/// uses the exact ΔE of the current state, the result is bit-identical for any thread count,
/// batch size and window.
///
/// The examples are stored once per kernel (bit-packed, or N × M `Int8` for the tables) and
/// shared by copies.
public struct OverlapDenseKernel: DenseFlipKernel {
    /// How ΔE is evaluated (see the type's documentation).
    public enum Arithmetic: String, Sendable, CaseIterable, Codable {
        /// SIMD `Int16` overlaps, g of degree ≤ 2 (p ≤ 3 Krotov x^p and Gardner); exact.
        case quadratic
        /// Scalar loop over an `Int64` table of g(u); exact, any integer form and order.
        case integerTable = "integer-table"
        /// Scalar loop over a `Double` table of G(u); exponential form or huge numerators.
        case realTable = "real-table"
    }

    /// The network whose chains the kernel runs.
    public let network: DenseHopfieldNetwork
    public let size: Int
    public let chainCount: Int
    /// Threads a sweep uses (chains are split into this many groups); results do not depend on it.
    public let threadCount: Int
    /// Chains that share one pass over a column of the memories; results do not depend on it.
    public let chainsPerPass: Int
    /// The arithmetic in use.
    public var arithmetic: Arithmetic { data.arithmetic }

    let data: OverlapKernelData
    /// L × N spins ±1, chain-major.
    var spinState: [Int8]
    /// L × paddedCount overlaps (quadratic arithmetic).
    var overlaps16: [Int16]
    /// L × M overlaps (table arithmetics).
    var overlaps32: [Int32]
    /// U1 = Σ_a S_a per chain (real memories only).
    var overlapSums: [Int64]
    /// U2 = Σ_a S_a² per chain (real memories only; quadratic arithmetic).
    var overlapSquareSums: [Int64]

    /// A kernel for the chains whose spins are `spins` (L × N, chain-major, values ±1).
    ///
    /// - Parameters:
    ///   - arithmetic: `nil` (default) picks `.quadratic` when possible, else `.integerTable`,
    ///     else `.realTable`.
    ///   - threads: threads per sweep (≥ 1).
    ///   - chainsPerPass: chains that share each expanded block of a column; `nil` picks 16
    ///     (the expansion costs about a sixth of one chain's masked sum, so 16 chains make it
    ///     negligible; measured: 16 is 5–10 % faster than 4 at N = 256, M = 32768).
    /// - Throws: `BoltzmannError` for spins that are not L × N values ±1, threads < 1,
    ///   chainsPerPass < 1, or an arithmetic the network does not admit.
    public init(
        network: DenseHopfieldNetwork, spins: [Int8], arithmetic: Arithmetic? = nil, threads: Int = 1,
        chainsPerPass: Int? = nil
    ) throws(BoltzmannError) {
        let n = network.size
        try Self.validate(spins: spins, size: n)
        guard threads >= 1 else {
            throw BoltzmannError("threads must be at least 1, got \(threads)", fix: "use threads ≥ 1", source: "threads")
        }
        if let chainsPerPass, chainsPerPass < 1 {
            throw BoltzmannError("chainsPerPass must be at least 1, got \(chainsPerPass)",
                                 fix: "omit it to let the kernel choose", source: "chainsPerPass")
        }
        let data = try OverlapKernelData(network: network, arithmetic: arithmetic)
        self.network = network
        self.data = data
        self.size = n
        self.chainCount = spins.count / n
        self.threadCount = threads
        self.chainsPerPass = chainsPerPass ?? 16
        self.spinState = spins
        self.overlaps16 = []
        self.overlaps32 = []
        self.overlapSums = []
        self.overlapSquareSums = []
        rebuildOverlaps()
    }

    public var spins: [Int8] { spinState }

    /// Replaces the spins and recomputes the overlaps (L M N operations).
    /// - Precondition: L × N values ±1.
    public mutating func setSpins(_ spins: [Int8]) {
        precondition(spins.count == chainCount * size && spins.allSatisfy { $0 == 1 || $0 == -1 },
                     "OverlapDenseKernel.setSpins: need \(chainCount) × \(size) values ±1")
        spinState = spins
        rebuildOverlaps()
    }

    /// The integer overlaps S_{l,a} of chain l with every memory.
    public func overlaps(chain l: Int) -> [Int] {
        precondition((0..<chainCount).contains(l), "OverlapDenseKernel.overlaps: no chain \(l)")
        let m = data.memoryCount
        if data.arithmetic == .quadratic {
            let base = l * data.paddedCount
            return (0..<m).map { Int(overlaps16[base + $0]) }
        }
        return (0..<m).map { Int(overlaps32[l * m + $0]) }
    }

    /// H of chain l from its overlaps: −Σ_a φ(S_a)/N^{p−1} with an exact `Int64` numerator for
    /// the integer forms, −Σ_a Φ(S_a) otherwise.
    public func energy(chain l: Int) -> Double {
        let s = overlaps(chain: l)
        let n = size
        if let table = data.integerEnergy {
            var total: Int64 = 0
            for value in s { total &+= table[value + n] }
            return -Double(total) / data.denominator
        }
        var total = 0.0
        for value in s { total += data.realEnergy[value + n] }
        return -total
    }

    /// S_{l,a} = Σ_i η_ai σ_li for every chain, from the column layout.
    mutating func rebuildOverlaps() {
        let n = size
        let chains = chainCount
        let m = data.memoryCount
        overlapSums = [Int64](repeating: 0, count: chains)
        overlapSquareSums = [Int64](repeating: 0, count: chains)
        if data.arithmetic == .quadratic {
            let pad = data.paddedCount
            let words = pad / 64
            var state = [Int16](repeating: 0, count: chains * pad)
            data.packedColumns.withUnsafeBufferPointer { columns in
                state.withUnsafeMutableBufferPointer { s in
                    withUnsafeTemporaryAllocation(of: Int16.self, capacity: pad) { masks in
                        for i in 0..<n {
                            Self.expandMasks(columns.baseAddress! + i * words, into: masks.baseAddress!, count: pad)
                            for l in 0..<chains {
                                _ = Self.addSignedColumn(
                                    s.baseAddress! + l * pad, masks.baseAddress!, count: pad, factor: Int16(spinState[l * n + i]))
                            }
                        }
                    }
                }
            }
            overlaps16 = state
            for l in 0..<chains {
                var sum: Int64 = 0
                var squares: Int64 = 0
                for a in 0..<m {
                    let value = Int64(state[l * pad + a])
                    sum &+= value
                    squares &+= value &* value
                }
                overlapSums[l] = sum
                overlapSquareSums[l] = squares
            }
        } else {
            var state = [Int32](repeating: 0, count: chains * m)
            data.columns8.withUnsafeBufferPointer { columns in
                for l in 0..<chains {
                    for i in 0..<n {
                        let sigma = Int32(spinState[l * n + i])
                        for a in 0..<m { state[l * m + a] &+= sigma &* Int32(columns[i * m + a]) }
                    }
                }
            }
            overlaps32 = state
            for l in 0..<chains {
                var sum: Int64 = 0
                for a in 0..<m { sum &+= Int64(state[l * m + a]) }
                overlapSums[l] = sum
            }
        }
    }

    /// Checks L × N spins ±1 with L ≥ 1.
    static func validate(spins: [Int8], size n: Int) throws(BoltzmannError) {
        guard !spins.isEmpty, spins.count % n == 0 else {
            throw BoltzmannError(
                "the initial spins hold \(spins.count) values, not a positive multiple of N = \(n)",
                fix: "pass L × N spins, chain-major", source: "spins")
        }
        if let bad = spins.firstIndex(where: { $0 != 1 && $0 != -1 }) {
            throw BoltzmannError("chain \(bad / n), spin \(bad % n) is \(spins[bad]); spins must be ±1",
                                 fix: "map the spins to ±1", source: "spins")
        }
    }
}
