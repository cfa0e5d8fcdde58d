import BoltzmannCore
import BoltzmannModels
import BoltzmannTheory
import RealModule
import Testing

@Suite struct RBMCriticalLoadTests {
    /// One hidden unit, or an uncorrelated teacher: D = C = I and α_crit = T⁴.
    @Test(arguments: [0.3, 0.7, 1.0, 1.6])
    func criticalLoadIsTFourthWithoutStructure(temperature: Double) throws {
        for hidden in [1, 2, 5] {
            let scenario = try RBMTeacherStudentScenario(
                teacherHidden: hidden, studentHidden: hidden, alpha: 1, temperature: temperature)
            let load = try RBMCriticalLoad.compute(scenario)
            #expect(abs(load.alphaCritical - Double.pow(temperature, 4)) < 1e-12 * max(1, Double.pow(temperature, 4)))
            #expect(abs(load.lambdaMax - 1) < 1e-12)
        }
    }

    /// Against numpy (eigvals of D·C with D enumerated in a separate Python script).
    @Test(arguments: [
        (2, 0.3, 1.0, 0.5956967831130872, 1.678706396187068),
        (3, 0.5, 0.8, 0.07614968939001644, 5.3788794580914),
        (4, 0.2, 1.2, 0.8415003275591368, 2.4641701638010076),
        (5, 0.7, 1.0, 0.053363059578637434, 18.739555188479578),
    ])
    func criticalLoadMatchesNumpy(hidden: Int, c: Double, temperature: Double, alpha: Double, lambda: Double) throws {
        let scenario = try RBMTeacherStudentScenario(
            teacherHidden: hidden, studentHidden: hidden, correlation: c, alpha: 1, temperature: temperature)
        let load = try RBMCriticalLoad.compute(scenario)
        #expect(abs(load.lambdaMax - lambda) < 1e-10 * lambda)
        #expect(abs(load.alphaCritical - alpha) < 1e-10 * alpha)
    }

    /// Second method: for uniform c, D and C commute and λ_max = (1 + (P−1)c)(1 + (P−1)d), with
    /// d = ⟨τ*₁τ*₂⟩ from the binomial distribution of Σ_μ τ*_μ.
    @Test(arguments: [(3, 0.4, 0.9), (6, 0.1, 1.1), (8, 0.6, 2.0)])
    func largestEigenvalueHasTheClosedForm(hidden p: Int, c: Double, temperature: Double) throws {
        let beta = 1 / temperature
        var weightSum = 0.0, squareSum = 0.0
        for k in 0...p {
            let total = Double(2 * k - p)
            let exponent = 0.5 * beta * beta * ((1 - c) * Double(p) + c * total * total)
            let weight = binomial(p, k) * Double.exp(exponent)
            weightSum += weight
            squareSum += weight * total * total
        }
        let d = (squareSum / weightSum - Double(p)) / Double(p * (p - 1))
        let expected = (1 + Double(p - 1) * c) * (1 + Double(p - 1) * d)
        let scenario = try RBMTeacherStudentScenario(
            teacherHidden: p, studentHidden: p, correlation: c, alpha: 1, temperature: temperature)
        let load = try RBMCriticalLoad.compute(scenario)
        #expect(abs(load.lambdaMax - expected) < 1e-11 * expected)
        #expect(abs(load.teacherHiddenCorrelation[1] - d) < 1e-12)
    }

    /// Off the Nishimori line α_crit = T² T*² / λ_max.
    @Test func offLineCriticalLoadScalesWithBothTemperatures() throws {
        let scenario = try RBMTeacherStudentScenario(alpha: 1, temperature: 1.3, teacherTemperature: 0.7)
        #expect(abs(try RBMCriticalLoad.compute(scenario).alphaCritical - 1.69 * 0.49) < 1e-12)
    }

    func binomial(_ n: Int, _ k: Int) -> Double {
        (0..<k).reduce(1.0) { $0 * Double(n - $1) / Double($1 + 1) }
    }
}
