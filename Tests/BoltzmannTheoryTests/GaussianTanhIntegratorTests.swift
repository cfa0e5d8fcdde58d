import BoltzmannCore
import BoltzmannTheory
import Foundation
import Testing

@Suite("Gaussian averages of tanh")
struct GaussianTanhIntegratorTests {
    let integrator = GaussianTanhIntegrator.standard

    /// Spreads from the Gauss–Hermite regime through the switch at 0.6 to very sharp integrands,
    /// and means on both sides, in the bulk and in the tails (b = a² is the Nishimori line).
    static let cases: [(a: Double, b: Double)] = {
        var cases: [(Double, Double)] = []
        for a in [0.05, 0.3, 0.59, 0.6, 0.61, 0.9, 1.3, 2, 3.5, 6, 12, 30, 100] {
            for b in [0, 0.2, -0.7, 1.5, -4, 11, a * a, -a * a / 3, 150] {
                cases.append((a, b))
            }
        }
        return cases
    }()

    @Test("E tanh^k and E log cosh agree with adaptive quadrature to 5e−13")
    func momentsAgainstAdaptiveQuadrature() {
        var worst = 0.0
        for (a, b) in Self.cases {
            let (moments, logCosh) = integrator.momentsAndLogCosh(spread: a, mean: b)
            let values = [moments.t1, moments.t2, moments.t3, moments.t4]
            for k in 1...4 {
                let reference = Reference.tanhMoment(spread: a, mean: b, power: k)
                worst = max(worst, abs(values[k - 1] - reference))
                #expect(abs(values[k - 1] - reference) < 5e-13, "t\(k) at a = \(a), b = \(b)")
            }
            let reference = Reference.logCoshExpectation(spread: a, mean: b)
            #expect(abs(logCosh - reference) < 5e-13 * max(1, abs(reference)), "log cosh at a = \(a), b = \(b)")
            // The moments-only entry point returns the same moments.
            #expect(integrator.moments(spread: a, mean: b) == moments)
        }
        #expect(worst > 0, "the comparison must not be vacuous")
    }

    @Test("a plain 64-point Gauss–Hermite rule is not adequate for sharp integrands")
    func plainGaussHermiteFailsWhereTheIntegratorDoesNot() {
        // E tanh²(a z) with a = 5: poles at Im z = π/10 ruin a fixed rule; the integrator is exact.
        let rule = GaussHermite(order: 64)
        let a = 5.0
        let plain = rule.expectation { z in Foundation.pow(Foundation.tanh(a * z), 2) }
        let reference = Reference.tanhMoment(spread: a, mean: 0, power: 2)
        #expect(abs(plain - reference) > 1e-6)
        #expect(abs(integrator.moments(spread: a, mean: 0).t2 - reference) < 5e-13)
    }

    @Test("zero spread is exact")
    func zeroSpread() {
        for b in [0.0, 0.4, -2.5, 30] {
            let t = Foundation.tanh(b)
            let (moments, logCosh) = integrator.momentsAndLogCosh(spread: 0, mean: b)
            #expect(moments == TanhMoments(t1: t, t2: t * t, t3: t * t * t, t4: t * t * t * t))
            #expect(abs(logCosh - Foundation.log(Foundation.cosh(b))) < 1e-13)
        }
    }

    @Test("symmetry: odd moments flip with b, even ones do not")
    func symmetry() {
        for (a, b) in Self.cases {
            let plus = integrator.moments(spread: a, mean: b)
            let minus = integrator.moments(spread: a, mean: -b)
            #expect(abs(plus.t1 + minus.t1) < 1e-14)
            #expect(abs(plus.t3 + minus.t3) < 1e-14)
            #expect(abs(plus.t2 - minus.t2) < 1e-14)
            #expect(abs(plus.t4 - minus.t4) < 1e-14)
        }
    }

    @Test("the Nishimori specialisation equals the general evaluation")
    func nishimoriSpecialisation() {
        for h in [0.0, 0.01, 0.3, 0.36, 0.37, 1, 1.3355, 2.34, 7, 40, 150, 900, 3000] {
            let special = integrator.nishimoriMomentsAndLogCosh(conjugate: h)
            let general = integrator.momentsAndLogCosh(spread: h.squareRoot(), mean: h)
            #expect(abs(special.moments.t1 - general.moments.t1) < 1e-14, "ĥ = \(h)")
            #expect(abs(special.moments.t2 - general.moments.t2) < 1e-14)
            #expect(abs(special.moments.t3 - general.moments.t3) < 1e-14)
            #expect(abs(special.moments.t4 - general.moments.t4) < 1e-14)
            #expect(abs(special.logCosh - general.logCosh) < 1e-13 * max(1, h))
        }
    }

    @Test("Nishimori identities E tanh = E tanh², E tanh³ = E tanh⁴ on X = ĥ + √ĥ z")
    func nishimoriIdentities() {
        for h in [0.2, 1, 3, 10] {
            let m = integrator.moments(spread: h.squareRoot(), mean: h)
            #expect(abs(m.t1 - m.t2) < 1e-13)
            #expect(abs(m.t3 - m.t4) < 1e-13)
        }
    }

    @Test("vector exponential within 2 ulp of exp, 0 below −708, NaN propagates")
    func vectorExponentialAccuracy() {
        var worstUlps = 0.0
        var x = -708.0
        while x < 709 {
            let lanes = SIMD8<Double>(x, x + 0.013, x + 0.17, x + 0.29, x + 0.31, x + 0.5, x + 0.77, x + 0.99)
            let values = vectorExponential(lanes)
            for lane in 0..<8 where lanes[lane] < 709 {
                let exact = Foundation.exp(lanes[lane])
                worstUlps = max(worstUlps, abs(values[lane] - exact) / exact.ulp)
            }
            x += 0.731
        }
        #expect(worstUlps <= 2, "worst error \(worstUlps) ulp")
        let special = vectorExponential(SIMD8(-800, -709, .nan, 0, 1, -1e-300, 1e-10, -0.5))
        #expect(special[0] == 0 && special[1] == 0)
        #expect(special[2].isNaN)
        #expect(special[3] == 1)
        #expect(abs(special[4] - Foundation.exp(1.0)) <= Foundation.exp(1.0).ulp)
    }
}
