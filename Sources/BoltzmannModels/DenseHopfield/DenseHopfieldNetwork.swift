import BoltzmannCore

/// A dense p-body Hopfield network: N spins σ, M memories ξ^μ (``PatternMatrix``) and a
/// Hamiltonian H(σ) = −Σ_μ Φ(S_μ), S_μ = ξ^μ·σ (``DenseInteraction`` gives Φ and the exact
/// single-flip energy change).
///
/// This is the direct model of MODELS.md §1 (random memories) and, by the duality of §2, the
/// Bayesian student of a teacher–student problem: the student's spins are its weights and its
/// memories are the training examples (``TeacherStudentProblem/student``).
///
/// The methods here are plain O(M N) evaluations from the definition, meant for small systems,
/// tests and one-off measurements; Monte Carlo uses the kernels of `BoltzmannSampling`.
public struct DenseHopfieldNetwork: Sendable {
    /// The memories ξ^μ (M × N).
    public let memories: PatternMatrix
    /// The Hamiltonian: order p, form, N.
    public let interaction: DenseInteraction

    /// A network of order p and form `form` on the memories `memories`.
    /// - Throws: `BoltzmannError` for p < 2 or an invalid exponential rate.
    public init(memories: PatternMatrix, order p: Int, form: DenseHopfieldForm) throws(BoltzmannError) {
        self.memories = memories
        self.interaction = try DenseInteraction(order: p, form: form, size: memories.size)
    }

    /// Number of spins N.
    public var size: Int { memories.size }
    /// Number of memories M.
    public var memoryCount: Int { memories.count }
    /// The interaction order p.
    public var order: Int { interaction.order }

    /// H(σ) = −Σ_μ Φ(S_μ). For the integer forms the numerator Σ_μ φ(S_μ) is summed exactly in
    /// `Int64` (when it fits) and divided once by N^{p−1}.
    /// - Throws: `BoltzmannError` when σ is not N values ±1.
    public func energy(_ spins: [Int8]) throws(BoltzmannError) -> Double {
        try validate(spins)
        return energy(overlaps: memories.overlaps(with: spins))
    }

    /// H from the overlaps S_μ (no validation; internal callers pass real overlaps).
    func energy(overlaps: [Int]) -> Double {
        if interaction.hasIntegerNumerators {
            var total: Int64 = 0
            var exact = true
            for s in overlaps {
                guard let phi = interaction.integerNumerator(s) else { exact = false; break }
                let (sum, o) = total.addingReportingOverflow(phi)
                if o { exact = false; break }
                total = sum
            }
            if exact { return -Double(total) / interaction.denominator }
        }
        var total = 0.0
        for s in overlaps { total += interaction.overlapEnergy(s) }
        return -total
    }

    /// The local field h_i = ½ Σ_μ ξ^μ_i G(u_μ), u_μ = S_μ − σ_i ξ^μ_i, such that flipping σ_i
    /// changes the energy by exactly 2 σ_i h_i (see ``DenseInteraction``).
    /// - Throws: `BoltzmannError` when σ is not N values ±1 or i is not a site.
    public func localField(site i: Int, spins: [Int8]) throws(BoltzmannError) -> Double {
        try flipEnergy(site: i, spins: spins) * Double(spins[i]) / 2
    }

    /// ΔE = H(σ with σ_i reversed) − H(σ) = σ_i Σ_μ ξ^μ_i g(u_μ) / N^{p−1}, with the integer
    /// numerator summed exactly when it fits in `Int64` (``DenseInteraction``).
    /// - Throws: `BoltzmannError` when σ is not N values ±1 or i is not a site.
    public func flipEnergy(site i: Int, spins: [Int8]) throws(BoltzmannError) -> Double {
        try validate(spins)
        guard (0..<size).contains(i) else {
            throw BoltzmannError("site \(i) is outside 0..<\(size)", fix: "pass a site index below N", source: "site")
        }
        let s = Int(spins[i])
        let n = size
        let overlaps = memories.overlaps(with: spins)
        if let table = interaction.integerFlipTable() {
            var numerator: Int64 = 0
            var exact = true
            for (mu, overlap) in overlaps.enumerated() {
                let xi = Int(memories[pattern: mu, site: i])
                let u = overlap - s * xi
                let (sum, o) = numerator.addingReportingOverflow(Int64(xi) * table[u + n - 1])
                if o { exact = false; break }
                numerator = sum
            }
            if exact { return Double(Int64(s) * numerator) / interaction.denominator }
        }
        let table = interaction.flipTable()
        var total = 0.0
        for (mu, overlap) in overlaps.enumerated() {
            let xi = Int(memories[pattern: mu, site: i])
            total += Double(xi) * table[overlap - s * xi + n - 1]
        }
        return Double(s) * total
    }

    /// m_μ = S_μ / N for every memory.
    public func magnetizations(_ spins: [Int8]) throws(BoltzmannError) -> [Double] {
        try validate(spins)
        return memories.overlaps(with: spins).map { Double($0) / Double(size) }
    }

    func validate(_ spins: [Int8]) throws(BoltzmannError) {
        guard spins.count == size else {
            throw BoltzmannError("\(spins.count) spins given for a network of N = \(size)",
                                 fix: "pass N values ±1", source: "spins")
        }
        if let bad = spins.firstIndex(where: { $0 != 1 && $0 != -1 }) {
            throw BoltzmannError("spin \(bad) is \(spins[bad]); spins must be ±1", fix: "map the spins to ±1", source: "spins")
        }
    }
}
