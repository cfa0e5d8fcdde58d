/// The order parameters of one state of a dense teacher–student problem (MODELS.md §2), as the
/// theory returns them. The Monte Carlo side reports the same-named quantities with error bars.
///
/// - q* = ξ·ξ*/N: overlap with the teacher (learning, generalisation); 0 in the direct model.
/// - q = ξ¹·ξ²/N: overlap of two student replicas.
/// - m = ξ·σ¹/N: overlap with one example (memorisation); in the direct model, with one stored
///   pattern (retrieval).
/// - freeEntropy: the RS free entropy f of the state (per weight, −βF/N); for p = 2 it is
///   −β_AGS f_AGS, the same number since β H_dense = β_AGS H_AGS exactly.
/// - converged / iterations / residual: how the saddle point was found; residual is
///   ‖Φ(x) − x‖_∞ of the fixed-point equations x = Φ(x) at the returned point.
public struct OrderParameters: Sendable, Hashable, Codable {
    public var qStar: Double
    public var q: Double
    public var m: Double
    public var freeEntropy: Double
    public var phase: Phase
    public var converged: Bool
    public var iterations: Int
    public var residual: Double

    public init(
        qStar: Double, q: Double, m: Double, freeEntropy: Double, phase: Phase,
        converged: Bool, iterations: Int, residual: Double
    ) {
        self.qStar = qStar
        self.q = q
        self.m = m
        self.freeEntropy = freeEntropy
        self.phase = phase
        self.converged = converged
        self.iterations = iterations
        self.residual = residual
    }
}
