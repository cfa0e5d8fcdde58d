import RealModule

/// The Gaussian tail H(x) = P(z > x) = ½ erfc(x/√2) for z ~ N(0, 1), accurate to a few ulps
/// in relative terms from x = −∞ (H → 1) until it leaves the normal range past x ≈ 37.5 and
/// underflows to 0 past x ≈ 38.6.
///
/// - For x ≤ 5: ½ erfc(y) with y = x/√2 rounded, corrected to first order for that rounding:
///   H = ½ erfc(y) − δ e^{−y²}/√π, δ = x/√2 − y from a double-double 1/√2. (Without the
///   correction the relative error grows like x²ε, 1e−13 at x = 37.)
/// - For x > 5: H = φ(x) M(x), with e^{−x²/2} evaluated from the exact split x² = hi + lo and
///   the Mills ratio M(x) = H(x)/φ(x) from its continued fraction (see ``logGaussianTail(_:)``).
///
/// Source: Abramowitz & Stegun 7.1.2 and 26.2.14 (continued fraction).
public func gaussianTail(_ x: Double) -> Double {
    guard x > GaussianTailConstants.continuedFractionThreshold else {
        let y = x * GaussianTailConstants.inverseSquareRootTwoHigh
        let roundingError = (-y).addingProduct(x, GaussianTailConstants.inverseSquareRootTwoHigh)
            + x * GaussianTailConstants.inverseSquareRootTwoLow
        return 0.5 * Double.erfc(y)
            - roundingError * Double.exp(-y * y) * GaussianTailConstants.inverseSquareRootPi
    }
    let square = x * x
    let squareLow = (-square).addingProduct(x, x)
    return Double.exp(-0.5 * square) * Double.exp(-0.5 * squareLow)
        * (GaussianTailConstants.inverseSquareRootTwoPi * millsRatio(x))
}

/// log H(x) = log P(z > x) for z ~ N(0, 1), accurate to a few ulps in relative terms for all
/// finite x, including far beyond the underflow of H itself: logGaussianTail(1e3) ≈ −500007.82,
/// and log H(x) ≈ −H(−x) for very negative x (−6.2e−16 at x = −8; at x = −40 the true value
/// −3.7e−350 rounds to −0).
///
/// - x < 0: log1p(−H(−x)), which keeps the tiny deficit from 1.
/// - 0 ≤ x ≤ 5: log H(x) with ``gaussianTail(_:)``.
/// - x > 5: −x²/2 − ½ log 2π + log M(x), with the Mills ratio
///
///       M(x) = H(x)/φ(x) = 1/(x + 1/(x + 2/(x + 3/(x + …)))),
///
///   evaluated bottom-up with 32 levels, which is accurate to better than 1e−19 for x ≥ 5.
///
/// Source: Abramowitz & Stegun 26.2.14; the continued fraction is Laplace's.
public func logGaussianTail(_ x: Double) -> Double {
    if x < 0 {
        return Double.log(onePlus: -gaussianTail(-x))
    }
    guard x > GaussianTailConstants.continuedFractionThreshold else {
        return Double.log(gaussianTail(x))
    }
    return -0.5 * x * x - GaussianTailConstants.halfLogTwoPi + Double.log(millsRatio(x))
}

/// The Mills ratio M(x) = H(x)/φ(x) by Laplace's continued fraction, evaluated bottom-up; for
/// x ≥ 5 the 32-level truncation is below 1e−19 relative.
func millsRatio(_ x: Double) -> Double {
    var tail = x
    for level in stride(from: GaussianTailConstants.continuedFractionLevels, to: 0, by: -1) {
        tail = x + Double(level) / tail
    }
    return 1 / tail
}

/// Constants of ``gaussianTail(_:)`` and ``logGaussianTail(_:)``.
enum GaussianTailConstants {
    /// 1/√2 = high + low as a double-double.
    static let inverseSquareRootTwoHigh = 0x1.6a09e667f3bcdp-1
    static let inverseSquareRootTwoLow = -0x1.bdd3413b26456p-55
    /// 1/√π.
    static let inverseSquareRootPi = 0.5641895835477563
    /// 1/√(2π).
    static let inverseSquareRootTwoPi = 0.3989422804014327
    /// ½ log(2π).
    static let halfLogTwoPi = 0.9189385332046728
    /// Above this x the continued fraction replaces erfc.
    static let continuedFractionThreshold = 5.0
    /// Depth of the bottom-up continued fraction.
    static let continuedFractionLevels = 32
}
