/// eˣ for a `Float` by range reduction and a polynomial, written branch-free so that the layer
/// loops that call it (the RBM layers' sigmoids and tanhs, the training kernels) are auto-vectorised.
///
/// Method (Cody–Waite reduction, as in Cephes `expf`): n = round(x/ln 2) by the 1.5·2²³ trick,
/// r = x − n·ln 2 with ln 2 split into an exact head 355/512 and a tail, so |r| ≤ ln 2/2;
/// then eʳ ≈ 1 + r + r²·P(r) with P of degree 4 (a least-squares fit on Chebyshev nodes of
/// (eʳ − 1 − r)/r², coefficients computed with numpy for this file), and 2ⁿ is built in the
/// exponent bits.
///
/// Accuracy: relative error below 3·10⁻⁷ (about 2 ulp) for x in [−87.3, 88.3]; the tests compare
/// with Foundation's `exp` on a dense grid. Outside that range the input is clamped: x > 88.3
/// gives e^{88.3} ≈ 2.2·10³⁸ (finite, so 1 + eˣ never overflows to infinity) and x < −87.3
/// gives e^{−87.3} ≈ 1.2·10⁻³⁸ (the smallest normal Float is 1.18·10⁻³⁸). Those saturated values
/// only enter sigmoids, where they are indistinguishable from 0 and 1 at Float precision. NaN
/// input gives an unspecified value.
@inlinable @inline(__always)
public func fastExp(_ x: Float) -> Float {
    var clamped = x < -87.3 ? -87.3 : x
    clamped = clamped > 88.3 ? 88.3 : clamped
    // t = x·log₂e + 1.5·2²³ rounds x·log₂e to the nearest integer in t's low mantissa bits.
    let shifter: Float = 12_582_912
    let t = clamped * 1.442_695_04 + shifter
    let n = t - shifter
    let r = clamped - n * 0.693_359_375 - n * -2.121_944_4e-4
    var p: Float = 1.393_364_4e-3
    p = p * r + 8.363_175e-3
    p = p * r + 4.166_646_7e-2
    p = p * r + 0.166_665_76
    p = p * r + 0.5
    let expR = 1 + r + r * r * p
    // 2ⁿ: the integer n sits in t's bit pattern offset by the shifter's; (n + 127) << 23 is 2ⁿ.
    let integerN = Int32(bitPattern: t.bitPattern) &- Int32(bitPattern: shifter.bitPattern)
    let scale = Float(bitPattern: UInt32(bitPattern: (integerN &+ 127) &<< 23))
    return expR * scale
}
