import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import RealModule
import Testing

/// The simulation driver: bit-identical results for any thread count (binary and Gaussian
/// weights, P ≠ P*, correlated teacher), the shapes of the Mattis matrix, refusals of bad
/// settings, and the teacher's block Gibbs examples against its exact ones.
@Suite struct RBMTeacherStudentMonteCarloTests {
    /// The measured values of a result (timings excluded).
    static func measured(_ r: RBMTeacherStudentResult) -> [Double] {
        [r.m, r.mError, r.q, r.qError, r.logPosterior, r.logPosteriorError, r.acceptance] + r.mMatrix + r.mMatrixError
    }

    @Test(arguments: [RBMTeacherStudentScenario.Weights.binary, .gaussian])
    func resultsDoNotDependOnTheThreadCount(weights: RBMTeacherStudentScenario.Weights) throws {
        let scenario = try RBMTeacherStudentScenario(
            teacherHidden: 2, studentHidden: 3, correlation: 0.3, alpha: 1.5, temperature: 0.8, teacherTemperature: 0.9,
            weights: weights)
        func run(threads: Int) throws -> RBMTeacherStudentResult {
            try RBMTeacherStudentMonteCarlo(chains: 5, sweeps: 12, equilibrationSweeps: 5, measurementInterval: 2,
                                            threads: threads, seed: 17)
                .run(scenario, size: 40, disorderSamples: 2)
        }
        let one = try run(threads: 1)
        let three = try run(threads: 3)
        #expect(Self.measured(one) == Self.measured(three))
        #expect(one.mMatrix.count == 6 && one.exampleCount == 60 && one.disorderSamples == 2)
        #expect(Self.measured(one).allSatisfy { $0.isFinite })
        // A different seed gives a different run.
        let other = try RBMTeacherStudentMonteCarlo(chains: 5, sweeps: 12, equilibrationSweeps: 5, measurementInterval: 2,
                                                    threads: 2, seed: 18).run(scenario, size: 40, disorderSamples: 2)
        #expect(Self.measured(other) != Self.measured(one))
    }

    @Test func teacherStartBeginsAtTheTeacher() throws {
        // With no equilibration and a huge load at low T the chains stay at the teacher: m ≈ 1.
        let scenario = try RBMTeacherStudentScenario(alpha: 8, temperature: 0.4)
        let result = try RBMTeacherStudentMonteCarlo(chains: 2, sweeps: 2, equilibrationSweeps: 0, start: .teacher, seed: 1)
            .run(scenario, size: 60)
        #expect(result.m > 0.9, "m = \(result.m)")
    }

    @Test func badSettingsAreRefused() throws {
        #expect(throws: BoltzmannError.self) { try RBMTeacherStudentMonteCarlo(chains: 0, sweeps: 10) }
        #expect(throws: BoltzmannError.self) { try RBMTeacherStudentMonteCarlo(chains: 2, sweeps: 10, stepSize: -1) }
        let scenario = try RBMTeacherStudentScenario(alpha: 1, temperature: 1)
        let monteCarlo = try RBMTeacherStudentMonteCarlo(chains: 2, sweeps: 2)
        #expect(throws: BoltzmannError.self) { try monteCarlo.run(scenario, size: 1) }
        #expect(throws: BoltzmannError.self) { try monteCarlo.run(scenario, size: 20, disorderSamples: 0) }
        let wide = try RBMTeacherStudentScenario(studentHidden: 17, alpha: 1, temperature: 1)
        #expect(throws: BoltzmannError.self) { try monteCarlo.run(wide, size: 20) }
    }

    /// Visible-state frequencies of block Gibbs examples (RBMTeacher.machine + gibbsSweep) and of
    /// the exact sampler against the exact marginal p(σ) = Σ_τ p(τ) Π_i P(σ_i | τ).
    @Test func blockGibbsExamplesMatchTheExactSampler() throws {
        let n = 4
        let p = 2
        let patterns: [Int8] = [1, -1, 1, 1, -1, 1, 1, 1]
        let teacher = try RBMTeacher(patterns: patterns, size: n, hiddenCount: p, temperature: 0.6)
        let hidden = teacher.hiddenDistribution()
        let scale = 2 * teacher.beta / Double(n).squareRoot()
        let visible = (0..<(1 << n)).map { s in
            (0..<(1 << p)).reduce(0.0) { total, t in
                var product = hidden[t]
                for i in 0..<n {
                    var field = 0.0
                    for mu in 0..<p { field += Double(RBMTeacher.hiddenSpin(state: t, unit: mu) * Int(patterns[i * p + mu])) }
                    let up = 1 / (1 + Double.exp(-scale * field))
                    product *= (s >> i) & 1 == 1 ? up : 1 - up
                }
                return total + product
            }
        }
        let count = 100_000
        var stream = RandomStream(seed: 12)
        let gibbs = try teacher.blockGibbsExamples(count: count, chains: 100, burnInSweeps: 50, sweepsBetween: 5, stream: &stream)
        let exact = try teacher.sampleExamples(count: count, stream: &stream)
        for (name, examples) in [("block Gibbs", gibbs), ("exact", exact)] {
            var histogram = [Int](repeating: 0, count: 1 << n)
            for a in 0..<count {
                var s = 0
                for i in 0..<n where examples[a * n + i] == 1 { s |= 1 << i }
                histogram[s] += 1
            }
            for s in 0..<(1 << n) {
                let observed = Double(histogram[s]) / Double(count)
                let sigma = (visible[s] * (1 - visible[s]) / Double(count)).squareRoot()
                #expect(abs(observed - visible[s]) <= 5 * sigma, "\(name), state \(s): \(observed) vs \(visible[s])")
            }
        }
    }
}
