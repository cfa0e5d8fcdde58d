import BoltzmannCore
import BoltzmannTheory
import Foundation
import Testing

@Suite("RS solver and phase selection")
struct RSSolverTests {
    let solver = RSSolver()

    @Test("on the Nishimori line the 3-parameter solver reproduces the one-equation branch")
    func nishimoriAgreesWithBranch() throws {
        let line = try NishimoriLine(p: 3)
        let transitions = line.transitions()
        for (alpha, temperature) in [(1.0, 0.8), (2.0, 1.1), (0.6, 0.5), (1.8, 1.2), (3.0, 1.5)] {
            let scenario = try DenseTeacherStudent.nishimoriLine(p: 3, alpha: alpha, temperature: temperature)
            let solution = try solver.solve(scenario)
            let teacher = try #require(solution.candidates.first { $0.initialisation == .teacher })
            let branch = try line.state(c: alpha / (temperature * temperature), transitions: transitions)
            #expect(teacher.orderParameters.converged)
            #expect(abs(teacher.orderParameters.qStar - branch.q) < 1e-10, "α = \(alpha), T = \(temperature)")
            #expect(abs(teacher.orderParameters.q - branch.q) < 1e-10, "Nishimori: q = q*")
            // Free entropy relative to the paramagnet agrees with Δf.
            let c = alpha / (temperature * temperature)
            let gap = teacher.orderParameters.freeEntropy - (Foundation.log(2.0) + c / 2)
            #expect(abs(gap - branch.freeEntropyGap) < 1e-10)
        }
    }

    @Test("the spinodal and thermodynamic c are confirmed by full solves at c(1 ± 1e−6)")
    func transitionsConfirmedBySolver() throws {
        let transitions = try NishimoriLine(p: 3).transitions()
        let temperature = 1.3
        func teacherState(c: Double) throws -> RSCandidate {
            let scenario = try DenseTeacherStudent.nishimoriLine(
                p: 3, alpha: c * temperature * temperature, temperature: temperature)
            let solution = try solver.solve(scenario)
            return try #require(solution.candidates.first { $0.initialisation == .teacher })
        }
        let below = try teacherState(c: transitions.spinodalC * (1 - 1e-6))
        let above = try teacherState(c: transitions.spinodalC * (1 + 1e-6))
        #expect(below.orderParameters.converged && above.orderParameters.converged)
        #expect(below.orderParameters.phase == .paramagnet)
        #expect(above.orderParameters.qStar > 0.6)
        let c = transitions.thermodynamicC
        for (factor, sign) in [(1 - 1e-6, -1.0), (1 + 1e-6, 1.0)] {
            let state = try teacherState(c: c * factor)
            let gap = state.orderParameters.freeEntropy - (Foundation.log(2.0) + c * factor / 2)
            #expect(gap * sign > 0, "Δf at c_th × \(factor) = \(gap)")
        }
    }

    @Test("phase labels: gR above c_th (α > T), lR between the transitions, P below c_sp")
    func nishimoriPhases() throws {
        // α > T keeps the memorisation term β m^p weaker than the signal c* = α/T² (c*/β = α/T).
        let temperature = 1.2
        let transitions = try NishimoriLine(p: 3).transitions()
        let middle = 0.5 * (transitions.spinodalC + transitions.thermodynamicC)
        let cases: [(Double, Phase)] = [
            (transitions.thermodynamicC * 1.05, .globalRetrieval), (middle, .localRetrieval),
            (transitions.spinodalC * 0.95, .paramagnet),
        ]
        for (c, expected) in cases {
            let scenario = try DenseTeacherStudent.nishimoriLine(p: 3, alpha: c * temperature * temperature,
                                                                 temperature: temperature)
            let solution = try solver.solve(scenario)
            #expect(solution.phase == expected, "c = \(c)")
            #expect(solution.converged)
            if expected == .localRetrieval {
                #expect(solution.orderParameters.qStar > 0.7, "lR reports the retrieval state")
                #expect(solution.equilibrium.phase == .paramagnet)
                #expect(solution.orderParameters.phase == .localRetrieval)
            }
        }
    }

    @Test("direct p = 3 model: retrieval state agrees with plain iteration of MODELS.md's equations")
    func directModelAgainstPlainIteration() throws {
        let scenario = try DenseTeacherStudent.direct(p: 3, alpha: 0.5, temperature: 1.0)
        let solution = try solver.solve(scenario)
        #expect(solution.phase == .exampleRetrieval)
        let control = try scenario.controlParameters()
        var x = (qStar: 0.0, q: 1.0, m: 1.0)
        for _ in 0..<200 {
            x = Reference.rsUpdate(p: 3, c: control.c, cStar: 0, beta: control.beta,
                                   qStar: 0, q: x.q, m: x.m)
        }
        #expect(abs(solution.orderParameters.m - x.m) < 1e-11)
        #expect(abs(solution.orderParameters.q - x.q) < 1e-11)
        #expect(solution.orderParameters.qStar == 0)
    }

    @Test("off the Nishimori line every point of a coarse grid converges to 1e−12")
    func offNishimoriConverges() throws {
        for alpha in stride(from: 0.1, through: 2.0, by: 0.3) {
            for temperature in stride(from: 0.3, through: 2.0, by: 0.3) {
                for teacherTemperature in [0.5, 1.0, 2.0] {
                    let scenario = try DenseTeacherStudent(
                        p: 4, teacherP: 4, alpha: alpha, temperature: temperature,
                        teacherTemperature: teacherTemperature)
                    let solution = try solver.solve(scenario)
                    #expect(solution.converged, "\(scenario): \(solution.message ?? "")")
                    #expect(solution.orderParameters.residual <= 1e-12)
                }
            }
        }
    }

    @Test("non-convergence is reported, not hidden")
    func nonConvergenceReported() throws {
        let scenario = try DenseTeacherStudent.nishimoriLine(p: 3, alpha: 1.2, temperature: 1.0)
        let solution = try RSSolver(maxIterations: 2).solve(scenario)
        #expect(!solution.converged, "the paramagnet converges at once, but the others do not")
        #expect(solution.message != nil)
        #expect(solution.candidates.contains { !$0.orderParameters.converged && $0.message != nil })
    }

    @Test("past condensation the 1RSB glass replaces the entropy-negative RS paramagnet")
    func oneStepGlassReplacesTheParamagnet() throws {
        // c = α/T² = 33 ≫ c_K = 1.18: no retrieval, a frozen glass with ln 2 − c/2 < 0 for the RS paramagnet.
        let cold = try solver.solve(DenseTeacherStudent.direct(p: 3, alpha: 3, temperature: 0.3))
        let glass = try #require(cold.oneStepGlass)
        #expect(cold.phase == .spinGlass && glass.breaksReplicaSymmetry)
        #expect(cold.equilibrium.freeEntropy == glass.freeEntropy && cold.equilibrium.q == glass.q)
        #expect(glass.freeEntropy < log(2) + (3 / 0.09) / 2)
        #expect(cold.candidates.contains { $0.orderParameters.phase == .paramagnet })
        // At low load the stored patterns are retrieved: the RS paramagnet had hidden it.
        let retrieving = try solver.solve(DenseTeacherStudent.direct(p: 3, alpha: 0.5, temperature: 0.3))
        #expect(retrieving.phase == .exampleRetrieval && retrieving.orderParameters.m > 0.9)
        #expect(retrieving.equilibrium.freeEntropy > retrieving.oneStepGlass?.freeEntropy ?? .infinity)
        // Above condensation the paramagnet stands and no glass is reported.
        let warm = try solver.solve(DenseTeacherStudent.direct(p: 3, alpha: 0.5, temperature: 1.5))
        #expect(warm.phase == .paramagnet && warm.oneStepGlass == nil && warm.message == nil)
    }

    /// arXiv 2401.04191: the direct model's paramagnet → spin-glass transition is the Nishimori
    /// line's thermodynamic learning transition, c = α/T² = c_th.
    @Test("the direct model's P → SG transition sits at the Nishimori c_th", arguments: [0.9, 1.2])
    func paramagnetToGlassAtNishimoriTransition(temperature: Double) throws {
        let cTh = try NishimoriLine(p: 3).transitions().thermodynamicC
        let t2 = temperature * temperature
        let below = try solver.solve(DenseTeacherStudent.direct(p: 3, alpha: 0.995 * cTh * t2, temperature: temperature))
        let above = try solver.solve(DenseTeacherStudent.direct(p: 3, alpha: 1.005 * cTh * t2, temperature: temperature))
        #expect(below.phase == .paramagnet && above.phase == .spinGlass)
    }

    @Test("solving twice gives identical results")
    func deterministic() throws {
        let scenario = try DenseTeacherStudent(p: 3, teacherP: 3, alpha: 1.1, temperature: 0.9,
                                               teacherTemperature: 0.7)
        #expect(try solver.solve(scenario) == solver.solve(scenario))
    }

    @Test("bad solver settings and T = 0 throw")
    func badSettings() throws {
        let scenario = try DenseTeacherStudent.nishimoriLine(p: 3, alpha: 1, temperature: 1)
        #expect(throws: BoltzmannError.self) { try RSSolver(tolerance: 0).solve(scenario) }
        #expect(throws: BoltzmannError.self) { try RSSolver(maxIterations: 0).solve(scenario) }
        let frozen = try DenseTeacherStudent.direct(p: 3, alpha: 1, temperature: 0)
        #expect(throws: BoltzmannError.self) { try solver.solve(frozen) }
    }
}
