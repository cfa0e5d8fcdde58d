import BoltzmannCore
import BoltzmannModels

/// A batch of RBM Markov chains: row r of `visible` and of `hidden` is the state of chain r.
///
/// Besides the states it keeps the two field matrices that the block Gibbs products write into,
/// so that repeated sweeps on the same state allocate nothing (they are resized, once, when the
/// batch size or the machine changes).
public struct RBMChainState: Sendable {
    /// Visible states, chains × V.
    public var visible: Matrix<Float>
    /// Hidden states, chains × H.
    public var hidden: Matrix<Float>
    /// Scratch: β·vW of the last sweep (chains × H).
    var hiddenFields = Matrix<Float>(rows: 0, columns: 0)
    /// Scratch: β·hWᵀ of the last sweep (chains × V).
    var visibleFields = Matrix<Float>(rows: 0, columns: 0)

    /// Chains at the given states (same number of rows; the hidden states are overwritten by the
    /// first sweep, so zeros of the right shape are fine).
    public init(visible: Matrix<Float>, hidden: Matrix<Float>) {
        precondition(
            visible.rows == hidden.rows,
            "RBMChainState: \(visible.rows) visible rows but \(hidden.rows) hidden rows")
        self.visible = visible
        self.hidden = hidden
    }

    /// The number of chains (rows).
    public var chainCount: Int { visible.rows }
}

/// Block Gibbs sampling of an RBM: all hidden units are drawn at once from p(h | v), then all
/// visible units from p(v | h), which is exact conditional sampling because the units of a layer
/// are independent given the other layer. Each half-sweep is one sgemm (the fields) plus one
/// vectorised pass of the layer's sampler; the chains of a batch are the rows of the matrices.
///
/// At coupling scale β the conditionals are those of p_β(v, h) ∝ exp(−E_v − E_h + β vᵀWh), whose
/// stationary distribution the sweep leaves invariant (used by parallel tempering and AIS).
/// Random draws come from `random` in a fixed order (hidden layer row-major, then visible layer),
/// so a seeded run is reproducible.
extension RestrictedBoltzmannMachine {
    /// One sweep v → h → v at coupling scale β, in place: h ~ p_β(h | v), then v ~ p_β(v | h).
    /// Allocates nothing once `state` has been swept with this machine's shapes.
    public func gibbsSweep(_ state: inout RBMChainState, beta: Float = 1, random: inout RandomStream) {
        precondition(
            state.visible.columns == visibleCount,
            "gibbsSweep: the chains have \(state.visible.columns) visible units, the machine \(visibleCount)")
        hiddenInputs(state.visible, beta: beta, into: &state.hiddenFields)
        hidden.sample(inputs: state.hiddenFields, into: &state.hidden, random: &random)
        visibleInputs(state.hidden, beta: beta, into: &state.visibleFields)
        visible.sample(inputs: state.visibleFields, into: &state.visible, random: &random)
    }

    /// h ~ p_β(h | v) into `hidden` (resized to batch × H if needed), e.g. the positive phase of
    /// contrastive divergence.
    public func sampleHidden(
        given visible: Matrix<Float>, beta: Float = 1, into hidden: inout Matrix<Float>,
        random: inout RandomStream
    ) {
        var fields = Matrix<Float>(rows: visible.rows, columns: hiddenCount)
        hiddenInputs(visible, beta: beta, into: &fields)
        self.hidden.sample(inputs: fields, into: &hidden, random: &random)
    }

    /// v ~ p_β(v | h) into `visible` (resized to batch × V if needed), e.g. a reconstruction.
    public func sampleVisible(
        given hidden: Matrix<Float>, beta: Float = 1, into visible: inout Matrix<Float>,
        random: inout RandomStream
    ) {
        var fields = Matrix<Float>(rows: hidden.rows, columns: visibleCount)
        visibleInputs(hidden, beta: beta, into: &fields)
        self.visible.sample(inputs: fields, into: &visible, random: &random)
    }
}
