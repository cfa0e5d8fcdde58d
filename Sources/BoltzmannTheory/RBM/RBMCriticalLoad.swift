import BoltzmannCore
import BoltzmannModels

/// The critical load at which the paramagnet m = 0 of the RBM teacher–student problem becomes
/// unstable and the student starts to learn the teacher's patterns (arXiv 2410.16150; MODELS.md §3):
///
///     α_crit = T² T*² / λ_max(D C),   D_{μν} = ⟨τ*_μ τ*_ν⟩ under p*(τ*) ∝ exp(½ β*² τ*ᵀ C τ*),
///
/// which on the Nishimori line (T = T*) is α_crit = T⁴ / λ_max(D C).
///
/// **Derivation** (linear stability of ``RBMGeneralEquations`` at m = q = 0, s = I, where all
/// conjugates vanish): to first order in m, the hidden units of the student are unbiased and
/// independent, ⟨τ⟩ ≈ β*β mᵀτ*, so m̂ = α β*β E τ*⟨τ⟩ᵀ ≈ α β*² β² D m; on the weight side,
/// ⟨ξ⟩ ≈ m̂ᵀξ* for binary weights (and also for Gaussian ones, A = I), so m = E ξ*⟨ξ⟩ᵀ ≈ C m̂.
/// Hence m ← α β*² β² C D m, unstable once α β*² β² λ_max(CD) > 1. The result does not depend
/// on P or on the student's weight prior. For P* = 1 or c = 0, D = C = I and α_crit = T² T*².
///
/// λ_max(DC) is computed as the largest eigenvalue of the symmetric C^{1/2} D C^{1/2}, which is
/// similar to DC (C is positive definite for c ∈ [0, 1)), by LAPACK `dsyevd`. For uniform c
/// both D and C lie in the algebra spanned by I and 11ᵀ, so they commute and
/// λ_max = (1 + (P* − 1)c)(1 + (P* − 1)d) with d = ⟨τ*_1 τ*_2⟩ (checked in the tests).
public struct RBMCriticalLoad: Sendable, Equatable {
    /// α_crit.
    public var alphaCritical: Double
    /// λ_max(D C).
    public var lambdaMax: Double
    /// D (row-major P* × P*).
    public var teacherHiddenCorrelation: [Double]

    /// The critical load of `scenario` (its α is ignored).
    /// - Throws: `BoltzmannError` when P* is too large to enumerate.
    public static func compute(_ scenario: RBMTeacherStudentScenario) throws(BoltzmannError) -> RBMCriticalLoad {
        let p = scenario.teacherHidden
        let c = scenario.correlationMatrix
        let prior = try RBMTeacherHiddenPrior(units: p, correlation: c, teacherBeta: scenario.teacherBeta)
        let lambda = try largestEigenvalueOfProduct(prior.secondMoment, c, order: p)
        let t2 = scenario.temperature * scenario.temperature
        let tStar2 = scenario.teacherTemperature * scenario.teacherTemperature
        return RBMCriticalLoad(
            alphaCritical: t2 * tStar2 / lambda, lambdaMax: lambda,
            teacherHiddenCorrelation: prior.secondMoment)
    }

    /// λ_max(D C) for symmetric D and symmetric positive-definite C (row-major n × n), via the
    /// symmetric similar matrix C^{1/2} D C^{1/2}.
    /// - Throws: `BoltzmannError` if LAPACK fails (non-finite input).
    public static func largestEigenvalueOfProduct(_ d: [Double], _ c: [Double], order n: Int) throws(BoltzmannError) -> Double {
        guard let root = RBMSmallMatrices.squareRoot(c, order: n) else {
            throw BoltzmannError(
                "LAPACK could not take the square root of the correlation matrix C",
                fix: "pass a finite correlation c ∈ [0, 1)", source: "--correlation")
        }
        let product = RBMSmallMatrices.product(
            RBMSmallMatrices.product(root, d, rows: n, inner: n, columns: n), root, rows: n, inner: n, columns: n)
        guard let spectrum = RBMSmallMatrices.spectralFunction(product, order: n, { $0 }) else {
            throw BoltzmannError(
                "LAPACK could not diagonalise C^{1/2} D C^{1/2}", fix: "pass a finite correlation c ∈ [0, 1)",
                source: "--correlation")
        }
        return spectrum.eigenvalues.max() ?? 0
    }
}
