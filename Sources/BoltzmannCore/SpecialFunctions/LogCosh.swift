import RealModule

/// log cosh x, accurate to a few ulps in relative terms for every finite x.
///
/// For |x| < 1 it uses cosh x = 1 + 2 sinh²(x/2), i.e. log1p(2 sinh²(x/2)), which keeps full
/// relative accuracy as the value falls like x²/2 (so logCosh(1e−10) = 5e−21, not 0). For
/// |x| ≥ 1 it uses |x| + log1p(e^{−2|x|}) − log 2, which never overflows
/// (logCosh(1e3) = 1e3 − log 2). Even in x; NaN gives NaN.
@inlinable
public func logCosh(_ x: Double) -> Double {
    let a = abs(x)
    if a < 1 {
        let s = Double.sinh(0.5 * a)
        return Double.log(onePlus: 2 * s * s)
    }
    return a + Double.log(onePlus: Double.exp(-2 * a)) - 0.693_147_180_559_945_3
}

/// log(2 cosh x) = log(e^x + e^{−x}) = |x| + log1p(e^{−2|x|}), accurate to a few ulps and
/// free of overflow for every finite x (log2Cosh(0) = log 2). This is the single-spin free
/// entropy: Σ_{σ=±1} e^{σx} = 2 cosh x. Even in x; NaN gives NaN.
@inlinable
public func log2Cosh(_ x: Double) -> Double {
    let a = abs(x)
    return a + Double.log(onePlus: Double.exp(-2 * a))
}
