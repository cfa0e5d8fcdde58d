/// One evaluation of a saddle-point map x ↦ Φ(x) on at most three order parameters: the image
/// and the exact Jacobian ∂Φ_i/∂x_j (rows).
struct SaddlePointStep {
    var image: SIMD3<Double>
    var row0: SIMD3<Double>
    var row1: SIMD3<Double>
    var row2: SIMD3<Double>
}

/// How one fixed-point search ended.
struct SaddlePointOutcome {
    var point: SIMD3<Double>
    var converged: Bool
    var iterations: Int
    var residual: Double
    /// Whether the fixed point attracts the (damped) iteration: every eigenvalue of ∂Φ has real
    /// part below 1.
    var stable: Bool
    /// Whether an RS state exists along the path (false when the map is undefined at the
    /// start, e.g. the AGS paramagnet below T = 1, where 1 − β(1 − q) ≤ 0).
    var exists: Bool
    var message: String?
}

/// Fixed points x = Φ(x) of the small RS maps, found the way the physics selects them: by
/// iterating from an initialisation, which lands on an *attracting* fixed point — the state
/// whose basin the initialisation lies in — accelerated by Newton steps with the exact Jacobian
/// once the iteration contracts (residual below 1e−2 and decreasing).
///
/// The iteration is x ← x + γ (Φ(x) − x), starting undamped (γ = 1). When successive residuals
/// point in opposite directions without shrinking by half (an oscillation, as for the AGS
/// spin glass at low T, where Φ decreases in q), γ is halved (down to 1/64); after five steps
/// without oscillation it is doubled back towards 1. Monotone slow convergence (near a
/// spinodal) is never damped.
///
/// "Attracting" means attracting for small enough γ: every eigenvalue of ∂Φ has real part < 1,
/// decided exactly by the Routh–Hurwitz conditions on the characteristic polynomial of
/// ∂Φ − I (a₂ > 0, a₀ > 0, a₂a₁ > a₀ for λ³ + a₂λ² + a₁λ + a₀). At a spinodal an eigenvalue
/// reaches 1.
///
/// Safeguards: a Newton step that increases the residual, or lands where the map is undefined,
/// is replaced by the damped step from the same point, and Newton pauses for three iterations;
/// a damped step into an undefined region is halved back towards the last defined point; a
/// Newton solution that is not attracting (it can lie close to the attracting one near a
/// spinodal) is discarded and the search restarts without Newton from where Newton took over.
/// Components with `active == 0` are held fixed; iterates are clamped to [lower, upper].
///
/// Converges when ‖Φ(x) − x‖_∞ ≤ tolerance; otherwise reports the last iterate with
/// converged = false and a message (iteration limit, non-finite map, map undefined).
///
/// Source: Routh–Hurwitz criterion, e.g. F. R. Gantmacher, "The Theory of Matrices", vol. 2,
/// ch. XV (Chelsea, 1959).
enum SaddlePointIteration {
    static let newtonThreshold = 1e-2
    static let newtonPause = 3
    static let maxHalvings = 50
    static let minimumMixing = 1.0 / 64

    static func solve(
        from initial: SIMD3<Double>, active: SIMD3<Double>,
        lower: SIMD3<Double>, upper: SIMD3<Double>,
        tolerance: Double, maxIterations: Int,
        _ map: (SIMD3<Double>) -> SaddlePointStep?
    ) -> SaddlePointOutcome {
        var x = initial.clamped(lowerBound: lower, upperBound: upper)
        var previousResidual = Double.infinity
        var previousDifference = SIMD3<Double>(repeating: 0)
        var mixing = 1.0
        var calmSteps = 0
        var newtonAllowed = true
        var pause = 0
        var newtonStart: SIMD3<Double>? = nil
        var lastWasNewton = false
        var fallback = x
        var lastResidual = Double.infinity
        var lastDefined: SIMD3<Double>? = nil
        var halvings = 0
        for iteration in 1...maxIterations {
            guard let step = map(x) else {
                // Undefined here (e.g. 1 − β(1 − q) ≤ 0 for AGS): a Newton step is replaced by
                // the damped one; a damped step is halved back towards the last defined point.
                if lastWasNewton {
                    x = fallback
                    lastWasNewton = false
                    pause = newtonPause
                    previousResidual = .infinity
                    continue
                }
                if let defined = lastDefined, halvings < maxHalvings {
                    x = defined + 0.5 * (x - defined)
                    halvings += 1
                    continue
                }
                return SaddlePointOutcome(
                    point: x, converged: false, iterations: iteration, residual: .infinity,
                    stable: false, exists: lastDefined != nil,
                    message: "the saddle-point map is undefined at \(x) (no RS state here)")
            }
            lastDefined = x
            halvings = 0
            let difference = (step.image - x) * active
            let residual = max(abs(difference.x), abs(difference.y), abs(difference.z))
            lastResidual = residual
            guard residual.isFinite else {
                return SaddlePointOutcome(
                    point: x, converged: false, iterations: iteration, residual: .infinity,
                    stable: false, exists: true,
                    message: "the saddle-point map returned a non-finite value at \(x)")
            }
            if lastWasNewton && residual > previousResidual {
                // The Newton step made things worse: take the damped step instead and pause.
                x = fallback
                lastWasNewton = false
                pause = newtonPause
                previousResidual = .infinity
                continue
            }
            if residual <= tolerance {
                let stable = isAttracting(step, active: active)
                if !stable, newtonAllowed, let start = newtonStart {
                    x = start
                    newtonAllowed = false
                    lastWasNewton = false
                    previousResidual = .infinity
                    continue
                }
                return SaddlePointOutcome(
                    point: x, converged: true, iterations: iteration, residual: residual,
                    stable: stable, exists: true, message: nil)
            }
            // Oscillation control for the damped step.
            if !lastWasNewton && previousResidual.isFinite {
                let reversing = (difference * previousDifference).sum() < 0
                if reversing && residual > 0.5 * previousResidual {
                    mixing = max(minimumMixing, 0.5 * mixing)
                    calmSteps = 0
                } else {
                    calmSteps += 1
                    if calmSteps >= 5 && mixing < 1 {
                        mixing = min(1, 2 * mixing)
                        calmSteps = 0
                    }
                }
            }
            let useNewton = newtonAllowed && pause == 0 && residual < newtonThreshold
                && residual < previousResidual
            if pause > 0 { pause -= 1 }
            previousResidual = residual
            previousDifference = difference
            let damped = (x + mixing * difference).clamped(lowerBound: lower, upperBound: upper)
            if useNewton, let delta = newtonStep(step, x: x, active: active) {
                if newtonStart == nil { newtonStart = x }
                fallback = damped
                x = (x + delta).clamped(lowerBound: lower, upperBound: upper)
                lastWasNewton = true
            } else {
                x = damped
                lastWasNewton = false
            }
        }
        return SaddlePointOutcome(
            point: x, converged: false, iterations: maxIterations, residual: lastResidual,
            stable: false, exists: true,
            message: "‖Φ(x) − x‖ = \(lastResidual) above the tolerance \(tolerance) after "
                + "\(maxIterations) iterations (critical slowing down near a spinodal?); "
                + "raise maxIterations or move away from the transition")
    }

    /// δ solving (J − I) δ = −(Φ(x) − x) on the active components (Gaussian elimination with
    /// partial pivoting); nil when the system is singular or the step is not finite.
    static func newtonStep(_ step: SaddlePointStep, x: SIMD3<Double>, active: SIMD3<Double>)
        -> SIMD3<Double>?
    {
        // Augmented rows [J − I | −(Φ(x) − x)], inactive components replaced by δ_i = 0.
        func augmentedRow(_ row: SIMD3<Double>, _ i: Int) -> SIMD4<Double> {
            var unit = SIMD3<Double>(repeating: 0)
            unit[i] = 1
            guard active[i] != 0 else { return SIMD4(unit, 0) }
            return SIMD4(row * active - unit, -(step.image[i] - x[i]))
        }
        var rows = (augmentedRow(step.row0, 0), augmentedRow(step.row1, 1), augmentedRow(step.row2, 2))
        // Partial pivoting on column 0, then column 1.
        if abs(rows.1.x) > abs(rows.0.x) { swap(&rows.0, &rows.1) }
        if abs(rows.2.x) > abs(rows.0.x) { swap(&rows.0, &rows.2) }
        guard abs(rows.0.x) > 1e-300 else { return nil }
        rows.1 -= (rows.1.x / rows.0.x) * rows.0
        rows.2 -= (rows.2.x / rows.0.x) * rows.0
        if abs(rows.2.y) > abs(rows.1.y) { swap(&rows.1, &rows.2) }
        guard abs(rows.1.y) > 1e-300 else { return nil }
        rows.2 -= (rows.2.y / rows.1.y) * rows.1
        guard abs(rows.2.z) > 1e-300 else { return nil }
        let d2 = rows.2.w / rows.2.z
        let d1 = (rows.1.w - rows.1.z * d2) / rows.1.y
        let d0 = (rows.0.w - rows.0.y * d1 - rows.0.z * d2) / rows.0.x
        let delta = SIMD3(d0, d1, d2)
        guard delta.x.isFinite, delta.y.isFinite, delta.z.isFinite else { return nil }
        return delta * active
    }

    /// Whether every eigenvalue of the active part of ∂Φ has real part < 1: Routh–Hurwitz on
    /// A = ∂Φ − I (inactive rows and columns replaced by −1 on the diagonal).
    static func isAttracting(_ step: SaddlePointStep, active: SIMD3<Double>) -> Bool {
        func row(_ r: SIMD3<Double>, _ i: Int) -> SIMD3<Double> {
            var unit = SIMD3<Double>(repeating: 0)
            unit[i] = 1
            return active[i] == 0 ? -unit : r * active - unit
        }
        let r0 = row(step.row0, 0), r1 = row(step.row1, 1), r2 = row(step.row2, 2)
        let trace = r0.x + r1.y + r2.z
        let minors = r0.x * r1.y - r0.y * r1.x + r0.x * r2.z - r0.z * r2.x + r1.y * r2.z - r1.z * r2.y
        let determinant = r0.x * (r1.y * r2.z - r1.z * r2.y) - r0.y * (r1.x * r2.z - r1.z * r2.x)
            + r0.z * (r1.x * r2.y - r1.y * r2.x)
        // det(λI − A) = λ³ − tr A λ² + (minors) λ − det A.
        let a2 = -trace, a1 = minors, a0 = -determinant
        return a2 > 0 && a0 > 0 && a2 * a1 > a0
    }
}
