import BoltzmannCore
import Foundation
import Testing

/// Plain reference implementations for the theory tests: every Gaussian average by adaptive
/// quadrature (BoltzmannCore's `AdaptiveQuadrature`, 1e−14) and every formula written exactly as
/// in MODELS.md, without the rearrangements the library uses.
enum Reference {
    /// E_z f(z), z ~ N(0, 1), to ~1e−14.
    static func expectation(_ f: (Double) -> Double) -> Double {
        let report = AdaptiveQuadrature.gaussianExpectation(
            f, absoluteTolerance: 1e-15, relativeTolerance: 1e-15, maxSubdivisions: 200_000)
        return report.value
    }

    /// E tanh^k(a z + b).
    static func tanhMoment(spread a: Double, mean b: Double, power k: Int) -> Double {
        expectation { z in
            let t = Foundation.tanh(a * z + b)
            return Foundation.pow(t, Double(k))
        }
    }

    /// E log cosh(a z + b).
    static func logCoshExpectation(spread a: Double, mean b: Double) -> Double {
        expectation { z in
            let x = abs(a * z + b)
            return x + Foundation.log1p(Foundation.exp(-2 * x)) - Foundation.log(2.0)
        }
    }

    /// MODELS.md §2 RS update, written literally (h_± = √(cr) z + c*r* ± βk; the m equation in
    /// its MODELS.md form with √(cr) z − c*r* + βk in the second term).
    static func rsUpdate(
        p: Int, c: Double, cStar: Double, beta: Double, qStar: Double, q: Double, m: Double
    ) -> (qStar: Double, q: Double, m: Double) {
        let pd = Double(p)
        let rStar = pd * Foundation.pow(qStar, pd - 1)
        let r = pd * Foundation.pow(q, pd - 1)
        let k = pd * Foundation.pow(m, pd - 1)
        let noise = (c * r).squareRoot()
        let newQStar = expectation { z in
            0.5 * (Foundation.tanh(noise * z + cStar * rStar + beta * k)
                + Foundation.tanh(noise * z + cStar * rStar - beta * k))
        }
        let newQ = expectation { z in
            let plus = Foundation.tanh(noise * z + cStar * rStar + beta * k)
            let minus = Foundation.tanh(noise * z + cStar * rStar - beta * k)
            return 0.5 * (plus * plus + minus * minus)
        }
        let newM = expectation { z in
            0.5 * (Foundation.tanh(noise * z + cStar * rStar + beta * k)
                + Foundation.tanh(noise * z - cStar * rStar + beta * k))
        }
        return (newQStar, newQ, newM)
    }

    /// MODELS.md §2 free entropy, term by term.
    static func rsFreeEntropy(
        p: Int, c: Double, cStar: Double, beta: Double, qStar: Double, q: Double, m: Double
    ) -> Double {
        let pd = Double(p)
        let rStar = pd * Foundation.pow(qStar, pd - 1)
        let r = pd * Foundation.pow(q, pd - 1)
        let k = pd * Foundation.pow(m, pd - 1)
        let noise = (c * r).squareRoot()
        let average = expectation { z in
            let plus = abs(noise * z + cStar * rStar + beta * k)
            let minus = abs(noise * z + cStar * rStar - beta * k)
            let logCoshPlus = plus + Foundation.log1p(Foundation.exp(-2 * plus)) - Foundation.log(2.0)
            let logCoshMinus = minus + Foundation.log1p(Foundation.exp(-2 * minus)) - Foundation.log(2.0)
            return 0.5 * (logCoshPlus + logCoshMinus)
        }
        return cStar * Foundation.pow(qStar, pd) - 0.5 * c * Foundation.pow(q, pd)
            + beta * Foundation.pow(m, pd) - cStar * qStar * rStar + 0.5 * c * q * r - 0.5 * c * r
            - beta * m * k + 0.5 * c + Foundation.log(2.0) + average
    }

    /// The Nishimori-line fixed point reached from q = 1: plain iteration with 200-point
    /// Gauss–Hermite until |Δq| < 1e−9 (which picks the branch: the largest stable fixed point,
    /// or 0), then secant polishing of F(q) = E tanh(ĥ + √ĥ z) − q with adaptive quadrature.
    static func nishimoriFixedPoint(p: Int, c: Double) -> Double {
        let rule = GaussHermite(order: 200)
        var q = 1.0
        for _ in 0..<1_000_000 {
            let h = c * Double(p) * Foundation.pow(q, Double(p - 1))
            let next = rule.expectation { z in Foundation.tanh(h + h.squareRoot() * z) }
            let step = abs(next - q)
            q = next
            if q < 1e-12 { return 0 }
            if step < 1e-9 { break }
        }
        func residual(_ q: Double) -> Double {
            let h = c * Double(p) * Foundation.pow(q, Double(p - 1))
            let root = h.squareRoot()
            return expectation { z in Foundation.tanh(h + root * z) } - q
        }
        var previous = q * (1 - 1e-6), current = q
        var fPrevious = residual(previous), fCurrent = residual(current)
        for _ in 0..<30 where fCurrent != 0 && abs(current - previous) > 1e-16 {
            let next = current - fCurrent * (current - previous) / (fCurrent - fPrevious)
            previous = current
            fPrevious = fCurrent
            current = next
            fCurrent = residual(current)
        }
        return current
    }
}

/// Largest absolute difference between two equally long arrays.
func maxAbsoluteDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
