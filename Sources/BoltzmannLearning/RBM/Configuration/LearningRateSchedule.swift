import BoltzmannCore

/// The learning rate η_e of epoch e (counted from 0), constant within an epoch.
///
/// - `constant(η)`: η_e = η.
/// - `linearDecay(initial: η₀, final: η₁)`: η_e = η₀ + (η₁ − η₀)·e/(E − 1) over the E planned
///   epochs of the configuration (η₀ at the first epoch, η₁ at the last; η₁ after that).
/// - `exponentialDecay(initial: η₀, factor: γ)`: η_e = η₀·γᵉ, 0 < γ ≤ 1.
///
/// The rate multiplies the batch-mean gradient (as scikit-learn's `learning_rate / batch_size`
/// times the batch sum). Depending only on e keeps an interrupted and resumed run identical to
/// an uninterrupted one.
public enum LearningRateSchedule: Sendable, Codable, Equatable {
    case constant(Float)
    case linearDecay(initial: Float, final: Float)
    case exponentialDecay(initial: Float, factor: Float)

    /// η for epoch `epoch` (from 0) of `epochs` planned.
    public func rate(epoch: Int, epochs: Int) -> Float {
        switch self {
        case .constant(let rate):
            return rate
        case .linearDecay(let initial, let final):
            guard epochs > 1 else { return initial }
            let fraction = Float(Swift.min(epoch, epochs - 1)) / Float(epochs - 1)
            return initial + (final - initial) * fraction
        case .exponentialDecay(let initial, let factor):
            return initial * Float.pow(factor, Float(epoch))
        }
    }

    /// Throws `BoltzmannError` for a non-positive or non-finite rate, or a decay factor outside (0, 1].
    public func validate() throws(BoltzmannError) {
        func check(_ rate: Float, _ name: String, allowZero: Bool = false) throws(BoltzmannError) {
            guard rate.isFinite, rate > 0 || (allowZero && rate == 0) else {
                throw BoltzmannError(
                    "the \(name) learning rate is \(rate), but it must be a finite number \(allowZero ? "≥ 0" : "> 0")",
                    fix: "give a learning rate such as 0.01", source: "learningRate")
            }
        }
        switch self {
        case .constant(let rate):
            try check(rate, "constant")
        case .linearDecay(let initial, let final):
            try check(initial, "initial")
            try check(final, "final", allowZero: true)
        case .exponentialDecay(let initial, let factor):
            try check(initial, "initial")
            guard factor.isFinite, factor > 0, factor <= 1 else {
                throw BoltzmannError(
                    "the exponential decay factor is \(factor), but it must lie in (0, 1]",
                    fix: "give a factor such as 0.98 (1 keeps the rate constant)", source: "learningRate")
            }
        }
    }
}
