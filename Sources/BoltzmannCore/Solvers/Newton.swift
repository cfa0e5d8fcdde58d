import CLinearAlgebra

/// Newton's method for a root of F: ℝⁿ → ℝⁿ with a forward-difference Jacobian and a
/// backtracking line search — for saddle-point equations written as F(x) = 0, near a solution
/// found by ``FixedPoint`` or along a continuation path.
///
/// Each iteration builds J_{ij} ≈ (F_i(x + h_j e_j) − F_i(x)) / h_j with
/// h_j = step · max(1, |x_j|) (n evaluations of F), solves J δ = −F(x) by LU with partial
/// pivoting (LAPACK `dgesv`), and accepts x + α δ for the first α = 1, ½, ¼, … (at most 40
/// halvings) that satisfies the non-monotone Armijo condition on ‖F‖₂²
///
///     ‖F(x + αδ)‖₂² ≤ max_{last 10 iterates} ‖F‖₂² − 2·10⁻⁴ α ‖F(x)‖₂².
///
/// Measuring against the worst of the last 10 iterates rather than the current one lets full
/// Newton steps through curved valleys where a monotone search crawls (Newton on the Rosenbrock
/// gradient from (−1.2, 1) converges in 10 steps instead of stalling), while still forcing
/// decrease over any 10 steps. Near a simple root the full step is taken and convergence is
/// quadratic up to the O(h) error of the difference Jacobian.
///
/// Converges when ‖F(x)‖_∞ ≤ `tolerance`. Reported failures (converged = false, last iterate
/// returned): the iteration limit; F non-finite at the start; a singular difference Jacobian;
/// a line search that finds no acceptable step (typically near a local minimum of ‖F‖ that is
/// not a root, such as x = 0 for F(x) = x² + 1). One iteration is one Newton step.
///
/// Sources: J. E. Dennis and R. B. Schnabel, "Numerical Methods for Unconstrained Optimization
/// and Nonlinear Equations" (SIAM, 1996), §5.4 and §6.3; L. Grippo, F. Lampariello and
/// S. Lucidi, "A nonmonotone line search technique for Newton's method", SIAM J. Numer. Anal.
/// 23 (1986) 707–716.
public enum Newton {
    /// Smallest line-search fraction tried: 2⁻⁴⁰.
    static let maxHalvings = 40
    /// Armijo constant c in ‖F(x + αδ)‖² ≤ reference − 2cα‖F(x)‖².
    static let armijo = 1e-4
    /// Iterates whose largest ‖F‖² is the line search's reference.
    static let nonmonotoneMemory = 10

    /// Solves f(x) = 0 from `initial`; `step` is the relative finite-difference step h.
    /// `f` must return an array of the same length as its input.
    public static func solve(
        initial: [Double],
        tolerance: Double = 1e-10,
        maxIterations: Int = 100,
        step: Double = 1e-7,
        _ f: ([Double]) -> [Double]
    ) -> SolverReport<[Double]> {
        precondition(step > 0, "the finite-difference step must be positive")
        precondition(maxIterations >= 0, "maxIterations must be ≥ 0")
        let n = initial.count
        var x = initial
        var value = f(x)
        precondition(value.count == n, "F returned \(value.count) components for \(n)")
        guard value.allSatisfy(\.isFinite) else {
            return SolverReport(
                value: x, converged: false, iterations: 0, residual: .infinity,
                message: "F(x) is not finite at the initial point; start elsewhere")
        }
        var jacobian = [Double](repeating: 0, count: n * n)
        var direction = [Double](repeating: 0, count: n)
        var pivots = [Int32](repeating: 0, count: n)
        var trial = x
        var recentMerits = [Double](repeating: 0, count: nonmonotoneMemory)

        func failure(_ message: String, iterations: Int) -> SolverReport<[Double]> {
            SolverReport(
                value: x, converged: false, iterations: iterations,
                residual: maximumNorm(value), message: message)
        }

        for iteration in 0...maxIterations {
            if maximumNorm(value) <= tolerance {
                return SolverReport(
                    value: x, converged: true, iterations: iteration, residual: maximumNorm(value))
            }
            if iteration == maxIterations { break }

            // Forward-difference Jacobian, column-major: column j is (F(x + h e_j) − F(x)) / h.
            for j in 0..<n {
                let h = step * max(1, abs(x[j]))
                trial = x
                trial[j] += h
                let shifted = f(trial)
                let actualH = trial[j] - x[j]
                for i in 0..<n {
                    jacobian[j * n + i] = (shifted[i] - value[i]) / actualH
                }
            }
            for i in 0..<n { direction[i] = -value[i] }
            let info = jacobian.withUnsafeMutableBufferPointer { a in
                pivots.withUnsafeMutableBufferPointer { p in
                    direction.withUnsafeMutableBufferPointer { b in
                        LAPACKE_dgesv(
                            LAPACK_COL_MAJOR, Int32(n), 1, a.baseAddress, Int32(n),
                            p.baseAddress, b.baseAddress, Int32(n))
                    }
                }
            }
            guard info == 0, direction.allSatisfy(\.isFinite) else {
                return failure(
                    "the finite-difference Jacobian is singular at iteration \(iteration) "
                        + "(LAPACK dgesv info = \(info)); the root may be degenerate, or try "
                        + "another start or step",
                    iterations: iteration)
            }

            let merit = sumOfSquares(value)
            recentMerits[iteration % nonmonotoneMemory] = merit
            let reference = recentMerits.max() ?? merit
            var fraction = 1.0
            var accepted = false
            for _ in 0...maxHalvings {
                for i in 0..<n { trial[i] = x[i] + fraction * direction[i] }
                let trialValue = f(trial)
                let trialMerit = sumOfSquares(trialValue)
                if trialMerit.isFinite && trialMerit <= reference - 2 * armijo * fraction * merit {
                    x = trial
                    value = trialValue
                    accepted = true
                    break
                }
                fraction *= 0.5
            }
            guard accepted else {
                return failure(
                    "the line search found no decrease of ‖F‖ along the Newton direction at "
                        + "iteration \(iteration): x is near a local minimum of ‖F‖ that is not "
                        + "a root, or the Jacobian step is too inaccurate",
                    iterations: iteration)
            }
        }
        return failure(
            "‖F(x)‖ = \(maximumNorm(value)) still above the tolerance \(tolerance) after "
                + "\(maxIterations) iterations; raise maxIterations or start closer",
            iterations: maxIterations)
    }

    private static func maximumNorm(_ v: [Double]) -> Double {
        v.reduce(0) { max($0, abs($1)) }
    }

    private static func sumOfSquares(_ v: [Double]) -> Double {
        v.reduce(0) { $0 + $1 * $1 }
    }
}
