import BoltzmannCore
import BoltzmannModels
import RealModule

/// Metropolis-adjusted Langevin dynamics (MALA) of an RBM student with Gaussian weights,
/// ξ ∈ R^{N×P} with prior N(0, 1) per weight, whose stationary law is exactly the posterior
/// (``RBMStudentChain``)
///
///     L(ξ) = log P(ξ | data) = Σ_a Σ_μ ln 2cosh(β h^a_μ) − M ln Z(ξ) − |ξ|²/2 + const,
///     h^a_μ = σ^a·ξ_μ/√N,   Z(ξ) = Σ_τ Π_i 2cosh(β x_i(τ)/√N),   x_i(τ) = Σ_μ ξ_{iμ}τ_μ.
///
/// Gradient:
///
///     ∂L/∂ξ_{iμ} = (β/√N) Σ_a σ^a_i tanh(β h^a_μ) − M (β/√N) Σ_τ p_ξ(τ) τ_μ tanh(β x_i(τ)/√N) − ξ_{iμ},
///
/// p_ξ(τ) ∝ Π_i 2cosh(β x_i(τ)/√N) (2^P hidden states). One step proposes
/// ξ' = ξ + (ε²/2)∇L(ξ) + ε η, η ~ N(0, I), and accepts with probability
/// min(1, exp[L(ξ') − L(ξ) + log q(ξ|ξ') − log q(ξ'|ξ)]), log q(y|x) = −|y − x − (ε²/2)∇L(x)|²/(2ε²):
/// the Langevin discretisation error is removed by the Metropolis test, so the chain samples
/// the posterior exactly for any step ε (Roberts & Tweedie, Bernoulli 2, 341 (1996)); ε only sets
/// the acceptance rate and the mixing speed (about 0.57 acceptance is optimal in high dimension,
/// Roberts & Rosenthal, J. R. Stat. Soc. B 60, 255 (1998)).
///
/// Cost per step: 2·M·N·P multiply–adds for h and the likelihood gradient, N·P·2^P for the
/// partition sum. The products are plain loops in a fixed order (not BLAS), so a chain's
/// trajectory is bit-identical whatever the number of threads the process runs.
public struct GaussianStudentChain: RBMStudentChain {
    /// The examples and the student's β and P.
    public let data: RBMStudentData
    /// Langevin step ε.
    public let stepSize: Double
    /// The weights ξ, site-major N × P.
    public private(set) var weights: [Double]
    /// L(ξ) at the current weights.
    public private(set) var currentLogPosterior: Double
    /// ∇L(ξ) at the current weights, site-major N × P.
    public private(set) var gradient: [Double]
    /// Scratch: unit-major weights and gradient (2 · N × P), the proposal, its gradient, the noise.
    var scratch: [Double]
    var proposal: [Double]
    var proposalGradient: [Double]
    var noise: [Double]

    /// A chain at the given weights (site-major N × P) with step size ε.
    ///
    /// - Precondition: N·P finite weights and ε > 0 (programmer errors otherwise).
    public init(data: RBMStudentData, weights: [Double], stepSize: Double) {
        let count = data.size * data.hiddenCount
        precondition(weights.count == count && weights.allSatisfy(\.isFinite), "GaussianStudentChain: N·P finite weights")
        precondition(stepSize > 0 && stepSize.isFinite, "GaussianStudentChain: step size must be positive")
        self.data = data
        self.stepSize = stepSize
        self.weights = weights
        gradient = [Double](repeating: 0, count: count)
        scratch = [Double](repeating: 0, count: 2 * count)
        proposal = weights
        proposalGradient = gradient
        noise = gradient
        currentLogPosterior = 0
        currentLogPosterior = Self.evaluate(data: data, weights: weights, scratch: &scratch, gradient: &gradient)
    }

    public var proposalsPerSweep: Int { 1 }

    public var weightValues: [Double] { weights }

    public func logPosterior() -> Double { currentLogPosterior }

    /// One MALA step; returns 1 if the proposal was accepted, 0 otherwise.
    public mutating func sweep(random: inout RandomStream) -> Int {
        let halfSquare = stepSize * stepSize / 2
        random.fillGaussian(&noise)
        for j in weights.indices {
            proposal[j] = weights[j] + halfSquare * gradient[j] + stepSize * noise[j]
        }
        let proposed = Self.evaluate(data: data, weights: proposal, scratch: &scratch, gradient: &proposalGradient)
        var forward = 0.0
        var backward = 0.0
        for j in weights.indices {
            forward += noise[j] * noise[j]
            let back = weights[j] - proposal[j] - halfSquare * proposalGradient[j]
            backward += back * back
        }
        let logRatio = proposed - currentLogPosterior - backward / (2 * stepSize * stepSize) + forward / 2
        guard logRatio >= 0 || random.uniform() < .exp(logRatio) else { return 0 }
        swap(&weights, &proposal)
        swap(&gradient, &proposalGradient)
        currentLogPosterior = proposed
        return 1
    }

    /// L(ξ) (including the prior's normalisation −(NP/2) ln 2π) and ∇L(ξ) into `gradient`.
    static func evaluate(data: RBMStudentData, weights: [Double], scratch: inout [Double], gradient: inout [Double]) -> Double {
        let n = data.size
        let p = data.hiddenCount
        let m = data.exampleCount
        let inverseRoot = 1 / Double(n).squareRoot()
        let beta = data.beta
        var value = 0.0
        for j in gradient.indices {
            gradient[j] = -weights[j]
            value -= weights[j] * weights[j] / 2
        }
        value -= Double(n * p) / 2 * .log(2 * .pi)
        // Unit-major copies, so that the inner loops over sites are contiguous (they vectorise).
        let count = n * p
        for i in 0..<n {
            for mu in 0..<p {
                scratch[mu * n + i] = weights[i * p + mu]
                scratch[count + mu * n + i] = 0
            }
        }
        data.examples.withUnsafeBufferPointer { x in
            scratch.withUnsafeMutableBufferPointer { buffer in
                let w = UnsafePointer(buffer.baseAddress!)
                let g = buffer.baseAddress! + count
                for a in 0..<m {
                    let row = x.baseAddress! + a * n
                    for mu in 0..<p {
                        let column = w + mu * n
                        var dot = 0.0
                        for i in 0..<n { dot += Double(row[i]) * column[i] }
                        let field = beta * inverseRoot * dot
                        value += log2Cosh(field)
                        let pull = beta * inverseRoot * Double.tanh(field)
                        let target = g + mu * n
                        for i in 0..<n { target[i] += Double(row[i]) * pull }
                    }
                }
            }
        }
        for i in 0..<n { for mu in 0..<p { gradient[i * p + mu] += scratch[count + mu * n + i] } }
        // − M ln Z(ξ) and its gradient, by enumerating the hidden states.
        let states = 1 << p
        func siteField(_ i: Int, _ state: Int) -> Double {
            var x = 0.0
            for mu in 0..<p { x += Double(RBMTeacher.hiddenSpin(state: state, unit: mu)) * weights[i * p + mu] }
            return x
        }
        var logWeights = [Double](repeating: 0, count: states)
        for i in 0..<n {
            for state in 0..<states { logWeights[state] += log2Cosh(beta * inverseRoot * siteField(i, state)) }
        }
        let logZ = RBMStudentPartition.logSumExp(logWeights)
        value -= Double(m) * logZ
        let probabilities = logWeights.map { Double.exp($0 - logZ) }
        let scale = Double(m) * beta * inverseRoot
        for i in 0..<n {
            for state in 0..<states {
                let pull = scale * probabilities[state] * .tanh(beta * inverseRoot * siteField(i, state))
                for mu in 0..<p { gradient[i * p + mu] -= Double(RBMTeacher.hiddenSpin(state: state, unit: mu)) * pull }
            }
        }
        return value
    }

    /// A default step ε = 2 / √(1 + αβ²) · (N P)^{−1/6}: the posterior's width per weight is
    /// about 1/√(1 + αβ²) (prior plus the likelihood's curvature), and MALA's optimal step
    /// shrinks as d^{−1/6} with the dimension d = N P (Roberts & Rosenthal 1998). The constant 2
    /// gives an acceptance of about 0.55 at N = 200, P = 1, α = 3, T = T* = 1 (measured).
    public static func defaultStepSize(size: Int, hiddenCount: Int, alpha: Double, beta: Double) -> Double {
        2 / (1 + alpha * beta * beta).squareRoot() * Double.pow(Double(size * hiddenCount), -1.0 / 6)
    }
}
