import RealModule

/// softplus(x) = log(1 + eˣ) = max(x, 0) + log1p(e^{−|x|}), accurate to a few ulps for every
/// finite x: it equals x + e^{−x} to double precision for large x (no overflow at x = 1e3) and
/// eˣ for very negative x (so softplus(−700) ≈ 9.86e−305, not 0). NaN gives NaN.
@inlinable
public func softplus(_ x: Double) -> Double {
    max(x, 0) + Double.log(onePlus: Double.exp(-abs(x)))
}

/// log σ(x) = −log(1 + e^{−x}) = −softplus(−x), the log of the logistic sigmoid, accurate to a
/// few ulps for every finite x (≈ x for very negative x, ≈ −e^{−x} for large x).
@inlinable
public func logSigmoid(_ x: Double) -> Double {
    -softplus(-x)
}
