import BoltzmannCore
import BoltzmannModels
import Foundation
import Testing

@testable import BoltzmannLearning

extension RBMLearningTests {
    @Suite("Training improves the exact likelihood, reproducibly")
    struct TrainingTests {
        /// 240 rows over 8 units: two prototypes with 10 % of the bits flipped.
        static let data: Matrix<Float> = {
            var random = RandomStream(seed: 21)
            let prototypes: [[Float]] = [[1, 1, 1, 1, 0, 0, 0, 0], [0, 0, 1, 1, 1, 1, 0, 1]]
            return Matrix(rows: 240, columns: 8) { i, j in
                let bit = prototypes[i % 2][j]
                return random.bernoulli(0.1) ? 1 - bit : bit
            }
        }()

        static let methods: [RBMTrainingConfiguration.Method] = [
            .contrastiveDivergence(steps: 1),
            .persistent(steps: 1),
            .parallelTempering(ladder: .adaptive(count: 4, minimum: 0.2), steps: 1),
        ]

        @Test("The exact negative log-likelihood falls by more than 1 nat per row", arguments: methods)
        func likelihoodImproves(method: RBMTrainingConfiguration.Method) throws {
            let model = RestrictedBoltzmannMachine.random(
                visible: .bernoulli, visibleCount: 8, hidden: .bernoulli, hiddenCount: 4, seed: 2)
            let configuration = RBMTrainingConfiguration(
                method: method, epochs: 60, batchSize: 20, learningRate: .constant(0.1), momentum: 0.5,
                chains: 50, seed: 9, monitor: .init(rows: 100))
            var trainer = try RBMTrainer(model: model, configuration: configuration)
            var reports: [RBMTrainingProgress] = []
            let logs = try trainer.train(data: Self.data) { reports.append($0) }
            // 240 rows in batches of 20: 12 reports per epoch, the last one carrying the log.
            #expect(reports.count == 60 * 12)
            #expect(reports.filter { $0.log != nil }.count == 60)
            #expect(reports.last!.fraction == 1 && reports.last!.log == logs.last)
            #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.fraction < $1.fraction })
            let rows = doubleRows(Self.data)
            let before = TinyBernoulliRBM(model).meanLogLikelihood(rows)
            let after = TinyBernoulliRBM(trainer.model).meanLogLikelihood(rows)
            #expect(after > before + 1, "mean log-likelihood \(before) → \(after)")
            #expect(logs.count == 60)
            #expect(logs.last!.reconstructionError! < logs.first!.reconstructionError!)
            #expect(logs.last!.pseudoLikelihood! > logs.first!.pseudoLikelihood!)
            if case .parallelTempering = method {
                let rates = try #require(logs.last!.swapAcceptance)
                #expect(rates.count == 3)
                #expect(rates.allSatisfy { $0 > 0 && $0 < 1 }, "swap rates \(rates)")
                #expect(logs.last!.betas!.last! == 1)
            }
        }

        @Test("The same seed gives bit-identical weights; another seed does not")
        func seededReproducibility() throws {
            func run(seed: UInt64) throws -> RestrictedBoltzmannMachine {
                let model = RestrictedBoltzmannMachine.random(
                    visible: .bernoulli, visibleCount: 8, hidden: .bernoulli, hiddenCount: 4, seed: 2)
                let configuration = RBMTrainingConfiguration(
                    method: .parallelTempering(ladder: .geometric(count: 3, minimum: 0.3), steps: 2),
                    epochs: 3, batchSize: 32, learningRate: .exponentialDecay(initial: 0.1, factor: 0.9),
                    momentum: 0.5, weightDecay: 1e-3, centering: .init(), seed: seed, monitor: .none)
                var trainer = try RBMTrainer(model: model, configuration: configuration)
                _ = try trainer.train(data: Self.data)
                return trainer.model
            }
            let first = try run(seed: 1)
            let second = try run(seed: 1)
            let other = try run(seed: 2)
            #expect(first.weights == second.weights)
            #expect(first.visible.parameters == second.visible.parameters)
            #expect(first.hidden.parameters == second.hidden.parameters)
            #expect(first.weights != other.weights)
        }

        @Test("Training is bit-identical whatever the process's OpenBLAS thread count")
        func threadCountDoesNotMatter() throws {
            var random = RandomStream(seed: 8)
            let data = Matrix<Float>(rows: 512, columns: 256) { _, _ in random.bernoulli(0.3) ? 1 : 0 }
            func run(threads: Int) throws -> RestrictedBoltzmannMachine {
                try BLASThreads.withThreads(threads) { () throws(BoltzmannError) -> RestrictedBoltzmannMachine in
                    let model = RestrictedBoltzmannMachine.random(
                        visible: .bernoulli, visibleCount: 256, hidden: .bernoulli, hiddenCount: 192, seed: 3)
                    let configuration = RBMTrainingConfiguration(
                        method: .persistent(steps: 1), epochs: 2, batchSize: 128, learningRate: .constant(0.05),
                        momentum: 0.5, seed: 4, monitor: .none)
                    var trainer = try RBMTrainer(model: model, configuration: configuration)
                    _ = try trainer.train(data: data)
                    return trainer.model
                }
            }
            let one = try run(threads: 1)
            let two = try run(threads: 2)
            #expect(one.weights == two.weights)
            #expect(one.hidden.parameters == two.hidden.parameters)
        }

        @Test("A resumed run ends with the same weights as an uninterrupted one", arguments: [false, true])
        func resumeEqualsUninterrupted(tempering: Bool) throws {
            let model = RestrictedBoltzmannMachine.random(
                visible: .bernoulli, visibleCount: 8, hidden: .bernoulli, hiddenCount: 4, seed: 6)
            let configuration = RBMTrainingConfiguration(
                method: tempering
                    ? .parallelTempering(ladder: .adaptive(count: 3, minimum: 0.25), steps: 2) : .persistent(steps: 1),
                epochs: 4, batchSize: 50, learningRate: .linearDecay(initial: 0.1, final: 0.02), momentum: 0.6,
                weightDecay: 1e-3, centering: tempering ? .init(slidingRate: 0.05) : nil, chains: 20, seed: 33,
                monitor: .init(rows: 40))
            var whole = try RBMTrainer(model: model, configuration: configuration)
            _ = try whole.train(data: Self.data)

            var first = try RBMTrainer(model: model, configuration: configuration)
            _ = try first.train(data: Self.data, epochs: 2)
            let folder = temporaryFolder("resume")
            defer { try? FileManager.default.removeItem(at: folder) }
            try first.save(to: folder)
            var resumed = try RBMTrainer.resume(from: folder)
            #expect(resumed.epoch == 2)
            let logs = try resumed.train(data: Self.data)
            #expect(logs.count == 2)
            #expect(resumed.history.count == 4)
            #expect(resumed.model.weights == whole.model.weights)
            #expect(resumed.model.visible.parameters == whole.model.visible.parameters)
            #expect(resumed.model.hidden.parameters == whole.model.hidden.parameters)
            #expect(resumed.betas == whole.betas)
            #expect(resumed.history.map(\.swapAcceptance) == whole.history.map(\.swapAcceptance))
            #expect(resumed.history.map(\.pseudoLikelihood) == whole.history.map(\.pseudoLikelihood))
        }
    }
}
