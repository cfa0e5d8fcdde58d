import BoltzmannCore

/// The teacher of the dense teacher–student problem (MODELS.md §2; Thériault & Tantari, arXiv 2401.04191): a
/// p*-body Hopfield network with ONE pattern ξ* at temperature T* = 1/β*, whose Boltzmann
/// samples σ^a ~ exp(−β* H*(σ)) are the training examples.
///
/// With one pattern the energy depends on σ only through S = ξ*·σ: H*(σ) = −Φ*(S) with Φ* of
/// ``DenseInteraction`` (Krotov: N F(S/N); Gardner: (p*!/N^{p*−1}) e_{p*}(S; N)). Its
/// equilibrium is therefore a distribution over N + 1 overlap values times the uniform
/// distribution over the configurations of each overlap, which `BoltzmannSampling`'s exact
/// teacher sampler draws from directly.
public struct DenseTeacher: Sendable {
    /// The teacher pattern ξ* (N entries ±1).
    public let pattern: [Int8]
    /// The teacher's Hamiltonian (order p*, form, N).
    public let interaction: DenseInteraction
    /// The dataset temperature T* > 0 (`.infinity` for uniformly random examples).
    public let temperature: Double

    /// - Throws: `BoltzmannError` when the pattern is not ±1, p* < 2, or T* is not positive
    ///   (T* = ∞ is allowed).
    public init(pattern: [Int8], order p: Int, form: DenseHopfieldForm, temperature: Double) throws(BoltzmannError) {
        _ = try PatternMatrix(pattern: pattern)
        guard temperature > 0, !temperature.isNaN else {
            throw BoltzmannError("the teacher temperature T* = \(temperature) must be positive",
                                 fix: "pass T* > 0 (use the zero-noise limit r = 1 examples for T* → 0)", source: "T*")
        }
        self.pattern = pattern
        self.interaction = try DenseInteraction(order: p, form: form, size: pattern.count)
        self.temperature = temperature
    }

    /// A teacher with a uniformly random pattern drawn from `stream`.
    public static func random(
        size n: Int, order p: Int, form: DenseHopfieldForm, temperature: Double, stream: inout RandomStream
    ) throws(BoltzmannError) -> DenseTeacher {
        let pattern = try PatternMatrix.random(count: 1, size: n, stream: &stream).values
        return try DenseTeacher(pattern: pattern, order: p, form: form, temperature: temperature)
    }

    /// Number of spins N.
    public var size: Int { pattern.count }
    /// β* = 1/T*.
    public var beta: Double { 1 / temperature }

    /// H*(σ) = −Φ*(ξ*·σ).
    public func energy(overlap s: Int) -> Double { -interaction.overlapEnergy(s) }
}
