import BoltzmannCore

/// Binary units x ∈ {0, 1} with energy E(x) = −Σ_i θ_i x_i.
///
/// Per unit, given the input I: Γ(I) = log(1 + e^{θ+I}) = softplus(θ + I),
/// E[x | I] = σ(θ + I) = 1/(1 + e^{−(θ+I)}), Var = σ(1 − σ).
///
/// Sampling draws one uniform u per unit (`RandomStream.fillUniform`, 24-bit resolution) and
/// sets x = 1 when u < σ(θ + I), tested as u·(1 + e^{−(θ+I)}) < 1 with the fast
/// exponential `fastExp` (relative error < 3·10⁻⁷), so the realised probability is within ~3·10⁻⁷ of σ.
/// Γ is evaluated in Double with the stable `softplus` (no overflow for large fields).
public struct BernoulliLayer: RBMLayer {
    /// The biases θ, one per unit.
    public var bias: [Float]

    /// A layer with the given biases.
    public init(bias: [Float]) {
        self.bias = bias
    }

    /// A layer of `count` units with zero biases.
    public init(count: Int) {
        precondition(count >= 0, "BernoulliLayer: negative unit count \(count)")
        self.init(bias: [Float](repeating: 0, count: count))
    }

    public var unitCount: Int { bias.count }
    public var kind: RBMUnitKind { .bernoulli }
    public var unitStates: [Float]? { [0, 1] }

    public func negativeEnergy(_ states: Matrix<Float>) -> [Double] {
        requireColumns(states, unitCount, "BernoulliLayer.negativeEnergy")
        return linearTerms(states, bias: bias)
    }

    public func logPartition(inputs: Matrix<Float>) -> [Double] {
        requireColumns(inputs, unitCount, "BernoulliLayer.logPartition")
        return sumOverUnits(inputs, bias: bias) { field, _ in softplus(field) }
    }

    public func mean(inputs: Matrix<Float>, into means: inout Matrix<Float>) {
        requireColumns(inputs, unitCount, "BernoulliLayer.mean")
        transformRows(inputs, bias: bias, into: &means) { field, _, _ in
            1 / (1 + fastExp(-field))
        }
    }

    public func sample(inputs: Matrix<Float>, into states: inout Matrix<Float>, random: inout RandomStream) {
        requireColumns(inputs, unitCount, "BernoulliLayer.sample")
        transformRows(inputs, bias: bias, into: &states, prepare: { random.fillUniform($0) }) { field, uniform, _ in
            // u < σ(f) ⟺ u·(1 + e^{−f}) < 1 (no division).
            uniform * (1 + fastExp(-field)) < 1 ? 1 : 0
        }
    }

    public func validate(_ data: Matrix<Float>, name: String) throws(BoltzmannError) {
        try validateStates(data, name: name, unitCount: unitCount, kind: kind, allowed: [0, 1])
    }

    public var parameters: [String: [Float]] {
        get { ["bias": bias] }
        set {
            guard let newBias = newValue["bias"], newValue.count == 1, newBias.count == unitCount else {
                preconditionFailure("BernoulliLayer.parameters: expected [\"bias\": \(unitCount) values], got \(newValue.mapValues(\.count))")
            }
            bias = newBias
        }
    }

    public func sufficientStatistics(_ states: Matrix<Float>) -> [String: [Float]] {
        requireColumns(states, unitCount, "BernoulliLayer.sufficientStatistics")
        return ["bias": columnMeans(states)]
    }
}
