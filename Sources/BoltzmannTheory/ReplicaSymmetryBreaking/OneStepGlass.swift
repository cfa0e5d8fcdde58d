import BoltzmannCore
import RealModule

/// The one-step replica-symmetry-broken (1RSB) glass of the dense p-body network with random
/// patterns (the direct model, p ≥ 3), and of the teacher–student problem's states that know
/// nothing of teacher or examples (q* = m = 0): the frozen phase the RS paramagnet hides at low
/// temperature.
///
/// At q* = m = 0 the RS free entropy of MODELS.md §2 is that of an Ising p-spin glass with
/// covariance β²ξ(q) = c q^p (c = α/T²). Parisi's 1RSB ansatz with q₀ = 0, q₁ = q and breaking
/// parameter x ∈ (0, 1] gives
///
///     Φ(q, x) = ln 2 + c/2 + (1/x) ln E_z cosh^x(√(c r) z) − ½ c r + ½ (1 − x)(p − 1) c q^p,
///     r = p q^{p−1},
///
/// which is the RS free entropy at x → 0 and the paramagnet's ln 2 + c/2 at x = 1 (for any q).
/// Stationarity in q: q = ⟨tanh²(√(c r) z)⟩_x, the average under the weight cosh^x(√(c r) z)
/// e^{−z²/2}. The equilibrium is the local minimum of Φ over x at the stationary q (for n → 0
/// the free entropy is minimised over the breaking parameter), found as the root of
///
///     ∂Φ/∂x = (x K′ − K)/x² − ½ (p − 1) c q^p,   K(x) = ln E_z cosh^x(√(c r) z),
///     K′ = ⟨ln cosh⟩_x.
///
/// When ∂Φ/∂x ≤ 0 at x = 1 the minimum is at x = 1: the paramagnet is the equilibrium (the
/// glass states, if present, are too few to dominate). Past the condensation (Kauzmann) load
/// c_K the minimum moves to x < 1 and Φ < ln 2 + c/2: the RS paramagnet, whose entropy
/// ln 2 − c/2 turns negative at c = 2 ln 2 > c_K, is replaced by this glass. At x = 1 the
/// q equation is the Nishimori equation q = E tanh(ĥ + √ĥ z), ĥ = c r, so the direct model's
/// c_K equals the Nishimori line's thermodynamic learning transition (quiet planting; the
/// correspondence arXiv 2401.04191 reports), and for p → ∞ the model becomes Derrida's random
/// energy model with c_K → 2 ln 2. Sources: E. Gardner, Nucl. Phys. B 257 (1985) 747 (the Ising
/// p-spin glass, 1RSB); F. Krzakala and L. Zdeborová, PRL 102 (2009) 238701 (quiet planting).
///
/// 1RSB is exact for the p-spin glass down to the Gardner temperature, far below the region of
/// the phase diagrams here; below it full RSB would be needed.
public struct OneStepGlass: Sendable, Hashable, Codable {
    /// Overlap q₁ of two configurations in the same state.
    public var q: Double
    /// Parisi's breaking parameter x ∈ (0, 1]; x = 1 means no static breaking (paramagnet).
    public var breakingParameter: Double
    /// Φ at the equilibrium (per spin, −βF/N); ln 2 + c/2 when x = 1.
    public var freeEntropy: Double
    /// The complexity Σ = −x² ∂Φ/∂x at x = 1 (Monasson): the log-number of glass states per
    /// spin inside the paramagnet. Positive between the dynamical (clustering) load, where the
    /// glass states appear, and c_K, where it reaches 0; nil when no glass state exists at x = 1.
    public var complexityAtOne: Double?
    /// Whether the q and x equations met their tolerances.
    public var converged: Bool

    /// Whether replica symmetry is broken in equilibrium (x < 1): the glass, not the paramagnet,
    /// is the state without order in q* and m.
    public var breaksReplicaSymmetry: Bool { breakingParameter < 1 }

    /// The 1RSB glass at noise c = α/T² for a p-body network.
    /// - Throws: `BoltzmannError` unless p ≥ 3 and c ≥ 0 finite.
    public static func solve(p: Int, c: Double) throws(BoltzmannError) -> OneStepGlass {
        guard p >= 3 else {
            throw BoltzmannError("the 1RSB glass is derived for p ≥ 3, got p = \(p)",
                                 fix: "use p ≥ 3 (p = 2 is the Hopfield model, solved by the AGS equations)", source: "p")
        }
        guard c.isFinite, c >= 0 else {
            throw BoltzmannError("the noise c = \(c) must be finite and ≥ 0", fix: "pass c = α/T² ≥ 0", source: "c")
        }
        let equations = Equations(p: p, c: c)
        let paramagnetFreeEntropy = 0.693_147_180_559_945_3 + c / 2
        guard let atOne = equations.stationaryQ(x: 1, from: 1) else {
            return OneStepGlass(q: 0, breakingParameter: 1, freeEntropy: paramagnetFreeEntropy, complexityAtOne: nil, converged: true)
        }
        let slopeAtOne = equations.slope(q: atOne.q, x: 1)
        guard slopeAtOne > 0 else {
            return OneStepGlass(
                q: atOne.q, breakingParameter: 1, freeEntropy: paramagnetFreeEntropy, complexityAtOne: -slopeAtOne,
                converged: atOne.converged)
        }
        // Bracket the root of ∂Φ/∂x below x = 1, stepping down in x (0.05, then geometrically
        // below 0.1) and following the q branch.
        var upper = (x: 1.0, q: atOne.q)
        var lower: (x: Double, q: Double)? = nil
        var x = 1.0
        while x > 1e-4 {
            x = x > 0.1 + 1e-9 ? x - 0.05 : x * 0.7
            guard let state = equations.stationaryQ(x: x, from: upper.q) else { break }
            if equations.slope(q: state.q, x: x) <= 0 {
                lower = (x, state.q)
                break
            }
            upper = (x, state.q)
        }
        guard let lower else {
            // Φ keeps decreasing until the glass branch ends or x → 0: report that end, unconverged.
            return OneStepGlass(
                q: upper.q, breakingParameter: upper.x, freeEntropy: equations.freeEntropy(q: upper.q, x: upper.x),
                complexityAtOne: -slopeAtOne, converged: false)
        }
        var converged = true
        var q = lower.q
        let report = Brent.root(in: lower.x...upper.x, tolerance: 1e-12) { x in
            guard let state = equations.stationaryQ(x: x, from: upper.q) else { converged = false; return .nan }
            converged = converged && state.converged
            q = state.q
            return equations.slope(q: state.q, x: x)
        }
        let xStar = report.value
        if let state = equations.stationaryQ(x: xStar, from: upper.q) { q = state.q }
        return OneStepGlass(
            q: q, breakingParameter: xStar, freeEntropy: equations.freeEntropy(q: q, x: xStar),
            complexityAtOne: -slopeAtOne, converged: converged && report.converged)
    }

    /// Φ(q, x) and its pieces for one (p, c).
    struct Equations {
        let p: Int
        let c: Double

        /// Averages under the 1RSB weight cosh^x(a z) e^{−z²/2}: K = ln E_z cosh^x(a z),
        /// ⟨tanh²⟩_x and ⟨ln cosh⟩_x.
        struct Averages {
            var logNormaliser: Double
            var tanhSquared: Double
            var logCosh: Double
        }

        func spread(q: Double) -> Double { (c * Double(p) * integerPower(q, p - 1)).squareRoot() }

        /// The integrands are even in z, so the average runs over z ≥ 0 with Gauss–Legendre
        /// panels: width π/(2a) up to z = 2 (ln cosh(a z) has branch points at z = ±iπ/(2a)),
        /// then width 1 up to x·a + 12, past which the weight is below e^{−70} of its peak.
        static func averages(spread a: Double, x: Double) -> Averages {
            let rule = GaussLegendre(order: 16)
            let fine = a > 0 ? min(1, Double.pi / (2 * a)) : 1
            let end = x * a + 12
            var edges: [Double] = [0]
            var edge = 0.0
            while edge < end {
                edge = min(edge + (edge < 2 ? fine : 1), end)
                edges.append(edge)
            }
            func logCosh(_ y: Double) -> Double { abs(y) + Double.log(onePlus: Double.exp(-2 * abs(y))) - 0.693_147_180_559_945_3 }
            // The log-weight −z²/2 + x ln cosh(a z) near its peak z ≈ x a, to keep exponentials in range.
            let peak = max(0, -0.5 * (x * a) * (x * a) + x * logCosh(a * x * a))
            var normaliser = 0.0, tanhSquared = 0.0, logCoshSum = 0.0
            for (left, right) in zip(edges, edges.dropFirst()) {
                let centre = 0.5 * (left + right), half = 0.5 * (right - left)
                for (node, weight) in zip(rule.nodes, rule.weights) {
                    let z = centre + half * node
                    let lc = logCosh(a * z)
                    let w = weight * half * Double.exp(-0.5 * z * z + x * lc - peak)
                    let t = Double.tanh(a * z)
                    normaliser += w
                    tanhSquared += w * t * t
                    logCoshSum += w * lc
                }
            }
            // E_z over z ≥ 0 counts half the mass: 2/√(2π) ∫₀^∞.
            let logNormaliser = Double.log(normaliser * (2 / (2 * Double.pi).squareRoot())) + peak
            return Averages(logNormaliser: logNormaliser, tanhSquared: tanhSquared / normaliser, logCosh: logCoshSum / normaliser)
        }

        /// The largest stationary q at breaking parameter x, by iterating q ← ⟨tanh²⟩_x from
        /// `start`; nil when the iteration falls to q = 0 (no glass state at this x).
        func stationaryQ(x: Double, from start: Double) -> (q: Double, converged: Bool)? {
            var q = min(1, max(start, 1e-3))
            for _ in 0..<20_000 {
                let next = Self.averages(spread: spread(q: q), x: x).tanhSquared
                if next < 1e-9 { return nil }
                if abs(next - q) <= 1e-13 { return (next, true) }
                q = next
            }
            return (q, false)
        }

        func freeEntropy(q: Double, x: Double) -> Double {
            let a = spread(q: q), r = Double(p) * integerPower(q, p - 1)
            let k = Self.averages(spread: a, x: x).logNormaliser
            return 0.693_147_180_559_945_3 + c / 2 + k / x - 0.5 * c * r + 0.5 * (1 - x) * Double(p - 1) * c * integerPower(q, p)
        }

        /// ∂Φ/∂x at fixed q (= dΦ/dx along the stationary q, by the envelope theorem).
        func slope(q: Double, x: Double) -> Double {
            let averages = Self.averages(spread: spread(q: q), x: x)
            return (x * averages.logCosh - averages.logNormaliser) / (x * x) - 0.5 * Double(p - 1) * c * integerPower(q, p)
        }
    }
}
