import RealModule

/// The n-point Gauss–Hermite rule for the standard normal measure ("probabilists'" rule):
///
///     E_z f(z) = ∫ f(z) e^{−z²/2} dz / √(2π) ≈ Σᵢ wᵢ f(zᵢ),   Σᵢ wᵢ = 1.
///
/// The rule is exact for polynomials of degree ≤ 2n − 1; for z^{2n} it returns (2n−1)!! − n!.
/// For an integrand analytic only in a strip |Im z| < d the error falls roughly like e^{−d√(2n)},
/// slowly: E_z tanh(a z + b) (poles at Im z = π/(2a)) is within 1e−12 at n = 40 for a = ½,
/// n = 100 for a = 1 and n = 400 for a = 2 (measured). For steep integrands — tanh(βh) at low
/// temperature — rescale the variable or use ``AdaptiveQuadrature``.
///
/// Construction (Golub–Welsch): the nodes are the zeros of the probabilists' Hermite polynomial
/// He_n, i.e. the eigenvalues of the Jacobi matrix with zero diagonal and off-diagonal √k
/// (k = 1 … n−1). They are polished by Newton's method on the three-term recurrence of the
/// orthonormal polynomials p_{k+1} = (x p_k − √k p_{k−1}) / √(k+1), and the weights come from
/// the Christoffel–Darboux identity
///
///     1/wᵢ = Σ_{k<n} p_k(zᵢ)² = √n p_n′(zᵢ) p_{n−1}(zᵢ),
///
/// evaluated with a running power-of-two rescaling so that nothing overflows. This keeps every
/// weight, including the ones near the underflow limit at the outer nodes, to a few ulps in
/// relative terms, which the squared eigenvector components of textbook Golub–Welsch cannot
/// (their error is ε absolute). Nodes and weights are made exactly symmetric (zᵢ = −z_{n−1−i},
/// and z = 0 exactly for odd n) and the weights are normalised to sum to 1. Nodes are accurate
/// to a few ulps of max(1, |z|); a weight inherits the conditioning w ∝ e^{−z²/2}, so its
/// relative error is about ε z² (7e−14 for the outermost weight at n = 100). The outermost
/// weights become subnormal from n ≈ 370 and 0 beyond. Tested to n = 400.
///
/// Rules are cached per order: after the first construction of an order, `GaussHermite(order:)`
/// is a lock and a dictionary lookup, safe to call from many threads. ``expectation(_:)`` does
/// not allocate.
///
/// Sources: G. H. Golub and J. H. Welsch, Math. Comp. 23 (1969) 221–230; W. Gautschi,
/// "Orthogonal Polynomials: Computation and Approximation" (Oxford, 2004), §3.1.1.
public struct GaussHermite: Sendable {
    /// The nodes zᵢ in ascending order.
    public let nodes: [Double]
    /// The weights wᵢ, summing to 1.
    public let weights: [Double]

    /// The rule with `order` nodes (order ≥ 1).
    public init(order: Int) {
        precondition(order >= 1, "GaussHermite needs order ≥ 1, got \(order)")
        let rule = GaussHermite.cache.rule(order: order)
        nodes = rule.nodes
        weights = rule.weights
    }

    /// The number of nodes n.
    @inlinable public var order: Int { nodes.count }

    /// E_z f(z) for z ~ N(0, 1), as Σᵢ wᵢ f(zᵢ). Expectations nest: the inner call of
    /// `outer.expectation { z in log(inner.expectation { x in g(z, x) }) }` does not allocate.
    @inlinable
    public func expectation(_ f: (Double) -> Double) -> Double {
        nodes.withUnsafeBufferPointer { z in
            weights.withUnsafeBufferPointer { w in
                var sum = 0.0
                for i in 0..<z.count {
                    sum += w[i] * f(z[i])
                }
                return sum
            }
        }
    }

    /// E f(z₁, z₂) for two independent standard normals, on the n×n product grid
    /// (exact for polynomials of degree ≤ 2n − 1 in each variable). For correlated normals with
    /// correlation ρ, substitute (z₁, ρ z₁ + √(1−ρ²) z₂).
    @inlinable
    public func expectation2D(_ f: (Double, Double) -> Double) -> Double {
        nodes.withUnsafeBufferPointer { z in
            weights.withUnsafeBufferPointer { w in
                var sum = 0.0
                for i in 0..<z.count {
                    var inner = 0.0
                    for j in 0..<z.count {
                        inner += w[j] * f(z[i], z[j])
                    }
                    sum += w[i] * inner
                }
                return sum
            }
        }
    }

    private static let cache = QuadratureRuleCache(compute: computeRule)

    /// Nodes and weights of the n-point rule, from the positive half mirrored.
    private static func computeRule(order n: Int) -> QuadratureRuleCache.Rule {
        let guesses = GolubWelsch.eigenvalues(order: n) { Double($0).squareRoot() }
        let squareRoots = (0...n).map { Double($0).squareRoot() }
        var nodes = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        for i in (n / 2)..<n {
            let isCentre = n % 2 == 1 && i == n / 2
            var x = isCentre ? 0 : guesses[i]
            if !isCentre {
                for _ in 0..<8 {
                    let p = orthonormalHermite(order: n, at: x, squareRoots: squareRoots)
                    let step = p.value / p.derivative
                    x -= step
                    if abs(step) <= 2 * x.ulp { break }
                }
            }
            let p = orthonormalHermite(order: n, at: x, squareRoots: squareRoots)
            let logWeight = -2 * p.logScale - 0.5 * Double.log(Double(n))
                - Double.log(abs(p.derivative * p.previous))
            nodes[i] = x
            nodes[n - 1 - i] = -x
            weights[i] = Double.exp(logWeight)
            weights[n - 1 - i] = weights[i]
        }
        let total = weights.reduce(0, +)
        for i in 0..<n { weights[i] /= total }
        return QuadratureRuleCache.Rule(nodes: nodes, weights: weights)
    }

    /// p_n(x), p_n′(x) and p_{n−1}(x) of the orthonormal probabilists' Hermite polynomials, each
    /// stored divided by e^{logScale} (the rescaling keeps them below 2^500).
    private static func orthonormalHermite(order n: Int, at x: Double, squareRoots: [Double])
        -> (value: Double, derivative: Double, previous: Double, logScale: Double)
    {
        let limit = 0x1p500
        var previous = 0.0, value = 1.0
        var previousDerivative = 0.0, derivative = 0.0
        var logScale = 0.0
        for k in 0..<n {
            let nextValue = (x * value - squareRoots[k] * previous) / squareRoots[k + 1]
            let nextDerivative =
                (value + x * derivative - squareRoots[k] * previousDerivative) / squareRoots[k + 1]
            previous = value
            value = nextValue
            previousDerivative = derivative
            derivative = nextDerivative
            if abs(value) > limit || abs(derivative) > limit {
                previous *= 0x1p-500
                value *= 0x1p-500
                previousDerivative *= 0x1p-500
                derivative *= 0x1p-500
                logScale += 500 * Double.log(2)
            }
        }
        return (value, derivative, previous, logScale)
    }
}
