import BoltzmannCore

/// Ising units x ∈ {−1, +1} with energy E(x) = −Σ_i θ_i x_i.
///
/// Per unit, given the input I: Γ(I) = log(2 cosh(θ + I)) (`log2Cosh`, stable for large fields),
/// E[x | I] = tanh(θ + I), Var = 1 − tanh², and P(x = +1 | I) = σ(2(θ + I)).
///
/// Sampling draws one uniform u per unit and sets x = +1 when u·(1 + e^{−2(θ+I)}) < 1 (i.e.
/// u < σ(2(θ+I))), −1 otherwise; the mean is tanh f = sign(f)·(1 − e^{−2|f|})/(1 + e^{−2|f|}),
/// both with the fast exponential `fastExp` (absolute error of the mean below 10⁻⁶).
public struct SpinLayer: RBMLayer {
    /// The fields θ, one per unit.
    public var bias: [Float]

    /// A layer with the given fields.
    public init(bias: [Float]) {
        self.bias = bias
    }

    /// A layer of `count` units with zero fields.
    public init(count: Int) {
        precondition(count >= 0, "SpinLayer: negative unit count \(count)")
        self.init(bias: [Float](repeating: 0, count: count))
    }

    public var unitCount: Int { bias.count }
    public var kind: RBMUnitKind { .spin }
    public var unitStates: [Float]? { [-1, 1] }

    public func negativeEnergy(_ states: Matrix<Float>) -> [Double] {
        requireColumns(states, unitCount, "SpinLayer.negativeEnergy")
        return linearTerms(states, bias: bias)
    }

    public func logPartition(inputs: Matrix<Float>) -> [Double] {
        requireColumns(inputs, unitCount, "SpinLayer.logPartition")
        return sumOverUnits(inputs, bias: bias) { field, _ in log2Cosh(field) }
    }

    public func mean(inputs: Matrix<Float>, into means: inout Matrix<Float>) {
        requireColumns(inputs, unitCount, "SpinLayer.mean")
        transformRows(inputs, bias: bias, into: &means) { field, _, _ in
            let decay = fastExp(-2 * abs(field))
            let magnitude = (1 - decay) / (1 + decay)
            return field < 0 ? -magnitude : magnitude
        }
    }

    public func sample(inputs: Matrix<Float>, into states: inout Matrix<Float>, random: inout RandomStream) {
        requireColumns(inputs, unitCount, "SpinLayer.sample")
        transformRows(inputs, bias: bias, into: &states, prepare: { random.fillUniform($0) }) { field, uniform, _ in
            // u < σ(2f) ⟺ u·(1 + e^{−2f}) < 1.
            uniform * (1 + fastExp(-2 * field)) < 1 ? 1 : -1
        }
    }

    public func validate(_ data: Matrix<Float>, name: String) throws(BoltzmannError) {
        try validateStates(data, name: name, unitCount: unitCount, kind: kind, allowed: [-1, 1])
    }

    public var parameters: [String: [Float]] {
        get { ["bias": bias] }
        set {
            guard let newBias = newValue["bias"], newValue.count == 1, newBias.count == unitCount else {
                preconditionFailure("SpinLayer.parameters: expected [\"bias\": \(unitCount) values], got \(newValue.mapValues(\.count))")
            }
            bias = newBias
        }
    }

    public func sufficientStatistics(_ states: Matrix<Float>) -> [String: [Float]] {
        requireColumns(states, unitCount, "SpinLayer.sufficientStatistics")
        return ["bias": columnMeans(states)]
    }
}
