import BoltzmannCore
import BoltzmannModels
import Foundation
import Testing

@testable import BoltzmannLearning

extension RBMLearningTests {
    /// PCD on the binarised digits against scikit-learn's BernoulliRBM with the same settings,
    /// both scored by the exact held-out log-likelihood (16 hidden units: log Z by enumerating
    /// 2¹⁶ hidden states). The peer's weights were produced by Benchmarks/sklearn_digits_rbm.py
    /// (scikit-learn 1.9.1, random states 0–4) and are stored in Fixtures/sklearn-digits-rbm.
    ///
    /// Split: rows 0..<1438 train, 1438..<1797 held out (the file's order, no shuffling).
    /// Settings of both: 16 hidden units, 30 epochs, batch 20, learning rate 0.05 (× batch mean),
    /// PCD-1 with one persistent chain per batch row, no momentum, no weight decay, weights
    /// initialised N(0, 0.01²). One run's held-out log-likelihood varies by about ±0.5 nats with the
    /// seed (for both implementations), so the means over five seeds are compared.
    @Suite("Held-out exact log-likelihood against scikit-learn")
    struct SklearnComparisonTests {
        static let seeds: [UInt64] = [0, 1, 2, 3, 4]

        @Test("PCD on the digits matches or beats scikit-learn's BernoulliRBM (mean of 5 seeds)")
        func digitsLogLikelihood() throws {
            let digits = try binarisedDigits()
            #expect(digits.rows == 1797)
            let train = rows(digits, 0..<1438)
            let heldOut = rows(digits, 1438..<1797)

            let folder = fixturesFolder.appendingPathComponent("sklearn-digits-rbm")
            let summary = try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("sklearn_digits_rbm.json"))) as? [String: Any]
            let peerRuns = try #require(summary?["runs"] as? [[String: Any]])
            var peerValues: [Double] = []
            for seed in Self.seeds {
                let run = try #require(peerRuns.first { ($0["random_state"] as? Int) == Int(seed) })
                let runFolder = folder.appendingPathComponent("random-state-\(seed)")
                func read(_ name: String) throws -> Matrix<Float> {
                    try NPY.readMatrix(Float.self, from: runFolder.appendingPathComponent(name))
                }
                let peer = try RestrictedBoltzmannMachine(
                    visible: BernoulliLayer(bias: read("visible.bias.npy").elements),
                    hidden: BernoulliLayer(bias: read("hidden.bias.npy").elements), weights: read("weights.npy"))
                let value = logLikelihood(peer, data: heldOut, logZ: try ExactLogPartition.compute(peer))
                // Our evaluation of the peer's weights agrees with the script's NumPy enumeration.
                let printed = try #require(run["held_out_log_likelihood"] as? Double)
                #expect(abs(value - printed) < 1e-3, "random state \(seed): \(value) vs \(printed)")
                peerValues.append(value)
            }

            var ourValues: [Double] = []
            for seed in Self.seeds {
                let model = RestrictedBoltzmannMachine.random(
                    visible: .bernoulli, visibleCount: 64, hidden: .bernoulli, hiddenCount: 16, weightScale: 0.01,
                    seed: seed)
                let configuration = RBMTrainingConfiguration(
                    method: .persistent(steps: 1), epochs: 30, batchSize: 20, learningRate: .constant(0.05),
                    seed: seed, monitor: .none)
                var trainer = try RBMTrainer(model: model, configuration: configuration)
                _ = try trainer.train(data: train)
                let logZ = try ExactLogPartition.compute(trainer.model)
                ourValues.append(logLikelihood(trainer.model, data: heldOut, logZ: logZ))
            }
            let ours = ourValues.reduce(0, +) / Double(ourValues.count)
            let peers = peerValues.reduce(0, +) / Double(peerValues.count)
            print("held-out exact log-likelihood per digit, mean of 5 seeds: Boltzmann PCD \(ours) \(ourValues), "
                  + "scikit-learn \(peers) \(peerValues)")
            #expect(ours >= peers, "Boltzmann \(ours) < scikit-learn \(peers)")
        }
    }
}
