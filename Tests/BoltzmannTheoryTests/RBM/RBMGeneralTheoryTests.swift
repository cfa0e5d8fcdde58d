import BoltzmannCore
import BoltzmannModels
import BoltzmannTheory
import Testing

/// The general P* × P RBM equations (enumeration of hidden states) against the scalar ones where
/// they must agree, and against the critical load where the teacher is correlated.
@Suite struct RBMGeneralTheoryTests {
    /// c = 0, P = P* = 2: the enumeration factorises into two copies of the scalar problem.
    @Test(arguments: [
        (1.8, 1.0, 1.0, RBMTeacherStudentScenario.Weights.binary),
        (2.0, 1.0, 0.8, .binary),
        (1.8, 1.0, 1.0, .gaussian),
        (2.0, 1.0, 0.8, .gaussian),
    ])
    func enumerationReducesToTheScalarEquationsWithoutCorrelation(
        alpha: Double, temperature: Double, teacherTemperature: Double, weights: RBMTeacherStudentScenario.Weights
    ) throws {
        let one = try RBMTeacherStudentScenario(
            alpha: alpha, temperature: temperature, teacherTemperature: teacherTemperature, weights: weights)
        let two = try RBMTeacherStudentScenario(
            teacherHidden: 2, studentHidden: 2, alpha: alpha, temperature: temperature,
            teacherTemperature: teacherTemperature, weights: weights)
        let reduced = try RBMTeacherStudentTheory().solve(one, nishimoriReduction: false)
        let general = try RBMTeacherStudentTheory().solve(two, method: .enumeration)
        #expect(general.method == .enumeration && general.converged)
        let m = reduced.m[0][0], q = reduced.q[0][0]
        #expect(m > 0.2)
        for mu in 0..<2 {
            #expect(abs(general.m[mu][mu] - m) < 2e-5, "m = \(general.m), scalar \(m)")
            #expect(abs(general.q[mu][mu] - q) < 2e-5, "q = \(general.q), scalar \(q)")
            #expect(abs(general.m[mu][1 - mu]) < 1e-6 && abs(general.q[mu][1 - mu]) < 1e-6)
            #expect(abs(general.equilibrium.s[mu][1 - mu]) < 1e-6)
        }
        #expect(abs(general.freeEntropy - 2 * reduced.freeEntropy) < 5e-5)
    }

    /// P = P* = 1 through the enumeration code (1-D Gauss–Hermite, 64 nodes) agrees with the
    /// scalar solver (exact integrals) closely.
    @Test func enumerationMatchesTheScalarSolverForOneUnit() throws {
        let problem = try RBMTeacherStudentScenario(alpha: 1.5, temperature: 1, teacherTemperature: 1.2)
        let general = try RBMTeacherStudentTheory().solve(problem, method: .enumeration)
        let reduced = try RBMTeacherStudentTheory().solve(problem)
        #expect(abs(general.m[0][0] - reduced.m[0][0]) < 1e-7)
        #expect(abs(general.q[0][0] - reduced.q[0][0]) < 1e-7)
        #expect(abs(general.freeEntropy - reduced.freeEntropy) < 1e-8)
    }

    /// Lottery-ticket reading: with c = 0 the per-pattern overlap does not depend on P = P*.
    @Test func uncorrelatedPerformanceIsIndependentOfTheNumberOfUnits() throws {
        let reduced = try RBMTeacherStudentTheory.solve(RBMTeacherStudentScenario(alpha: 1.5, temperature: 0.9))
        let three = try RBMTeacherStudentTheory().solve(
            RBMTeacherStudentScenario(teacherHidden: 3, studentHidden: 3, alpha: 1.5, temperature: 0.9),
            method: .enumeration)
        for mu in 0..<3 { #expect(abs(three.m[mu][mu] - reduced.m[0][0]) < 1e-3, "m = \(three.m)") }
    }

    /// Correlated teacher, Nishimori line: the student learns only above α_crit = T⁴/λ_max(DC),
    /// which is below T⁴ (structure helps).
    @Test(arguments: RBMTeacherStudentScenario.Weights.allCases)
    func correlatedTeacherLearnsAboveTheCriticalLoad(weights: RBMTeacherStudentScenario.Weights) throws {
        func scenario(_ alpha: Double) throws -> RBMTeacherStudentScenario {
            try RBMTeacherStudentScenario(
                teacherHidden: 2, studentHidden: 2, correlation: 0.3, alpha: alpha, temperature: 1, weights: weights)
        }
        let critical = try RBMCriticalLoad.compute(scenario(1)).alphaCritical
        #expect(critical < 1)
        let below = try RBMTeacherStudentTheory.solve(scenario(0.9 * critical))
        let above = try RBMTeacherStudentTheory.solve(scenario(1.15 * critical))
        #expect(below.method == .enumeration)
        #expect(!below.isLearning, "m = \(below.m)")
        #expect(above.isLearning && above.equilibrium.largestOverlap > 1e-3, "m = \(above.m)")
    }

    /// The rows of the teacher under the arcsine law are normalised, exchangeable and have
    /// pairwise correlation c.
    @Test(arguments: [0.0, 0.3, 0.8])
    func teacherRowsHaveTheRequestedCorrelation(c: Double) {
        let p = RBMTeacherRowDistribution.probabilities(units: 3, correlation: c)
        #expect(abs(p.reduce(0, +) - 1) < 1e-12)
        var correlation = 0.0, mean = 0.0
        for (k, probability) in p.enumerated() {
            correlation += probability * RBMTeacherHiddenPrior.spin(k, 0) * RBMTeacherHiddenPrior.spin(k, 2)
            mean += probability * RBMTeacherHiddenPrior.spin(k, 1)
        }
        #expect(abs(correlation - c) < 1e-12)
        #expect(abs(mean) < 1e-14)
    }

    @Test func tooManyHiddenUnitsIsAnError() throws {
        let problem = try RBMTeacherStudentScenario(teacherHidden: 5, studentHidden: 6, correlation: 0.2, alpha: 1, temperature: 1)
        #expect(throws: BoltzmannError.self) { try RBMTeacherStudentTheory.solve(problem) }
    }
}
