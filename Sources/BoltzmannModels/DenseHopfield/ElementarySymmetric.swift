/// Elementary symmetric polynomials of n values ±1, as functions of their sum.
///
/// For x₁…x_n ∈ {±1} the power sums are P_j = Σ_i x_i^j = S (j odd) or n (j even), with
/// S = Σ_i x_i. Newton's identities
///
///     k e_k = Σ_{j=1}^{k} (−1)^{j−1} e_{k−j} P_j,   e_0 = 1,
///
/// therefore make e_k(x) = Σ_{i1<…<ik} x_{i1}…x_{ik} a polynomial in S alone, e_k(S; n):
///
///     e_1 = S,   e_2 = (S² − n)/2,   e_3 = (S³ − (3n − 2) S)/6,
///     e_4 = (S⁴ − (6n − 8) S² + 3n(n − 2))/24, …
///
/// The values are integers (a sum of ±1 products), and the recursion produces them exactly:
/// each k e_k is an integer combination of earlier integers, and the division by k is exact.
/// Equivalently e_k(S; n) = Σ_j (−1)^{k−j} C(n₊, j) C(n − n₊, k − j) with n₊ = (n + S)/2 (a
/// Krawtchouk polynomial), which the tests use as an independent check.
///
/// Source: I. G. Macdonald, *Symmetric Functions and Hall Polynomials* (1995), §I.2 (Newton's
/// identities); the use for dense Hopfield energies follows E. Gardner, J. Phys. A 20, 3453 (1987).
public enum ElementarySymmetric {
    /// e_k(S; n) for n values ±1 with sum S, exactly, or `nil` when an intermediate value
    /// overflows `Int64` (|e_k| ≤ C(n, k), so this happens only for very large n and k).
    ///
    /// - Precondition: k ≥ 0, n ≥ 0, |S| ≤ n and S ≡ n (mod 2) (programmer errors otherwise).
    public static func value(order k: Int, sum s: Int, count n: Int) -> Int64? {
        precondition(k >= 0 && n >= 0 && abs(s) <= n && (n - s) % 2 == 0,
                     "ElementarySymmetric.value: need |S| ≤ n, S ≡ n mod 2 (k = \(k), S = \(s), n = \(n))")
        if k > n { return 0 }
        var e: [Int64] = [1]
        e.reserveCapacity(k + 1)
        let odd = Int64(s)
        let even = Int64(n)
        for order in stride(from: 1, through: k, by: 1) {
            var sum: Int64 = 0
            for j in 1...order {
                let power = j % 2 == 1 ? odd : even
                let (term, o1) = e[order - j].multipliedReportingOverflow(by: power)
                if o1 { return nil }
                let (next, o2) = j % 2 == 1 ? sum.addingReportingOverflow(term) : sum.subtractingReportingOverflow(term)
                if o2 { return nil }
                sum = next
            }
            precondition(sum % Int64(order) == 0, "Newton's identity: k e_k not divisible by k")
            e.append(sum / Int64(order))
        }
        return e[k]
    }

    /// e_k(S; n) in `Double` (by the same recursion; relative accuracy ~k·2⁻⁵³ times the
    /// cancellation, used only when the exact value overflows `Int64`).
    public static func approximateValue(order k: Int, sum s: Int, count n: Int) -> Double {
        precondition(k >= 0 && n >= 0 && abs(s) <= n, "ElementarySymmetric.approximateValue: need |S| ≤ n")
        if k > n { return 0 }
        var e: [Double] = [1]
        for order in stride(from: 1, through: k, by: 1) {
            var sum = 0.0
            for j in 1...order {
                let power = j % 2 == 1 ? Double(s) : Double(n)
                sum += (j % 2 == 1 ? 1 : -1) * e[order - j] * power
            }
            e.append(sum / Double(order))
        }
        return e[k]
    }
}
