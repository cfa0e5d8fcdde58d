import BoltzmannCore
import BoltzmannModels
import Foundation
import Testing

@testable import BoltzmannLearning

extension RBMLearningTests {
    @Suite("Bad configurations and data throw BoltzmannError")
    struct ValidationTests {
        static let model = RestrictedBoltzmannMachine.random(
            visible: .bernoulli, visibleCount: 3, hidden: .bernoulli, hiddenCount: 2, seed: 1)
        static let data = try! Matrix<Float>([[1, 0, 1], [0, 1, 1], [1, 1, 0]])

        static let badConfigurations: [RBMTrainingConfiguration] = [
            RBMTrainingConfiguration(batchSize: 0),
            RBMTrainingConfiguration(learningRate: .constant(-0.1)),
            RBMTrainingConfiguration(learningRate: .constant(.nan)),
            RBMTrainingConfiguration(learningRate: .exponentialDecay(initial: 0.1, factor: 1.5)),
            RBMTrainingConfiguration(momentum: 1),
            RBMTrainingConfiguration(weightDecay: -1),
            RBMTrainingConfiguration(method: .persistent(steps: 0)),
            RBMTrainingConfiguration(method: .contrastiveDivergence(steps: -1)),
            RBMTrainingConfiguration(method: .parallelTempering(ladder: .explicit([0.5, 0.9]), steps: 1)),
            RBMTrainingConfiguration(method: .parallelTempering(ladder: .explicit([0.5, 0.4, 1]), steps: 1)),
            RBMTrainingConfiguration(method: .parallelTempering(ladder: .geometric(count: 1, minimum: 0.5), steps: 1)),
            RBMTrainingConfiguration(method: .parallelTempering(ladder: .geometric(count: 3, minimum: 0), steps: 1)),
            RBMTrainingConfiguration(centering: .init(slidingRate: 0)),
            RBMTrainingConfiguration(chains: 0),
            RBMTrainingConfiguration(epochs: -1),
        ]

        @Test("Invalid settings are refused", arguments: badConfigurations)
        func invalidConfiguration(configuration: RBMTrainingConfiguration) {
            #expect(throws: BoltzmannError.self) { try RBMTrainer(model: Self.model, configuration: configuration) }
        }

        @Test("NaN, non-binary, misshapen or empty data are refused")
        func invalidData() throws {
            var trainer = try RBMTrainer(model: Self.model, configuration: RBMTrainingConfiguration(epochs: 1, monitor: .none))
            var withNaN = Self.data
            withNaN[1, 2] = .nan
            #expect(throws: BoltzmannError.self) { _ = try trainer.train(data: withNaN) }
            var nonBinary = Self.data
            nonBinary[0, 0] = 0.5
            #expect(throws: BoltzmannError.self) { _ = try trainer.train(data: nonBinary) }
            #expect(throws: BoltzmannError.self) { _ = try trainer.train(data: Matrix(rows: 3, columns: 4)) }
            #expect(throws: BoltzmannError.self) { _ = try trainer.train(data: Matrix(rows: 0, columns: 3)) }
            #expect(throws: BoltzmannError.self) { _ = try trainer.train(data: Self.data, epochs: -2) }
            // The trainer is still usable after refusing bad data.
            #expect(try trainer.train(data: Self.data).count == 1)
        }

        @Test("A resumed run refuses data other than its own, and a damaged folder")
        func resumeChecks() throws {
            var trainer = try RBMTrainer(model: Self.model, configuration: RBMTrainingConfiguration(epochs: 2, monitor: .none))
            _ = try trainer.train(data: Self.data, epochs: 1)
            let folder = temporaryFolder("validation")
            defer { try? FileManager.default.removeItem(at: folder) }
            try trainer.save(to: folder)
            var resumed = try RBMTrainer.resume(from: folder)
            let other = try Matrix<Float>([[1, 0, 1], [0, 1, 1], [1, 1, 1]])
            #expect(throws: BoltzmannError.self) { _ = try resumed.train(data: other) }
            try FileManager.default.removeItem(at: folder.appendingPathComponent("momentum.weights.npy"))
            #expect(throws: BoltzmannError.self) { _ = try RBMTrainer.resume(from: folder) }
            #expect(throws: BoltzmannError.self) { _ = try RBMTrainer.resume(from: folder.appendingPathComponent("missing")) }
        }
    }
}
