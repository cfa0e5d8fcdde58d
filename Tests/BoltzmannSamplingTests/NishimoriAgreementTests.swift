import BoltzmannCore
import BoltzmannSampling
import BoltzmannTheory
import Testing

/// Simulation against replica theory on the p = 3 Nishimori line (arXiv 2401.04191).
///
/// The teacher temperature T* = T = 2 lies above the p = 3 teacher's own ferromagnetic
/// transition, so exact equilibrium examples carry the weak O(1/√N) teacher overlap the theory
/// assumes. Chains start at the teacher, which on the Nishimori line is an equilibrium sample
/// of the posterior. Agreement is required within 3 standard errors (across chains and two
/// disorder samples) plus a finite-size allowance of 0.03, the size of the deviation measured
/// between N = 128 and N = 256 at these points.
@Suite struct NishimoriAgreementTests {
    static let finiteSizeAllowance = 0.03

    func compare(alpha: Double, temperature: Double) throws -> (theory: Double, simulation: DenseMonteCarloResult) {
        let theory = try RSSolver().solve(.nishimoriLine(p: 3, alpha: alpha, temperature: temperature))
        let scenario = try DenseTeacherStudentScenario.nishimori(order: 3, alpha: alpha, temperature: temperature, size: 128)
        let result = try DenseMonteCarlo(chains: 16, sweeps: 200, initialCondition: .teacher, threads: 2, seed: 7)
            .run(scenario, disorderSamples: 2)
        return (theory.orderParameters.qStar, result)
    }

    @Test func learningPointAgrees() throws {
        let (theory, simulation) = try compare(alpha: 8, temperature: 2)
        #expect(theory > 0.9, "the RS solution at c = 2 retrieves the teacher")
        #expect(abs(simulation.qStar - theory) <= 3 * simulation.qStarError + Self.finiteSizeAllowance,
                "q* = \(simulation.qStar) ± \(simulation.qStarError), theory \(theory)")
        #expect(abs(simulation.q - theory) <= 3 * simulation.qError + Self.finiteSizeAllowance,
                "Nishimori identity q = q*: q = \(simulation.q) ± \(simulation.qError)")
    }

    @Test func paramagneticPointAgrees() throws {
        let (theory, simulation) = try compare(alpha: 2, temperature: 2)
        #expect(theory == 0, "c = 0.5 is below the spinodal c = 1.0763: only the paramagnet exists")
        #expect(abs(simulation.qStar - theory) <= 3 * simulation.qStarError + Self.finiteSizeAllowance,
                "q* = \(simulation.qStar) ± \(simulation.qStarError) should have decayed from the teacher")
    }
}
