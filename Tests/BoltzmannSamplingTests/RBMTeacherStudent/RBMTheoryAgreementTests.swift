import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import BoltzmannTheory
import Testing

/// Simulation against the reduced replica theory of the RBM teacher–student problem
/// (arXiv 2410.16150; MODELS.md §3) on the Nishimori line with one hidden unit and binary
/// weights, where the critical load is α_crit = T⁴.
///
/// At T = T* = 1 (α_crit = 1), N = 200: chains start at the teacher, an equilibrium sample of
/// the posterior on the Nishimori line, and also at random for the learning point (the
/// transition is continuous, so nothing traps them).
/// - Learning, α = 3: theory m = 0.6114. The simulation must agree within 3 standard errors
///   (across 8 disorder samples of 4 chains) plus a finite-size allowance of 0.03, and the
///   Nishimori identity q = m must hold within the same margin.
/// - Not learning, α = 0.5: theory m = 0. At finite N the matched |m| stays of order 1/√N:
///   near the paramagnet the posterior of √N·m is Gaussian with variance χ = 1/(1 − α/α_crit)
///   (the linearised saddle point m = (α/α_crit) m + h), so E|m| = √(2χ/(πN)) ≈ 0.080. The
///   simulation must lie within 3σ + 40 % of that scale — far from both the teacher start
///   (m = 1) and the learning value.
/// - Gaussian weights (MALA), α = 3, T = T* = 1, informed start: theory m = 0.5190 (the Gaussian
///   reduced equations, m = m̂/(1 + m̂)); the same margin as the binary learning point plus 0.01
///   for the shorter Langevin equilibration.
@Suite struct RBMTheoryAgreementTests {
    static let size = 200
    static let finiteSizeAllowance = 0.03

    static func simulate(
        alpha: Double, start: RBMTeacherStudentMonteCarlo.Start, weights: RBMTeacherStudentScenario.Weights = .binary,
        sweeps: Int = 200
    ) throws -> RBMTeacherStudentResult {
        let scenario = try RBMTeacherStudentScenario(alpha: alpha, temperature: 1, weights: weights)
        return try RBMTeacherStudentMonteCarlo(
            chains: 4, sweeps: sweeps, equilibrationSweeps: sweeps / 2, start: start, threads: 2, seed: 3)
            .run(scenario, size: size, disorderSamples: 8)
    }

    @Test func learningLoadAgreesWithTheory() throws {
        let scenario = try RBMTeacherStudentScenario(alpha: 3, temperature: 1)
        let theory = try RBMTeacherStudentTheory.solve(scenario)
        let m = theory.m[0][0]
        #expect(abs(m - 0.6114) < 1e-3, "reduced theory m at α = 3, T = 1")
        for start in RBMTeacherStudentMonteCarlo.Start.allCases {
            let result = try Self.simulate(alpha: 3, start: start)
            #expect(abs(result.m - m) <= 3 * result.mError + Self.finiteSizeAllowance,
                    "\(start) start: m = \(result.m) ± \(result.mError), theory \(m)")
            #expect(abs(result.q - m) <= 3 * result.qError + Self.finiteSizeAllowance,
                    "\(start) start: Nishimori q = m: q = \(result.q) ± \(result.qError)")
        }
    }

    @Test func nonLearningLoadStaysAtTheFiniteSizeScale() throws {
        let alpha = 0.5
        let scenario = try RBMTeacherStudentScenario(alpha: alpha, temperature: 1)
        let theory = try RBMTeacherStudentTheory.solve(scenario)
        #expect(abs(theory.m[0][0]) < 1e-6, "α = 0.5 < α_crit = 1: the theory does not learn")
        let result = try Self.simulate(alpha: alpha, start: .teacher)
        let chi = 1 / (1 - alpha)
        let scale = (2 * chi / (Double.pi * Double(Self.size))).squareRoot()
        #expect(abs(result.m - scale) <= 3 * result.mError + 0.4 * scale,
                "m = \(result.m) ± \(result.mError), finite-size scale \(scale)")
    }

    @Test func gaussianWeightsAgreeWithTheory() throws {
        let scenario = try RBMTeacherStudentScenario(alpha: 3, temperature: 1, weights: .gaussian)
        let m = try RBMTeacherStudentTheory.solve(scenario).m[0][0]
        #expect(abs(m - 0.5190) < 1e-3, "Gaussian-weight reduced theory m at α = 3, T = 1")
        let result = try Self.simulate(alpha: 3, start: .teacher, weights: .gaussian, sweeps: 400)
        #expect(abs(result.m - m) <= 3 * result.mError + Self.finiteSizeAllowance + 0.01,
                "m = \(result.m) ± \(result.mError), theory \(m)")
        #expect(result.acceptance > 0.3 && result.acceptance < 0.9, "MALA acceptance \(result.acceptance)")
    }
}
