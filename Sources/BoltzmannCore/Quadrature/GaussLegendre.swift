import RealModule

/// The n-point Gauss–Legendre rule on [−1, 1], mapped affinely onto any finite interval:
///
///     ∫_a^b f(x) dx ≈ (b−a)/2 Σᵢ wᵢ f((a+b)/2 + (b−a)/2 · xᵢ),   Σᵢ wᵢ = 2,
///
/// exact for polynomials of degree ≤ 2n − 1.
///
/// Construction (Golub–Welsch): the nodes are the eigenvalues of the Legendre Jacobi matrix
/// (zero diagonal, off-diagonal k/√(4k²−1)), polished by Newton's method on the recurrence
/// (k+1) P_{k+1} = (2k+1) x P_k − k P_{k−1}; the weights are wᵢ = 2 / ((1 − xᵢ²) P_n′(xᵢ)²)
/// with P_n′(x) = n (x P_n − P_{n−1}) / (x² − 1). Nodes and weights are exactly symmetric and
/// accurate to a few ulps. Rules are cached per order (thread-safe).
///
/// Sources: G. H. Golub and J. H. Welsch, Math. Comp. 23 (1969) 221–230; Abramowitz & Stegun
/// 25.4.29.
public struct GaussLegendre: Sendable {
    /// The nodes xᵢ in (−1, 1), ascending.
    public let nodes: [Double]
    /// The weights wᵢ on [−1, 1], summing to 2.
    public let weights: [Double]

    /// The rule with `order` nodes (order ≥ 1).
    public init(order: Int) {
        precondition(order >= 1, "GaussLegendre needs order ≥ 1, got \(order)")
        let rule = GaussLegendre.cache.rule(order: order)
        nodes = rule.nodes
        weights = rule.weights
    }

    /// The number of nodes n.
    @inlinable public var order: Int { nodes.count }

    /// ∫ f(x) dx over `range` by the n-point rule (0 for an empty-width range).
    @inlinable
    public func integrate(_ f: (Double) -> Double, over range: ClosedRange<Double>) -> Double {
        let centre = 0.5 * (range.lowerBound + range.upperBound)
        let halfWidth = 0.5 * (range.upperBound - range.lowerBound)
        return nodes.withUnsafeBufferPointer { x in
            weights.withUnsafeBufferPointer { w in
                var sum = 0.0
                for i in 0..<x.count {
                    sum += w[i] * f(centre + halfWidth * x[i])
                }
                return halfWidth * sum
            }
        }
    }

    private static let cache = QuadratureRuleCache(compute: computeRule)

    /// Nodes and weights of the n-point rule, from the positive half mirrored.
    private static func computeRule(order n: Int) -> QuadratureRuleCache.Rule {
        let guesses = GolubWelsch.eigenvalues(order: n) { k in
            let k = Double(k)
            return k / (4 * k * k - 1).squareRoot()
        }
        var nodes = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        for i in (n / 2)..<n {
            let isCentre = n % 2 == 1 && i == n / 2
            var x = isCentre ? 0 : guesses[i]
            if !isCentre {
                for _ in 0..<8 {
                    let p = legendre(order: n, at: x)
                    let step = p.value / p.derivative
                    x -= step
                    if abs(step) <= 2 * x.ulp { break }
                }
            }
            let derivative = legendre(order: n, at: x).derivative
            nodes[i] = x
            nodes[n - 1 - i] = -x
            weights[i] = 2 / ((1 - x) * (1 + x) * derivative * derivative)
            weights[n - 1 - i] = weights[i]
        }
        return QuadratureRuleCache.Rule(nodes: nodes, weights: weights)
    }

    /// P_n(x) and P_n′(x) for |x| < 1.
    private static func legendre(order n: Int, at x: Double)
        -> (value: Double, derivative: Double)
    {
        var previous = 0.0, value = 1.0
        for k in 0..<n {
            let k = Double(k)
            let next = ((2 * k + 1) * x * value - k * previous) / (k + 1)
            previous = value
            value = next
        }
        let derivative = Double(n) * (x * value - previous) / ((x - 1) * (x + 1))
        return (value, derivative)
    }
}
