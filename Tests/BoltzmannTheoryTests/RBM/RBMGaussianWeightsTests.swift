import BoltzmannCore
import BoltzmannTheory
import RealModule
import Testing

/// The closed-form Gaussian-weight side against direct quadrature of the single-site integrals
///     Z_w = E_{ξ~N(0,1)} exp(b ξ − q̂ ξ²/2),   b = m̂ + √q̂ w  (ξ* = 1),
/// m = E_w ⟨ξ⟩, q = E_w ⟨ξ⟩², E_w ln Z_w, with ⟨·⟩ the tilted average.
@Suite struct RBMGaussianWeightsTests {
    @Test(arguments: [(0.3, 0.5), (1.2, 0.7), (2.5, 3.0), (0.0, 1.5)])
    func closedFormMatchesQuadrature(mHat: Double, qHat: Double) {
        let outer = GaussHermite(order: 80)
        var m = 0.0, q = 0.0, log = 0.0
        for (w, weight) in zip(outer.nodes, outer.weights) {
            let b = mHat + qHat.squareRoot() * w
            let z = AdaptiveQuadrature.gaussianExpectation { xi in Double.exp(b * xi - 0.5 * qHat * xi * xi) }.value
            let first = AdaptiveQuadrature.gaussianExpectation { xi in xi * Double.exp(b * xi - 0.5 * qHat * xi * xi) }.value
            m += weight * first / z
            q += weight * (first / z) * (first / z)
            log += weight * Double.log(z)
        }
        let closed = RBMGaussianWeights.overlaps(mHat: mHat, qHat: qHat)
        #expect(abs(closed.m - m) < 1e-10, "m \(closed.m) vs \(m)")
        #expect(abs(closed.q - q) < 1e-10, "q \(closed.q) vs \(q)")
        #expect(abs(RBMGaussianWeights.logPartition(mHat: mHat, qHat: qHat) - log) < 1e-10)
    }

    /// On q̂ = m̂ the overlaps satisfy q = m = m̂/(1 + m̂) (MODELS.md §3).
    @Test func nishimoriLineIsClosed() {
        for h in [0.1, 1, 7] {
            let r = RBMGaussianWeights.overlaps(mHat: h, qHat: h)
            #expect(abs(r.m - h / (1 + h)) < 1e-15 && abs(r.q - r.m) < 1e-15)
        }
    }
}
