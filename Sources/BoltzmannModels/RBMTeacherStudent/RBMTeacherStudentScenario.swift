import BoltzmannCore

/// The RBM teacher–student problem of arXiv 2410.16150 (MODELS.md §3), one value handed to both the
/// replica theory and the Monte Carlo simulation.
///
/// A teacher RBM with `teacherHidden` = P* binary patterns ξ* ∈ {±1}^N, whose rows are correlated with
/// E[ξ*_{iμ} ξ*_{iν}] = C_{μν}, C = (1 − c)·I + c·11ᵀ, generates M = α·N examples by block Gibbs
/// sampling of P(σ, τ | ξ*) ∝ exp((β*/√N) Σ_{iμ} σ_i ξ*_{iμ} τ_μ) at temperature T* = 1/β*.
/// A student RBM with `studentHidden` = P hidden units and binary or Gaussian weights samples its
/// patterns from the posterior at temperature T = 1/β. Learning is measured by the Mattis matrix
/// m_{μν} = ξ*_μ · ξ_ν / N.
public struct RBMTeacherStudentScenario: Sendable, Equatable {
    /// The prior on the student's weights.
    public enum Weights: String, Sendable, CaseIterable {
        /// ξ_{iμ} ∈ {±1}, uniform prior.
        case binary
        /// ξ_{iμ} ~ N(0, 1) prior.
        case gaussian
    }

    /// Number of teacher hidden units (patterns) P*.
    public var teacherHidden: Int
    /// Number of student hidden units P.
    public var studentHidden: Int
    /// Uniform correlation c ∈ [0, 1) between the teacher's patterns (rows of ξ*).
    public var correlation: Double
    /// Load α = M / N, examples per visible unit.
    public var alpha: Double
    /// Student (inference) temperature T = 1/β.
    public var temperature: Double
    /// Teacher temperature T* = 1/β* at which the examples are generated.
    public var teacherTemperature: Double
    /// The student's weight prior.
    public var weights: Weights

    /// Creates a scenario, checking every parameter.
    ///
    /// - Throws: `BoltzmannError` naming the parameter when P or P* < 1, c ∉ [0, 1), α < 0,
    ///   T or T* ≤ 0, or any value is not finite.
    public init(
        teacherHidden: Int = 1, studentHidden: Int = 1, correlation: Double = 0, alpha: Double,
        temperature: Double, teacherTemperature: Double? = nil, weights: Weights = .binary
    ) throws(BoltzmannError) {
        let teacherTemperature = teacherTemperature ?? temperature
        guard teacherHidden >= 1, studentHidden >= 1 else {
            throw BoltzmannError(
                "the numbers of hidden units must be at least 1 (got P* = \(teacherHidden), P = \(studentHidden))",
                fix: "pass --teacher-hidden and --hidden as positive integers")
        }
        guard correlation.isFinite, correlation >= 0, correlation < 1 else {
            throw BoltzmannError(
                "the pattern correlation c = \(correlation) is outside [0, 1)",
                fix: "pass --correlation with a value in [0, 1); c = 1 makes all patterns equal")
        }
        guard alpha.isFinite, alpha >= 0 else {
            throw BoltzmannError(
                "the load α = \(alpha) must be a finite number ≥ 0", fix: "pass --alpha ≥ 0")
        }
        guard temperature.isFinite, temperature > 0, teacherTemperature.isFinite, teacherTemperature > 0
        else {
            throw BoltzmannError(
                "temperatures must be finite and positive (got T = \(temperature), T* = \(teacherTemperature))",
                fix: "pass --temperature and --teacher-temperature > 0")
        }
        self.teacherHidden = teacherHidden
        self.studentHidden = studentHidden
        self.correlation = correlation
        self.alpha = alpha
        self.temperature = temperature
        self.teacherTemperature = teacherTemperature
        self.weights = weights
    }

    /// β = 1/T.
    public var beta: Double { 1 / temperature }
    /// β* = 1/T*.
    public var teacherBeta: Double { 1 / teacherTemperature }

    /// On the Nishimori line the student's model matches the teacher's: same temperature, same
    /// number of hidden units, and binary weights (the teacher's patterns are binary).
    public var isNishimori: Bool {
        temperature == teacherTemperature && studentHidden == teacherHidden && weights == .binary
    }

    /// The teacher's pattern correlation matrix C = (1 − c)·I + c·11ᵀ (P* × P*), row-major.
    public var correlationMatrix: [Double] {
        let p = teacherHidden
        return (0..<(p * p)).map { $0 / p == $0 % p ? 1 : correlation }
    }
}
