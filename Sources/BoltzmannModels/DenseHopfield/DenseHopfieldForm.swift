/// The function F of a Krotov–Hopfield energy H = −N Σ_μ F(m_μ), m_μ = ξ^μ·σ/N.
///
/// Source: D. Krotov, J. Hopfield, "Dense associative memory for pattern recognition",
/// arXiv 1606.01164 (polynomial and rectified polynomial); M. Demircigil et al., "On a model of
/// associative memory with huge storage capacity", J. Stat. Phys. 168, 288 (2017) (exponential).
public enum KrotovFunction: Sendable, Hashable, Codable {
    /// F(x) = x^p: H = −N^{1−p} Σ_μ S_μ^p with S_μ = N m_μ. Includes the self-interaction terms
    /// that the Gardner form removes (for p = 2 they add the constant −M; for p ≥ 3 they add
    /// lower-order couplings, e.g. −(3N − 2)/N² Σ_μ S_μ for p = 3).
    case power
    /// F(x) = max(x, 0)^p (Krotov–Hopfield's rectified polynomial): only positively aligned
    /// memories contribute.
    case rectifiedPower
    /// F(x) = exp(λ (x − 1)): H = −N Σ_μ exp(λ(m_μ − 1)). With λ = N this is Demircigil's
    /// energy −Σ_μ exp(ξ^μ·σ) divided by e^N/N (so its β equals this β · N e^{−N}); the shift by
    /// −1 keeps every term ≤ 1 and the arithmetic finite. The order p plays no role in the
    /// energy (it only enters the load M = α N^{p−1}/p!).
    case exponential(rate: Double)
}

/// Which p-body Hamiltonian a dense Hopfield network has (MODELS.md §1).
public enum DenseHopfieldForm: Sendable, Hashable, Codable {
    /// Gardner's form, self-interactions removed:
    /// H = −(p!/N^{p−1}) Σ_μ Σ_{i1<…<ip} ξ^μ_{i1}…ξ^μ_{ip} σ_{i1}…σ_{ip}.
    case gardner
    /// Krotov's form H = −N Σ_μ F(m_μ).
    case krotov(KrotovFunction)
}

extension DenseHopfieldForm: CustomStringConvertible {
    public var description: String {
        switch self {
        case .gardner: "Gardner"
        case .krotov(.power): "Krotov x^p"
        case .krotov(.rectifiedPower): "Krotov max(x,0)^p"
        case .krotov(.exponential(let rate)): "Krotov exp(\(rate)(x−1))"
        }
    }
}
