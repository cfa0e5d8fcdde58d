import BoltzmannCore
import RealModule

/// The retrieval state of the Hopfield model at T = 0 and its storage capacity, in AGS units
/// (M = αN patterns).
///
/// The T → 0 limit of ``AGSEquations`` with C = β(1 − q) finite reads
///
///     m = erf(m / √(2αr)),   C = √(2/(παr)) exp(−m²/(2αr)),   r = 1/(1 − C)².
///
/// With y = m/√(2αr) these collapse to one relation: m = erf y, C = (2/√π) y e^{−y²}/erf y and
/// √r = 1/(1 − C), so √(2α) = m(1 − C)/y, i.e.
///
///     α(y) = ½ [erf(y)/y − (2/√π) e^{−y²}]².
///
/// α(y) → 0 at y → 0 and y → ∞ with one maximum in between: retrieval states exist for
/// α ≤ α_c = max_y α(y), the capacity, at y_c where dα/dy = 0, i.e.
/// (2/√π) e^{−y²} (y + 2y³) = erf y (found by Brent's method on [1, 2]). The stable retrieval
/// branch is y > y_c (larger m). Literature: α_c ≈ 0.138, m(α_c) ≈ 0.967.
///
/// Source: D. J. Amit, H. Gutfreund, H. Sompolinsky, Phys. Rev. Lett. 55, 1530 (1985);
/// Ann. Phys. 173, 30 (1987), §5.
public enum AGSZeroTemperature {
    /// The storage capacity.
    public struct Capacity: Sendable, Hashable, Codable {
        /// α_c in AGS units (M/N).
        public var alphaC: Double
        /// The retrieval overlap at α_c.
        public var mAtAlphaC: Double
        /// y_c = m/√(2αr) at α_c.
        public var yC: Double
        /// α_c in the dense convention (M = αN/2): 2 α_c.
        public var denseAlphaC: Double
        public var converged: Bool
        public var iterations: Int
        /// |dα/dy| proxy at the root (Brent's residual).
        public var residual: Double
    }

    /// The zero-temperature retrieval state at one load.
    public struct RetrievalState: Sendable, Hashable, Codable {
        /// α in AGS units.
        public var alpha: Double
        /// Retrieval overlap m = erf y.
        public var m: Double
        /// C = lim β(1 − q).
        public var susceptibility: Double
        /// r = 1/(1 − C)².
        public var r: Double
        public var y: Double
        public var converged: Bool
        public var iterations: Int
        public var residual: Double
    }

    /// α(y) = ½ [erf(y)/y − (2/√π) e^{−y²}]² (y > 0).
    public static func alpha(atY y: Double) -> Double {
        let u = erf(y) / y - 1.128_379_167_095_512_6 * Double.exp(-y * y)
        return 0.5 * u * u
    }

    /// α_c and m(α_c), to the accuracy of Brent's method at tolerance 1e−15 in y.
    public static func capacity() -> Capacity {
        let report = Brent.root(in: 1...2, tolerance: 1e-15) { y in
            1.128_379_167_095_512_6 * Double.exp(-y * y) * (y + 2 * y * y * y) - erf(y)
        }
        let y = report.value
        let alphaC = alpha(atY: y)
        return Capacity(
            alphaC: alphaC, mAtAlphaC: erf(y), yC: y,
            denseAlphaC: AGSConventions.denseAlpha(agsAlpha: alphaC),
            converged: report.converged, iterations: report.iterations, residual: report.residual)
    }

    /// The retrieval state at AGS load α, or nil when α > α_c (no retrieval state).
    /// - Throws: `BoltzmannError` unless α is finite and positive.
    public static func retrieval(alpha target: Double) throws(BoltzmannError) -> RetrievalState? {
        guard target.isFinite, target > 0 else {
            throw BoltzmannError("the AGS load α = \(target) must be finite and positive",
                                 fix: "pass α > 0", source: "alpha")
        }
        let critical = capacity()
        guard target <= critical.alphaC else { return nil }
        if target == critical.alphaC {
            return state(y: critical.yC, alpha: target, converged: critical.converged,
                         iterations: critical.iterations, residual: 0)
        }
        // α(y) ≈ 1/(2y²) for large y, so α(upper) < target.
        let upper = max(10, 2 / (2 * target).squareRoot())
        let report = Brent.root(in: critical.yC...upper, tolerance: 1e-15) { y in
            alpha(atY: y) - target
        }
        return state(y: report.value, alpha: target, converged: report.converged,
                     iterations: report.iterations, residual: report.residual)
    }

    static func state(y: Double, alpha: Double, converged: Bool, iterations: Int, residual: Double)
        -> RetrievalState
    {
        let m = erf(y)
        let c = 1.128_379_167_095_512_6 * y * Double.exp(-y * y) / m
        return RetrievalState(
            alpha: alpha, m: m, susceptibility: c, r: 1 / ((1 - c) * (1 - c)), y: y,
            converged: converged, iterations: iterations, residual: residual)
    }
}
