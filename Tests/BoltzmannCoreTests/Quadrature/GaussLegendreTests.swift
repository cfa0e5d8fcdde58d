import Foundation
import Testing

@testable import BoltzmannCore

@Suite("Gauss–Legendre quadrature")
struct GaussLegendreTests {
    @Test(arguments: [1, 2, 3, 8, 25, 100])
    func exactForMonomialsUpToDegreeTwoNMinusOne(order n: Int) {
        let rule = GaussLegendre(order: n)
        #expect(abs(rule.weights.reduce(0, +) - 2) <= 1e-15 * Double(n).squareRoot())
        for k in 0...(2 * n - 1) {
            // ∫_{−1}^{2} x^k dx = (2^{k+1} − (−1)^{k+1}) / (k + 1).
            let exact = (pow(2, Double(k + 1)) - pow(-1, Double(k + 1))) / Double(k + 1)
            let value = rule.integrate({ pow($0, Double(k)) }, over: -1...2)
            #expect(abs(value - exact) <= 2e-14 * max(1, abs(exact)), "n = \(n), k = \(k)")
        }
    }

    /// The 7-point rule, positive half, by Newton on P_7 at 50 digits (mpmath).
    @Test func matchesNumpyNodesAndWeights() {
        let rule = GaussLegendre(order: 7)
        let nodes = [0.0, 0.4058451513773972, 0.7415311855993945, 0.9491079123427585]
        let weights = [0.4179591836734694, 0.3818300505051189, 0.27970539148927664,
                       0.1294849661688697]
        for j in 0..<4 {
            #expect(abs(rule.nodes[3 + j] - nodes[j]) <= 4e-16)
            #expect(abs(rule.weights[3 + j] - weights[j]) <= 4e-16 * weights[j] + 1e-16)
            #expect(rule.nodes[3 - j] == -rule.nodes[3 + j])
        }
    }

    @Test func integratesSmoothFunctionsToRoundoff() {
        let rule = GaussLegendre(order: 30)
        #expect(abs(rule.integrate(sin, over: 0...Double.pi) - 2) <= 1e-15)
        #expect(abs(rule.integrate(exp, over: -1...3) - (exp(3) - exp(-1))) <= 1e-14)
    }
}
