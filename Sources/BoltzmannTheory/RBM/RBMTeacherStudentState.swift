/// Where a saddle-point search of the RBM teacher–student theory started.
public enum RBMTheoryInitialisation: String, Sendable, CaseIterable, Codable {
    /// m = q = 0.999 (student patterns aligned with the teacher's, one-to-one).
    case informative
    /// m = 0, q = 0.999: a frozen student unrelated to the teacher (spin-glass start; off the
    /// Nishimori line only).
    case glass
    /// m = q = 0.01: a small push away from the paramagnet.
    case uninformative
    /// m = q = 0 exactly: the paramagnet, a fixed point of every version of the equations.
    case paramagnet
}

/// One replica-symmetric fixed point of the RBM teacher–student theory (MODELS.md §3).
///
/// Matrices are lists of rows:
/// - m (P* × P): Mattis overlaps m_{μν} = ξ*_μ·ξ_ν/N between teacher pattern μ and student
///   pattern ν (learning);
/// - q (P × P): overlaps between two student replicas, q_{μν} = ξ¹_μ·ξ²_ν/N;
/// - s (P × P): self-overlaps of one student, s_{μν} = ξ_μ·ξ_ν/N (s_μμ = 1 for binary weights);
/// - mHat, qHat, sHat: their conjugates (same shapes; sHat has zero diagonal).
///
/// `freeEntropy` is the RS free entropy per visible unit relative to the paramagnet (which has
/// f = 0 exactly); the equilibrium is the stable fixed point of largest f. `stable` says whether
/// the fixed point attracts the (damped) iteration x ← Φ(x): every eigenvalue of ∂Φ at the point
/// has real part < 1 (checked on a central-difference Jacobian). `converged`, `iterations`,
/// `residual` (‖Φ(x) − x‖_∞) and `message` come from the solver's ``SolverReport``.
public struct RBMTeacherStudentState: Sendable, Equatable {
    public var m: [[Double]]
    public var q: [[Double]]
    public var s: [[Double]]
    public var mHat: [[Double]]
    public var qHat: [[Double]]
    public var sHat: [[Double]]
    public var freeEntropy: Double
    public var stable: Bool
    public var converged: Bool
    public var iterations: Int
    public var residual: Double
    public var initialisation: RBMTheoryInitialisation
    public var message: String?

    public init(
        m: [[Double]], q: [[Double]], s: [[Double]], mHat: [[Double]], qHat: [[Double]],
        sHat: [[Double]], freeEntropy: Double, stable: Bool, converged: Bool, iterations: Int,
        residual: Double, initialisation: RBMTheoryInitialisation, message: String? = nil
    ) {
        self.m = m
        self.q = q
        self.s = s
        self.mHat = mHat
        self.qHat = qHat
        self.sHat = sHat
        self.freeEntropy = freeEntropy
        self.stable = stable
        self.converged = converged
        self.iterations = iterations
        self.residual = residual
        self.initialisation = initialisation
        self.message = message
    }

    /// The largest |m_{μν}|: how well the best-matched student pattern has learned a teacher
    /// pattern (the scalar m of the reduced equations).
    public var largestOverlap: Double {
        m.joined().map(abs).max() ?? 0
    }
}

/// The solution of the RBM teacher–student theory for one scenario: the equilibrium and every
/// distinct fixed point found from the initialisations (``RBMTheoryInitialisation``).
public struct RBMTeacherStudentSolution: Sendable, Equatable {
    /// How the equations were solved.
    public enum Method: String, Sendable, Codable {
        /// The scalar equations for one hidden unit or an uncorrelated teacher with P = P*
        /// (``RBMReducedEquations``); matrices are m·I.
        case reduced
        /// The general P* × P equations by exact enumeration of the hidden and weight states
        /// (``RBMGeneralEquations``).
        case enumeration
    }

    /// The stable fixed point of largest free entropy (the largest-f one if none is stable).
    public var equilibrium: RBMTeacherStudentState
    /// Every distinct fixed point found, equilibrium included, in initialisation order.
    public var candidates: [RBMTeacherStudentState]
    public var method: Method
    /// |m| above which a state counts as learning.
    public var learningThreshold: Double

    public init(
        equilibrium: RBMTeacherStudentState, candidates: [RBMTeacherStudentState], method: Method,
        learningThreshold: Double
    ) {
        self.equilibrium = equilibrium
        self.candidates = candidates
        self.method = method
        self.learningThreshold = learningThreshold
    }

    /// The equilibrium Mattis matrix m (P* × P).
    public var m: [[Double]] { equilibrium.m }
    /// The equilibrium replica overlap matrix q (P × P).
    public var q: [[Double]] { equilibrium.q }
    public var mHat: [[Double]] { equilibrium.mHat }
    public var qHat: [[Double]] { equilibrium.qHat }
    public var freeEntropy: Double { equilibrium.freeEntropy }
    /// Whether every candidate's search converged.
    public var converged: Bool { candidates.allSatisfy(\.converged) }
    /// Total iterations over all searches.
    public var iterations: Int { candidates.reduce(0) { $0 + $1.iterations } }
    /// Whether the equilibrium student has learned: largest |m_{μν}| above the threshold.
    public var isLearning: Bool { equilibrium.largestOverlap > learningThreshold }
    /// "learning" or "not learning".
    public var phase: String { isLearning ? "learning" : "not learning" }
}
