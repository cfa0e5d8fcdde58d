import BoltzmannCore

/// The average log-likelihood of `data` given the log-partition function:
///
///     (1/N) Σ_rows log p(v) = (1/N) Σ_rows (−F(v)) − log Z,
///
/// with F the free energy (hidden units summed out). `logZ` comes from
/// ``ExactLogPartition/compute(_:beta:maxEnumeratedUnits:chunkSize:)`` for small models or from
/// an annealed-importance-sampling estimate, whose error it inherits. In nats per sample; divide
/// by V for nats per feature. Returns NaN for empty data.
public func logLikelihood(_ rbm: RestrictedBoltzmannMachine, data: Matrix<Float>, logZ: Double) -> Double {
    guard data.rows > 0 else { return .nan }
    let freeEnergies = rbm.freeEnergy(visible: data)
    return -freeEnergies.reduce(0, +) / Double(data.rows) - logZ
}
