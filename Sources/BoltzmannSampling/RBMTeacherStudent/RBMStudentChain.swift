import BoltzmannCore
import BoltzmannModels
import RealModule

/// A Markov chain whose stationary law is the posterior of an RBM student's weights,
///
///     P(ξ | {σ^a}) ∝ P₀(ξ) Π_a P(σ^a | ξ),   P(σ | ξ) = Π_μ 2cosh(β σ·ξ_μ/√N) / Z(ξ),
///     Z(ξ) = Σ_τ Π_i 2cosh(β Σ_μ ξ_{iμ} τ_μ/√N)   (2^P hidden states τ),
///
/// (arXiv 2410.16150, MODELS.md §3). ``BinaryStudentChain`` (uniform prior on ±1 weights,
/// Metropolis single flips) and ``GaussianStudentChain`` (N(0, 1) prior, Metropolis-adjusted
/// Langevin) are the two kinds the simulation runs.
public protocol RBMStudentChain: Sendable {
    /// One sweep of the chain (N·P single-weight proposals, or one Langevin step that moves all
    /// N·P weights); returns the number of accepted proposals.
    mutating func sweep(random: inout RandomStream) -> Int
    /// Proposals made by one sweep.
    var proposalsPerSweep: Int { get }
    /// The current weights, site-major N × P (`[i * P + μ]`).
    var weightValues: [Double] { get }
    /// log P₀(ξ) + Σ_a log P(σ^a | ξ) for the current weights (normalised densities, so two
    /// chains' values differ by the log posterior ratio).
    func logPosterior() -> Double
}

/// Plain evaluation of the student's partition function, shared by the kernels' set-up and checks.
enum RBMStudentPartition {
    /// The fields x_i(τ) = Σ_μ ξ_{iμ} τ_μ are summed into S(τ) = Σ_i ln 2cosh(β x_i(τ)/√N);
    /// returns S for every hidden state (bit μ of the state set ↔ τ_μ = +1). O(N·P·2^P).
    static func logWeights(weights: [Double], size: Int, hiddenCount: Int, beta: Double) -> [Double] {
        let scale = beta / Double(size).squareRoot()
        return (0..<(1 << hiddenCount)).map { state in
            var sum = 0.0
            for i in 0..<size {
                var x = 0.0
                for mu in 0..<hiddenCount {
                    x += Double(RBMTeacher.hiddenSpin(state: state, unit: mu)) * weights[i * hiddenCount + mu]
                }
                sum += log2Cosh(scale * x)
            }
            return sum
        }
    }

    /// ln Σ_t exp(s_t), shifted by the maximum so nothing overflows.
    static func logSumExp(_ values: [Double]) -> Double {
        let top = values.max()!
        return top + .log(values.reduce(0) { $0 + .exp($1 - top) })
    }
}
