/// What one training epoch did, as `RBMTrainer.train` returns it and `training.json` keeps it.
public struct RBMEpochLog: Sendable, Codable, Equatable {
    /// Epochs completed after this one (1 for the first epoch).
    public var epoch: Int
    /// Wall-clock seconds of the epoch's mini-batch steps (monitoring excluded).
    public var seconds: Double
    /// Learning rate η used in the epoch.
    public var learningRate: Float
    /// Mini-batch steps taken.
    public var batches: Int
    /// Training rows processed per second (rows ÷ `seconds`).
    public var samplesPerSecond: Double
    /// Mean squared reconstruction error on the monitor rows (nil when not measured).
    public var reconstructionError: Double?
    /// Pseudo-likelihood per visible unit on the monitor rows (nil when not measured).
    public var pseudoLikelihood: Double?
    /// Parallel tempering: the ladder used in the epoch, and the swap acceptance rate of each
    /// adjacent pair (entry k: replicas k and k+1) over the epoch.
    public var betas: [Float]?
    public var swapAcceptance: [Double]?
}

/// Progress report passed to `RBMTrainer.train`'s callback after every mini-batch; `log` is set
/// on the last report of an epoch (after monitoring). Epochs are counted from 1 over the whole
/// run, so a resumed run continues the count.
public struct RBMTrainingProgress: Sendable {
    /// The epoch in progress.
    public var epoch: Int
    /// The first and last epoch of this `train` call.
    public var firstEpoch: Int
    public var lastEpoch: Int
    /// Mini-batches done in this epoch, and per epoch.
    public var batch: Int
    public var batches: Int
    /// The finished epoch's log, on the epoch's last report.
    public var log: RBMEpochLog?

    /// Fraction of this `train` call done, in [0, 1] (for a progress bar).
    public var fraction: Double {
        let epochs = Double(lastEpoch - firstEpoch + 1)
        let done = Double(epoch - firstEpoch) + Double(batch) / Double(Swift.max(1, batches))
        return Swift.min(1, Swift.max(0, done / epochs))
    }
}
