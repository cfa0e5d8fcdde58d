import BoltzmannCore
import RealModule

/// The pseudo-log-likelihood of `data` under `rbm`, normalised per feature:
///
///     PL = (1/N) Σ_rows (1/V) Σ_i log p(v_i | v_{−i}),
///     log p(v_i | v_{−i}) = −F(v) − log Σ_{x ∈ states} e^{−F(v with v_i = x)},
///
/// with F the free energy (hidden units summed out), computed exactly for every unit of every
/// row. The free energies of the V·(k − 1) one-unit changes of a row come from its fields vW
/// updated by one row of W each (no extra sgemm), in Double for the Γ's. A value of −log 2 ≈ −0.693
/// per feature is what a model that knows nothing about binary data scores; 0 is perfect
/// prediction. Besag, "Statistical analysis of non-lattice data", The Statistician 24, 179 (1975).
///
/// **Comparing with scikit-learn:** `BernoulliRBM.score_samples` returns, per sample,
/// V · log σ(F(ṽ) − F(v)) for ONE randomly chosen bit i (ṽ = v with bit i flipped): a one-sample
/// stochastic estimate of the all-bits sum Σ_i log p(v_i | v_{−i}), not a per-feature average.
/// So sklearn's mean score ≈ V × this function's value (up to its sampling noise).
///
/// - Throws: `BoltzmannError` when the visible units are not discrete (Gaussian visible units
///   have no finite state set to sum over), when `data` is empty, or when it does not hold
///   states of the visible layer (wrong columns, NaN, values outside the unit states).
public func pseudoLikelihood(_ rbm: RestrictedBoltzmannMachine, data: Matrix<Float>) throws(BoltzmannError) -> Double {
    guard let states = rbm.visible.unitStates else {
        throw BoltzmannError(
            "the pseudo-likelihood needs discrete visible units, but this RBM's visible layer is \(rbm.visible.kind.rawValue)",
            fix: "use the reconstruction error or an AIS estimate of the log-likelihood for real-valued data",
            source: "visible")
    }
    guard data.rows > 0 else {
        throw BoltzmannError("the data have no rows", fix: "pass at least one sample", source: "data")
    }
    try rbm.visible.validate(data, name: "data")
    let visibleCount = rbm.visibleCount
    let hiddenCount = rbm.hiddenCount
    guard visibleCount > 0 else { return 0 }
    let alternatives = states.count - 1
    let changedCount = visibleCount * alternatives

    var fields = Matrix<Float>(rows: 0, columns: 0)
    rbm.hiddenInputs(data, into: &fields)
    let freeEnergies = rbm.freeEnergy(visible: data)
    var changed = Matrix<Float>(rows: changedCount, columns: visibleCount)
    var changedFields = Matrix<Float>(rows: changedCount, columns: hiddenCount)
    var total = 0.0
    for row in 0..<data.rows {
        let sample = data.row(row)
        let rowFields = fields.row(row)
        changed.withUnsafeMutableBufferPointer { visibleRows in
            changedFields.withUnsafeMutableBufferPointer { fieldRows in
                rbm.weights.withUnsafeBufferPointer { w in
                    var changedRow = 0
                    for unit in 0..<visibleCount {
                        for state in states where state != sample[unit] {
                            let visibleOffset = changedRow &* visibleCount
                            for k in 0..<visibleCount { visibleRows[visibleOffset &+ k] = sample[k] }
                            visibleRows[visibleOffset &+ unit] = state
                            let delta = state - sample[unit]
                            let fieldOffset = changedRow &* hiddenCount
                            let weightOffset = unit &* hiddenCount
                            for j in 0..<hiddenCount {
                                fieldRows[fieldOffset &+ j] = rowFields[j] + delta * w[weightOffset &+ j]
                            }
                            changedRow &+= 1
                        }
                    }
                }
            }
        }
        let energies = rbm.visible.negativeEnergy(changed)
        let summedOut = rbm.hidden.logPartition(inputs: changedFields)
        let own = -freeEnergies[row]
        for unit in 0..<visibleCount {
            var normaliser = LogSumExp()
            normaliser.add(own)
            for alternative in 0..<alternatives {
                let index = unit * alternatives + alternative
                normaliser.add(energies[index] + summedOut[index])
            }
            total += own - normaliser.value
        }
    }
    return total / (Double(data.rows) * Double(visibleCount))
}
