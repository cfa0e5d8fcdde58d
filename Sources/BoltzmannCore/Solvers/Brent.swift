/// Brent's method for a root of a continuous f: ℝ → ℝ inside a bracket [a, b] with
/// f(a) f(b) ≤ 0.
///
/// Each iteration tries inverse quadratic interpolation through the last three points (or the
/// secant step when only two are distinct) and falls back to bisection whenever the
/// interpolated step would leave the bracket or shrink it too slowly, so the bracket always
/// contains a sign change and convergence is guaranteed in at most about log₂((b−a)/tol)²
/// evaluations, while smooth simple roots converge superlinearly (order ≈ 1.84).
///
/// Stops when the bracket half-width is at most `tolerance/2 + 2ε|x|` or f(x) is exactly 0.
/// Failures are reported, never trapped: no sign change at the ends, a non-finite f, or the
/// iteration limit. One iteration is one evaluation of f after the two at the ends.
///
/// Source: R. P. Brent, "Algorithms for Minimization without Derivatives" (Prentice-Hall,
/// 1973), ch. 4.
public enum Brent {
    /// A root of `f` in `bracket`. `residual` is |f(value)|.
    public static func root(
        in bracket: ClosedRange<Double>,
        tolerance: Double = 1e-14,
        maxIterations: Int = 200,
        _ f: (Double) -> Double
    ) -> SolverReport<Double> {
        precondition(tolerance >= 0, "Brent tolerance must be non-negative")
        precondition(maxIterations >= 0, "Brent maxIterations must be non-negative")
        // `best` is the current estimate, `contrapoint` the end of the bracket with the opposite
        // sign, `previous` the estimate before `best`.
        var previous = bracket.lowerBound, fPrevious = f(previous)
        var best = bracket.upperBound, fBest = f(best)
        guard fPrevious.isFinite, fBest.isFinite else {
            let (x, fx) = fPrevious.isFinite ? (best, fBest) : (previous, fPrevious)
            return SolverReport(
                value: x, converged: false, iterations: 0, residual: abs(fx),
                message: "f(\(x)) = \(fx) is not finite at an end of the bracket \(bracket)")
        }
        if fPrevious == 0 {
            return SolverReport(value: previous, converged: true, iterations: 0, residual: 0)
        }
        if fBest == 0 {
            return SolverReport(value: best, converged: true, iterations: 0, residual: 0)
        }
        guard (fPrevious < 0) != (fBest < 0) else {
            let (x, fx) = abs(fPrevious) < abs(fBest) ? (previous, fPrevious) : (best, fBest)
            return SolverReport(
                value: x, converged: false, iterations: 0, residual: abs(fx),
                message: "no sign change on \(bracket): f(a) = \(fPrevious), f(b) = \(fBest); "
                    + "widen or move the bracket so that f changes sign")
        }
        var contrapoint = previous, fContrapoint = fPrevious
        var step = best - previous, stepBefore = step
        for iteration in 0...maxIterations {
            if (fBest < 0) == (fContrapoint < 0) {
                contrapoint = previous
                fContrapoint = fPrevious
                step = best - previous
                stepBefore = step
            }
            if abs(fContrapoint) < abs(fBest) {
                previous = best
                fPrevious = fBest
                best = contrapoint
                fBest = fContrapoint
                contrapoint = previous
                fContrapoint = fPrevious
            }
            let slack = 2 * Double.ulpOfOne * abs(best) + 0.5 * tolerance
            let halfBracket = 0.5 * (contrapoint - best)
            if abs(halfBracket) <= slack || fBest == 0 {
                return SolverReport(
                    value: best, converged: true, iterations: iteration, residual: abs(fBest))
            }
            if iteration == maxIterations { break }
            if abs(stepBefore) >= slack && abs(fPrevious) > abs(fBest) {
                // Interpolate: p/q is the proposed step from `best`.
                let s = fBest / fPrevious
                var p: Double, q: Double
                if previous == contrapoint {
                    p = 2 * halfBracket * s
                    q = 1 - s
                } else {
                    let r = fPrevious / fContrapoint
                    let t = fBest / fContrapoint
                    p = s * (2 * halfBracket * r * (r - t) - (best - previous) * (t - 1))
                    q = (r - 1) * (t - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                let acceptable = min(3 * halfBracket * q - abs(slack * q), abs(stepBefore * q))
                if 2 * p < acceptable {
                    stepBefore = step
                    step = p / q
                } else {
                    step = halfBracket
                    stepBefore = step
                }
            } else {
                step = halfBracket
                stepBefore = step
            }
            previous = best
            fPrevious = fBest
            best += abs(step) > slack ? step : (halfBracket > 0 ? slack : -slack)
            fBest = f(best)
            guard fBest.isFinite else {
                return SolverReport(
                    value: best, converged: false, iterations: iteration + 1,
                    residual: abs(fBest),
                    message: "f(\(best)) = \(fBest) is not finite inside the bracket")
            }
        }
        return SolverReport(
            value: best, converged: false, iterations: maxIterations, residual: abs(fBest),
            message: "bracket still wider than the tolerance after \(maxIterations) iterations; "
                + "raise maxIterations or the tolerance")
    }
}
