/// xⁿ for n ≥ 0 by repeated squaring (exact sign for negative x; 0⁰ = 1).
@inline(__always)
func integerPower(_ x: Double, _ n: Int) -> Double {
    var result = 1.0, base = x, e = n
    while e > 0 {
        if e & 1 == 1 { result *= base }
        base *= base
        e >>= 1
    }
    return result
}
