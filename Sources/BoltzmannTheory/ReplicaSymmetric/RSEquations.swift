import BoltzmannCore
import RealModule

/// The replica-symmetric saddle-point equations of the dense teacher–student problem
/// (MODELS.md §2; arXiv 2401.04191), for p ≥ 3, as a map x = (q*, q, m) ↦ Φ(x) with its exact
/// Jacobian, and the RS free entropy.
///
/// With r* = p q*^{p−1}, r = p q^{p−1}, k = p m^{p−1} and h_± = √(c r) z + c* r* ± βk:
///
///     q*′ = E_z ½[tanh h₊ + tanh h₋],
///     q′  = E_z ½[tanh² h₊ + tanh² h₋],
///     m′  = E_z ½[tanh h₊ − tanh h₋]
///
/// (the last is MODELS.md's m equation after z → −z in its second term). The effective field on
/// a weight is c*r* ξ*_i + βk σ¹_i + √(cr) z; the examples are O(N^{−1/2})-correlated with ξ*, so
/// σ¹_i ξ*_i = ±1 with probability ½ each, which is the ½[· + ·] average.
///
/// Free entropy (−βF/N), stationary exactly at the fixed points (checked in the tests by finite
/// differences):
///
///     f = c* q*^p − ½c q^p + β m^p − c* q* r* + ½c q r − ½c r − β m k + ½c + ln 2
///         + E_z ½[ln cosh h₊ + ln cosh h₋]
///       = (1−p) c* q*^p + ½(p−1) c q^p + (1−p) β m^p − ½ c r + ½ c + ln 2 + ½ E[ln cosh h₊ + ln cosh h₋].
///
/// The paramagnet x = 0 is a fixed point with f = ln 2 + c/2. Jacobian: with s = a² = c r the
/// moments t_k = E tanh^k(a z + b) of ``GaussianTanhIntegrator`` obey ∂t₁/∂b = 1 − t₂,
/// ∂t₁/∂s = −(t₁ − t₃), ∂t₂/∂b = 2(t₁ − t₃), ∂t₂/∂s = 1 − 4t₂ + 3t₄ (Stein's lemma; s rather than a
/// keeps them finite at q = 0), and ds/dq = c p(p−1) q^{p−2}, ∂b_±/∂q* = c* p(p−1) q*^{p−2},
/// ∂b_±/∂m = ±β p(p−1) m^{p−2}.
public struct RSEquations: Sendable {
    /// The parameters (p ≥ 3).
    public let control: RSControlParameters
    let integrator: GaussianTanhIntegrator

    /// - Throws: `BoltzmannError` unless p ≥ 3, c, c* ≥ 0 and β > 0 are finite.
    public init(_ control: RSControlParameters, integrator: GaussianTanhIntegrator = .standard)
        throws(BoltzmannError)
    {
        self.control = try control.validated()
        self.integrator = integrator
    }

    /// Φ(q*, q, m), one application of the RS equations.
    public func update(qStar: Double, q: Double, m: Double) -> (qStar: Double, q: Double, m: Double) {
        let image = step(SIMD3(qStar, q, m)).image
        return (image.x, image.y, image.z)
    }

    /// The RS free entropy f(q*, q, m) (meaningful at fixed points).
    public func freeEntropy(qStar: Double, q: Double, m: Double) -> Double {
        let p = control.p
        let c = control.c, cStar = control.cStar, beta = control.beta
        let q = max(q, 0)
        let qStarPower = integerPower(qStar, p)
        let qPower = integerPower(q, p)
        let mPower = integerPower(m, p)
        let s = c * Double(p) * integerPower(q, p - 1)
        let a = s.squareRoot()
        let signal = cStar * Double(p) * integerPower(qStar, p - 1)
        let memory = beta * Double(p) * integerPower(m, p - 1)
        let plus = integrator.momentsAndLogCosh(spread: a, mean: signal + memory).logCosh
        let minus = memory == 0
            ? plus : integrator.momentsAndLogCosh(spread: a, mean: signal - memory).logCosh
        let pMinusOne = Double(p - 1)
        return -pMinusOne * cStar * qStarPower + 0.5 * pMinusOne * c * qPower
            - pMinusOne * beta * mPower - 0.5 * s + 0.5 * c + 0.693_147_180_559_945_3
            + 0.5 * (plus + minus)
    }

    /// Image and Jacobian at x = (q*, q, m).
    func step(_ x: SIMD3<Double>) -> SaddlePointStep {
        let p = control.p
        let pDouble = Double(p), pairs = Double(p * (p - 1))
        let c = control.c, cStar = control.cStar, beta = control.beta
        let qStar = x.x, q = max(x.y, 0), m = x.z
        let qStarLow = integerPower(qStar, p - 2)
        let qLow = integerPower(q, p - 2)
        let mLow = integerPower(m, p - 2)
        let s = c * pDouble * qLow * q
        let a = s.squareRoot()
        let signal = cStar * pDouble * qStarLow * qStar
        let memory = beta * pDouble * mLow * m
        let plus = integrator.moments(spread: a, mean: signal + memory)
        let minus = memory == 0 ? plus : integrator.moments(spread: a, mean: signal - memory)
        let image = SIMD3(
            0.5 * (plus.t1 + minus.t1), 0.5 * (plus.t2 + minus.t2), 0.5 * (plus.t1 - minus.t1))

        let dbdQStar = cStar * pairs * qStarLow
        let dbdM = beta * pairs * mLow
        let dsdQ = c * pairs * qLow
        let t1bPlus = 1 - plus.t2, t1bMinus = 1 - minus.t2
        let t1sPlus = -(plus.t1 - plus.t3), t1sMinus = -(minus.t1 - minus.t3)
        let t2bPlus = 2 * (plus.t1 - plus.t3), t2bMinus = 2 * (minus.t1 - minus.t3)
        let t2sPlus = 1 - 4 * plus.t2 + 3 * plus.t4, t2sMinus = 1 - 4 * minus.t2 + 3 * minus.t4
        return SaddlePointStep(
            image: image,
            row0: SIMD3(0.5 * (t1bPlus + t1bMinus) * dbdQStar,
                        0.5 * (t1sPlus + t1sMinus) * dsdQ,
                        0.5 * (t1bPlus - t1bMinus) * dbdM),
            row1: SIMD3(0.5 * (t2bPlus + t2bMinus) * dbdQStar,
                        0.5 * (t2sPlus + t2sMinus) * dsdQ,
                        0.5 * (t2bPlus - t2bMinus) * dbdM),
            row2: SIMD3(0.5 * (t1bPlus - t1bMinus) * dbdQStar,
                        0.5 * (t1sPlus - t1sMinus) * dsdQ,
                        0.5 * (t1bPlus + t1bMinus) * dbdM))
    }
}
