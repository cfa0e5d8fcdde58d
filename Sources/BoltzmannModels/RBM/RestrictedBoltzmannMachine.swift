import BoltzmannCore

/// A restricted Boltzmann machine: a visible and a hidden layer of independent units coupled by a
/// weight matrix W (visibleCount × hiddenCount), with
///
///     E(v, h) = E_v(v) + E_h(h) − vᵀ W h,        p(v, h) = e^{−E(v, h)} / Z.
///
/// Layer energies and the unit kinds are those of ``RBMLayer`` (MODELS.md §4). Given one layer
/// the units of the other are independent: p(h | v) has inputs vW, p(v | h) inputs hWᵀ. Summing
/// out a layer gives the free energies
///
///     F(v) = E_v(v) − Σ_j Γ_j((vW)_j),      F(h) = E_h(h) − Σ_i Γ_i((hWᵀ)_i),
///
/// with p(v) = e^{−F(v)}/Z. Tempered versions scale the couplings only,
/// p_β(v, h) ∝ exp(−E_v − E_h + β vᵀWh): at β = 0 the layers are independent (used by parallel
/// tempering and annealed importance sampling).
///
/// Batches are `Matrix<Float>` with samples as rows; the products vW and hWᵀ of a batch are one
/// `sgemm` each, and energies are summed in Double. Shapes passed to the methods are programmer
/// errors and trap with a message; user data should first go through `visible.validate`.
///
/// Source: P. Smolensky (1986); G. Hinton, "A practical guide to training restricted Boltzmann
/// machines" (UTML TR 2010-003); for the layer design, RestrictedBoltzmannMachines.jl.
public struct RestrictedBoltzmannMachine: Sendable {
    /// The visible layer (the data's units).
    public var visible: any RBMLayer
    /// The hidden layer (latent units).
    public var hidden: any RBMLayer
    /// The couplings W, visibleCount × hiddenCount. Replacing it with another shape is a
    /// programmer error that traps on the next product.
    public var weights: Matrix<Float>

    /// A machine with the given layers and weights.
    ///
    /// - Throws: `BoltzmannError` when `weights` is not visible.unitCount × hidden.unitCount or
    ///   holds a non-finite value.
    public init(visible: any RBMLayer, hidden: any RBMLayer, weights: Matrix<Float>) throws(BoltzmannError) {
        guard weights.rows == visible.unitCount, weights.columns == hidden.unitCount else {
            throw BoltzmannError(
                "the weight matrix is \(weights.rows)×\(weights.columns), but the layers have \(visible.unitCount) visible and \(hidden.unitCount) hidden units",
                fix: "give a visibleCount × hiddenCount weight matrix (rows = visible units)", source: "weights")
        }
        if let bad = weights.elements.firstIndex(where: { !$0.isFinite }) {
            throw BoltzmannError(
                "the weight matrix holds \(weights.elements[bad]) at (\(bad / weights.columns), \(bad % weights.columns))",
                fix: "the weights diverged or the file is damaged; retrain with a smaller learning rate or restore a good copy",
                source: "weights")
        }
        self.visible = visible
        self.hidden = hidden
        self.weights = weights
    }

    /// A machine with weights drawn i.i.d. N(0, weightScale²) from `RandomStream(seed: seed)`
    /// (row-major order), zero biases and unit precisions for Gaussian layers.
    public static func random(
        visible: RBMUnitKind, visibleCount: Int, hidden: RBMUnitKind, hiddenCount: Int,
        weightScale: Float = 0.01, seed: UInt64
    ) -> RestrictedBoltzmannMachine {
        precondition(visibleCount >= 0 && hiddenCount >= 0, "RestrictedBoltzmannMachine.random: negative unit count")
        var weights = Matrix<Float>(rows: visibleCount, columns: hiddenCount)
        var random = RandomStream(seed: seed)
        weights.withUnsafeMutableBufferPointer { entries in
            random.fillGaussian(entries)
            for index in entries.indices { entries[index] *= weightScale }
        }
        return RestrictedBoltzmannMachine(
            validatedVisible: zeroLayer(visible, count: visibleCount),
            hidden: zeroLayer(hidden, count: hiddenCount), weights: weights)
    }

    /// Wraps parts already known to fit together (library-internal constructors).
    init(validatedVisible visible: any RBMLayer, hidden: any RBMLayer, weights: Matrix<Float>) {
        precondition(
            weights.rows == visible.unitCount && weights.columns == hidden.unitCount,
            "RestrictedBoltzmannMachine: weights do not match the layers")
        self.visible = visible
        self.hidden = hidden
        self.weights = weights
    }

    /// The number of visible units V.
    public var visibleCount: Int { visible.unitCount }
    /// The number of hidden units H.
    public var hiddenCount: Int { hidden.unitCount }

    /// β·(vW) into `inputs` (batch × H, resized if needed): one sgemm.
    public func hiddenInputs(_ v: Matrix<Float>, beta: Float = 1, into inputs: inout Matrix<Float>) {
        precondition(
            v.columns == visibleCount,
            "hiddenInputs: visible batch has \(v.columns) columns for \(visibleCount) visible units")
        resize(&inputs, rows: v.rows, columns: hiddenCount)
        Matrix.gemm(v, weights, alpha: beta, into: &inputs)
    }

    /// β·(hWᵀ) into `inputs` (batch × V, resized if needed): one sgemm.
    public func visibleInputs(_ h: Matrix<Float>, beta: Float = 1, into inputs: inout Matrix<Float>) {
        precondition(
            h.columns == hiddenCount,
            "visibleInputs: hidden batch has \(h.columns) columns for \(hiddenCount) hidden units")
        resize(&inputs, rows: h.rows, columns: visibleCount)
        Matrix.gemm(h, weights, transposeB: true, alpha: beta, into: &inputs)
    }

    /// E(v, h) per row at coupling scale β: E_v(v) + E_h(h) − β vᵀWh (in Double).
    public func energy(visible v: Matrix<Float>, hidden h: Matrix<Float>, beta: Float = 1) -> [Double] {
        precondition(v.rows == h.rows, "energy: \(v.rows) visible rows but \(h.rows) hidden rows")
        var inputs = Matrix<Float>(rows: 0, columns: 0)
        hiddenInputs(v, beta: beta, into: &inputs)
        let visibleTerm = visible.negativeEnergy(v)
        let hiddenTerm = hidden.negativeEnergy(h)
        let columns = hiddenCount
        var result = [Double](repeating: 0, count: v.rows)
        inputs.withUnsafeBufferPointer { field in
            h.withUnsafeBufferPointer { hiddenStates in
                for row in 0..<v.rows {
                    let offset = row &* columns
                    var coupling = 0.0
                    for column in 0..<columns {
                        coupling += Double(field[offset &+ column]) * Double(hiddenStates[offset &+ column])
                    }
                    result[row] = -visibleTerm[row] - hiddenTerm[row] - coupling
                }
            }
        }
        return result
    }

    /// F(v) = E_v(v) − Σ_j Γ_j(β(vW)_j) per row: the hidden units summed (integrated) out, so that
    /// p_β(v) = e^{−F(v)}/Z_β.
    public func freeEnergy(visible v: Matrix<Float>, beta: Float = 1) -> [Double] {
        var inputs = Matrix<Float>(rows: 0, columns: 0)
        hiddenInputs(v, beta: beta, into: &inputs)
        let energy = visible.negativeEnergy(v)
        let summedOut = hidden.logPartition(inputs: inputs)
        return zip(energy, summedOut).map { -$0 - $1 }
    }

    /// F(h) = E_h(h) − Σ_i Γ_i(β(hWᵀ)_i) per row: the visible units summed out.
    public func freeEnergy(hidden h: Matrix<Float>, beta: Float = 1) -> [Double] {
        var inputs = Matrix<Float>(rows: 0, columns: 0)
        visibleInputs(h, beta: beta, into: &inputs)
        let energy = hidden.negativeEnergy(h)
        let summedOut = visible.logPartition(inputs: inputs)
        return zip(energy, summedOut).map { -$0 - $1 }
    }
}

/// A layer of `kind` with zero biases (and unit precisions).
func zeroLayer(_ kind: RBMUnitKind, count: Int) -> any RBMLayer {
    switch kind {
    case .bernoulli: BernoulliLayer(count: count)
    case .spin: SpinLayer(count: count)
    case .gaussian: GaussianLayer(count: count)
    }
}
