import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import Testing

@Suite("Example-substitution attack")
struct ExampleSubstitutionAttackTests {
    static func problem() throws -> TeacherStudentProblem {
        var stream = RandomStream(seed: 17)
        let n = 48
        let teacher = try PatternMatrix.random(count: 1, size: n, stream: &stream).values
        let examples = try PatternMatrix.noisyCopies(of: teacher, count: 600, correlation: 0.25, stream: &stream)
        return try TeacherStudentProblem(teacherPattern: teacher, examples: examples, order: 3, form: .gardner, temperature: 0)
    }

    @Test("No substitution: the teacher is a fixed point and every trial returns")
    func noAttack() throws {
        let problem = try Self.problem()
        for i in 0..<problem.size {
            #expect(try problem.student.flipEnergy(site: i, spins: problem.teacherPattern) > 0)
        }
        let points = try ExampleSubstitutionAttack(epsilons: [0], trials: 4).run(problem)
        #expect(points[0].returnProbability == 1 && points[0].finalQStar == 1 && points[0].converged == 1)
    }

    @Test("A trial's outcome equals an independent zero-temperature relaxation of the same start")
    func replay() throws {
        let problem = try Self.problem()
        let n = problem.size
        let epsilons = [0.2, 0.6]
        let attack = try ExampleSubstitutionAttack(epsilons: epsilons, trials: 3, maximumSweeps: 200, seed: 4)
        let points = try attack.run(problem)
        for (k, epsilon) in epsilons.enumerated() {
            var qSum = 0.0
            var returns = 0
            for l in 0..<3 {
                // The documented streams: ε index k, trial l; example drawn first, then the sites.
                var stream = RandomStream(seed: 4, stream: 0).substream(UInt64(k)).substream(UInt64(l))
                let a = stream.uniformIndex(below: problem.exampleCount)
                var state = problem.teacherPattern
                var sites = Array(0..<n)
                for j in 0..<Int(epsilon * Double(n)) {
                    sites.swapAt(j, j + stream.uniformIndex(below: n - j))
                    state[sites[j]] = problem.examples[pattern: a, site: sites[j]]
                }
                var kernel = try ReferenceDenseKernel(network: problem.student, spins: state)
                var streams = [RandomStream(seed: 0)]
                while kernel.sweep(beta: .infinity, rule: .zeroTemperature, streams: &streams) > 0 {}
                let q = Double(zip(kernel.spins, problem.teacherPattern).reduce(0) { $0 + Int($1.0) * Int($1.1) }) / Double(n)
                qSum += q
                if q >= 0.99 { returns += 1 }
            }
            #expect(abs(points[k].finalQStar - qSum / 3) < 1e-12)
            #expect(points[k].returnProbability == Double(returns) / 3)
            #expect(points[k].converged == 1)
        }
    }

    @Test("Invalid attack parameters throw")
    func invalid() {
        #expect(throws: BoltzmannError.self) { try ExampleSubstitutionAttack(epsilons: [1.5], trials: 3) }
        #expect(throws: BoltzmannError.self) { try ExampleSubstitutionAttack(epsilons: [0.1], trials: 0) }
    }
}
