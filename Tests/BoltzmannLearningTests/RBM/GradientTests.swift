import BoltzmannCore
import BoltzmannModels
import Testing

@testable import BoltzmannLearning

extension RBMLearningTests {
    /// One full-batch step with many long chains must move the parameters by η × the exact
    /// log-likelihood gradient (computed by enumerating all 2^(V+H) states), for every method.
    @Suite("One training step equals η × the exact gradient")
    struct GradientTests {
        static let weights: [[Float]] = [[0.8, -0.5, 0.3], [-0.6, 0.9, 0.1], [0.4, 0.2, -0.7], [0.0, -0.3, 0.6]]
        static let visibleBias: [Float] = [0.2, -0.4, 0.1, 0.3]
        static let hiddenBias: [Float] = [-0.1, 0.25, 0.05]

        /// 16 fixed rows over 4 visible units.
        static let data: Matrix<Float> = {
            var random = RandomStream(seed: 5)
            return Matrix(rows: 16, columns: 4) { _, _ in random.bernoulli(0.45) ? 1 : 0 }
        }()

        static let methods: [RBMTrainingConfiguration.Method] = [
            .contrastiveDivergence(steps: 25),
            .persistent(steps: 25),
            .parallelTempering(ladder: .geometric(count: 3, minimum: 0.3), steps: 25),
        ]

        @Test("Estimated gradient within 6 standard errors of the exact one", arguments: methods)
        func stepMatchesExactGradient(method: RBMTrainingConfiguration.Method) throws {
            let model = try bernoulliMachine(
                weights: Self.weights, visibleBias: Self.visibleBias, hiddenBias: Self.hiddenBias)
            let chains = 40_000
            // CD has one chain per data row: repeat the 16 rows (the data mean is unchanged).
            let isCD: Bool
            if case .contrastiveDivergence = method { isCD = true } else { isCD = false }
            let data = isCD
                ? Matrix(rows: chains, columns: 4) { i, j in Self.data[i % 16, j] } : Self.data
            let learningRate: Float = 0.5
            let configuration = RBMTrainingConfiguration(
                method: method, epochs: 1, batchSize: data.rows, learningRate: .constant(learningRate),
                chains: chains, seed: 17, monitor: .none)
            var trainer = try RBMTrainer(model: model, configuration: configuration)
            _ = try trainer.train(data: data)
            let exact = TinyBernoulliRBM(model).logLikelihoodGradient(doubleRows(Self.data))
            // Each model expectation is a mean of 40 000 nearly independent values in [0, 1]:
            // standard error ≤ 0.5/200 = 0.0025.
            let tolerance = 6 * 0.0025
            for i in 0..<4 {
                for j in 0..<3 {
                    let step = Double(trainer.model.weights[i, j] - model.weights[i, j]) / Double(learningRate)
                    #expect(abs(step - exact.weights[i * 3 + j]) < tolerance, "W[\(i),\(j)]: \(step) vs \(exact.weights[i * 3 + j])")
                }
            }
            let a = trainer.model.visible.parameters["bias"]!
            let b = trainer.model.hidden.parameters["bias"]!
            for i in 0..<4 {
                let step = Double(a[i] - Self.visibleBias[i]) / Double(learningRate)
                #expect(abs(step - exact.visible[i]) < tolerance, "a[\(i)]: \(step) vs \(exact.visible[i])")
            }
            for j in 0..<3 {
                let step = Double(b[j] - Self.hiddenBias[j]) / Double(learningRate)
                #expect(abs(step - exact.hidden[j]) < tolerance, "b[\(j)]: \(step) vs \(exact.hidden[j])")
            }
        }

        @Test("Centering changes the parametrisation of the step, not its direction in expectation")
        func centredStepAscends() throws {
            // The centred step is not η × the ordinary gradient, but it must still increase the
            // exact log-likelihood for a small η (it is an ascent direction: Melchior et al. 2016).
            let model = try bernoulliMachine(
                weights: Self.weights, visibleBias: Self.visibleBias, hiddenBias: Self.hiddenBias)
            let configuration = RBMTrainingConfiguration(
                method: .persistent(steps: 25), epochs: 1, batchSize: 16, learningRate: .constant(0.05),
                centering: .init(slidingRate: 0.01), chains: 40_000, seed: 4, monitor: .none)
            var trainer = try RBMTrainer(model: model, configuration: configuration)
            _ = try trainer.train(data: Self.data)
            let rows = doubleRows(Self.data)
            let before = TinyBernoulliRBM(model).meanLogLikelihood(rows)
            let after = TinyBernoulliRBM(trainer.model).meanLogLikelihood(rows)
            #expect(after > before + 1e-3, "log-likelihood \(before) → \(after)")
        }
    }
}
