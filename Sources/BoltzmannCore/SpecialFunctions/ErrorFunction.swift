import RealModule

// These are generic over `Real` on purpose: the C library's non-generic `erf(Double)` and
// `erfc(Double)` (visible wherever Foundation is imported) then win overload resolution instead
// of colliding with these, so `erf(x)` compiles with or without Foundation and computes the same
// libm value either way. Write `BoltzmannCore.erf` to name these explicitly.

/// The error function erf x = (2/√π) ∫₀ˣ e^{−t²} dt, re-exposed from swift-numerics
/// (`T.erf`, the platform libm; within a few ulps).
@inlinable
public func erf<T: Real>(_ x: T) -> T {
    T.erf(x)
}

/// The complementary error function erfc x = 1 − erf x, computed directly so that it keeps
/// relative accuracy in the tail until it underflows past x ≈ 26.5 (swift-numerics `T.erfc`).
/// For the Gaussian tail use ``gaussianTail(_:)``, which also avoids the rounding of x/√2.
@inlinable
public func erfc<T: Real>(_ x: T) -> T {
    T.erfc(x)
}

/// log Γ(x) = log |Γ(x)|, from swift-numerics `T.logGamma` (for Double finite up to
/// x ≈ 2.5e305; +∞ at the poles x = 0, −1, −2, …).
@inlinable
public func logGamma<T: Real>(_ x: T) -> T {
    T.logGamma(x)
}
