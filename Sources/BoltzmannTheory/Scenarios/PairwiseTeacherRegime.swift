import BoltzmannCore
import BoltzmannModels
import RealModule

/// The two scaling regimes of a pairwise (p* = 2) teacher with a p-body student, p ≥ 4 even
/// (MODELS.md §2, "noise tolerance"; arXiv 2401.04191).
///
/// **Teacher statistics (derived here).** The p* = 2 teacher is a Curie–Weiss magnet along ξ*:
/// P(σ) ∝ exp(β* N m*²), m* = ξ*·σ/N (Gardner form; it differs by a constant). Writing
/// exp(β* (ξ*·σ)²/N) = E_g exp(√(2β*/N) g ξ*·σ) (Hubbard–Stratonovich), each example is, given a
/// field h, a product measure with ⟨ξ*_i σ_i⟩ = tanh h, and h is Gaussian with variance
/// τ/N, τ = 2β*/(1 − 2β*), as long as the teacher is paramagnetic (2β* < 1, i.e. T* > 2 in these
/// units; corrections are O(1/N)). Hence for distinct sites
///
///     E[σ_{i1} ⋯ σ_{ip}] = ξ*_{i1} ⋯ ξ*_{ip} E[tanh^p h] = ξ*_{i1} ⋯ ξ*_{ip} (p−1)!! (τ/N)^{p/2}
///
/// for even p, and 0 for odd p (h is symmetric) — an odd-p student receives no signal at all.
///
/// **Student signal.** The Gardner student's log-weight is β Σ_a (p!/N^{p−1}) Σ_{i1<…<ip}
/// ξ_{i1}σ^a_{i1} ⋯ ξ_{ip}σ^a_{ip}. Averaged over the examples, with Σ_{i1<…<ip} ξξ* ⋯ ≈
/// (N q*)^p/p!, each example contributes N^{1−p/2} (p−1)!! τ^{p/2} q*^p, so M examples give
/// N c* q*^p with c* = β M N^{−p/2} (p−1)!! τ^{p/2}. The fluctuating part of the same sum has
/// variance ∝ M N^{2−p}, the source of the noise c.
///
/// - ``largeNoise``: M = α N^{p−1}/p! (the usual load), so the noise is c = α/T² as for any
///   random examples, and the teacher so hot that τ ≈ 2β* → 0 with N. Requiring c* = c gives
///   β*^{p/2} = (p/2)! β N^{1−p/2}, i.e. T* = (T N^{p/2−1}/(p/2)!)^{2/p}; for p = 4 this is
///   MODELS.md's T* = √(N T/2). The RS equations are those of §2 with c* = c = α/T²
///   (the same form as the Nishimori line). ``largeNoiseTeacherTemperature(p:temperature:size:)``
///   returns the finite-N version T* = 2 + (T N^{p/2−1}/(p/2)!)^{2/p}.
/// - ``finiteNoise``: T* > 2 fixed and M = α N^{p/2}/(p/2 + 1)! examples — far fewer than
///   N^{p−1}, so the noise vanishes (c ∝ M N^{2−p}/N → 0 for p ≥ 4) while the signal stays
///   finite: c = 0, c* = α η β with
///
///       η(p, T*) = (p−1)!! / (p/2 + 1)! · (2β*/(1 − 2β*))^{p/2}.
///
///   ``eta(p:teacherTemperature:)``. What is *not* derived here: the O(1/N) corrections to the
///   correlation, and
///   whether the paper's η absorbs the factor (p−1)!!/(p/2+1)! differently (the paper's text was
///   not available; this normalisation makes c* = αηβ exact with M as in MODELS.md). The
///   correlation formula is checked against exact finite-N enumeration of the teacher in the
///   tests.
public enum PairwiseTeacherRegime: String, Sendable, Hashable, Codable, CaseIterable {
    /// T* = (T N^{p/2−1}/(p/2)!)^{2/p}, M = α N^{p−1}/p!: c* = c = α/T².
    case largeNoise
    /// T* > 2 finite, M = α N^{p/2}/(p/2+1)!: c = 0, c* = α η β.
    case finiteNoise

    /// η(p, T*) = (p−1)!!/(p/2+1)! · (2β*/(1 − 2β*))^{p/2} for even p and T* > 2 (β* = 1/T*);
    /// NaN outside that domain (validated scenarios never get there).
    public static func eta(p: Int, teacherTemperature: Double) -> Double {
        guard p >= 2, p % 2 == 0, teacherTemperature > 2 else { return .nan }
        let teacherBeta = 1 / teacherTemperature
        let tau = 2 * teacherBeta / (1 - 2 * teacherBeta)
        let half = p / 2
        var coefficient = 1.0
        for k in stride(from: p - 1, to: 0, by: -2) { coefficient *= Double(k) }
        for k in 1...(half + 1) { coefficient /= Double(k) }
        return coefficient * Double.pow(tau, Double(half))
    }

    /// The teacher temperature of the large-noise regime at size N. Requiring c* = c with the
    /// exact paramagnetic correlation, τ^{p/2} = 2^{p/2} (p/2)! β N^{1−p/2} with τ = 2β*/(1 − 2β*),
    /// gives τ₀ = 2 ((p/2)! β N^{1−p/2})^{2/p} and
    ///
    ///     T* = 2 + 2/τ₀ = 2 + (T N^{p/2−1}/(p/2)!)^{2/p},
    ///
    /// whose leading term is MODELS.md's √(N T/2) for p = 4; the constant 2 removes the relative
    /// O(p β*) error the leading term alone leaves at finite N.
    /// - Throws: `BoltzmannError` for odd p, p < 4, T ≤ 0 or N < 1.
    public static func largeNoiseTeacherTemperature(p: Int, temperature: Double, size n: Int)
        throws(BoltzmannError) -> Double
    {
        try validateOrder(p)
        guard temperature.isFinite, temperature > 0 else {
            throw BoltzmannError("the student temperature T = \(temperature) must be positive",
                                 fix: "pass T > 0", source: "T")
        }
        guard n >= 1 else {
            throw BoltzmannError("the size N = \(n) must be at least 1", fix: "pass N ≥ 1", source: "N")
        }
        let half = p / 2
        var factorial = 1.0
        for k in 1...half { factorial *= Double(k) }
        let base = temperature * Double.pow(Double(n), Double(half - 1)) / factorial
        return 2 + Double.pow(base, 2 / Double(p))
    }

    /// The number of examples M at size N: α N^{p−1}/p! (large noise) or α N^{p/2}/(p/2+1)!
    /// (finite noise), rounded to the nearest integer.
    /// - Throws: `BoltzmannError` for odd p, p < 4, α ≤ 0, N < 1, or M < 1.
    public func exampleCount(p: Int, alpha: Double, size n: Int) throws(BoltzmannError) -> Int {
        try Self.validateOrder(p)
        switch self {
        case .largeNoise:
            return try DenseLoad.exampleCount(alpha: alpha, order: p, size: n)
        case .finiteNoise:
            guard alpha.isFinite, alpha > 0 else {
                throw BoltzmannError("the load α = \(alpha) must be finite and positive",
                                     fix: "pass α > 0", source: "alpha")
            }
            guard n >= 1 else {
                throw BoltzmannError("the size N = \(n) must be at least 1", fix: "pass N ≥ 1", source: "N")
            }
            let half = p / 2
            var factorial = 1.0
            for k in 1...(half + 1) { factorial *= Double(k) }
            let m = (alpha * Double.pow(Double(n), Double(half)) / factorial).rounded()
            guard m >= 1, m <= Double(Int32.max) else {
                throw BoltzmannError(
                    "α = \(alpha), N = \(n), p = \(p) give M = \(m) examples, outside 1 … 2³¹",
                    fix: "change α or N", source: "alpha")
            }
            return Int(m)
        }
    }

    static func validateOrder(_ p: Int) throws(BoltzmannError) {
        guard p >= 4, p % 2 == 0 else {
            throw BoltzmannError(
                "a p* = 2 teacher needs an even student order p ≥ 4, got p = \(p): for odd p every "
                    + "p-point correlation of the teacher vanishes, so the student gets no signal",
                fix: "use p = 4, 6, …", source: "p")
        }
    }

    static func validate(p: Int, regime: PairwiseTeacherRegime?, teacherTemperature: Double?)
        throws(BoltzmannError)
    {
        try validateOrder(p)
        guard let regime else {
            throw BoltzmannError(
                "a p* = 2 teacher needs a scaling regime",
                fix: "choose largeNoise (T* grows like N^{(p−2)/p}) or finiteNoise (T* > 2, "
                    + "M = α N^{p/2}/(p/2+1)!)", source: "regime")
        }
        switch regime {
        case .largeNoise:
            guard teacherTemperature == nil else {
                throw BoltzmannError(
                    "in the large-noise regime T* is set by N (T* = (T N^{p/2−1}/(p/2)!)^{2/p}), "
                        + "not given",
                    fix: "drop the teacher temperature, or use the finiteNoise regime",
                    source: "teacherTemperature")
            }
        case .finiteNoise:
            guard let teacherTemperature, teacherTemperature.isFinite, teacherTemperature > 2 else {
                throw BoltzmannError(
                    "the finite-noise regime needs a paramagnetic p* = 2 teacher, T* > 2 "
                        + "(got \(teacherTemperature.map { "\($0)" } ?? "none")); at T* ≤ 2 the "
                        + "examples are magnetised and the signal diverges with N",
                    fix: "pass a finite teacher temperature T* > 2", source: "teacherTemperature")
            }
        }
    }
}
