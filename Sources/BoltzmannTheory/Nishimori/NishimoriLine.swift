import BoltzmannCore
import RealModule

/// The dense teacher–student problem on the Nishimori line (p* = p, T* = T): the RS equations
/// reduce to one equation in c = α/T² (MODELS.md §2; arXiv 2401.04191),
///
///     q = Φ(ĥ) ≡ E_z tanh(ĥ + √ĥ z),   ĥ = c p q^{p−1},
///
/// with free entropy relative to the paramagnet (f_P = ln 2 + c/2)
///
///     Δf = ½ c (1 − p) q^p − ½ ĥ + E_z ln cosh(ĥ + √ĥ z).
///
/// **The branch in closed form.** Φ depends on ĥ only, so every non-zero solution is
/// parametrised by ĥ > 0: q = Φ(ĥ) and c(ĥ) = ĥ / (p Φ(ĥ)^{p−1}). For p ≥ 3, c(ĥ) → ∞ at both
/// ends, so
///
/// - the **spinodal** (a learning solution first exists) is the minimum of c(ĥ):
///   d ln c/dĥ = 1/ĥ − (p−1) Φ′/Φ = 0, i.e. Φ(ĥ) = (p−1) ĥ Φ′(ĥ), a root found by Brent's
///   method (Φ′ = E[sech² X] − E[tanh X sech² X] by Stein's lemma, = E sech⁴ X on the line);
/// - the stable (larger-q, attracting for plain iteration) branch is ĥ > ĥ_sp, where c(ĥ)
///   increases; at given c it is the root of ln c(ĥ) = ln c, solved by safeguarded Newton inside
///   the bracket [ĥ_sp, c p] (c(c p) ≥ c because q ≤ 1);
/// - along it, with c q^p = ĥ q/p, Δf(ĥ) = ½(1 − p) ĥ q/p − ½ ĥ + E ln cosh(ĥ + √ĥ z); the
///   **thermodynamic transition** is its root above ĥ_sp (Δf → ĥ/2p − ln 2 > 0 as ĥ → ∞).
///
/// Both transitions are thus single root-finds to ~1e−13 in ĥ, with no nested solve; their c
/// is accurate to the integrator's ~1e−13 (the spinodal c even better, c′(ĥ_sp) = 0). p = 2
/// is excluded: there the transition is continuous and the teacher–student problem needs the
/// AGS reaction term (see ``DenseTeacherStudent``).
public struct NishimoriLine: Sendable {
    /// The order p = p* ≥ 3.
    public let p: Int
    let integrator: GaussianTanhIntegrator

    /// - Throws: `BoltzmannError` for p < 3.
    public init(p: Int, integrator: GaussianTanhIntegrator = .standard) throws(BoltzmannError) {
        guard p >= 3 else {
            throw BoltzmannError(
                "the Nishimori-line equation with a first-order transition needs p ≥ 3, got p = \(p)",
                fix: "pass p ≥ 3 (p = 2: AGS equations, direct model only)", source: "p")
        }
        self.p = p
        self.integrator = integrator
    }

    /// Φ(ĥ) = E tanh(ĥ + √ĥ z) for ĥ ≥ 0.
    public func overlap(conjugate h: Double) -> Double {
        integrator.moments(spread: h.squareRoot(), mean: h).t1
    }

    /// c(ĥ) = ĥ/(p Φ(ĥ)^{p−1}): the c at which q = Φ(ĥ) solves the equation.
    public func load(conjugate h: Double) -> Double {
        h / (Double(p) * integerPower(overlap(conjugate: h), p - 1))
    }

    /// Δf along the solution branch, at the solution with conjugate ĥ.
    public func freeEntropyGap(conjugate h: Double) -> Double {
        evaluate(h).freeEntropyGap
    }

    /// Δf(q; c) = ½ c (1 − p) q^p − ½ ĥ + E ln cosh(ĥ + √ĥ z), ĥ = c p q^{p−1}, at any q (not
    /// only at solutions).
    public func freeEntropyGap(q: Double, c: Double) -> Double {
        let h = c * Double(p) * integerPower(q, p - 1)
        let logCosh = integrator.momentsAndLogCosh(spread: h.squareRoot(), mean: h).logCosh
        return 0.5 * c * Double(1 - p) * integerPower(q, p) - 0.5 * h + logCosh
    }

    /// One evaluation at ĥ: q = Φ(ĥ), Φ′(ĥ), the branch's c(ĥ) and Δf(ĥ).
    struct BranchPoint {
        var h: Double
        var q: Double
        var slope: Double
        var freeEntropyGap: Double
        /// ln c(ĥ).
        var logLoad: Double
        /// d ln c/dĥ = 1/ĥ − (p−1) Φ′/Φ.
        var logLoadSlope: Double
    }

    @inline(__always)
    func evaluate(_ h: Double) -> BranchPoint {
        let (moments, logCosh) = integrator.nishimoriMomentsAndLogCosh(conjugate: h)
        let q = moments.t1
        let slope = (1 - moments.t2) - (moments.t1 - moments.t3)
        let pDouble = Double(p)
        return BranchPoint(
            h: h, q: q, slope: slope,
            freeEntropyGap: 0.5 * (1 - pDouble) * h * q / pDouble - 0.5 * h + logCosh,
            logLoad: Double.log(h / pDouble) - (pDouble - 1) * Double.log(q),
            logLoadSlope: 1 / h - (pDouble - 1) * slope / q)
    }

    /// The spinodal and the thermodynamic transition.
    public func transitions() -> NishimoriTransitions {
        // Spinodal: first sign change of Φ − (p−1) ĥ Φ′ (negative for small ĥ) on a log scan.
        let spinodalCondition: (Double) -> Double = { h in
            let point = evaluate(h)
            return point.q - Double(p - 1) * h * point.slope
        }
        var lower = 1e-3, upper = 1e-3
        var bracketFound = false
        var previous = spinodalCondition(lower)
        for k in 1...120 {
            let h = 1e-3 * Double.pow(10, Double(k) / 20)
            let value = spinodalCondition(h)
            if previous < 0 && value >= 0 {
                upper = h
                bracketFound = true
                break
            }
            lower = h
            previous = value
        }
        guard bracketFound else {
            return NishimoriTransitions.failure(
                p: p, message: "no spinodal found for ĥ in [1e−3, 1e3]: the branch c(ĥ) has no minimum")
        }
        let spinodal = Brent.root(in: lower...upper, tolerance: 1e-14, spinodalCondition)
        let hSpinodal = spinodal.value
        let atSpinodal = evaluate(hSpinodal)
        // Thermodynamic transition: Δf(ĥ) = 0 above the spinodal.
        guard atSpinodal.freeEntropyGap < 0 else {
            return NishimoriTransitions.failure(
                p: p, message: "Δf ≥ 0 already at the spinodal; no first-order transition")
        }
        var high = 2 * hSpinodal
        var doublings = 0
        while evaluate(high).freeEntropyGap <= 0 && doublings < 60 {
            high *= 2
            doublings += 1
        }
        let thermodynamic = Brent.root(in: hSpinodal...high, tolerance: 1e-14) { h in
            evaluate(h).freeEntropyGap
        }
        let atThermodynamic = evaluate(thermodynamic.value)
        let messages = [spinodal.message, thermodynamic.message].compactMap { $0 }
        return NishimoriTransitions(
            p: p,
            spinodalC: Double.exp(atSpinodal.logLoad),
            thermodynamicC: Double.exp(atThermodynamic.logLoad),
            qStarAtSpinodal: atSpinodal.q,
            qStarAtThermodynamic: atThermodynamic.q,
            conjugateAtSpinodal: hSpinodal,
            conjugateAtThermodynamic: thermodynamic.value,
            converged: spinodal.converged && thermodynamic.converged,
            iterations: spinodal.iterations + thermodynamic.iterations,
            message: messages.isEmpty ? nil : messages.joined(separator: "; "))
    }

    /// The state reached from q = 1 at c = α/T²: the stable learning branch when c ≥ c_sp,
    /// else the paramagnet; phase gR when Δf > 0, lR when the branch exists with Δf ≤ 0, P
    /// otherwise.
    /// - Throws: `BoltzmannError` unless c is finite and positive.
    public func state(c: Double, transitions: NishimoriTransitions? = nil) throws(BoltzmannError)
        -> NishimoriState
    {
        guard c.isFinite, c > 0 else {
            throw BoltzmannError("c = α/T² = \(c) must be finite and positive",
                                 fix: "pass α > 0 and T > 0", source: "c")
        }
        let lines = transitions ?? self.transitions()
        guard lines.converged else {
            return NishimoriState(
                c: c, q: .nan, conjugate: .nan, freeEntropyGap: .nan, phase: .paramagnet,
                converged: false, iterations: 0, residual: .nan, message: lines.message)
        }
        if c < lines.spinodalC {
            return NishimoriState(
                c: c, q: 0, conjugate: 0, freeEntropyGap: 0, phase: .paramagnet,
                converged: true, iterations: 0, residual: 0, message: nil)
        }
        let solver = BranchSolver(line: self, lowerBound: lines.conjugateAtSpinodal)
        return solver.solve(c: c, guess: nil).state
    }
}
