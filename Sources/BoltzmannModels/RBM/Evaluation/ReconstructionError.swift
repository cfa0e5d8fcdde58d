import BoltzmannCore

/// The mean squared error of the mean-field reconstruction of `data`:
///
///     (1/(N·V)) Σ_rows Σ_i (v_i − v̂_i)²,    v̂ = E[v | h = E[h | v]],
///
/// i.e. the hidden means given the data, then the visible means given those hidden means (two
/// sgemms, no sampling, so the value is deterministic). A common training monitor (Hinton, "A
/// practical guide to training RBMs", §5), though not a likelihood: it can fall while the model
/// gets worse. Returns NaN for empty data. Shapes are a programmer error (validate data first).
public func reconstructionError(_ rbm: RestrictedBoltzmannMachine, data: Matrix<Float>) -> Double {
    precondition(
        data.columns == rbm.visibleCount,
        "reconstructionError: data have \(data.columns) columns for \(rbm.visibleCount) visible units")
    guard data.count > 0 else { return .nan }
    var fields = Matrix<Float>(rows: 0, columns: 0)
    var hiddenMeans = Matrix<Float>(rows: 0, columns: 0)
    var visibleFields = Matrix<Float>(rows: 0, columns: 0)
    var reconstruction = Matrix<Float>(rows: 0, columns: 0)
    rbm.hiddenInputs(data, into: &fields)
    rbm.hidden.mean(inputs: fields, into: &hiddenMeans)
    rbm.visibleInputs(hiddenMeans, into: &visibleFields)
    rbm.visible.mean(inputs: visibleFields, into: &reconstruction)
    var sum = 0.0
    data.withUnsafeBufferPointer { original in
        reconstruction.withUnsafeBufferPointer { rebuilt in
            for index in 0..<original.count {
                let difference = Double(original[index]) - Double(rebuilt[index])
                sum += difference * difference
            }
        }
    }
    return sum / Double(data.count)
}
