/// eˣ on eight lanes at once, the inner kernel of ``GaussianTanhIntegrator`` (which needs
/// ~140 exponentials per Gaussian average).
///
/// Method (Cody–Waite): n = round(x/ln 2) (by adding and subtracting 1.5·2⁵², whose sum also
/// carries n in its low bits), r = x − n ln 2 with ln 2 split into a 32-bit-exact
/// high part and a low correction, so |r| ≤ ln 2/2 ≈ 0.347 and r carries no rounding from the
/// reduction; then e^r by its Taylor polynomial of degree 13 in Horner form (truncation
/// 0.347¹⁴/14! ≈ 4e−18 relative), and 2ⁿ by building the exponent bits. Measured error ≤ 2 ulp
/// against the platform's `exp` on [−708, 709] (tests). x < −708 returns 0 (the true value is
/// below 3.3e−308; the callers need absolute accuracy only), x > 709 is clamped to e^709.
/// NaN lanes propagate.
///
/// Source: W. J. Cody, W. Waite, "Software Manual for the Elementary Functions" (Prentice-Hall,
/// 1980), ch. 6.
@inline(__always)
public func vectorExponential(_ x: SIMD8<Double>) -> SIMD8<Double> {
    let low = SIMD8<Double>(repeating: -708), high = SIMD8<Double>(repeating: 709)
    var clamped = x
    clamped.replace(with: low, where: x .< low)
    clamped.replace(with: high, where: x .> high)
    clamped.replace(with: 0, where: x .!= x)
    // Round x/ln 2 to an integer with the 1.5·2⁵² trick: the sum's low mantissa bits hold n.
    let magic = SIMD8<Double>(repeating: 6_755_399_441_055_744)
    let shifted = clamped * 1.442_695_040_888_963_4 + magic
    let n = shifted - magic
    // ln 2 = 0x1.62e42fefa39efp-1; high part with 32 significant bits, so n·high is exact.
    let r = (clamped - n * 0x1.62e42fee00000p-1) - n * 0x1.a39ef35793c76p-33
    var p = SIMD8<Double>(repeating: 1.0 / 6_227_020_800)  // 1/13!
    p = p * r + 1.0 / 479_001_600  // 1/12!
    p = p * r + 1.0 / 39_916_800
    p = p * r + 1.0 / 3_628_800
    p = p * r + 1.0 / 362_880
    p = p * r + 1.0 / 40_320
    p = p * r + 1.0 / 5_040
    p = p * r + 1.0 / 720
    p = p * r + 1.0 / 120
    p = p * r + 1.0 / 24
    p = p * r + 1.0 / 6
    p = p * r + 0.5
    p = p * r + 1
    p = p * r + 1
    let integerN = unsafeBitCast(shifted, to: SIMD8<Int64>.self)
        &- unsafeBitCast(magic, to: SIMD8<Int64>.self)
    let exponentBits = (integerN &+ 1023) &<< 52
    var result = p * unsafeBitCast(exponentBits, to: SIMD8<Double>.self)
    result.replace(with: 0, where: x .< low)
    result.replace(with: x, where: x .!= x)
    return result
}
