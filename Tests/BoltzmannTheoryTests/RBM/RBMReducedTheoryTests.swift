import BoltzmannCore
import BoltzmannModels
import Testing

import BoltzmannTheory

/// The scalar RBM teacher–student equations (one hidden unit / uncorrelated teacher) against
/// independent scipy solutions, the critical load and their own limits.
@Suite struct RBMReducedTheoryTests {
    func scenario(
        alpha: Double, temperature: Double, teacherTemperature: Double? = nil,
        weights: RBMTeacherStudentScenario.Weights = .binary, hidden: Int = 1
    ) throws -> RBMTeacherStudentScenario {
        try RBMTeacherStudentScenario(
            teacherHidden: hidden, studentHidden: hidden, alpha: alpha, temperature: temperature,
            teacherTemperature: teacherTemperature, weights: weights)
    }

    /// Reference values: scipy.integrate.quad iteration of the same equations to 1e−13
    /// (a plain Python script, not this code).
    @Test(arguments: [
        (1.5, 1.0, RBMTeacherStudentScenario.Weights.binary, 0.2223191120543208),
        (0.5, 0.8, .binary, 0.08410885982091308),
        (1.5, 1.0, .gaussian, 0.20731356605558232),
    ])
    func nishimoriSolutionMatchesScipy(alpha: Double, temperature: Double, weights: RBMTeacherStudentScenario.Weights, expected: Double) throws {
        let solution = try RBMTeacherStudentTheory.solve(scenario(alpha: alpha, temperature: temperature, weights: weights))
        #expect(solution.method == .reduced)
        #expect(abs(solution.m[0][0] - expected) < 1e-8, "m = \(solution.m[0][0])")
        #expect(solution.isLearning && solution.converged && solution.equilibrium.stable)
    }

    @Test(arguments: [
        (RBMTeacherStudentScenario.Weights.binary, 0.6937014106679699, 0.6469936263548534),
        (.gaussian, 0.6517673650729945, 0.6746209964874758),
    ])
    func offLineSolutionMatchesScipy(weights: RBMTeacherStudentScenario.Weights, m: Double, q: Double) throws {
        let solution = try RBMTeacherStudentTheory.solve(
            scenario(alpha: 2, temperature: 1, teacherTemperature: 0.8, weights: weights))
        #expect(abs(solution.m[0][0] - m) < 1e-8, "m = \(solution.m[0][0])")
        #expect(abs(solution.q[0][0] - q) < 1e-8, "q = \(solution.q[0][0])")
    }

    /// Below α_crit = T⁴ the equilibrium is the paramagnet, above it the student learns.
    @Test(arguments: [0.6, 1.0, 1.3])
    func nishimoriLearningStartsAtTheCriticalLoad(temperature: Double) throws {
        let critical = Double.pow(temperature, 4)
        for weights in RBMTeacherStudentScenario.Weights.allCases {
            let below = try RBMTeacherStudentTheory.solve(scenario(alpha: 0.95 * critical, temperature: temperature, weights: weights))
            let above = try RBMTeacherStudentTheory.solve(scenario(alpha: 1.05 * critical, temperature: temperature, weights: weights))
            #expect(!below.isLearning, "\(weights) T = \(temperature): m = \(below.m)")
            #expect(below.candidates.allSatisfy { $0.largestOverlap < 1e-6 }, "a learning state below α_crit")
            #expect(above.isLearning && above.m[0][0] > 1e-3, "\(weights) T = \(temperature): m = \(above.m)")
            // The paramagnet is still a fixed point above α_crit, but unstable.
            let paramagnet = try #require(above.candidates.first { $0.largestOverlap < 1e-9 })
            #expect(!paramagnet.stable)
        }
    }

    /// Linearisation at m = 0: Φ(m)/m → α β⁴, which crosses 1 at α = T⁴.
    @Test func linearisationGivesTheCriticalLoad() throws {
        let t = 0.9
        let equations = try RBMReducedEquations(scenario(alpha: 0.7, temperature: t), nishimori: true)
        let slope = equations.step([1e-7])[0] / 1e-7
        #expect(abs(slope - 0.7 / Double.pow(t, 4)) < 1e-5, "slope \(slope)")
    }

    /// With β = β* the two-variable equations land on q = m (the Nishimori line is closed).
    @Test(arguments: RBMTeacherStudentScenario.Weights.allCases)
    func offLineEquationsReproduceQEqualsMOnTheNishimoriLine(weights: RBMTeacherStudentScenario.Weights) throws {
        let problem = try scenario(alpha: 2.5, temperature: 0.9, weights: weights)
        let full = try RBMTeacherStudentTheory().solve(problem, nishimoriReduction: false)
        let reduced = try RBMTeacherStudentTheory().solve(problem, nishimoriReduction: true)
        #expect(full.m[0][0] > 0.1)
        #expect(abs(full.m[0][0] - full.q[0][0]) < 1e-8)
        #expect(abs(full.mHat[0][0] - full.qHat[0][0]) < 1e-8)
        #expect(abs(full.m[0][0] - reduced.m[0][0]) < 1e-8)
        #expect(abs(full.freeEntropy - reduced.freeEntropy) < 1e-8)
    }

    /// Many examples: the student recovers the teacher, m → 1.
    @Test(arguments: RBMTeacherStudentScenario.Weights.allCases)
    func largeLoadLearnsPerfectly(weights: RBMTeacherStudentScenario.Weights) throws {
        var previous = 0.0
        for alpha in [5.0, 50, 500] {
            let m = try RBMTeacherStudentTheory.solve(scenario(alpha: alpha, temperature: 1, weights: weights)).m[0][0]
            #expect(m > previous)
            previous = m
        }
        #expect(previous > (weights == .binary ? 0.999 : 0.99), "m(α = 500) = \(previous)")
    }

    /// The free entropy is stationary at the fixed point: its gradient along m and q vanishes,
    /// and it is positive for the learning state above α_crit (the paramagnet has f = 0).
    @Test func freeEntropyIsStationaryAtTheSolution() throws {
        let problem = try scenario(alpha: 2, temperature: 1, teacherTemperature: 0.8)
        let equations = try RBMReducedEquations(problem, nishimori: false)
        let solution = try RBMTeacherStudentTheory.solve(problem)
        let m = solution.m[0][0], q = solution.q[0][0], h = 1e-5
        let dm = (equations.freeEntropy(m: m + h, q: q) - equations.freeEntropy(m: m - h, q: q)) / (2 * h)
        let dq = (equations.freeEntropy(m: m, q: q + h) - equations.freeEntropy(m: m, q: q - h)) / (2 * h)
        #expect(abs(dm) < 1e-6 && abs(dq) < 1e-6, "∇f = (\(dm), \(dq))")
        #expect(solution.freeEntropy > 0)
        #expect(abs(equations.freeEntropy(m: 0, q: 0)) < 1e-15)
    }

    /// c = 0 with P = P*: the answer does not depend on P (per-unit m identical, f ∝ P).
    @Test func uncorrelatedTeacherIsIndependentOfTheNumberOfHiddenUnits() throws {
        let one = try RBMTeacherStudentTheory.solve(scenario(alpha: 1.8, temperature: 1, hidden: 1))
        let three = try RBMTeacherStudentTheory.solve(scenario(alpha: 1.8, temperature: 1, hidden: 3))
        #expect(three.m.count == 3 && three.m[2][2] == one.m[0][0] && three.m[0][1] == 0)
        #expect(abs(three.freeEntropy - 3 * one.freeEntropy) < 1e-12)
    }

    @Test func reducedEquationsRefuseACorrelatedTeacher() throws {
        let problem = try RBMTeacherStudentScenario(teacherHidden: 2, studentHidden: 2, correlation: 0.3, alpha: 1, temperature: 1)
        #expect(throws: BoltzmannError.self) { try RBMReducedEquations(problem, nishimori: true) }
        let offLine = try scenario(alpha: 1, temperature: 1, teacherTemperature: 0.5)
        #expect(throws: BoltzmannError.self) { try RBMReducedEquations(offLine, nishimori: true) }
    }
}
