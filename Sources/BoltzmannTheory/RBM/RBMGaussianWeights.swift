import RealModule

/// The weight side of the RBM teacher–student theory for a student with Gaussian weights,
/// ξ_{iμ} ~ N(0, 1) a priori, in closed form (MODELS.md §3; arXiv 2410.16150 states the
/// Nishimori-line result m = m̂/(1 + m̂); the general form below is derived here).
///
/// **Derivation.** After the replica trick the weights decouple over visible sites i. With
/// conjugates m̂ (P* × P, to m = ξ*ᵀξ/N), q̂ (P × P, to q = ξ¹ᵀξ²/N) and ŝ (P × P, to the
/// self-overlap s = ξᵀξ/N), and the replica coupling Σ_{a<b} ξ^aᵀ q̂ ξ^b written as
/// ½(Σ_a ξ^a)ᵀ q̂ (Σ_a ξ^a) − ½ Σ_a ξ^aᵀ q̂ ξ^a and decoupled by w ~ N(0, I_P), one site
/// contributes E_{ξ*, w} ln Z_w with
///
///     Z_w = ∫ N(ξ; 0, I) exp(bᵀξ + ½ ξᵀ(ŝ − q̂) ξ) dξ,   b = m̂ᵀξ* + q̂^{1/2} w.
///
/// The exponent is quadratic: the single-site posterior is Gaussian with precision
/// A = I + q̂ − ŝ (it exists iff A is positive definite), mean ⟨ξ⟩ = A⁻¹b, covariance A⁻¹, and
/// ln Z_w = −½ ln det A + ½ bᵀA⁻¹b. With E ξ*ξ*ᵀ = C and E ww ᵀ = I, E bbᵀ = m̂ᵀCm̂ + q̂, so
///
///     m = E ξ*⟨ξ⟩ᵀ        = C m̂ A⁻¹,
///     q = E ⟨ξ⟩⟨ξ⟩ᵀ       = A⁻¹ (m̂ᵀCm̂ + q̂) A⁻¹,
///     s = E ⟨ξξᵀ⟩         = q + A⁻¹,
///     E ln Z_w            = −½ ln det A + ½ tr(A⁻¹(m̂ᵀCm̂ + q̂)).
///
/// One hidden unit (P = P* = 1, C = 1; ŝ = 0 because binary hidden units make τ_μ² = 1, so
/// the energetic side does not depend on s_μμ): A = 1 + q̂ and
///
///     m = m̂/(1 + q̂),   q = (m̂² + q̂)/(1 + q̂)²,   s = q + 1/(1 + q̂).
///
/// On the Nishimori-like line q̂ = m̂ these give q = m̂(m̂ + 1)/(1 + m̂)² = m̂/(1 + m̂) = m: the
/// subspace q = m is closed even though the student's Gaussian prior differs from the binary
/// teacher's (only E ξ*² = 1 enters). The weight-side integrals are checked against direct
/// quadrature in RBMGaussianWeightsTests.
public enum RBMGaussianWeights {
    /// (m, q) for one hidden unit from the conjugates (m̂, q̂ ≥ 0).
    @inlinable
    public static func overlaps(mHat: Double, qHat: Double) -> (m: Double, q: Double) {
        let precision = 1 + qHat
        return (mHat / precision, (mHat * mHat + qHat) / (precision * precision))
    }

    /// E ln Z_w for one hidden unit: −½ ln(1 + q̂) + ½ (m̂² + q̂)/(1 + q̂).
    @inlinable
    public static func logPartition(mHat: Double, qHat: Double) -> Double {
        let precision = 1 + qHat
        return -0.5 * Double.log(onePlus: qHat) + 0.5 * (mHat * mHat + qHat) / precision
    }
}
