import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import Testing

/// The result without its timing fields (which differ from run to run).
private func physics(_ r: DenseMonteCarloResult) -> [Double] {
    [r.qStar, r.qStarError, r.q, r.qError, r.m, r.mError, r.mMax, r.mMaxError, r.energy, r.energyError, r.acceptance,
     r.autocorrelationTime, r.equilibrated ? 1 : 0]
}

private func same(_ a: [Double], _ b: [Double]) -> Bool {
    zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
}

@Suite("Student Monte Carlo runs")
struct DenseMonteCarloTests {
    @Test("A seeded run is bit-identical with 1 and 2 threads, and with the reference kernel")
    func determinism() throws {
        let scenario = try DenseTeacherStudentScenario.nishimori(order: 3, alpha: 2, temperature: 1.5, size: 20)
        let one = try DenseMonteCarlo(chains: 5, sweeps: 20, equilibrationSweeps: 5, kernel: .overlap, threads: 1, seed: 7)
        var two = one
        two.threads = 2
        var reference = one
        reference.kernel = .reference
        let a = try one.run(scenario, disorderSamples: 2)
        let b = try two.run(scenario, disorderSamples: 2)
        let c = try reference.run(scenario, disorderSamples: 2)
        #expect(same(physics(a), physics(b)))
        #expect(same(physics(a), physics(c)))
        #expect(a.acceptance > 0 && a.acceptance < 1)
        #expect(a.kernel == "overlap" && c.kernel == "reference")
    }

    @Test("Paramagnetic student: q* and q vanish (c = α/T² = 0.125)")
    func paramagnet() throws {
        let scenario = try DenseTeacherStudentScenario.nishimori(order: 3, alpha: 0.5, temperature: 2, size: 64)
        let result = try DenseMonteCarlo(chains: 8, sweeps: 100, equilibrationSweeps: 20, seed: 3).run(scenario, disorderSamples: 2)
        #expect(abs(result.qStar) < 0.1, "q* = \(result.qStar) ± \(result.qStarError)")
        #expect(abs(result.q) < 0.1, "q = \(result.q) ± \(result.qError)")
        #expect(result.qStarError > 0 && result.qError > 0 && result.energyError > 0)
        #expect(result.autocorrelationTime.isFinite)
    }

    @Test("Nishimori identity E[q*] = E[q] in the retrieval phase (p = 3, c = α/T² = 1.5)")
    func nishimoriIdentity() throws {
        // The RS Nishimori equation gives q = 0.925 at c = 1.5 (thermodynamically stable retrieval).
        let scenario = try DenseTeacherStudentScenario.nishimori(order: 3, alpha: 1.5, temperature: 1, size: 64)
        let result = try DenseMonteCarlo(
            chains: 8, sweeps: 200, equilibrationSweeps: 100, initialCondition: .teacher, seed: 5
        ).run(scenario, disorderSamples: 8)
        // Non-trivial: neither frozen at the teacher (examples copied from a retrieving teacher
        // would give q* = q = 1) nor lost.
        #expect(result.qStar > 0.5 && result.qStar < 0.99)
        #expect(result.acceptance > 0.005)
        let sigma = (result.qStarError * result.qStarError + result.qError * result.qError).squareRoot()
        #expect(abs(result.qStar - result.q) < 3 * sigma, "q* = \(result.qStar) ± \(result.qStarError), q = \(result.q) ± \(result.qError)")
        #expect(result.disorderSamples == 8)
    }

    @Test("Starting at an example at T = 0 with few examples memorises it (m = 1)")
    func memorisation() throws {
        var stream = RandomStream(seed: 13)
        let n = 60
        let teacher = try PatternMatrix.random(count: 1, size: n, stream: &stream).values
        let examples = try PatternMatrix.random(count: 5, size: n, stream: &stream)
        let problem = try TeacherStudentProblem(teacherPattern: teacher, examples: examples, order: 3, form: .gardner, temperature: 0)
        let result = try DenseMonteCarlo(chains: 3, sweeps: 10, equilibrationSweeps: 5, initialCondition: .example(0)).run(problem)
        #expect(result.m == 1 && result.mMax == 1)
        #expect(result.acceptance == 0)
        #expect(throws: BoltzmannError.self) {
            try DenseMonteCarlo(chains: 3, sweeps: 10, initialCondition: .example(9)).run(problem)
        }
    }
}
