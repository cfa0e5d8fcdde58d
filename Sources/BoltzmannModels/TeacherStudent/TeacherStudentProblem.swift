import BoltzmannCore

/// A dense teacher–student problem (MODELS.md §2; R. Thériault, D. Tantari, "Dense Hopfield
/// networks in the teacher–student setting", SciPost Phys. 17, 040 (2024), arXiv 2401.04191):
/// training examples from a teacher pattern ξ*, and a p-body student at temperature T whose
/// posterior over binary weights ξ is
///
///     P(ξ | {σ^a}) ∝ exp(−β H(ξ)),   H(ξ) = −Σ_a Φ(ξ·σ^a),
///
/// i.e. a dense Hopfield network whose spins are the weights and whose memories are the
/// examples (Gardner form: the normaliser of the teacher does not depend on ξ for binary ξ, so
/// the likelihood is exactly this Boltzmann weight). On the Nishimori line (p = p*, same form,
/// T = T*) the student is the Bayes-optimal posterior.
///
/// Order parameters measured on student weights ξ (`BoltzmannSampling`): q* = ξ·ξ*/N (learning),
/// q = ξ¹·ξ²/N (two replicas), m = ξ·σ¹/N (memorisation of an example).
public struct TeacherStudentProblem: Sendable {
    /// The teacher pattern ξ* (N entries ±1).
    public let teacherPattern: [Int8]
    /// The training examples σ^a (M × N): the student's memories.
    public let examples: PatternMatrix
    /// The student's Hamiltonian on the examples.
    public let student: DenseHopfieldNetwork
    /// The student's (inference) temperature T.
    public let temperature: Double

    /// - Throws: `BoltzmannError` when the teacher and the examples differ in N, T is not
    ///   positive (T = 0 is allowed: zero-temperature dynamics), or the student is invalid.
    public init(
        teacherPattern: [Int8], examples: PatternMatrix, order p: Int, form: DenseHopfieldForm, temperature: Double
    ) throws(BoltzmannError) {
        _ = try PatternMatrix(pattern: teacherPattern)
        guard teacherPattern.count == examples.size else {
            throw BoltzmannError(
                "the teacher has N = \(teacherPattern.count) entries but the examples have \(examples.size)",
                fix: "generate the examples from this teacher", source: "examples")
        }
        guard temperature >= 0, !temperature.isNaN else {
            throw BoltzmannError("the student temperature T = \(temperature) must be ≥ 0",
                                 fix: "pass T ≥ 0 (0 for zero-temperature dynamics)", source: "T")
        }
        self.teacherPattern = teacherPattern
        self.examples = examples
        self.student = try DenseHopfieldNetwork(memories: examples, order: p, form: form)
        self.temperature = temperature
    }

    /// Number of weights N.
    public var size: Int { examples.size }
    /// Number of examples M.
    public var exampleCount: Int { examples.count }
    /// The student's order p.
    public var order: Int { student.order }
    /// The load α = M p!/N^{p−1}.
    public var alpha: Double { (try? DenseLoad.alpha(exampleCount: exampleCount, order: order, size: size)) ?? .nan }
    /// β = 1/T (∞ at T = 0).
    public var beta: Double { temperature == 0 ? .infinity : 1 / temperature }
}
