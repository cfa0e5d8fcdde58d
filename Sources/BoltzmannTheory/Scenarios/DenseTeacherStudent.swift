import BoltzmannCore
import BoltzmannModels

/// A dense-Hopfield learning problem with its control parameters (MODELS.md §1–2; R. Thériault,
/// D. Tantari, "Dense Hopfield networks in the teacher–student setting", SciPost Phys. 17, 040
/// (2024), arXiv 2401.04191): a p-body student at temperature T = 1/β on M = α N^{p−1}/p!
/// memories, which are either random patterns (the *direct model*, `teacherP == nil`) or
/// examples drawn from a p*-body teacher with one pattern at temperature T*.
///
/// The same value is meant for the theory (``RSSolver``) and the simulation side. The replica
/// theory reduces it to ``RSControlParameters`` (c, c*, β):
///
/// | teacher                          | c        | c*       | notes                          |
/// |----------------------------------|----------|----------|--------------------------------|
/// | none (direct model)              | α/T²     | 0        | q* ≡ 0; m retrieves a pattern  |
/// | p* = p at T*                     | α/T²     | α/(T T*) | T* = ∞: random examples        |
/// | p* = p, Nishimori (T* = T)       | α/T²     | α/T²     | Bayes-optimal student          |
/// | p* = 2, `.largeNoise`            | α/T²     | α/T²     | see ``PairwiseTeacherRegime``  |
/// | p* = 2, `.finiteNoise` at T*     | 0        | α η β    | η = ``PairwiseTeacherRegime/eta(p:teacherTemperature:)`` |
///
/// Validation (every failure is a `BoltzmannError` naming the parameter and the fix):
/// p ≥ 2; α finite and > 0; T finite and ≥ 0 (T = 0 is a valid scenario for zero-temperature
/// dynamics and robustness, but the RS solver needs T > 0); the Gardner form (self-interactions
/// removed) for p ≥ 3 — the Krotov forms add O(1) random fields (p = 3) or an SK-like O(N)
/// coupling (p = 4) from the repeated-index terms, which these equations do not contain; for
/// p = 2 the Krotov x² form differs from Gardner's by the constant M and is accepted.
/// Teacher–student with p = 2 students is rejected: there the non-condensed examples give the
/// AGS reaction term 1/(1 − β(1 − q))², which §2's equations (exact for p ≥ 3) lack; the p = 2
/// *direct* model is solved by the AGS equations (``AGSEquations``).
public struct DenseTeacherStudent: Sendable, Hashable, Codable {
    /// The student's interaction order p ≥ 2.
    public let p: Int
    /// The teacher's order p*: nil for the direct model, p on the Nishimori line.
    public let teacherP: Int?
    /// The load α (M = α N^{p−1}/p!, or α N^{p/2}/(p/2+1)! in the p* = 2 finite-noise regime).
    public let alpha: Double
    /// The student's (inference) temperature T ≥ 0.
    public let temperature: Double
    /// The teacher's (dataset) temperature T*: T on the Nishimori line; nil for the direct model
    /// and for the p* = 2 large-noise regime (where T* grows with N).
    public let teacherTemperature: Double?
    /// Whether the student is Bayes-optimal: p* = p and T* = T.
    public let nishimori: Bool
    /// The Hamiltonian form of student (and teacher).
    public let form: DenseHopfieldForm
    /// The scaling regime of a p* = 2 teacher (nil otherwise).
    public let pairwiseRegime: PairwiseTeacherRegime?

    /// A validated scenario.
    ///
    /// - Parameters:
    ///   - p: student order, ≥ 2.
    ///   - teacherP: teacher order; nil for the direct model (random patterns). With
    ///     `nishimori: true` it may be omitted (it is then p).
    ///   - alpha: load α > 0.
    ///   - temperature: T ≥ 0.
    ///   - teacherTemperature: T* > 0 (may be `.infinity`) for a p* = p teacher off the Nishimori
    ///     line, T* > 2 for the p* = 2 finite-noise regime; omit it otherwise.
    ///   - nishimori: the Bayes-optimal line T* = T, p* = p.
    ///   - form: `.gardner` (or `.krotov(.power)` for p = 2).
    ///   - pairwiseRegime: required when teacherP = 2.
    /// - Throws: `BoltzmannError` for any invalid or unsupported combination.
    public init(
        p: Int, teacherP: Int? = nil, alpha: Double, temperature: Double,
        teacherTemperature: Double? = nil, nishimori: Bool = false,
        form: DenseHopfieldForm = .gardner, pairwiseRegime: PairwiseTeacherRegime? = nil
    ) throws(BoltzmannError) {
        guard p >= 2 else {
            throw BoltzmannError(
                "the student order p = \(p) must be at least 2",
                fix: "pass p ≥ 2 (p = 2 is the classic Hopfield model)", source: "p")
        }
        guard alpha.isFinite, alpha > 0 else {
            throw BoltzmannError(
                "the load α = \(alpha) must be finite and positive",
                fix: "pass α > 0 (M = α N^{p−1}/p! memories)", source: "alpha")
        }
        guard temperature.isFinite, temperature >= 0 else {
            throw BoltzmannError(
                "the temperature T = \(temperature) must be finite and ≥ 0",
                fix: "pass T ≥ 0", source: "T")
        }
        try Self.validate(form: form, p: p)
        var resolvedTeacherP = teacherP
        var resolvedTeacherTemperature = teacherTemperature
        if nishimori {
            if let teacherP, teacherP != p {
                throw BoltzmannError(
                    "the Nishimori line needs p* = p, got p* = \(teacherP) and p = \(p)",
                    fix: "drop --teacher-p or set it to p", source: "teacherP")
            }
            if let teacherTemperature, teacherTemperature != temperature {
                throw BoltzmannError(
                    "the Nishimori line needs T* = T, got T* = \(teacherTemperature), T = \(temperature)",
                    fix: "drop the teacher temperature (it is set to T)", source: "teacherTemperature")
            }
            resolvedTeacherP = p
            resolvedTeacherTemperature = temperature
        }
        if let teacher = resolvedTeacherP {
            try Self.validateTeacher(
                p: p, teacherP: teacher, teacherTemperature: resolvedTeacherTemperature,
                pairwiseRegime: pairwiseRegime)
        } else {
            guard teacherTemperature == nil else {
                throw BoltzmannError(
                    "a teacher temperature T* was given for the direct model (no teacher)",
                    fix: "also give the teacher order p*, or drop T*", source: "teacherTemperature")
            }
            guard pairwiseRegime == nil else {
                throw BoltzmannError(
                    "a p* = 2 regime was given for the direct model (no teacher)",
                    fix: "give teacherP = 2 with the regime, or drop the regime", source: "regime")
            }
        }
        self.p = p
        self.teacherP = resolvedTeacherP
        self.alpha = alpha
        self.temperature = temperature
        self.teacherTemperature = resolvedTeacherTemperature
        self.nishimori = nishimori
        self.form = form
        self.pairwiseRegime = resolvedTeacherP == 2 ? pairwiseRegime : nil
    }

    /// The direct model: p-body network with M = α N^{p−1}/p! random patterns at temperature T.
    public static func direct(p: Int, alpha: Double, temperature: Double,
                              form: DenseHopfieldForm = .gardner) throws(BoltzmannError) -> Self {
        try Self(p: p, alpha: alpha, temperature: temperature, form: form)
    }

    /// The Bayes-optimal student: p* = p, T* = T.
    public static func nishimoriLine(p: Int, alpha: Double, temperature: Double) throws(BoltzmannError) -> Self {
        try Self(p: p, alpha: alpha, temperature: temperature, nishimori: true)
    }

    /// The same problem at another (α, T); on the Nishimori line T* follows T.
    /// - Throws: `BoltzmannError` when the new values are invalid.
    public func with(alpha: Double, temperature: Double) throws(BoltzmannError) -> Self {
        try Self(
            p: p, teacherP: teacherP, alpha: alpha, temperature: temperature,
            teacherTemperature: nishimori ? nil : teacherTemperature, nishimori: nishimori,
            form: form, pairwiseRegime: pairwiseRegime)
    }

    /// Whether there is a teacher (q* is an order parameter).
    public var hasTeacher: Bool { teacherP != nil }

    /// The RS control parameters (c, c*, β) of MODELS.md §2; see the table in the type's
    /// documentation.
    /// - Throws: `BoltzmannError` at T = 0, where c = α/T² is infinite: the RS equations need
    ///   T > 0 (for p = 2 use ``AGSZeroTemperature``).
    public func controlParameters() throws(BoltzmannError) -> RSControlParameters {
        guard temperature > 0 else {
            throw BoltzmannError(
                "the replica-symmetric equations need T > 0 (c = α/T² is infinite at T = 0)",
                fix: "pass T > 0; for p = 2 at T = 0 use the AGS zero-temperature solution "
                    + "(hopfield capacity)", source: "T")
        }
        let beta = 1 / temperature
        let noise = alpha * beta * beta
        guard let teacherP else {
            return RSControlParameters(p: p, c: noise, cStar: 0, beta: beta, hasTeacher: false)
        }
        if teacherP == 2 && p != 2 {
            switch pairwiseRegime {
            case .finiteNoise:
                let eta = PairwiseTeacherRegime.eta(p: p, teacherTemperature: teacherTemperature ?? .nan)
                return RSControlParameters(p: p, c: 0, cStar: alpha * eta * beta, beta: beta, hasTeacher: true)
            case .largeNoise, nil:
                return RSControlParameters(p: p, c: noise, cStar: noise, beta: beta, hasTeacher: true)
            }
        }
        let teacherBeta = 1 / (teacherTemperature ?? temperature)
        return RSControlParameters(
            p: p, c: noise, cStar: alpha * beta * teacherBeta, beta: beta, hasTeacher: true)
    }

    /// The Hamiltonian form named `name`: "gardner", "krotov" (F = x^p), "krotov-rectified"
    /// (F = max(x, 0)^p). Case-insensitive.
    /// - Throws: `BoltzmannError` for any other name.
    public static func form(named name: String) throws(BoltzmannError) -> DenseHopfieldForm {
        switch name.lowercased() {
        case "gardner": return .gardner
        case "krotov", "krotov-power": return .krotov(.power)
        case "krotov-rectified", "rectified": return .krotov(.rectifiedPower)
        default:
            throw BoltzmannError(
                "unknown Hamiltonian form \"\(name)\"",
                fix: "use gardner, krotov or krotov-rectified", source: "form")
        }
    }

    static func validate(form: DenseHopfieldForm, p: Int) throws(BoltzmannError) {
        switch form {
        case .gardner:
            return
        case .krotov(.power) where p == 2:
            return
        case .krotov:
            throw BoltzmannError(
                "the replica theory is derived for the Gardner form (self-interactions removed); "
                    + "the \(form) form at p = \(p) adds repeated-index couplings that change "
                    + "the saddle point",
                fix: "use form gardner for the theory (the Monte Carlo side supports both)",
                source: "form")
        }
    }

    static func validateTeacher(
        p: Int, teacherP: Int, teacherTemperature: Double?,
        pairwiseRegime: PairwiseTeacherRegime?
    ) throws(BoltzmannError) {
        guard teacherP >= 2 else {
            throw BoltzmannError(
                "the teacher order p* = \(teacherP) must be at least 2",
                fix: "pass p* ≥ 2", source: "teacherP")
        }
        guard p >= 3 else {
            throw BoltzmannError(
                "the teacher–student equations of MODELS.md §2 hold for students with p ≥ 3; "
                    + "a p = 2 student needs the AGS reaction term, not implemented here",
                fix: "use p ≥ 3, or the direct p = 2 model (AGS) without a teacher",
                source: "p")
        }
        if teacherP == p {
            guard pairwiseRegime == nil else {
                throw BoltzmannError(
                    "a p* = 2 regime was given for a p* = \(teacherP) teacher",
                    fix: "drop the regime (it only applies to p* = 2)", source: "regime")
            }
            guard let teacherTemperature else {
                throw BoltzmannError(
                    "a p* = p teacher off the Nishimori line needs its temperature T*",
                    fix: "pass the teacher temperature T* > 0, or choose the Nishimori line",
                    source: "teacherTemperature")
            }
            guard teacherTemperature > 0, !teacherTemperature.isNaN else {
                throw BoltzmannError(
                    "the teacher temperature T* = \(teacherTemperature) must be positive",
                    fix: "pass T* > 0 (∞ for uniformly random examples)",
                    source: "teacherTemperature")
            }
            return
        }
        guard teacherP == 2 else {
            throw BoltzmannError(
                "a p* = \(teacherP) teacher with a p = \(p) student is not covered by the theory "
                    + "(implemented: p* = p, and p* = 2 with even p)",
                fix: "set p* = p, or p* = 2 with an even p ≥ 4", source: "teacherP")
        }
        try PairwiseTeacherRegime.validate(
            p: p, regime: pairwiseRegime, teacherTemperature: teacherTemperature)
    }
}

extension DenseTeacherStudent: CustomStringConvertible {
    public var description: String {
        var parts = ["p = \(p)", "α = \(alpha)", "T = \(temperature)"]
        if nishimori {
            parts.append("Nishimori (p* = p, T* = T)")
        } else if let teacherP {
            parts.append("p* = \(teacherP)")
            if let teacherTemperature { parts.append("T* = \(teacherTemperature)") }
            if let pairwiseRegime { parts.append("regime \(pairwiseRegime.rawValue)") }
        } else {
            parts.append("direct model")
        }
        parts.append("\(form) form")
        return parts.joined(separator: ", ")
    }
}
