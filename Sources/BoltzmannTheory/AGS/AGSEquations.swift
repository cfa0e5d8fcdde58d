import BoltzmannCore
import RealModule

/// The replica-symmetric equations of the Hopfield model at finite temperature, in AGS units
/// (H = −(N/2) Σ_μ m_μ², M = αN patterns, β = 1/T):
///
///     m = E_z tanh β(m + √(α r) z),   q = E_z tanh² β(m + √(α r) z),
///     r = q / (1 − β(1 − q))²,
///
/// with free energy per spin
///
///     f = α/2 + m²/2 + (α/2β)[ln(1 − β + βq) − βq/(1 − β + βq)] + (αβ/2) r (1 − q)
///         − (1/β) [ln 2 + E_z ln cosh β(m + √(αr) z)],
///
/// stationary in (m, q, r) exactly at the equations above; the free entropy is −βf. The
/// paramagnet q = 0 exists only for T > 1 (1 − β(1 − q) must stay positive); states where it is
/// not are reported as non-existent, not as failures.
///
/// Solved as x = (·, q, m) by ``SaddlePointIteration`` from m = q = 1 (retrieval), q = 1 (spin
/// glass) and 0 (paramagnet), the state of largest free entropy selected as in ``RSSolver``:
/// phases eR (retrieval of a stored pattern), SG, P. The Jacobian uses s = β²α r:
/// ds/dq = β²α (D − 2βq)/D³ with D = 1 − β(1 − q).
///
/// Source: D. J. Amit, H. Gutfreund, H. Sompolinsky, Ann. Phys. 173, 30 (1987), eqs. (4.8)–(4.11);
/// D. J. Amit, "Modeling Brain Function" (CUP, 1989), ch. 6.
public struct AGSEquations: Sendable {
    /// α_AGS = M/N > 0.
    public let alpha: Double
    /// T_AGS > 0.
    public let temperature: Double
    let integrator: GaussianTanhIntegrator

    /// The equations at AGS load and temperature.
    /// - Throws: `BoltzmannError` unless α > 0 and T > 0 are finite.
    public init(alpha: Double, temperature: Double, integrator: GaussianTanhIntegrator = .standard)
        throws(BoltzmannError)
    {
        guard alpha.isFinite, alpha > 0 else {
            throw BoltzmannError("the AGS load α = \(alpha) must be finite and positive",
                                 fix: "pass α > 0", source: "alpha")
        }
        guard temperature.isFinite, temperature > 0 else {
            throw BoltzmannError("the AGS temperature T = \(temperature) must be finite and positive",
                                 fix: "pass T > 0 (zero temperature: AGSZeroTemperature)", source: "T")
        }
        self.alpha = alpha
        self.temperature = temperature
        self.integrator = integrator
    }

    /// The equations of the p = 2 dense model at (α, T), via ``AGSConventions``
    /// (α_AGS = α/2, T_AGS = T/2).
    public init(denseAlpha: Double, denseTemperature: Double) throws(BoltzmannError) {
        try self.init(alpha: AGSConventions.agsAlpha(denseAlpha: denseAlpha),
                      temperature: AGSConventions.agsTemperature(denseTemperature: denseTemperature))
    }

    var beta: Double { 1 / temperature }

    /// (q′, m′) = Φ(q, m); nil where 1 − β(1 − q) ≤ 0 (no RS state).
    public func update(q: Double, m: Double) -> (q: Double, m: Double)? {
        guard let step = step(SIMD3(0, q, m)) else { return nil }
        return (step.image.y, step.image.z)
    }

    /// The AGS free energy per spin f(m, q) (meaningful at fixed points); NaN where
    /// 1 − β(1 − q) ≤ 0.
    public func freeEnergy(q: Double, m: Double) -> Double {
        let beta = self.beta
        let d = 1 - beta * (1 - q)
        guard d > 0 else { return .nan }
        let r = q / (d * d)
        let s = beta * beta * alpha * r
        let logCosh = integrator.momentsAndLogCosh(spread: s.squareRoot(), mean: beta * m).logCosh
        return 0.5 * alpha + 0.5 * m * m
            + alpha / (2 * beta) * (Double.log(d) - beta * q / d)
            + 0.5 * alpha * beta * r * (1 - q)
            - (0.693_147_180_559_945_3 + logCosh) / beta
    }

    func step(_ x: SIMD3<Double>) -> SaddlePointStep? {
        let beta = self.beta
        let q = x.y, m = x.z
        let d = 1 - beta * (1 - q)
        guard d > 0 else { return nil }
        let r = q / (d * d)
        let s = beta * beta * alpha * r
        let moments = integrator.moments(spread: s.squareRoot(), mean: beta * m)
        let dsdQ = beta * beta * alpha * (d - 2 * beta * q) / (d * d * d)
        let t1b = 1 - moments.t2, t1s = -(moments.t1 - moments.t3)
        let t2b = 2 * (moments.t1 - moments.t3), t2s = 1 - 4 * moments.t2 + 3 * moments.t4
        return SaddlePointStep(
            image: SIMD3(0, moments.t2, moments.t1),
            row0: SIMD3(0, 0, 0),
            row1: SIMD3(0, t2s * dsdQ, t2b * beta),
            row2: SIMD3(0, t1s * dsdQ, t1b * beta))
    }

    /// The RS solution (phases eR, SG, P), states in the dense convention's names: q* = 0, the
    /// free entropy −β_AGS f_AGS.
    public func solve(tolerance: Double = 1e-12, maxIterations: Int = 20_000,
                      orderThreshold: Double = 1e-6) -> RSSolution {
        let initialisations: [RSInitialisation] = [.example, .glass, .paramagnet]
        var candidates: [RSCandidate] = []
        for initialisation in initialisations {
            let start = initialisation.point
            let outcome = SaddlePointIteration.solve(
                from: SIMD3(0, start.q, start.m), active: SIMD3(0, 1, 1),
                lower: SIMD3(0, 0, -1), upper: SIMD3(0, 1, 1),
                tolerance: tolerance, maxIterations: maxIterations
            ) { x in step(x) }
            let x = outcome.point
            let f = outcome.exists ? freeEnergy(q: x.y, m: x.z) : .nan
            let state = OrderParameters(
                qStar: 0, q: x.y, m: x.z, freeEntropy: -beta * f,
                phase: PhaseSelection.label(qStar: 0, q: x.y, m: x.z, threshold: orderThreshold),
                converged: outcome.converged, iterations: outcome.iterations,
                residual: outcome.residual)
            candidates.append(RSCandidate(
                initialisation: initialisation, orderParameters: state, stable: outcome.stable,
                exists: outcome.exists, message: outcome.message))
        }
        return PhaseSelection.select(candidates)
    }
}
