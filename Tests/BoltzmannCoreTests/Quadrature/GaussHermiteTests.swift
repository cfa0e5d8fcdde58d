import Foundation
import Testing

@testable import BoltzmannCore

@Suite("Gauss–Hermite quadrature")
struct GaussHermiteTests {
    /// E z^k for z ~ N(0, 1): (k−1)!! for even k, 0 for odd k.
    fileprivate static func normalMoment(_ k: Int) -> Double {
        guard k % 2 == 0 else { return 0 }
        return stride(from: k - 1, to: 0, by: -2).reduce(1.0) { $0 * Double($1) }
    }

    @Test(arguments: [1, 2, 3, 5, 10, 20, 40, 64])
    func exactForMonomialsUpToDegreeTwoNMinusOne(order n: Int) {
        let rule = GaussHermite(order: n)
        #expect(rule.nodes.count == n && rule.weights.count == n)
        for k in 0...(2 * n - 1) {
            let value = rule.expectation { pow($0, Double(k)) }
            let scale = max(1, Self.normalMoment(2 * k).squareRoot())
            #expect(
                abs(value - Self.normalMoment(k)) <= 5e-15 * scale,
                "n = \(n): E z^\(k) = \(value), want \(Self.normalMoment(k))")
        }
    }

    /// The Gauss error for z^{2n} is ‖He_n‖² = n!, so the rule returns (2n−1)!! − n!: a check that
    /// the rule is a Gauss rule of exactly this order and not of a higher one.
    @Test(arguments: [2, 5, 10, 15])
    func degreeTwoNMissesByNFactorial(order n: Int) {
        let rule = GaussHermite(order: n)
        let value = rule.expectation { pow($0, Double(2 * n)) }
        let factorial = (1...n).reduce(1.0) { $0 * Double($1) }
        let expected = Self.normalMoment(2 * n) - factorial
        #expect(abs(value - expected) <= 1e-13 * expected)
    }

    /// Positive nodes and weights from Newton on He_n at 60 digits (mpmath), weights
    /// n!/(n² He_{n−1}(x)²).
    @Test func matchesHighPrecisionNodesAndWeights() {
        let reference: [(order: Int, index: Int, node: Double, weight: Double)] = [
            (10, 5, 0.48493570751549764, 0.34464233493201907),
            (10, 6, 1.4659890943911582, 0.13548370298026774),
            (10, 7, 2.4843258416389546, 0.019111580500770286),
            (10, 8, 3.581823483551927, 0.0007580709343122177),
            (10, 9, 4.859462828332312, 4.310652630718287e-06),
            (100, 50, 0.1566890254347731, 0.12349694152861056),
            (100, 75, 8.228222794639786, 2.724942778755878e-16),
            (100, 97, 17.45558740385404, 1.7394128419356073e-67),
            (100, 98, 18.135591526882358, 1.1130673861390254e-72),
            (100, 99, 18.959636217387708, 3.3332703483438384e-79),
            (400, 200, 0.07849079465071934, 0.06243405496472331),
            (400, 300, 16.233375323159187, 4.098319286786194e-59),
        ]
        for (n, i, node, weight) in reference {
            let rule = GaussHermite(order: n)
            // Nodes to a few ulps of max(1, |z|); weights to ε z² relative, their conditioning.
            #expect(abs(rule.nodes[i] - node) <= 1e-15 * max(1, node), "n = \(n) node \(i)")
            #expect(
                abs(rule.weights[i] - weight) <= 1e-15 * (4 + node * node) * weight,
                "n = \(n) weight \(i)")
        }
        // n = 400 reaches the subnormal range: the outermost weight is 0 in double.
        let wide = GaussHermite(order: 400)
        #expect(abs(wide.nodes[397] - 37.98112752327703) <= 1e-15 * 37.98112752327703)
        #expect(abs(wide.nodes[399] - 39.1619418209395) <= 1e-15 * 39.1619418209395)
        #expect(wide.weights[399] == 0 && wide.weights[0] == 0)
    }

    @Test(arguments: [1, 2, 7, 30, 101, 400])
    func weightsSumToOneAndRuleIsSymmetric(order n: Int) {
        let rule = GaussHermite(order: n)
        #expect(abs(rule.weights.reduce(0, +) - 1) <= 4e-16 * Double(n).squareRoot())
        for i in 0..<n {
            #expect(rule.nodes[i] == -rule.nodes[n - 1 - i])
            #expect(rule.weights[i] == rule.weights[n - 1 - i])
            #expect(rule.weights[i] >= 0)
            if i > 0 { #expect(rule.nodes[i] > rule.nodes[i - 1]) }
        }
        if n % 2 == 1 { #expect(rule.nodes[n / 2] == 0) }
    }

    @Test func expectation2DIntegratesProductsOfIndependentNormals() {
        let rule = GaussHermite(order: 20)
        #expect(abs(rule.expectation2D { $0 * $0 * $1 * $1 } - 1) <= 1e-14)
        #expect(abs(rule.expectation2D { pow($0 + $1, 4) } - 12) <= 1e-13)
        #expect(abs(rule.expectation2D { $0 * $1 }) <= 1e-15)
        #expect(abs(rule.expectation2D { cos($0) * cos($1) } - exp(-1)) <= 1e-14)
        // Correlated pair (z, ρz + √(1−ρ²)x): E[z · (ρz + √(1−ρ²)x)] = ρ.
        let rho = 0.3
        let covariance = rule.expectation2D { z, x in
            z * (rho * z + (1 - rho * rho).squareRoot() * x)
        }
        #expect(abs(covariance - rho) <= 1e-15)
    }

    /// E_z tanh(a z + b) and E_z log cosh(a z + b) against the adaptive reference, at the orders
    /// the documentation quotes.
    @Test(arguments: [(0.5, 0.3, 40), (1.0, 0.7, 100), (1.0, -2.5, 100), (2.0, -0.4, 400)])
    func tanhExpectationMatchesAdaptiveReferenceTo1e12(a: Double, b: Double, order: Int) {
        let rule = GaussHermite(order: order)
        let reference = AdaptiveQuadrature.gaussianExpectation { tanh(a * $0 + b) }
        #expect(reference.converged)
        let value = rule.expectation { tanh(a * $0 + b) }
        #expect(
            abs(value - reference.value) <= 1e-12,
            "a = \(a), b = \(b): \(value) vs \(reference.value)")
        let logCoshReference = AdaptiveQuadrature.gaussianExpectation { logCosh(a * $0 + b) }
        #expect(abs(rule.expectation { logCosh(a * $0 + b) } - logCoshReference.value) <= 1e-12)
    }

    @Test func nestedExpectationsCompose() {
        // E_z (E_x (z + x)²) = E_z (z² + 1) = 2.
        let outer = GaussHermite(order: 12), inner = GaussHermite(order: 8)
        let value = outer.expectation { z in inner.expectation { x in (z + x) * (z + x) } }
        #expect(abs(value - 2) <= 1e-14)
    }

    @Test func concurrentConstructionSeesOneConsistentRule() async {
        let orders = Array(150...181)
        let serial = orders.map { GaussHermite(order: $0) }
        let concurrent = await withTaskGroup(of: [GaussHermite].self) { group in
            for _ in 0..<4 {
                group.addTask { orders.shuffled().sorted().map { GaussHermite(order: $0) } }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for rules in concurrent {
            for (a, b) in zip(rules, serial) {
                #expect(a.nodes == b.nodes && a.weights == b.weights)
            }
        }
    }
}
