import BoltzmannCore
import RealModule

/// Real units x ∈ ℝ with energy E(x) = Σ_i (γ_i x_i²/2 − θ_i x_i), precision γ_i > 0.
///
/// Per unit, given the input I, x | I ~ N((θ + I)/γ, 1/γ), and
/// Γ(I) = log ∫ exp(−γx²/2 + (θ + I)x) dx = (θ + I)²/(2γ) + ½ log(2π/γ).
///
/// Sampling draws one standard normal z per unit (`RandomStream.fillGaussian`, Ziggurat) and
/// sets x = (θ + I)/γ + z/√γ. Γ is evaluated in Double.
public struct GaussianLayer: RBMLayer {
    /// The linear coefficients θ, one per unit.
    public var bias: [Float]
    /// The precisions γ > 0, one per unit; 1/γ is the conditional variance.
    public var precision: [Float] {
        didSet { updateDerived() }
    }
    /// 1/γ per unit (kept in step with `precision`).
    private var variance: [Float] = []
    /// 1/√γ per unit (kept in step with `precision`).
    private var standardDeviation: [Float] = []

    /// A layer with the given coefficients and precisions (same length, every γ > 0; use
    /// ``makeRBMLayer(kind:count:parameters:)`` to check values that come from outside).
    public init(bias: [Float], precision: [Float]) {
        precondition(bias.count == precision.count, "GaussianLayer: \(bias.count) biases but \(precision.count) precisions")
        precondition(precision.allSatisfy { $0 > 0 }, "GaussianLayer: precisions must be positive")
        self.bias = bias
        self.precision = precision
        updateDerived()
    }

    /// A layer of `count` units with θ = 0 and γ = 1 (standard normal units when uncoupled).
    public init(count: Int) {
        precondition(count >= 0, "GaussianLayer: negative unit count \(count)")
        self.init(bias: [Float](repeating: 0, count: count), precision: [Float](repeating: 1, count: count))
    }

    private mutating func updateDerived() {
        precondition(precision.allSatisfy { $0 > 0 }, "GaussianLayer: precisions must be positive")
        variance = precision.map { 1 / $0 }
        standardDeviation = precision.map { 1 / $0.squareRoot() }
    }

    public var unitCount: Int { bias.count }
    public var kind: RBMUnitKind { .gaussian }
    public var unitStates: [Float]? { nil }

    public func negativeEnergy(_ states: Matrix<Float>) -> [Double] {
        requireColumns(states, unitCount, "GaussianLayer.negativeEnergy")
        let columns = states.columns
        var result = [Double](repeating: 0, count: states.rows)
        states.withUnsafeBufferPointer { x in
            for row in 0..<states.rows {
                let offset = row &* columns
                var sum = 0.0
                for column in 0..<columns {
                    let value = Double(x[offset &+ column])
                    sum += Double(bias[column]) * value - 0.5 * Double(precision[column]) * value * value
                }
                result[row] = sum
            }
        }
        return result
    }

    public func logPartition(inputs: Matrix<Float>) -> [Double] {
        requireColumns(inputs, unitCount, "GaussianLayer.logPartition")
        let constants = precision.map { 0.5 * Double.log(2 * Double.pi / Double($0)) }
        return sumOverUnits(inputs, bias: bias) { field, unit in
            field * field / (2 * Double(precision[unit])) + constants[unit]
        }
    }

    public func mean(inputs: Matrix<Float>, into means: inout Matrix<Float>) {
        requireColumns(inputs, unitCount, "GaussianLayer.mean")
        variance.withUnsafeBufferPointer { varianceBase in
            transformRows(inputs, bias: bias, into: &means) { field, _, column in
                field * varianceBase[column]
            }
        }
    }

    public func sample(inputs: Matrix<Float>, into states: inout Matrix<Float>, random: inout RandomStream) {
        requireColumns(inputs, unitCount, "GaussianLayer.sample")
        variance.withUnsafeBufferPointer { varianceBase in
            standardDeviation.withUnsafeBufferPointer { deviationBase in
                transformRows(inputs, bias: bias, into: &states, prepare: { random.fillGaussian($0) }) { field, normal, column in
                    field * varianceBase[column] + normal * deviationBase[column]
                }
            }
        }
    }

    public func validate(_ data: Matrix<Float>, name: String) throws(BoltzmannError) {
        try validateStates(data, name: name, unitCount: unitCount, kind: kind, allowed: nil)
    }

    public var parameters: [String: [Float]] {
        get { ["bias": bias, "precision": precision] }
        set {
            guard let newBias = newValue["bias"], let newPrecision = newValue["precision"], newValue.count == 2,
                newBias.count == unitCount, newPrecision.count == unitCount
            else {
                preconditionFailure(
                    "GaussianLayer.parameters: expected \"bias\" and \"precision\" with \(unitCount) values each, got \(newValue.mapValues(\.count))")
            }
            bias = newBias
            precision = newPrecision
        }
    }

    public func sufficientStatistics(_ states: Matrix<Float>) -> [String: [Float]] {
        requireColumns(states, unitCount, "GaussianLayer.sufficientStatistics")
        return ["bias": columnMeans(states), "precision": columnMeans(states) { -0.5 * $0 * $0 }]
    }
}
