import BoltzmannCore
import BoltzmannModels
import RealModule

/// The replica-symmetric saddle-point equations of the RBM teacher–student problem for one
/// hidden unit, which also hold per pattern for an uncorrelated teacher (c = 0) with P = P*
/// (MODELS.md §3, arXiv 2410.16150): the general equations (``RBMGeneralEquations``) factorise
/// over hidden units when C = I and m, q are diagonal.
///
/// Energetic (example) side, with E over z ~ N(0, 1):
///
///     m̂ = α β*β E tanh(β*β m + β√q z),    q̂ = α β² E tanh²(β*β m + β√q z).
///
/// Weight side, binary weights:  m = E tanh(m̂ + √q̂ z),  q = E tanh²(m̂ + √q̂ z);
/// Gaussian weights: m = m̂/(1 + q̂), q = (m̂² + q̂)/(1 + q̂)² (``RBMGaussianWeights``).
///
/// RS free entropy per visible unit, relative to the paramagnet (f = 0 at m = q = 0):
///
///     f = −m̂ m + ½ q̂ q + W(m̂, q̂) + α [E ln cosh(β*β m + β√q z) − β² q/2],
///     W = E ln cosh(m̂ + √q̂ z) − q̂/2            (binary),
///     W = −½ ln(1 + q̂) + ½ (m̂² + q̂)/(1 + q̂)   (Gaussian).
///
/// Its stationarity conditions are exactly the equations above (∂/∂m̂, ∂/∂q̂ give the weight
/// side, ∂/∂m, ∂/∂q the energetic side, by Stein's lemma). It is the P = 1 case of the general
/// free entropy documented in ``RBMGeneralEquations``.
///
/// **Nishimori line** (β = β*): the subspace q = m, q̂ = m̂ is closed, leaving one equation,
///
///     m̂ = α β² E tanh(β² m + β√m z),   m = E tanh(m̂ + √m̂ z)   (binary),  m = m̂/(1 + m̂) (Gaussian),
///
/// with f = −½ m̂ m − ½ m̂ + E ln cosh(m̂ + √m̂ z) + α [E ln cosh(β² m + β√m z) − β² m/2] (binary;
/// for Gaussian weights −½ m̂ m + ½ m̂ − ½ ln(1 + m̂) + α[…]).
///
/// Linearising about m = q = 0: m ≈ α β⁴ m on the Nishimori line, so the paramagnet loses
/// stability at α = T⁴ (``RBMCriticalLoad``). Gaussian averages use ``GaussianTanhIntegrator``
/// (≲ 5e−13 absolute for every spread).
public struct RBMReducedEquations: Sendable {
    public let alpha: Double
    /// β = 1/T of the student.
    public let beta: Double
    /// β* = 1/T* of the teacher.
    public let teacherBeta: Double
    public let weights: RBMTeacherStudentScenario.Weights
    /// Whether the one-variable Nishimori reduction q = m is used (requires β = β*).
    public let nishimori: Bool

    /// Equations for `scenario`. With `nishimori` the reduction q = m is used.
    /// - Throws: `BoltzmannError` when the scenario has a correlated teacher with more than one
    ///   hidden unit or P ≠ P* (use ``RBMGeneralEquations``), or when `nishimori` is asked for
    ///   with T ≠ T*.
    public init(_ scenario: RBMTeacherStudentScenario, nishimori: Bool) throws(BoltzmannError) {
        guard RBMReducedEquations.applies(to: scenario) else {
            throw BoltzmannError(
                "the reduced (one-hidden-unit) equations need P = P* = 1, or P = P* with an uncorrelated "
                    + "teacher (c = 0); got P* = \(scenario.teacherHidden), P = \(scenario.studentHidden), "
                    + "c = \(scenario.correlation)",
                fix: "solve with RBMTeacherStudentTheory.solve, which uses the general P* × P equations here",
                source: "scenario")
        }
        guard !nishimori || scenario.temperature == scenario.teacherTemperature else {
            throw BoltzmannError(
                "the Nishimori reduction q = m needs T = T* (got T = \(scenario.temperature), "
                    + "T* = \(scenario.teacherTemperature))",
                fix: "pass --nishimori without --teacher-temperature, or drop --nishimori",
                source: "--nishimori")
        }
        alpha = scenario.alpha
        beta = scenario.beta
        teacherBeta = scenario.teacherBeta
        weights = scenario.weights
        self.nishimori = nishimori
    }

    /// Whether the scalar equations describe `scenario`: P = P* and (P = 1 or c = 0).
    public static func applies(to scenario: RBMTeacherStudentScenario) -> Bool {
        scenario.studentHidden == scenario.teacherHidden
            && (scenario.teacherHidden == 1 || scenario.correlation == 0)
    }

    /// The number of unknowns: 1 (m) on the Nishimori line, else 2 (m, q).
    public var dimension: Int { nishimori ? 1 : 2 }

    /// (m̂, q̂) from (m, q): the energetic side. q is clamped at 0 from below.
    @inlinable
    public func conjugates(m: Double, q: Double) -> (mHat: Double, qHat: Double) {
        let spread = beta * max(q, 0).squareRoot()
        let t = GaussianTanhIntegrator.standard.moments(spread: spread, mean: teacherBeta * beta * m)
        return (alpha * teacherBeta * beta * t.t1, alpha * beta * beta * t.t2)
    }

    /// (m, q) from (m̂, q̂): the weight side. q̂ is clamped at 0 from below.
    @inlinable
    public func overlaps(mHat: Double, qHat: Double) -> (m: Double, q: Double) {
        let qHat = max(qHat, 0)
        switch weights {
        case .binary:
            let t = GaussianTanhIntegrator.standard.moments(spread: qHat.squareRoot(), mean: mHat)
            return (t.t1, t.t2)
        case .gaussian:
            return RBMGaussianWeights.overlaps(mHat: mHat, qHat: qHat)
        }
    }

    /// One application of the saddle-point map Φ to x = [m, q] (or [m] on the Nishimori line).
    public func step(_ x: [Double]) -> [Double] {
        if nishimori {
            let m = x[0]
            let hat = conjugates(m: m, q: m)
            return [overlaps(mHat: hat.mHat, qHat: hat.mHat).m]
        }
        let hat = conjugates(m: x[0], q: x[1])
        let next = overlaps(mHat: hat.mHat, qHat: hat.qHat)
        return [next.m, next.q]
    }

    /// The RS free entropy f(m, q) relative to the paramagnet, with the conjugates taken at
    /// their saddle values (on the Nishimori line pass q = m).
    public func freeEntropy(m: Double, q: Double) -> Double {
        let q = max(q, 0)
        let hat = conjugates(m: m, q: q)
        let qHat = nishimori ? hat.mHat : max(hat.qHat, 0)
        let energetic = GaussianTanhIntegrator.standard.momentsAndLogCosh(
            spread: beta * q.squareRoot(), mean: teacherBeta * beta * m
        ).logCosh - 0.5 * beta * beta * q
        let weightSide: Double
        switch weights {
        case .binary:
            weightSide = GaussianTanhIntegrator.standard.momentsAndLogCosh(
                spread: qHat.squareRoot(), mean: hat.mHat
            ).logCosh - 0.5 * qHat
        case .gaussian:
            weightSide = RBMGaussianWeights.logPartition(mHat: hat.mHat, qHat: qHat)
        }
        return -hat.mHat * m + 0.5 * qHat * q + weightSide + alpha * energetic
    }
}
