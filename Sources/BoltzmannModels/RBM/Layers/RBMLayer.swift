import BoltzmannCore

/// One layer of a restricted Boltzmann machine: a set of independent units of one kind, each with
/// its own parameters, that interact with the other layer only through linear "inputs".
///
/// Energy convention (MODELS.md §4): E(v, h) = E_v(v) + E_h(h) − vᵀWh, with the layer energies
/// E(x) = −Σ_i θ_i x_i for discrete units (Bernoulli {0,1}, spin {±1}) and
/// E(x) = Σ_i (γ_i x_i²/2 − θ_i x_i) for Gaussian units of precision γ_i > 0.
///
/// Every method works on a batch: a `Matrix<Float>` whose rows are samples and whose columns are
/// this layer's units. The inputs I passed to a layer are the coupling fields only (vW for the
/// hidden layer, hWᵀ for the visible one); the layer adds its own bias. Given its inputs the
/// units are independent, so each unit kind is described by its cumulant generating function
/// Γ_i(I) = log Σ_x exp(−E_i(x) + I x) (an integral for continuous units): mean = Γ′, variance
/// = Γ″, and summing out the layer gives Σ_i Γ_i.
///
/// New unit kinds (ReLU, Potts, …) are added as new conforming types plus a case of
/// ``RBMUnitKind``. The design follows RestrictedBoltzmannMachines.jl (C. Cossu), where each layer
/// type supplies the same handful of small functions.
public protocol RBMLayer: Sendable {
    /// The number of units.
    var unitCount: Int { get }
    /// The kind of unit, as saved in archives.
    var kind: RBMUnitKind { get }
    /// The finite set of states of one unit (Bernoulli [0, 1], spin [−1, 1]); nil for continuous units.
    var unitStates: [Float]? { get }
    /// Per row of `states` (batch × unitCount): −E_layer(x), summed in Double.
    func negativeEnergy(_ states: Matrix<Float>) -> [Double]
    /// Per row: Σ_i Γ_i(I_i), Γ_i(I) = log Σ_x exp(−E_i(x) + I x) (∫ for Gaussian units), in Double.
    /// The inputs exclude the bias.
    func logPartition(inputs: Matrix<Float>) -> [Double]
    /// E[x | I] elementwise into `means`, which is resized to the shape of `inputs` if needed.
    func mean(inputs: Matrix<Float>, into means: inout Matrix<Float>)
    /// A sample x ~ p(x | I) into `states` (resized to the shape of `inputs` if needed); the draws
    /// come from `random` in row-major order, one per entry.
    func sample(inputs: Matrix<Float>, into states: inout Matrix<Float>, random: inout RandomStream)
    /// Throws `BoltzmannError` if `data` are not states of this layer: a wrong number of columns,
    /// NaN or infinite entries, or values outside ``unitStates`` (e.g. 0.5 for Bernoulli units).
    /// `name` names the data in the message (a file, "training data", …).
    func validate(_ data: Matrix<Float>, name: String) throws(BoltzmannError)
    /// Named parameter vectors, for saving and for gradient steps: ["bias": θ], plus
    /// ["precision": γ] for Gaussian units. Setting requires the same keys and lengths (and γ > 0);
    /// anything else is a programmer error and traps.
    var parameters: [String: [Float]] { get set }
    /// Batch means of ∂(−E_layer)/∂parameter for the given states, with the keys of `parameters`:
    /// bias → mean of x, precision → mean of −x²/2.
    func sufficientStatistics(_ states: Matrix<Float>) -> [String: [Float]]
}

// MARK: - Helpers shared by the layer types

/// Traps unless `matrix` has `count` columns (a programmer error: shapes are validated at the
/// boundary by `RBMLayer.validate` and `RestrictedBoltzmannMachine.init`).
@inline(__always)
func requireColumns(_ matrix: Matrix<Float>, _ count: Int, _ what: StaticString) {
    precondition(
        matrix.columns == count,
        "\(what): the matrix has \(matrix.columns) columns but the layer has \(count) units")
}

/// Makes `output` a rows × columns matrix, allocating only when its shape differs.
@inline(__always)
func resize(_ output: inout Matrix<Float>, rows: Int, columns: Int) {
    if output.rows != rows || output.columns != columns {
        output = Matrix(rows: rows, columns: columns)
    }
}

/// Per row, Σ_i θ_i x_i in Double: −E(x) of discrete layers, the linear part of Gaussian ones.
func linearTerms(_ states: Matrix<Float>, bias: [Float]) -> [Double] {
    let columns = states.columns
    var result = [Double](repeating: 0, count: states.rows)
    states.withUnsafeBufferPointer { x in
        bias.withUnsafeBufferPointer { theta in
            for row in 0..<states.rows {
                let offset = row &* columns
                var sum = 0.0
                for column in 0..<columns {
                    sum += Double(theta[column]) * Double(x[offset &+ column])
                }
                result[row] = sum
            }
        }
    }
    return result
}

/// Per row, Σ_i g(θ_i + I_i) with the field formed and g evaluated in Double.
@inline(__always)
func sumOverUnits(
    _ inputs: Matrix<Float>, bias: [Float], _ g: (_ field: Double, _ unit: Int) -> Double
) -> [Double] {
    let columns = inputs.columns
    var result = [Double](repeating: 0, count: inputs.rows)
    inputs.withUnsafeBufferPointer { input in
        bias.withUnsafeBufferPointer { theta in
            for row in 0..<inputs.rows {
                let offset = row &* columns
                var sum = 0.0
                for column in 0..<columns {
                    sum += g(Double(theta[column]) + Double(input[offset &+ column]), column)
                }
                result[row] = sum
            }
        }
    }
    return result
}

/// Column means of `transform(x)` over the rows, accumulated in Double (0 for an empty batch).
func columnMeans(_ states: Matrix<Float>, _ transform: (Double) -> Double = { $0 }) -> [Float] {
    let columns = states.columns
    var sums = [Double](repeating: 0, count: columns)
    states.withUnsafeBufferPointer { x in
        for row in 0..<states.rows {
            let offset = row &* columns
            for column in 0..<columns {
                sums[column] += transform(Double(x[offset &+ column]))
            }
        }
    }
    let scale = states.rows > 0 ? 1 / Double(states.rows) : 0
    return sums.map { Float($0 * scale) }
}

/// Throws unless `data` has `unitCount` columns and every entry is finite and, when `allowed`
/// is given, one of the allowed values. The message names the first offending entry.
func validateStates(
    _ data: Matrix<Float>, name: String, unitCount: Int, kind: RBMUnitKind, allowed: [Float]?
) throws(BoltzmannError) {
    guard data.columns == unitCount else {
        throw BoltzmannError(
            "\(name) has \(data.columns) columns, but the \(kind.rawValue) layer has \(unitCount) units",
            fix: "pass one column per unit (samples as rows), or build the model with \(data.columns) units",
            source: name)
    }
    let bad: Int? = data.withUnsafeBufferPointer { x in
        for index in 0..<x.count {
            let value = x[index]
            if !value.isFinite { return index }
            if let allowed, !allowed.contains(value) { return index }
        }
        return nil
    }
    guard let bad else { return }
    let value = data.elements[bad]
    let row = bad / max(unitCount, 1)
    let column = bad % max(unitCount, 1)
    if !value.isFinite {
        throw BoltzmannError(
            "\(name) holds \(value) at row \(row), column \(column)",
            fix: "remove or impute missing and infinite values before using the data", source: name)
    }
    let listed = (allowed ?? []).map(unitStateText).joined(separator: " or ")
    throw BoltzmannError(
        "\(name) holds \(value) at row \(row), column \(column), but \(kind.rawValue) units take only the values \(listed)",
        fix: kind == .spin
            ? "map the data to ±1 first (e.g. 2x − 1 for 0/1 data, or binarise with a threshold)"
            : "binarise the data first (e.g. x ≥ 0.5 → 1, else 0), or use Gaussian visible units for real-valued data",
        source: name)
}

/// A short decimal form of a unit state for messages: 0, 1, -1.
private func unitStateText(_ value: Float) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
}
