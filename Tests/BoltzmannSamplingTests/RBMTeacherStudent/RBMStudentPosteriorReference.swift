import BoltzmannCore
import RealModule

/// Brute-force reference for the RBM student's posterior: log P(σ | ξ) by enumerating every
/// hidden state for the numerator and every visible and hidden state for Z(ξ),
///
///     P(σ | ξ) = Σ_τ exp((β/√N) σᵀξτ) / Σ_{σ′,τ} exp((β/√N) σ′ᵀξτ),
///
/// with none of the kernels' identities (cosh factorisation, tables, incremental updates).
enum RBMStudentPosteriorReference {
    static func exponent(_ sigma: [Double], _ weights: [Double], hidden t: Int, hiddenCount p: Int, beta: Double) -> Double {
        var sum = 0.0
        for i in sigma.indices {
            for mu in 0..<p { sum += sigma[i] * weights[i * p + mu] * ((t >> mu) & 1 == 1 ? 1 : -1) }
        }
        return beta / Double(sigma.count).squareRoot() * sum
    }

    /// Σ_a log P(σ^a | ξ) for examples M × N (row-major, ±1) and weights N × P.
    static func logLikelihood(examples: [Int8], size n: Int, weights: [Double], hiddenCount p: Int, beta: Double) -> Double {
        var logZTerms: [Double] = []
        for s in 0..<(1 << n) {
            let sigma = (0..<n).map { (s >> $0) & 1 == 1 ? 1.0 : -1.0 }
            for t in 0..<(1 << p) { logZTerms.append(exponent(sigma, weights, hidden: t, hiddenCount: p, beta: beta)) }
        }
        let logZ = logSumExp(logZTerms)
        var total = 0.0
        for a in 0..<(examples.count / n) {
            let sigma = (0..<n).map { Double(examples[a * n + $0]) }
            total += logSumExp((0..<(1 << p)).map { exponent(sigma, weights, hidden: $0, hiddenCount: p, beta: beta) }) - logZ
        }
        return total
    }

    static func logSumExp(_ values: [Double]) -> Double {
        let top = values.max()!
        return top + .log(values.reduce(0) { $0 + .exp($1 - top) })
    }
}
