import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import Foundation

/// Saving a training run and resuming it.
///
/// The folder holds the model as an `RBMArchive` (`rbm.json`, `weights.npy`, biases) plus the
/// training state, all at an epoch boundary:
///
///     training.json              format, configuration (seed included), epoch, optimiser steps,
///                                epoch logs, centering offsets, β ladder and swap counters,
///                                data fingerprint (shape + 64-bit hash)
///     momentum.weights.npy       V×H velocity of the weights (float32)
///     momentum.visible.npy       1×V, momentum.hidden.npy 1×H: velocities of the biases
///     chains.visible.npy         (K·n)×V persistent chains, replica by replica (PCD/PT only)
///     chains.hidden.npy          (K·n)×H their hidden states
///
/// Nothing else is needed to continue: epoch e's random numbers come from
/// `RandomStream(seed: seed, stream: e)`, so a resumed run reproduces the uninterrupted one bit
/// for bit.
extension RBMTrainer {
    /// The `training.json` document.
    struct TrainingState: Codable {
        var format: String
        var formatVersion: Int
        var configuration: RBMTrainingConfiguration
        var epoch: Int
        var optimiserSteps: Int
        var history: [RBMEpochLog]
        var visibleOffset: [Float]?
        var hiddenOffset: [Float]?
        var exchange: ReplicaExchange?
        var dataFingerprint: DataFingerprint?
        var hasChains: Bool

        static let formatName = "boltzmann-rbm-training"
        static let currentVersion = 1
    }

    /// Writes the model and the training state into `directory` (created when missing).
    ///
    /// - Throws: `BoltzmannError` when the folder or a file cannot be written.
    public func save(to directory: URL) throws(BoltzmannError) {
        try RBMArchive.save(
            model, to: directory,
            metadata: ["trainedBy": "RBMTrainer", "epoch": "\(epoch)", "method": "\(configuration.method)"])
        let state = TrainingState(
            format: TrainingState.formatName, formatVersion: TrainingState.currentVersion,
            configuration: configuration, epoch: epoch, optimiserSteps: optimiserSteps, history: history,
            visibleOffset: visibleOffset, hiddenOffset: hiddenOffset, exchange: exchange,
            dataFingerprint: dataFingerprint, hasChains: chainVisible != nil)
        try Self.wrap(directory.appendingPathComponent("training.json")) {
            try ResultJSON.write(state, to: directory.appendingPathComponent("training.json"))
        }
        var files: [(String, Matrix<Float>)] = [
            ("momentum.weights.npy", velocityWeights),
            ("momentum.visible.npy", Matrix(rows: 1, columns: velocityVisible.count) { _, j in velocityVisible[j] }),
            ("momentum.hidden.npy", Matrix(rows: 1, columns: velocityHidden.count) { _, j in velocityHidden[j] }),
        ]
        if let chainVisible, let chainHidden {
            files.append(("chains.visible.npy", chainVisible))
            files.append(("chains.hidden.npy", chainHidden))
        }
        for (name, matrix) in files {
            let url = directory.appendingPathComponent(name)
            try Self.wrap(url) { try NPY.write(matrix, to: url) }
        }
    }

    /// A trainer continuing the run saved in `directory` by `save(to:)`.
    ///
    /// - Throws: `BoltzmannError` when a file is missing or malformed, or the shapes do not fit
    ///   the model.
    public static func resume(from directory: URL) throws(BoltzmannError) -> RBMTrainer {
        let (model, _) = try RBMArchive.load(from: directory)
        let stateURL = directory.appendingPathComponent("training.json")
        let state = try wrap(stateURL) { try ResultJSON.read(TrainingState.self, from: stateURL) }
        guard state.format == TrainingState.formatName, state.formatVersion == TrainingState.currentVersion else {
            throw BoltzmannError(
                "this is not a training state Boltzmann can resume (format \(state.format) version \(state.formatVersion))",
                fix: "resume from a folder written by RBMTrainer.save(to:) of this version",
                source: stateURL.path)
        }
        var trainer = try RBMTrainer(model: model, configuration: state.configuration)
        let (v, h) = (model.visibleCount, model.hiddenCount)
        func matrix(_ name: String, rows: Int?, columns: Int) throws(BoltzmannError) -> Matrix<Float> {
            let url = directory.appendingPathComponent(name)
            let value = try wrap(url) { try NPY.readMatrix(Float.self, from: url) }
            guard value.columns == columns, rows == nil || value.rows == rows else {
                throw BoltzmannError(
                    "\(name) is \(value.rows)×\(value.columns), which does not fit the model (\(v) visible, \(h) hidden units)",
                    fix: "resume from an unmodified folder written by RBMTrainer.save(to:)",
                    source: url.path)
            }
            return value
        }
        trainer.velocityWeights = try matrix("momentum.weights.npy", rows: v, columns: h)
        trainer.velocityVisible = try matrix("momentum.visible.npy", rows: 1, columns: v).elements
        trainer.velocityHidden = try matrix("momentum.hidden.npy", rows: 1, columns: h).elements
        if state.hasChains {
            let replicas = state.exchange?.replicaCount ?? 1
            let rows = replicas * state.configuration.chainCount
            trainer.chainVisible = try matrix("chains.visible.npy", rows: rows, columns: v)
            trainer.chainHidden = try matrix("chains.hidden.npy", rows: rows, columns: h)
        }
        guard state.visibleOffset.map({ $0.count == v }) ?? true,
            state.hiddenOffset.map({ $0.count == h }) ?? true
        else {
            throw BoltzmannError(
                "the centering offsets in training.json do not fit the model",
                fix: "resume from an unmodified folder written by RBMTrainer.save(to:)", source: stateURL.path)
        }
        trainer.epoch = state.epoch
        trainer.optimiserSteps = state.optimiserSteps
        trainer.history = state.history
        trainer.visibleOffset = state.visibleOffset
        trainer.hiddenOffset = state.hiddenOffset
        if let exchange = state.exchange {
            try ReplicaExchange.validate(exchange.betas)
            trainer.exchange = exchange
        }
        trainer.dataFingerprint = state.dataFingerprint
        return trainer
    }

    /// Runs `body`, turning any error into a `BoltzmannError` naming `url`.
    static func wrap<Value>(_ url: URL, _ body: () throws -> Value) throws(BoltzmannError) -> Value {
        do {
            return try body()
        } catch let error as BoltzmannError {
            throw error
        } catch {
            throw BoltzmannError(
                "cannot read or write \(url.lastPathComponent): \(error)",
                fix: "check that the folder exists, is writable and holds the files of RBMTrainer.save(to:)",
                source: url.path)
        }
    }
}
