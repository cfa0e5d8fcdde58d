import Foundation
import Testing

@testable import BoltzmannCore

@Suite("Fixed-point iteration")
struct FixedPointTests {
    @Test func solvesXEqualsCosXWithAndWithoutAnderson() {
        let plain = FixedPoint.solve(initial: [1], andersonDepth: 0, tolerance: 1e-14) {
            [cos($0[0])]
        }
        #expect(plain.converged)
        #expect(abs(plain.value[0] - 0.7390851332151607) <= 1e-13)
        let accelerated = FixedPoint.solve(initial: [1], andersonDepth: 3, tolerance: 1e-14) {
            [cos($0[0])]
        }
        #expect(accelerated.converged)
        #expect(abs(accelerated.value[0] - 0.7390851332151607) <= 1e-13)
        #expect(accelerated.iterations * 4 < plain.iterations)
    }

    /// x = ½ cos y + 0.1, y = ½ sin x − 0.2; root from mpmath.findroot at 40 digits.
    @Test(arguments: [(0.0, 0), (0.5, 0), (0.0, 4)])
    func solvesATwoDimensionalContraction(damping: Double, depth: Int) {
        let report = FixedPoint.solve(
            initial: [0, 0], damping: damping, andersonDepth: depth, tolerance: 1e-13
        ) { v in [0.5 * cos(v[1]) + 0.1, 0.5 * sin(v[0]) - 0.2] }
        #expect(report.converged && report.residual <= 1e-13)
        #expect(abs(report.value[0] - 0.5983349090911717) <= 1e-13)
        #expect(abs(report.value[1] - 0.0816337162288337) <= 1e-13)
    }

    /// x = A x + b with A = diag(0.99, 0.98, …, 0.90): plain iteration contracts by 0.99 per
    /// step; Anderson(10) behaves like GMRES and needs about n + 1 steps.
    @Test func andersonBeatsPlainIterationOnASlowLinearMap() {
        let rates = (1...10).map { 1 - 0.01 * Double($0) }
        let map: ([Double]) -> [Double] = { x in zip(rates, x).map { $0 * $1 + 1 } }
        let exact = rates.map { 1 / (1 - $0) }
        let plain = FixedPoint.solve(
            initial: Array(repeating: 0, count: 10), andersonDepth: 0, tolerance: 1e-9,
            maxIterations: 10_000, map)
        let anderson = FixedPoint.solve(
            initial: Array(repeating: 0, count: 10), andersonDepth: 10, tolerance: 1e-9,
            maxIterations: 10_000, map)
        #expect(plain.converged && anderson.converged)
        for (report, label) in [(plain, "plain"), (anderson, "anderson")] {
            for i in 0..<10 {
                #expect(abs(report.value[i] - exact[i]) <= 1e-6, "\(label) component \(i)")
            }
        }
        #expect(plain.iterations > 2000)
        #expect(
            anderson.iterations * 20 < plain.iterations,
            "\(anderson.iterations) vs \(plain.iterations)")
    }

    @Test func reportsDivergenceOfPlainIterationOnARepellingFixedPoint() {
        let report = FixedPoint.solve(initial: [0], andersonDepth: 0) { [2 * $0[0] + 1] }
        #expect(!report.converged)
        #expect(report.message?.contains("diverges") == true)
        #expect(report.value == [0] && report.residual == 1)
    }

    @Test func andersonFindsTheRepellingFixedPointThatPlainIterationFlees() {
        // In one dimension Anderson(1) is the secant method: exact on an affine map.
        let report = FixedPoint.solve(initial: [0], andersonDepth: 1) { [2 * $0[0] + 1] }
        #expect(report.converged && abs(report.value[0] + 1) <= 1e-12)
    }

    @Test func reportsNonFiniteMapsAndTheIterationLimit() {
        let nan = FixedPoint.solve(initial: [0]) { [($0[0] - 10).squareRoot()] }
        #expect(!nan.converged && nan.message?.contains("not finite") == true)
        let limited = FixedPoint.solve(initial: [1], andersonDepth: 0, maxIterations: 3) {
            [cos($0[0])]
        }
        #expect(!limited.converged && limited.iterations == 3 && limited.message != nil)
    }
}
