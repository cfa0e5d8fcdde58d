import Foundation
import Testing

@testable import BoltzmannCore

@Suite("Adaptive quadrature")
struct AdaptiveQuadratureTests {
    @Test func integratesFiniteAndInfiniteRangesToRoundoff() {
        let polynomial = AdaptiveQuadrature.integrate({ pow($0, 5) }, over: 0...1)
        #expect(polynomial.converged && abs(polynomial.value - 1.0 / 6) <= 1e-15)
        let sine = AdaptiveQuadrature.integrate(sin, over: 0...Double.pi)
        #expect(sine.converged && abs(sine.value - 2) <= 1e-14)
        let cauchy = AdaptiveQuadrature.integrateOverRealLine { 1 / (1 + $0 * $0) }
        #expect(cauchy.converged && abs(cauchy.value - Double.pi) <= 1e-13)
        let gaussian = AdaptiveQuadrature.integrateOverRealLine { exp(-$0 * $0) }
        #expect(gaussian.converged && abs(gaussian.value - 1.772453850905516) <= 1e-14)
        // A kink: ∫_{−1}^{2} |x − 0.3| dx = (1.3² + 1.7²)/2.
        let kink = AdaptiveQuadrature.integrate({ abs($0 - 0.3) }, over: -1...2)
        #expect(kink.converged && abs(kink.value - 2.29) <= 1e-14)
    }

    /// E_z tanh(a z + b) and E_z log cosh(a z + b) from mpmath.quad at 30 digits, split at the
    /// kink −b/a (cross-checked with scipy.integrate.quad), including the nearly discontinuous
    /// a = 50.
    @Test(arguments: [
        (0.5, 0.3, 0.24353470429173651, 0.14977095666210766),
        (1.0, 0.7, 0.40413262175186737, 0.5194364349891796),
        (2.0, -0.4, -0.1450810168837479, 1.0857570804451095),
        (5.0, 1.0, 0.15602994238501627, 3.439432408301533),
        (50.0, 0.5, 0.007977400680489697, 39.20963680845781),
    ])
    func gaussianExpectationMatchesMpmath(
        a: Double, b: Double, tanhMean: Double, logCoshMean: Double
    ) {
        let tanhReport = AdaptiveQuadrature.gaussianExpectation { tanh(a * $0 + b) }
        #expect(tanhReport.converged)
        #expect(abs(tanhReport.value - tanhMean) <= 2e-15, "\(tanhReport)")
        let logCoshReport = AdaptiveQuadrature.gaussianExpectation { logCosh(a * $0 + b) }
        #expect(logCoshReport.converged)
        #expect(abs(logCoshReport.value - logCoshMean) <= 2e-15 * max(1, logCoshMean))
    }

    @Test func reportsFailureOnADivergentIntegral() {
        let report = AdaptiveQuadrature.integrate({ 1 / $0 }, over: 0...1, maxSubdivisions: 300)
        #expect(!report.converged)
        #expect(report.message != nil)
    }

    @Test func reportsFailureOnANonFiniteIntegrand() {
        let report = AdaptiveQuadrature.integrate({ $0 > 0.5 ? .nan : 1 }, over: 0...1)
        #expect(!report.converged)
        #expect(report.message?.contains("non-finite") == true)
    }
}
