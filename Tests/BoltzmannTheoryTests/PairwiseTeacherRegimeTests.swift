import BoltzmannCore
import BoltzmannTheory
import Foundation
import Testing

/// Exact finite-N statistics of the p* = 2 (Curie–Weiss, Gardner form) teacher with ξ* = (1, …, 1):
/// P(S) ∝ C(N, n₊) e^{β* S²/N} over S = 2n₊ − N, and E[σ₁⋯σ_p | S] = e_p(σ)/C(N, p) with
/// e_p = Σ_j (−1)^j C(n₊, p−j) C(n₋, j).
func curieWeissCorrelation(size n: Int, teacherBeta: Double, order p: Int) -> Double {
    func logChoose(_ a: Int, _ b: Int) -> Double {
        guard b >= 0, b <= a else { return -.infinity }
        return Foundation.lgamma(Double(a + 1)) - Foundation.lgamma(Double(b + 1)) - Foundation.lgamma(Double(a - b + 1))
    }
    var logWeights: [Double] = []
    for plus in 0...n {
        let s = Double(2 * plus - n)
        logWeights.append(logChoose(n, plus) + teacherBeta * s * s / Double(n))
    }
    let top = logWeights.max() ?? 0
    var total = 0.0, correlation = 0.0
    for plus in 0...n {
        let weight = Foundation.exp(logWeights[plus] - top)
        var elementary = 0.0
        for j in 0...p {
            let term = Foundation.exp(logChoose(plus, p - j) + logChoose(n - plus, j) - logChoose(n, p))
            elementary += j % 2 == 0 ? term : -term
        }
        total += weight
        correlation += weight * elementary
    }
    return correlation / total
}

@Suite("p* = 2 teacher regimes")
struct PairwiseTeacherRegimeTests {
    @Test("η(p, T*) reproduces the exact p-point correlation of the teacher: η = N^{p/2} C_p / (p/2+1)!")
    func etaFromExactTeacherStatistics() {
        let n = 4000
        for (p, teacherTemperature) in [(4, 3.0), (4, 5.0), (6, 4.0)] {
            let correlation = curieWeissCorrelation(size: n, teacherBeta: 1 / teacherTemperature, order: p)
            var factorial = 1.0
            for k in 1...(p / 2 + 1) { factorial *= Double(k) }
            let exactEta = Foundation.pow(Double(n), Double(p / 2)) * correlation / factorial
            let eta = PairwiseTeacherRegime.eta(p: p, teacherTemperature: teacherTemperature)
            #expect(abs(exactEta / eta - 1) < 0.01, "p = \(p), T* = \(teacherTemperature): \(exactEta) vs \(eta)")
        }
        // Odd p: the correlation vanishes exactly by symmetry.
        #expect(abs(curieWeissCorrelation(size: 500, teacherBeta: 0.3, order: 3)) < 1e-12)
        #expect(PairwiseTeacherRegime.eta(p: 4, teacherTemperature: 1.5).isNaN)
    }

    @Test("large-noise T* makes the teacher's signal c* equal the noise c = α/T²")
    func largeNoiseTemperature() throws {
        let n = 4000, temperature = 0.8
        let tStar = try PairwiseTeacherRegime.largeNoiseTeacherTemperature(p: 4, temperature: temperature, size: n)
        #expect(abs(tStar - 2 - (Double(n) * temperature / 2).squareRoot()) < 1e-9,
                "MODELS.md's √(NT/2) plus the finite-N constant 2")
        // Signal per unit α and β: M C_p with M = α N^{p−1}/p!  ⇒  c*/(αβ) = N^{p−1} C_p / p!,
        // which must equal β for c* = c (up to O(1/N)).
        let correlation = curieWeissCorrelation(size: n, teacherBeta: 1 / tStar, order: 4)
        let signal = Foundation.pow(Double(n), 3) * correlation / 24
        #expect(abs(signal * temperature - 1) < 0.01, "c*/c = \(signal * temperature)")
        // MODELS.md's leading-order T* = √(NT/2) alone is off by the relative (1 − 2β*)^{−2} − 1.
        let leading = curieWeissCorrelation(size: n, teacherBeta: 1 / (tStar - 2), order: 4)
        #expect(abs(Foundation.pow(Double(n), 3) * leading / 24 * temperature - 1) > 0.05)
        #expect(throws: BoltzmannError.self) {
            try PairwiseTeacherRegime.largeNoiseTeacherTemperature(p: 3, temperature: 1, size: 100)
        }
    }

    @Test("example counts")
    func exampleCounts() throws {
        #expect(try PairwiseTeacherRegime.finiteNoise.exampleCount(p: 4, alpha: 3, size: 100) == 5000)
        #expect(try PairwiseTeacherRegime.largeNoise.exampleCount(p: 4, alpha: 3, size: 100) == 125_000)
        #expect(throws: BoltzmannError.self) { try PairwiseTeacherRegime.finiteNoise.exampleCount(p: 5, alpha: 1, size: 10) }
        #expect(throws: BoltzmannError.self) { try PairwiseTeacherRegime.finiteNoise.exampleCount(p: 4, alpha: 0, size: 10) }
    }

    @Test("finite noise (c = 0): the teacher wins over memorisation iff αη > 1 at low T")
    func finiteNoisePhases() throws {
        let eta = PairwiseTeacherRegime.eta(p: 4, teacherTemperature: 3)
        #expect(abs(eta - 2) < 1e-14, "η(4, 3) = 3/3! · (2β*/(1 − 2β*))² = ½ · 2²")
        let solver = RSSolver()
        let learned = try solver.solve(DenseTeacherStudent(
            p: 4, teacherP: 2, alpha: 0.6, temperature: 0.2, teacherTemperature: 3, pairwiseRegime: .finiteNoise))
        #expect(learned.phase == .globalRetrieval)
        #expect(learned.orderParameters.qStar > 0.999)
        let memorised = try solver.solve(DenseTeacherStudent(
            p: 4, teacherP: 2, alpha: 0.4, temperature: 0.2, teacherTemperature: 3, pairwiseRegime: .finiteNoise))
        #expect(memorised.phase == .localRetrieval)
        #expect(memorised.equilibrium.phase == .exampleRetrieval)
        #expect(learned.converged && memorised.converged)
    }
}
