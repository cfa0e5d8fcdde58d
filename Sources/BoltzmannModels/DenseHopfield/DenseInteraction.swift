import BoltzmannCore
import RealModule

/// The energy of a dense p-body Hopfield network as a function of its integer overlaps, and
/// the exact energy change of a single spin flip.
///
/// ## Energy
/// Every form (``DenseHopfieldForm``) depends on σ only through the overlaps S_μ = ξ^μ·σ:
///
///     H(σ) = −Σ_μ Φ(S_μ),
///
/// - Krotov: Φ(S) = N F(S/N); for F = x^p and max(x,0)^p, Φ(S) = φ(S)/N^{p−1} with the integer
///   φ(S) = S^p or max(S, 0)^p.
/// - Gardner: the sum over i1 < … < ip of Π ξ^μ_i σ_i is the elementary symmetric polynomial
///   e_p of the N values x_i = ξ^μ_i σ_i ∈ {±1}, a polynomial in S_μ by Newton's identities
///   (``ElementarySymmetric``), so Φ(S) = (p!/N^{p−1}) e_p(S; N) = φ(S)/N^{p−1} with the
///   integer φ(S) = p! e_p(S; N).
///
/// ## Flipping spin i (the local field, for every form)
/// Let s = σ_i and u_μ = S_μ − s ξ^μ_i, the *cavity overlap* without site i, which does not
/// depend on σ_i. Before the flip S_μ = u_μ + t_μ, after it S′_μ = u_μ − t_μ, with
/// t_μ = s ξ^μ_i = ±1. Hence Φ(S′) − Φ(S) = −t_μ [Φ(u_μ + 1) − Φ(u_μ − 1)] and
///
///     ΔE = s Σ_μ ξ^μ_i G(u_μ) = 2 σ_i h_i,   G(u) = Φ(u + 1) − Φ(u − 1),   h_i = ½ Σ_μ ξ^μ_i G(u_μ),
///
/// exact for any F. For the integer forms G(u) = g(u)/N^{p−1} with the integer
/// g(u) = φ(u + 1) − φ(u − 1), so ΔE = s Σ_μ ξ^μ_i g(u_μ) / N^{p−1} is an exact integer
/// divided once by N^{p−1}: this is how every kernel computes it, so kernels agree bit for bit.
/// Krotov x^p: g(u) = (u + 1)^p − (u − 1)^p (p = 2: 4u; p = 3: 6u² + 2; p = 4: 8u³ + 8u).
///
/// ## The Gardner local field for general p
/// Splitting the subsets by whether they contain i, e_p(x) = x_i e_{p−1}(x∖i) + e_p(x∖i), and
/// only the first term changes sign under the flip, so G(u) = 2 (p!/N^{p−1}) e_{p−1}(u; N − 1):
///
///     h_i = (p!/N^{p−1}) Σ_μ ξ^μ_i e_{p−1}(u_μ; N − 1),
///
/// p = 2: h_i = (2/N) Σ_μ ξ^μ_i u_μ;   p = 3: h_i = (3/N²) Σ_μ ξ^μ_i (u_μ² − (N − 1));
/// p = 4: h_i = (4/N³) Σ_μ ξ^μ_i (u_μ³ − (3N − 5) u_μ);   p = 5: (5/N⁴) Σ ξ (u⁴ − (6N − 14)u² + 3(N − 1)(N − 3)).
/// MODELS.md quotes 2Σξm, 3Σξ(m² − 1/N), 4Σξ(m³ − 3m/N): the same polynomials evaluated at the
/// full overlap m = S/N with N − 1 → N, i.e. the derivative of the multilinear energy. They
/// miss O(1/N) relative terms of the exact flip energy (for p = 2 the constant 4M/N = 2α of the
/// self-coupling); the exact cavity form above is what the code uses and what the tests check
/// against brute-force enumeration of the subsets.
///
/// ## Exactness
/// ``integerFlipTable()`` is `nil` when φ overflows `Int64` (Krotov x^p with N^p ≥ 2⁶³, e.g.
/// p = 7 at N = 1024) or for the exponential; kernels then use ``flipTable()`` in `Double`.
public struct DenseInteraction: Sendable, Hashable {
    /// The interaction order p ≥ 2.
    public let order: Int
    /// The Hamiltonian's form.
    public let form: DenseHopfieldForm
    /// Number of spins N.
    public let size: Int

    /// - Throws: `BoltzmannError` when p < 2, N < 1, or an exponential rate is not finite and
    ///   positive.
    public init(order p: Int, form: DenseHopfieldForm, size n: Int) throws(BoltzmannError) {
        try DenseLoad.validate(order: p, size: n)
        if case .krotov(.exponential(let rate)) = form {
            guard rate.isFinite, rate > 0 else {
                throw BoltzmannError("the exponential rate λ = \(rate) must be finite and positive",
                                     fix: "pass λ > 0 (λ = N gives Demircigil's exp(ξ·σ))", source: "rate")
            }
        }
        self.order = p
        self.form = form
        self.size = n
    }

    /// N^{p−1}, the common denominator of the integer forms (`Double`, exact below 2⁵³).
    public var denominator: Double {
        var d = 1.0
        for _ in 1..<order { d *= Double(size) }
        return d
    }

    /// True for the forms with integer numerators φ (all but the exponential).
    public var hasIntegerNumerators: Bool {
        if case .krotov(.exponential) = form { return false }
        return true
    }

    /// Φ(S), the energy −H contributed by one memory with overlap S (`Double`).
    /// - Precondition: |S| ≤ N, S ≡ N (mod 2).
    public func overlapEnergy(_ s: Int) -> Double {
        precondition(abs(s) <= size && (size - s) % 2 == 0, "DenseInteraction.overlapEnergy: S = \(s) impossible for N = \(size)")
        switch form {
        case .krotov(.exponential(let rate)):
            return Double(size) * Double.exp(rate * (Double(s) / Double(size) - 1))
        default:
            if let phi = integerNumerator(s) { return Double(phi) / denominator }
            return approximateNumerator(s) / denominator
        }
    }

    /// φ(S) for the integer forms (Φ = φ/N^{p−1}), or `nil` (exponential form, or overflow).
    /// - Precondition: |S| ≤ N, S ≡ N (mod 2).
    public func integerNumerator(_ s: Int) -> Int64? {
        switch form {
        case .gardner:
            guard let e = ElementarySymmetric.value(order: order, sum: s, count: size) else { return nil }
            var factorial: Int64 = 1
            for k in 1...order {
                let (f, o) = factorial.multipliedReportingOverflow(by: Int64(k))
                if o { return nil }
                factorial = f
            }
            let (phi, o) = e.multipliedReportingOverflow(by: factorial)
            return o ? nil : phi
        case .krotov(.power):
            return Self.power(Int64(s), order)
        case .krotov(.rectifiedPower):
            return Self.power(Int64(max(s, 0)), order)
        case .krotov(.exponential):
            return nil
        }
    }

    /// The integer flip function g(u) = φ(u + 1) − φ(u − 1) for u = −(N−1) … N−1, stored at
    /// index u + N − 1 (entries of the parity u ≢ N − 1 (mod 2), which never occur, are 0);
    /// `nil` when the form has no integer numerators or a value overflows `Int64`.
    /// The flip of σ_i = s changes the energy by s Σ_μ ξ^μ_i g(u_μ) / N^{p−1}.
    public func integerFlipTable() -> [Int64]? {
        guard hasIntegerNumerators else { return nil }
        let n = size
        var table = [Int64](repeating: 0, count: 2 * n - 1)
        for u in stride(from: -(n - 1), through: n - 1, by: 2) {
            guard let plus = integerNumerator(u + 1), let minus = integerNumerator(u - 1) else { return nil }
            let (g, o) = plus.subtractingReportingOverflow(minus)
            if o { return nil }
            table[u + n - 1] = g
        }
        return table
    }

    /// G(u) = Φ(u + 1) − Φ(u − 1) in `Double`, same indexing as ``integerFlipTable()``: the flip
    /// of σ_i = s changes the energy by s Σ_μ ξ^μ_i G(u_μ). Exact integer forms give g/N^{p−1}
    /// rounded once; otherwise computed without cancellation (Gardner: 2 p! e_{p−1}(u; N−1)/N^{p−1};
    /// exponential: 2N sinh(λ/N) e^{λ(u/N − 1)}).
    public func flipTable() -> [Double] {
        let n = size
        var table = [Double](repeating: 0, count: 2 * n - 1)
        let integer = integerFlipTable()
        for u in stride(from: -(n - 1), through: n - 1, by: 2) {
            let index = u + n - 1
            if let integer {
                table[index] = Double(integer[index]) / denominator
                continue
            }
            switch form {
            case .krotov(.exponential(let rate)):
                let x = Double(n)
                table[index] = 2 * x * Double.sinh(rate / x) * Double.exp(rate * (Double(u) / x - 1))
            case .gardner:
                var factorial = 1.0
                for k in 1...order { factorial *= Double(k) }
                table[index] = 2 * factorial * ElementarySymmetric.approximateValue(order: order - 1, sum: u, count: n - 1)
                    / denominator
            case .krotov(.power), .krotov(.rectifiedPower):
                let plus = approximateNumerator(u + 1)
                let minus = approximateNumerator(u - 1)
                table[index] = (plus - minus) / denominator
            }
        }
        return table
    }

    /// φ(S) in `Double` for the integer forms when the exact value overflows.
    func approximateNumerator(_ s: Int) -> Double {
        switch form {
        case .gardner:
            var factorial = 1.0
            for k in 1...order { factorial *= Double(k) }
            return factorial * ElementarySymmetric.approximateValue(order: order, sum: s, count: size)
        case .krotov(.power):
            return Double.pow(Double(s), order)
        case .krotov(.rectifiedPower):
            return Double.pow(Double(max(s, 0)), order)
        case .krotov(.exponential(let rate)):
            return Double(size) * Double.exp(rate * (Double(s) / Double(size) - 1)) * denominator
        }
    }

    /// x^k with overflow detection.
    static func power(_ x: Int64, _ k: Int) -> Int64? {
        var result: Int64 = 1
        for _ in 0..<k {
            let (r, o) = result.multipliedReportingOverflow(by: x)
            if o { return nil }
            result = r
        }
        return result
    }
}
