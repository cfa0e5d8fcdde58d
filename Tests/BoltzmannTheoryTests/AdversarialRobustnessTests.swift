import BoltzmannCore
import BoltzmannTheory
import Foundation
import Testing

@Suite("Adversarial robustness at T = 0")
struct AdversarialRobustnessTests {
    @Test("p = 4, η = 1: ε_c = α^{1/3}/(1 + α^{1/3})")
    func paperForm() throws {
        for alpha in [0.01, 0.3, 1, 5, 100] {
            let cube = Foundation.cbrt(alpha)
            #expect(abs(try AdversarialRobustness.criticalFraction(alpha: alpha, p: 4) - cube / (1 + cube)) < 1e-15)
        }
    }

    @Test("at ε_c the two pulls balance; an aligned example lowers ε_c")
    func balance() throws {
        for (alpha, p, eta, s) in [(0.5, 3, 2.0, 0.0), (2.0, 6, 0.3, 0.1), (0.05, 4, 1.0, 0.2)] {
            let epsilon = try AdversarialRobustness.criticalFraction(alpha: alpha, p: p, eta: eta, exampleTeacherOverlap: s)
            let m = epsilon + (1 - epsilon) * s, qStar = 1 - epsilon + epsilon * s
            let teacherPull = Double(p) * alpha * eta * Foundation.pow(qStar, Double(p - 1))
            let examplePull = Double(p) * Foundation.pow(m, Double(p - 1))
            #expect(abs(teacherPull - examplePull) < 1e-12 * teacherPull)
            #expect(epsilon < (try AdversarialRobustness.criticalFraction(alpha: alpha, p: p, eta: eta)) || s == 0)
        }
        #expect(try AdversarialRobustness.criticalFraction(alpha: 0.001, p: 4, exampleTeacherOverlap: 0.5) == 0)
    }

    @Test("the threshold is what one step of the RS map at c = 0, β → ∞ decides")
    func rsMapDecides() throws {
        let alpha = 0.7, p = 4, eta = 1.3, beta = 400.0
        let epsilon = try AdversarialRobustness.criticalFraction(alpha: alpha, p: p, eta: eta)
        let equations = try RSEquations(RSControlParameters(p: p, c: 0, cStar: alpha * eta * beta, beta: beta,
                                                            hasTeacher: true))
        for (shift, returnsToTeacher) in [(-0.01, true), (0.01, false)] {
            let e = epsilon + shift
            let image = equations.update(qStar: 1 - e, q: 1, m: e)
            if returnsToTeacher {
                #expect(image.qStar > 0.999 && abs(image.m) < 1e-3)
            } else {
                #expect(image.m > 0.999 && abs(image.qStar) < 1e-3)
            }
        }
    }

    @Test("bad parameters throw")
    func invalid() {
        #expect(throws: BoltzmannError.self) { try AdversarialRobustness.criticalFraction(alpha: 0, p: 4) }
        #expect(throws: BoltzmannError.self) { try AdversarialRobustness.criticalFraction(alpha: 1, p: 1) }
        #expect(throws: BoltzmannError.self) { try AdversarialRobustness.criticalFraction(alpha: 1, p: 4, eta: -1) }
        #expect(throws: BoltzmannError.self) {
            try AdversarialRobustness.criticalFraction(alpha: 1, p: 4, exampleTeacherOverlap: 1)
        }
        #expect(throws: BoltzmannError.self) {
            try AdversarialRobustness.criticalFraction(alpha: 1, p: 4, pairwiseTeacherTemperature: 1.5)
        }
        #expect(throws: Never.self) {
            try AdversarialRobustness.criticalFraction(alpha: 1, p: 4, pairwiseTeacherTemperature: 3)
        }
    }
}
