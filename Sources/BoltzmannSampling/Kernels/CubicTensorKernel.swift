import BoltzmannCore

/// Exact single-spin-flip Monte Carlo for p = 3 dense Hopfield networks (for a student: its
/// weights σ, with the M training examples η^a as memories) at O(1) cost per flip attempt,
/// from the precomputed coupling tensor K of ``CubicTensor``.
///
/// ## Energies (S_a = η^a·σ, c_i = Σ_a η_ai, K over distinct triples as in ``CubicTensor``)
/// - Krotov (self-terms included): E_K = −N⁻² Σ_a S_a³.
/// - Gardner (self-interactions removed): E_G = −(3!/N²) Σ_a Σ_{i<j<k} η_ai η_aj η_ak σ_i σ_j σ_k.
///
/// ## Fields
/// The kernel maintains, per chain, the integer field B_i = Σ_{j,k} K_ijk σ_j σ_k. Then
/// - E_G = −N⁻² Σ_i σ_i B_i: the ordered sum over distinct triples is 3! times the sum over
///   i < j < k.
/// - Σ_a S_a³ = Σ_{ijk} J_ijk σ_i σ_j σ_k with J_ijk = Σ_a η_ai η_aj η_ak. Splitting by coinciding
///   indices (J_iik = c_k three ways, N − 1 values of the pair index each; J_iii = c_i once):
///   Σ_a S_a³ = Σ_i σ_i B_i + (3N − 2) T with T = Σ_j c_j σ_j = Σ_a S_a; so
///   E_K = −N⁻² (Σ_i σ_i B_i + (3N − 2) T).
///
/// ## Energy change of flipping σ_i = s (exact integer numerators over N²)
/// - Gardner: σ_i occurs in 3 of the index slots of every triple, so
///   ΔE_G = 6 s B_i / N². (Equivalently ΔE_G = (6s/N²) Σ_a η_ai (u_a² − (N − 1)) with the
///   cavity overlap u_a = S_a − s η_ai; MODELS.md's h_i = 3 Σ_μ ξ_i (m_μ² − 1/N) is its
///   large-N form with m in place of the cavity overlap.)
/// - Krotov: ΔT = −2 s c_i and B_i does not depend on σ_i, so
///   ΔE_K = ΔE_G − (3N − 2) ΔT / N² = 2s (3 B_i + (3N − 2) c_i) / N².
///   Check against the overlaps: (S − 2sη)³ − S³ = −6sη S² + 12 S − 8sη summed over a gives
///   −6s A_i + 12 T − 8s c_i with A_i = Σ_a η_ai S_a² = B_i + 2sT + (N − 2) c_i.
///
/// ## Updating the fields
/// Flipping σ_k = s changes B_i by −4s G_i for every i, with G_i = Σ_j K_ijk σ_j (K_ikk = 0, so
/// it does not matter whether σ_k is taken before or after the flip, and B_k does not change).
/// G is row k of the second-order field Q[k][i] = Σ_j K_kij σ_j. Keeping Q current would cost
/// N² per flip, so each chain keeps Q only for a *reference* configuration σ^ref, with the set D
/// of sites where σ differs from it, and takes G by whichever path is cheaper:
/// - near: G_i = Q^ref[k][i] + Σ_{m ∈ D} 2σ_m K_kim (σ^ref_m = −σ_m on D): the reference row
///   plus |D| contiguous tensor rows, N(1 + |D|) additions;
/// - far: G_i = Σ_j K_kij σ_j directly from the rows (k, i) of the slab k: N² additions as
///   masked sums (σ_j = ±1 becomes a mask, K_j σ_j = (K_j ⊕ mask_j) − mask_j, 8 `Int16` lanes
///   per step), reading only the upper half of the symmetric slab (each 8-entry vector serves
///   G_i and G_j), and one pass over the slab serves every chain that flips site k this way.
///
/// The near path is taken while (1 + |D|) · `rowWeight` < N. Every flip adds its cost beyond
/// that of a flip at D = ∅ to the chain's account; at the end of a sweep, a chain whose account
/// has reached the cost of moving its reference to the current state (incrementally,
/// Q^ref[a] += Σ_{m ∈ D} 2σ_m K_a·m in N²|D| additions, or from scratch in N³/2, batched over
/// chains in one tensor pass) moves it and empties D: the ski-rental rule, at most twice the
/// cost of the best schedule in hindsight, with an exponential backoff for chains whose
/// reference has to move again within two sweeps (they wander, so a new reference would soon
/// be stale too). Near a retrieval state chains flip back and forth among a few sites, |D|
/// stays small and a flip costs a few N; a chain that wanders pays O(N²) per flip, the cost of
/// a direct slab update. Everything is integer arithmetic, so the state after a sweep does not
/// depend on the path taken (``Costs`` changes speed, never results).
///
/// ## Ranges
/// |Q|, |G| ≤ N·max|K| must fit in `Int32` (checked at construction); B and the ΔE numerators
/// are `Int64` (|B| ≤ N² max|K|) and are converted to `Double` exactly (< 2⁵³) for the
/// acceptance test: ΔE = Double(numerator) / Double(N²).
///
/// ## Randomness (the ``DenseFlipKernel`` contract, made exact)
/// Heat-bath and Metropolis draw exactly one `uniform()` from `streams[l]` per attempt of chain
/// l, also when the outcome is certain; zero temperature draws none. With u that draw and
/// x = β·ΔE: heat-bath flips iff u < 1 / (1 + exp(x)); Metropolis iff u < exp(−x); zero
/// temperature iff ΔE < 0 — the decisions of `UpdateRule.accepts(energyChange:beta:stream:)`,
/// shared with the other kernels, so kernels that compute the same ΔE take identical decisions.
/// The sweep is site-major as in the protocol; chains are split into
/// `threads` contiguous groups swept concurrently, and since a chain's trajectory depends only
/// on its own stream the result is bit-identical for any thread count.
///
/// Memory: the tensor plus 4N² + 15N + 36 bytes per chain (N = 256, L = 16: 4.3 MB).
public struct CubicTensorKernel: DenseFlipKernel {
    /// Which p = 3 Hamiltonian the kernel samples.
    public enum Form: String, Sendable, CaseIterable, Codable {
        /// E = −N⁻² Σ_a S_a³, self-terms included.
        case krotov
        /// E = −(3!/N²) Σ_a Σ_{i<j<k} η_ai η_aj η_ak σ_i σ_j σ_k, self-interactions removed.
        case gardner
    }

    /// Relative costs that steer the choice between the update paths. They affect speed only:
    /// every setting gives bit-identical results.
    public struct Costs: Sendable, Equatable {
        /// Cost of adding one tensor-row entry into a field vector, in units of one entry of a
        /// masked sum (about 3 on x86-64 with SSE2: widening plus a read-modify-write of the
        /// `Int32` field against a load, an exclusive-or and an add in `Int16` lanes). A flip
        /// takes the near path when (1 + |D|) · rowWeight < N. Must be ≥ 0.
        public var rowWeight: Int
        /// The reference moves when the accumulated excess cost reaches `rebaseFactor` times the
        /// cost of moving it (1: ski rental). Must be ≥ 0.
        public var rebaseFactor: Double

        public init(rowWeight: Int = 3, rebaseFactor: Double = 1) {
            self.rowWeight = rowWeight
            self.rebaseFactor = rebaseFactor
        }
    }

    /// The coupling tensor (shared, immutable).
    public let tensor: CubicTensor
    /// The Hamiltonian.
    public let form: Form
    /// Number of spins N.
    public let size: Int
    /// Number of chains L.
    public let chainCount: Int
    /// Threads a sweep uses (chains are split into this many contiguous groups).
    public let threadCount: Int
    /// The cost model of the update paths.
    public let costs: Costs
    /// Vectors summed in `Int16` lanes before widening: ⌊32767 / (max|K| + 1)⌋, at least 1.
    let chunk: Int

    /// The state of every chain (spins, fields, reference fields, D).
    var storage: ChainStorage

    /// A kernel over the chains whose spins are `spins` (L × N, chain-major, values ±1).
    ///
    /// - Parameters:
    ///   - threads: threads per sweep (≥ 1); results do not depend on it.
    ///   - costs: the cost model of the update paths; results do not depend on it.
    ///   - memoryBudget: bytes the tensor and the per-chain state (4N² + 15N + 36 per chain,
    ///     rounded up to a multiple of 64) may take.
    /// - Throws: `BoltzmannError` for spins that are not L × N values ±1 with L ≥ 1, for
    ///   threads < 1 or negative costs, when N·max|K| exceeds the `Int32` range of the
    ///   second-order fields, or when the memory budget is exceeded.
    public init(
        tensor: CubicTensor, form: Form, spins: [Int8], threads: Int = 1, costs: Costs = Costs(),
        memoryBudget: Int = CubicTensor.defaultMemoryBudget
    ) throws(BoltzmannError) {
        let n = tensor.size
        guard !spins.isEmpty, spins.count % n == 0 else {
            throw BoltzmannError(
                "the initial spins hold \(spins.count) values, not a positive multiple of N = \(n)",
                fix: "pass L × N spins, chain-major", source: "spins")
        }
        if let bad = spins.firstIndex(where: { $0 != 1 && $0 != -1 }) {
            throw BoltzmannError(
                "chain \(bad / n), spin \(bad % n) is \(spins[bad]); spins must be ±1",
                fix: "map the spins to ±1", source: "spins")
        }
        guard threads >= 1 else {
            throw BoltzmannError("threads must be at least 1, got \(threads)", fix: "use threads ≥ 1", source: "threads")
        }
        guard costs.rowWeight >= 0, costs.rebaseFactor >= 0 else {
            throw BoltzmannError(
                "the update costs must be ≥ 0, got rowWeight \(costs.rowWeight), rebaseFactor \(costs.rebaseFactor)",
                fix: "use the default costs", source: "costs")
        }
        guard n * tensor.largestEntryMagnitude <= Int(Int32.max) else {
            throw BoltzmannError(
                "N · max|K| = \(n) · \(tensor.largestEntryMagnitude) exceeds the Int32 range of the "
                    + "tensor kernel's second-order fields",
                fix: "use an overlap kernel for this many examples", source: "examples")
        }
        let chains = spins.count / n
        let perChain = (ChainStorage.recordBytes(size: n) + 63) / 64 * 64
        let (chainBytes, overflow) = chains.multipliedReportingOverflow(by: perChain)
        let total = overflow ? Int.max : tensor.byteCount.addingReportingOverflow(chainBytes).partialValue
        guard !overflow, total <= memoryBudget else {
            throw BoltzmannError(
                "\(chains) chains of the p = 3 tensor kernel need \(CubicTensor.describe(bytes: chainBytes)) "
                    + "of fields on top of the \(CubicTensor.describe(bytes: tensor.byteCount)) tensor, more "
                    + "than the memory budget of \(CubicTensor.describe(bytes: memoryBudget))",
                fix: "run fewer chains per kernel, raise the budget, or use an overlap kernel",
                source: "memoryBudget")
        }
        self.tensor = tensor
        self.form = form
        self.size = n
        self.chainCount = chains
        self.threadCount = threads
        self.costs = costs
        self.chunk = max(1, Int(Int16.max) / (tensor.largestEntryMagnitude + 1))
        let lambda = form == .krotov ? Int64(3 * n - 2) : 0
        self.storage = ChainStorage(
            size: n, chains: chains, selfTerms: tensor.columnSums.map { lambda * Int64($0) })
        setSpins(spins)
    }

    public var spins: [Int8] {
        var result = [Int8](repeating: 0, count: chainCount * size)
        for l in 0..<chainCount {
            let spins = storage.chain(l).spins
            for i in 0..<size { result[l * size + i] = spins[i] }
        }
        return result
    }

    /// Replaces the spins of every chain and rebuilds the fields (N³/2 operations per chain,
    /// one pass over the tensor for all chains).
    /// - Precondition: L × N values ±1 (a programmer error otherwise).
    public mutating func setSpins(_ spins: [Int8]) {
        precondition(
            spins.count == chainCount * size && spins.allSatisfy { $0 == 1 || $0 == -1 },
            "CubicTensorKernel.setSpins: need \(chainCount) × \(size) values ±1")
        let storage = uniqueStorage()
        for l in 0..<chainCount {
            let chain = storage.chain(l)
            for i in 0..<size { chain.spins[i] = spins[l * size + i] }
        }
        rebuildFields()
    }

    /// The chain storage, copied first if another kernel value shares it.
    mutating func uniqueStorage() -> ChainStorage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// E of chain l in the kernel's form, from the maintained fields:
    /// −(Σ_i σ_i B_i + λ Σ_j c_j σ_j) / N² with λ = 3N − 2 (Krotov) or 0 (Gardner); the numerator
    /// is an exact integer, so the result is the exact energy rounded once.
    public func energy(chain: Int) -> Double {
        precondition((0..<chainCount).contains(chain), "CubicTensorKernel.energy: no chain \(chain)")
        var numerator: Int64 = 0
        let state = storage.chain(chain)
        for i in 0..<size {
            numerator += Int64(state.spins[i]) * (state.fields[i] + storage.selfTerms[i])
        }
        // Σ_i σ_i λ c_i = λ T: the self-terms of the ΔE numerator double as the energy's.
        return -Double(numerator) / Double(size * size)
    }
}
