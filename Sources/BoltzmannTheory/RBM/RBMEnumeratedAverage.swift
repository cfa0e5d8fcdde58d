import BoltzmannCore
import RealModule

/// The tensor-product Gauss–Hermite rule for E f(z), z ~ N(0, I_d): n^d nodes, each with the
/// product of the one-dimensional weights. Exact for polynomials of degree ≤ 2n − 1 in each
/// variable; for the tanh-like integrands of the RBM theory the error is that of the 1-D rule
/// at the largest spread (see ``GaussHermite``).
struct RBMProductGrid: Sendable {
    let dimension: Int
    /// Node k is nodes[k·d ..< (k+1)·d].
    let nodes: [Double]
    let weights: [Double]

    init(dimension d: Int, order n: Int) {
        precondition(d >= 1 && n >= 1)
        let rule = GaussHermite(order: n)
        var count = 1
        for _ in 0..<d { count *= n }
        var nodes = [Double](repeating: 0, count: count * d)
        var weights = [Double](repeating: 1, count: count)
        for k in 0..<count {
            var rest = k
            for axis in 0..<d {
                let i = rest % n
                rest /= n
                nodes[k * d + axis] = rule.nodes[i]
                weights[k] *= rule.weights[i]
            }
        }
        self.dimension = d
        self.nodes = nodes
        self.weights = weights
    }

    var count: Int { weights.count }
}

/// The averages both sides of the general RBM theory are made of (``RBMGeneralEquations``):
/// for an outer spin vector x ∈ {±1}^K drawn with probabilities p(x), a Gaussian z ~ N(0, I_P)
/// and inner spins y ∈ {±1}^P enumerated exactly under the measure
///
///     ⟨·⟩ ∝ exp(hᵀy + yᵀ J y),   h = Bᵀx + R z,
///
/// (B: K × P, R: P × P, J: P × P symmetric), it returns
///
///     E x⟨y⟩ᵀ (K × P),   E ⟨y⟩⟨y⟩ᵀ (P × P),   E ⟨yyᵀ⟩ (P × P),   E ln (2^{−P} Σ_y e^{hᵀy + yᵀJy}),
///
/// E over x and z (product Gauss–Hermite, ``RBMProductGrid``). Cost: 2^K · n^P · 2^P · P
/// exponentials and multiply–adds; the log-sum-exp is taken relative to the largest exponent.
struct RBMEnumeratedAverage: Sendable {
    let outerUnits: Int
    let innerUnits: Int
    let outerProbabilities: [Double]
    let grid: RBMProductGrid

    struct Result {
        var crossMoment: [Double]
        var meanProduct: [Double]
        var secondMoment: [Double]
        var logPartition: Double
    }

    func evaluate(bias b: [Double], mixing r: [Double], coupling j: [Double]) -> Result {
        let k = outerUnits, p = innerUnits
        let innerCount = 1 << p
        // yᵀJy for every inner state, and the inner spins as a table.
        var quadratic = [Double](repeating: 0, count: innerCount)
        var spins = [Double](repeating: 0, count: innerCount * p)
        for state in 0..<innerCount {
            for mu in 0..<p { spins[state * p + mu] = RBMTeacherHiddenPrior.spin(state, mu) }
            var sum = 0.0
            for mu in 0..<p {
                for nu in 0..<p { sum += spins[state * p + mu] * j[mu * p + nu] * spins[state * p + nu] }
            }
            quadratic[state] = sum
        }
        var cross = [Double](repeating: 0, count: k * p)
        var meanProduct = [Double](repeating: 0, count: p * p)
        var second = [Double](repeating: 0, count: p * p)
        var logPartition = 0.0
        var field = [Double](repeating: 0, count: p)
        var outerBias = [Double](repeating: 0, count: p)
        var exponents = [Double](repeating: 0, count: innerCount)
        var mean = [Double](repeating: 0, count: p)
        var localSecond = [Double](repeating: 0, count: p * p)
        let logInnerCount = Double(p) * 0.693_147_180_559_945_3
        for outer in 0..<(1 << k) {
            let probability = outerProbabilities[outer]
            if probability == 0 { continue }
            for nu in 0..<p {
                var sum = 0.0
                for mu in 0..<k { sum += RBMTeacherHiddenPrior.spin(outer, mu) * b[mu * p + nu] }
                outerBias[nu] = sum
            }
            for node in 0..<grid.count {
                let weight = probability * grid.weights[node]
                for mu in 0..<p {
                    var sum = outerBias[mu]
                    for nu in 0..<p { sum += r[mu * p + nu] * grid.nodes[node * p + nu] }
                    field[mu] = sum
                }
                var top = -Double.infinity
                for state in 0..<innerCount {
                    var e = quadratic[state]
                    for mu in 0..<p { e += field[mu] * spins[state * p + mu] }
                    exponents[state] = e
                    top = max(top, e)
                }
                var total = 0.0
                for mu in 0..<p { mean[mu] = 0 }
                for i in 0..<(p * p) { localSecond[i] = 0 }
                for state in 0..<innerCount {
                    let w = Double.exp(exponents[state] - top)
                    total += w
                    for mu in 0..<p {
                        let a = w * spins[state * p + mu]
                        mean[mu] += a
                        for nu in (mu + 1)..<p { localSecond[mu * p + nu] += a * spins[state * p + nu] }
                    }
                }
                let inverse = 1 / total
                logPartition += weight * (top + Double.log(total) - logInnerCount)
                for mu in 0..<p { mean[mu] *= inverse }
                for mu in 0..<p {
                    for nu in 0..<k { cross[nu * p + mu] += weight * RBMTeacherHiddenPrior.spin(outer, nu) * mean[mu] }
                    second[mu * p + mu] += weight
                    meanProduct[mu * p + mu] += weight * mean[mu] * mean[mu]
                    for nu in (mu + 1)..<p {
                        let c = weight * localSecond[mu * p + nu] * inverse
                        second[mu * p + nu] += c
                        second[nu * p + mu] += c
                        let d = weight * mean[mu] * mean[nu]
                        meanProduct[mu * p + nu] += d
                        meanProduct[nu * p + mu] += d
                    }
                }
            }
        }
        return Result(crossMoment: cross, meanProduct: meanProduct, secondMoment: second, logPartition: logPartition)
    }
}
