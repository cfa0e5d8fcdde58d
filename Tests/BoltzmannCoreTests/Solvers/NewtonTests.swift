import Foundation
import Testing

@testable import BoltzmannCore

@Suite("Newton's method")
struct NewtonTests {
    /// x² + y² = 4, eˣ + y = 1; roots from mpmath.findroot at 40 digits.
    @Test(arguments: [
        ([1.0, -1.5], [1.0041687384746592, -1.7296372870258698]),
        ([-1.5, 1.0], [-1.8162640688251506, 0.8373677998912478]),
    ])
    func solvesATwoDimensionalSystem(start: [Double], root: [Double]) {
        let report = Newton.solve(initial: start, tolerance: 1e-13) { v in
            [v[0] * v[0] + v[1] * v[1] - 4, exp(v[0]) + v[1] - 1]
        }
        #expect(report.converged && report.residual <= 1e-13)
        #expect(abs(report.value[0] - root[0]) <= 1e-13)
        #expect(abs(report.value[1] - root[1]) <= 1e-13)
        #expect(report.iterations <= 8)
    }

    /// ∇ of the Rosenbrock function (1 − x)² + 100 (y − x²)², root (1, 1), from the classic
    /// start (−1.2, 1).
    @Test func solvesTheRosenbrockGradient() {
        let report = Newton.solve(initial: [-1.2, 1], tolerance: 1e-10) { v in
            let (x, y) = (v[0], v[1])
            return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]
        }
        #expect(report.converged)
        #expect(abs(report.value[0] - 1) <= 1e-10 && abs(report.value[1] - 1) <= 1e-10)
        #expect(report.iterations <= 15)
    }

    /// Undamped Newton on arctan x = 0 diverges from |x₀| ≳ 1.39; the line search must rescue it.
    @Test func lineSearchRescuesArctanFromAFarStart() {
        let report = Newton.solve(initial: [3]) { [atan($0[0])] }
        #expect(report.converged && abs(report.value[0]) <= 1e-10)
    }

    @Test func reportsFailureOnAnEquationWithoutRealRoots() {
        let report = Newton.solve(initial: [1]) { [$0[0] * $0[0] + 1] }
        #expect(!report.converged)
        #expect(report.residual >= 1)
        #expect(report.message != nil)
    }

    @Test func reportsFailureOnAnInconsistentLinearSystem() {
        // x + y = 0 and 2x + 2y = 1 have no common solution; the Jacobian is singular.
        let report = Newton.solve(initial: [0.3, 0.1]) { v in
            [v[0] + v[1], 2 * v[0] + 2 * v[1] - 1]
        }
        #expect(!report.converged && report.message != nil)
    }

    @Test func reportsTheIterationLimit() {
        let report = Newton.solve(initial: [10], tolerance: 1e-15, maxIterations: 2) {
            [exp($0[0]) - 2]
        }
        #expect(!report.converged && report.iterations == 2 && report.message != nil)
    }
}
