import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import Foundation

/// Trains a `RestrictedBoltzmannMachine` by stochastic gradient ascent on the log-likelihood:
/// CD-k, persistent CD (PCD / SML) or PCD on parallel-tempering chains, with mini-batches,
/// a learning-rate schedule, momentum, L2 weight decay and optional centering (see
/// `RBMTrainingConfiguration`).
///
/// ## The gradient
/// For E(v, h) = E_v(v) + E_h(h) − vᵀWh the log-likelihood gradient is
///
///     ∂ log p(v)/∂W = E[v hᵀ | v] − E_model[v hᵀ],   ∂/∂a = v − E_model[v],   ∂/∂b = E[h | v] − E_model[h]
///
/// (a, b the visible and hidden biases). Both terms use the conditional mean E[h | v] of the
/// hidden units (Rao–Blackwellised, as scikit-learn's BernoulliRBM), the data term on the
/// mini-batch, the model term on the β = 1 chains; each is a mean over its rows, so the step is
/// η × (batch mean − chain mean), which is scikit-learn's `learning_rate / batch_size` × sums.
/// Only weights and biases are learned; a Gaussian layer's precision stays as given (unit
/// variance is the usual choice; Hinton, *A Practical Guide to Training RBMs*, 2010, §13.2).
///
/// ## Reproducibility
/// Epoch e draws from `RandomStream(seed: seed, stream: e)` only: its substream 0 shuffles the
/// rows, substream 1 drives the Gibbs sampling and the replica exchanges (the persistent chains
/// start from `RandomStream(seed: seed, stream: UInt64.max)`). Everything else is deterministic
/// single-threaded code and sgemm. sgemm results do depend on OpenBLAS's thread count (the
/// blocks are summed in another order: measured ~10⁻⁶ relative differences), so `train`
/// runs with `configuration.blasThreads` threads whatever the process's setting; the tests check
/// that training under 1 and 2 ambient threads gives bit-identical weights. `save`/`resume` at
/// epoch boundaries continue exactly as an uninterrupted run.
public struct RBMTrainer: Sendable {
    public let configuration: RBMTrainingConfiguration
    /// The model with the parameters after the last completed epoch.
    public private(set) var model: RestrictedBoltzmannMachine
    /// Epochs completed.
    public internal(set) var epoch: Int
    /// Mini-batch steps taken.
    public internal(set) var optimiserSteps: Int
    /// The logs of all completed epochs (also across `save`/`resume`).
    public internal(set) var history: [RBMEpochLog]

    var velocityWeights: Matrix<Float>
    var velocityVisible: [Float]
    var velocityHidden: [Float]
    var visibleOffset: [Float]?
    var hiddenOffset: [Float]?
    /// Persistent chains, replica by replica (nil until the first epoch, and for CD).
    var chainVisible: Matrix<Float>?
    var chainHidden: Matrix<Float>?
    var exchange: ReplicaExchange?
    var dataFingerprint: DataFingerprint?

    /// A trainer starting from `model`.
    ///
    /// - Throws: `BoltzmannError` for an invalid configuration (see
    ///   `RBMTrainingConfiguration.validate()`).
    public init(model: RestrictedBoltzmannMachine, configuration: RBMTrainingConfiguration) throws(BoltzmannError) {
        try configuration.validate()
        self.configuration = configuration
        self.model = model
        epoch = 0
        optimiserSteps = 0
        history = []
        velocityWeights = Matrix(rows: model.visibleCount, columns: model.hiddenCount)
        velocityVisible = [Float](repeating: 0, count: model.visibleCount)
        velocityHidden = [Float](repeating: 0, count: model.hiddenCount)
        if case .parallelTempering(let ladder, _) = configuration.method {
            exchange = try ReplicaExchange(betas: ladder.initialBetas())
        }
    }

    /// The current β ladder (parallel tempering only).
    public var betas: [Float]? { exchange?.betas }

    /// Whether the method keeps chains between mini-batches.
    var isPersistent: Bool {
        if case .contrastiveDivergence = configuration.method { return false }
        return true
    }

    /// Trains for `epochs` more epochs (nil: up to `configuration.epochs`) on `data` (rows =
    /// samples), calling `progress` after every mini-batch, and returns the new epochs' logs.
    ///
    /// - Throws: `BoltzmannError` when the data do not fit the visible layer (columns, values,
    ///   NaN), are empty, differ from the data of earlier epochs (a resumed run must see the
    ///   same matrix), or `epochs` is negative.
    public mutating func train(
        data: Matrix<Float>, epochs: Int? = nil, progress: ((RBMTrainingProgress) -> Void)? = nil
    ) throws(BoltzmannError) -> [RBMEpochLog] {
        try BLASThreads.withThreads(configuration.blasThreads) { () throws(BoltzmannError) -> [RBMEpochLog] in
            try trainPinned(data: data, epochs: epochs, progress: progress)
        }
    }

    /// `train` with the OpenBLAS thread count already set.
    private mutating func trainPinned(
        data: Matrix<Float>, epochs: Int?, progress: ((RBMTrainingProgress) -> Void)?
    ) throws(BoltzmannError) -> [RBMEpochLog] {
        let run = epochs ?? Swift.max(0, configuration.epochs - epoch)
        guard run >= 0 else {
            throw BoltzmannError("cannot train for \(run) epochs", fix: "give epochs ≥ 0", source: "epochs")
        }
        try checkData(data)
        guard run > 0 else { return [] }
        let workspace = makeWorkspace(data: data)
        if isPersistent, chainVisible == nil {
            var random = RandomStream(seed: configuration.seed, stream: UInt64.max)
            workspace.initialiseChains(data: data, random: &random)
        }
        if configuration.centering != nil, visibleOffset == nil {
            (workspace.visibleOffset, workspace.hiddenOffset) = initialOffsets(data, kernel: workspace.hiddenKernel)
        }
        let monitorRows = Swift.min(configuration.monitor.rows, data.rows)
        let monitorData = monitorRows == 0 ? nil : Matrix(rows: monitorRows, columns: data.columns) { i, j in data[i, j] }
        var logs: [RBMEpochLog] = []
        let batchSize = Swift.min(configuration.batchSize, data.rows)
        let batches = (data.rows + batchSize - 1) / batchSize
        let firstEpoch = epoch + 1
        let lastEpoch = epoch + run
        var order = Array(0..<data.rows)
        for current in epoch..<lastEpoch {
            let learningRate = configuration.learningRate.rate(epoch: current, epochs: configuration.epochs)
            let epochStream = RandomStream(seed: configuration.seed, stream: UInt64(current))
            var shuffle = epochStream.substream(0)
            var random = epochStream.substream(1)
            for index in order.indices { order[index] = index }
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(index, shuffle.uniformIndex(below: index + 1))
            }
            workspace.exchange?.resetCounters()
            let ladder = workspace.exchange?.betas
            let clock = ContinuousClock()
            var elapsed = Duration.zero
            for batch in 0..<batches {
                let start = clock.now
                let rows = order[(batch * batchSize)..<Swift.min(data.rows, (batch + 1) * batchSize)]
                data.withUnsafeBufferPointer { workspace.loadBatch($0.baseAddress!, indices: rows) }
                workspace.step(
                    batch: rows.count, method: configuration.method, learningRate: learningRate,
                    momentum: configuration.momentum, weightDecay: configuration.weightDecay,
                    centeringRate: configuration.centering?.slidingRate, random: &random)
                elapsed += clock.now - start
                optimiserSteps += 1
                if batch < batches - 1 {
                    progress?(RBMTrainingProgress(
                        epoch: current + 1, firstEpoch: firstEpoch, lastEpoch: lastEpoch, batch: batch + 1,
                        batches: batches))
                }
            }
            absorb(workspace)
            epoch = current + 1
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            var log = RBMEpochLog(
                epoch: epoch, seconds: seconds, learningRate: learningRate, batches: batches,
                samplesPerSecond: Double(data.rows) / seconds)
            if let monitorData {
                if configuration.monitor.reconstructionError {
                    log.reconstructionError = reconstructionError(model, data: monitorData)
                }
                if configuration.monitor.pseudoLikelihood, model.visible.unitStates != nil {
                    log.pseudoLikelihood = try pseudoLikelihood(model, data: monitorData)
                }
            }
            if var exchange = workspace.exchange {
                log.betas = ladder
                log.swapAcceptance = exchange.acceptanceRates
                if case .parallelTempering(let spec, _) = configuration.method, spec.isAdaptive {
                    let adapted = TemperatureLadder.equalisingAcceptance(
                        betas: exchange.betas, acceptance: exchange.acceptanceRates)
                    try exchange.setBetas(adapted)
                    workspace.exchange = exchange
                    workspace.betas = adapted
                    self.exchange = exchange
                }
            }
            history.append(log)
            logs.append(log)
            progress?(RBMTrainingProgress(
                epoch: epoch, firstEpoch: firstEpoch, lastEpoch: lastEpoch, batch: batches, batches: batches,
                log: log))
        }
        return logs
    }

    // MARK: Helpers

    private mutating func checkData(_ data: Matrix<Float>) throws(BoltzmannError) {
        guard data.rows >= 1 else {
            throw BoltzmannError(
                "the training data have no rows", fix: "pass at least one sample", source: "training data")
        }
        guard data.columns == model.visibleCount else {
            throw BoltzmannError(
                "the training data have \(data.columns) columns but the model has \(model.visibleCount) visible units",
                fix: "pass one column per visible unit (drop label columns)", source: "training data")
        }
        try model.visible.validate(data, name: "training data")
        let fingerprint = DataFingerprint(data)
        if let dataFingerprint, dataFingerprint != fingerprint {
            throw BoltzmannError(
                "these are not the data this training run started on (\(data.rows)×\(data.columns) now, "
                    + "\(dataFingerprint.rows)×\(dataFingerprint.columns) before, or different values/order)",
                fix: "pass the same training matrix, or start a new RBMTrainer from the trained model",
                source: "training data")
        }
        dataFingerprint = fingerprint
    }

    private func makeWorkspace(data: Matrix<Float>) -> TrainingWorkspace {
        let visibleKernel = UnitKernel(
            kind: model.visible.kind,
            bias: model.visible.parameters["bias"] ?? [Float](repeating: 0, count: model.visibleCount),
            precision: model.visible.parameters["precision"])
        let hiddenKernel = UnitKernel(
            kind: model.hidden.kind,
            bias: model.hidden.parameters["bias"] ?? [Float](repeating: 0, count: model.hiddenCount),
            precision: model.hidden.parameters["precision"])
        let batch = Swift.min(configuration.batchSize, data.rows)
        let workspace = TrainingWorkspace(
            visibleKernel: visibleKernel, hiddenKernel: hiddenKernel, betas: exchange?.betas ?? [1],
            chains: isPersistent ? configuration.chainCount : batch, maximumBatch: batch,
            persistent: isPersistent)
        let (v, h) = (model.visibleCount, model.hiddenCount)
        model.weights.withUnsafeBufferPointer { workspace.weights.update(from: $0.baseAddress!, count: v * h) }
        velocityWeights.withUnsafeBufferPointer {
            workspace.velocityWeights.update(from: $0.baseAddress!, count: v * h)
        }
        workspace.velocityVisible = velocityVisible
        workspace.velocityHidden = velocityHidden
        workspace.visibleOffset = visibleOffset
        workspace.hiddenOffset = hiddenOffset
        workspace.exchange = exchange
        if let chainVisible, let chainHidden {
            chainVisible.withUnsafeBufferPointer {
                workspace.stackVisible.update(from: $0.baseAddress!, count: $0.count)
            }
            chainHidden.withUnsafeBufferPointer {
                workspace.hiddenStates.update(from: $0.baseAddress!, count: $0.count)
            }
        }
        return workspace
    }

    /// Copies the workspace's parameters, optimiser state and chains back into the trainer.
    private mutating func absorb(_ workspace: TrainingWorkspace) {
        let (v, h) = (model.visibleCount, model.hiddenCount)
        model.weights.withUnsafeMutableBufferPointer {
            $0.baseAddress!.update(from: workspace.weights, count: v * h)
        }
        velocityWeights.withUnsafeMutableBufferPointer {
            $0.baseAddress!.update(from: workspace.velocityWeights, count: v * h)
        }
        model.visible.parameters["bias"] = workspace.visibleKernel.bias
        model.hidden.parameters["bias"] = workspace.hiddenKernel.bias
        velocityVisible = workspace.velocityVisible
        velocityHidden = workspace.velocityHidden
        visibleOffset = workspace.visibleOffset
        hiddenOffset = workspace.hiddenOffset
        exchange = workspace.exchange
        if isPersistent {
            let rows = workspace.chainRows
            var visible = chainVisible ?? Matrix(rows: rows, columns: v)
            var hidden = chainHidden ?? Matrix(rows: rows, columns: h)
            visible.withUnsafeMutableBufferPointer {
                $0.baseAddress!.update(from: workspace.stackVisible, count: rows * v)
            }
            hidden.withUnsafeMutableBufferPointer {
                $0.baseAddress!.update(from: workspace.hiddenStates, count: rows * h)
            }
            chainVisible = visible
            chainHidden = hidden
        }
    }

    /// Centering offsets at the start: μ = data mean, λ = mean over the data of E[h | v].
    private func initialOffsets(_ data: Matrix<Float>, kernel: UnitKernel) -> ([Float], [Float]) {
        let fields = Matrix.product(data, model.weights)
        var means = Matrix<Float>(rows: data.rows, columns: model.hiddenCount)
        fields.withUnsafeBufferPointer { u in
            means.withUnsafeMutableBufferPointer { m in
                kernel.mean(fields: u.baseAddress!, beta: 1, rows: data.rows, into: m.baseAddress!)
            }
        }
        func columnMeans(_ matrix: Matrix<Float>) -> [Float] {
            var sums = [Double](repeating: 0, count: matrix.columns)
            matrix.withUnsafeBufferPointer { x in
                for row in 0..<matrix.rows {
                    for column in 0..<matrix.columns { sums[column] += Double(x[row * matrix.columns + column]) }
                }
            }
            return sums.map { Float($0 / Double(matrix.rows)) }
        }
        return (columnMeans(data), columnMeans(means))
    }
}
