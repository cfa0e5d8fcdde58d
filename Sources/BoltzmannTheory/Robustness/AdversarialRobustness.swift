import BoltzmannCore
import RealModule

/// The zero-temperature adversarial robustness of a dense student (MODELS.md §2; arXiv
/// 2401.04191): start the student at the teacher ξ*, overwrite a fraction ε of its weights with
/// the entries of one training example σ¹, run T = 0 dynamics, and ask whether it returns to ξ*.
///
/// **Derivation.** At T → 0 in the regime where the student's noise vanishes (c = 0: the p* = 2
/// teacher at finite noise, ``PairwiseTeacherRegime/finiteNoise``, where c* = αηβ), the RS field
/// on weight i divided by β is
///
///     h_i = αη p q*^{p−1} ξ*_i + p m^{p−1} σ¹_i,
///
/// the teacher's pull c*r*/β and the example's pull k = p m^{p−1}. On the contested sites
/// (σ¹_i = −ξ*_i) the weight follows the larger pull. The attacked state has
/// m = ξ·σ¹/N = ε + (1 − ε) s and q* = ξ·ξ*/N = 1 − ε + ε s, where s = σ¹·ξ*/N is the example's
/// own overlap with the teacher (s ≈ 0 for a typical example, O(N^{−1/2})). The student returns
/// to ξ* iff αη q*^{p−1} > m^{p−1}, i.e. iff m/q* < a with a = (αη)^{1/(p−1)}. Solving
/// ε + (1 − ε)s = a(1 − ε + εs) for ε:
///
///     ε_c = (a − s) / ((1 − s)(1 + a)),   a = (αη)^{1/(p−1)},
///
/// which for s = 0 is ε_c = a/(1 + a); for p = 4, η = 1 it is α^{1/3}/(1 + α^{1/3}), the form
/// quoted in MODELS.md. ε_c = 0 when s ≥ a (the example already outpulls the teacher). The same
/// threshold is what one step of the RS map at c = 0, β → ∞ decides (checked in the tests).
public enum AdversarialRobustness {
    /// ε_c(α; p, η, s): attacks replacing a fraction ε < ε_c of the weights are repelled.
    ///
    /// - Parameters:
    ///   - alpha: load α > 0 (M = α N^{p/2}/(p/2+1)! in the p* = 2 finite-noise regime).
    ///   - p: student order ≥ 2.
    ///   - eta: signal strength η > 0 (``PairwiseTeacherRegime/eta(p:teacherTemperature:)``).
    ///   - exampleTeacherOverlap: s = σ¹·ξ*/N of the attacking example, in [0, 1) (0: typical).
    /// - Throws: `BoltzmannError` for α ≤ 0, p < 2, η ≤ 0, s outside [0, 1), or non-finite values.
    public static func criticalFraction(
        alpha: Double, p: Int, eta: Double = 1, exampleTeacherOverlap s: Double = 0
    ) throws(BoltzmannError) -> Double {
        guard alpha.isFinite, alpha > 0 else {
            throw BoltzmannError("the load α = \(alpha) must be finite and positive",
                                 fix: "pass α > 0", source: "alpha")
        }
        guard p >= 2 else {
            throw BoltzmannError("the student order p = \(p) must be at least 2",
                                 fix: "pass p ≥ 2", source: "p")
        }
        guard eta.isFinite, eta > 0 else {
            throw BoltzmannError("the signal strength η = \(eta) must be finite and positive",
                                 fix: "pass η > 0 (η = 1 in the paper's robustness figure)", source: "eta")
        }
        guard s.isFinite, s >= 0, s < 1 else {
            throw BoltzmannError("the example–teacher overlap s = \(s) must lie in [0, 1)",
                                 fix: "pass 0 for a typical example", source: "exampleTeacherOverlap")
        }
        let a = Double.pow(alpha * eta, 1 / Double(p - 1))
        guard a > s else { return 0 }
        return (a - s) / ((1 - s) * (1 + a))
    }

    /// ε_c for a p* = 2 teacher at finite noise T* > 2, with η = η(p, T*).
    /// - Throws: `BoltzmannError` for odd p, p < 4, T* ≤ 2, or the errors of
    ///   ``criticalFraction(alpha:p:eta:exampleTeacherOverlap:)``.
    public static func criticalFraction(
        alpha: Double, p: Int, pairwiseTeacherTemperature: Double, exampleTeacherOverlap s: Double = 0
    ) throws(BoltzmannError) -> Double {
        try PairwiseTeacherRegime.validate(
            p: p, regime: .finiteNoise, teacherTemperature: pairwiseTeacherTemperature)
        return try criticalFraction(
            alpha: alpha, p: p,
            eta: PairwiseTeacherRegime.eta(p: p, teacherTemperature: pairwiseTeacherTemperature),
            exampleTeacherOverlap: s)
    }
}
