import BoltzmannCore
import RealModule

/// The Hopfield ↔ RBM correspondence (MODELS.md §4): an RBM with N spin visible units, P Gaussian
/// hidden units of precision 1 and zero bias, and weights W_iμ = √(β/N) ξ^μ_i is, after the hidden
/// units are integrated out, a Hopfield network at inverse temperature β:
///
///     F(σ) = −Σ_μ Γ((σW)_μ) = −Σ_μ [ (σW)_μ²/2 + ½ log 2π ]
///          = −(β/2N) Σ_μ (Σ_i ξ^μ_i σ_i)² − (P/2) log 2π
///          = β E_Hopfield(σ) − (P/2) log 2π,    E_Hopfield(σ) = −(1/2N) Σ_μ (ξ^μ·σ)².
///
/// So p(σ) ∝ e^{−F(σ)} ∝ e^{−β E_Hopfield(σ)}: sampling the RBM's visible layer samples the
/// Hopfield model, and log Z_RBM = log Z_Hopfield(β) + (P/2) log 2π. (E_Hopfield keeps the
/// diagonal terms: it is ½ of the Krotov form H = −N Σ_μ m_μ² with m_μ = ξ^μ·σ/N.)
///
/// Source: A. Barra, A. Bernacchia, E. Santucci, P. Contucci, "On the equivalence of Hopfield
/// networks and Boltzmann machines", Neural Networks 34, 1 (2012); M. Mézard, "Mean-field message-
/// passing equations in the Hopfield model and its generalizations", Phys. Rev. E 95, 022117 (2017).
extension RestrictedBoltzmannMachine {
    /// The Gaussian-hidden RBM whose visible marginal is the Hopfield network with memories
    /// `patterns` (P × N) at inverse temperature `beta`: spin visible units (zero field), P
    /// Gaussian hidden units (zero bias, precision 1), W_iμ = √(β/N) ξ^μ_i.
    ///
    /// - Throws: `BoltzmannError` when β is not positive and finite.
    public static func hopfield(patterns: PatternMatrix, beta: Double = 1) throws(BoltzmannError) -> RestrictedBoltzmannMachine {
        guard beta > 0, beta.isFinite else {
            throw BoltzmannError(
                "the inverse temperature β = \(beta) is not positive and finite",
                fix: "pass β > 0 (β = 1/T)", source: "beta")
        }
        let size = patterns.size
        let scale = Float((beta / Double(size)).squareRoot())
        let weights = Matrix<Float>(rows: size, columns: patterns.count) { site, pattern in
            scale * Float(patterns[pattern: pattern, site: site])
        }
        return RestrictedBoltzmannMachine(
            validatedVisible: SpinLayer(count: size), hidden: GaussianLayer(count: patterns.count),
            weights: weights)
    }

    /// The constant C in F(σ) = β E_Hopfield(σ) + C for ``hopfield(patterns:beta:)`` with P
    /// patterns: C = −(P/2) log 2π.
    public static func hopfieldFreeEnergyOffset(patternCount: Int) -> Double {
        -0.5 * Double(patternCount) * Double.log(2 * Double.pi)
    }
}
