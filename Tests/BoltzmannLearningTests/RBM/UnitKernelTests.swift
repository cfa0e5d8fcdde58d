import BoltzmannCore
import BoltzmannModels
import Foundation
import Testing

@testable import BoltzmannLearning

extension RBMLearningTests {
    @Suite("Training kernels against the layers and plain formulas")
    struct UnitKernelTests {
        @Test("The vectorised logistic function is accurate to a few ulp over the clamped range")
        func sigmoidAccuracy() {
            var x = -87.0
            var worst = 0.0
            while x <= 87 {
                let reference = 1 / (1 + Foundation.exp(-Double(Float(x))))
                let value = Double(FastSigmoid.sigmoid(Float(x)))
                worst = max(worst, abs(value - reference) / reference)
                x += 0.0137
            }
            #expect(worst < 1e-6, "worst relative error \(worst)")
            // Beyond the clamp: tiny, never NaN, never above σ(−87).
            #expect(FastSigmoid.sigmoid(-200) > 0 && FastSigmoid.sigmoid(-200) < 2e-38)
            #expect(FastSigmoid.sigmoid(200) == 1)
            #expect(FastSigmoid.sigmoid(.infinity) == 1)
        }

        @Test("Kernel means equal the layers' means at coupling scale β", arguments: RBMUnitKind.allCases)
        func meansMatchLayers(kind: RBMUnitKind) throws {
            let count = 13
            let rows = 7
            let beta: Float = 0.7
            var random = RandomStream(seed: 3)
            let bias = (0..<count).map { _ in Float(random.gaussian()) }
            let precision = (0..<count).map { _ in Float(0.5 + random.uniform()) }
            let layer = try makeRBMLayer(
                kind: kind, count: count,
                parameters: kind == .gaussian ? ["bias": bias, "precision": precision] : ["bias": bias])
            let fields = Matrix<Float>(rows: rows, columns: count) { _, _ in Float(3 * random.gaussian()) }
            let scaled = Matrix<Float>(rows: rows, columns: count) { i, j in beta * fields[i, j] }
            var expected = Matrix<Float>(rows: rows, columns: count)
            layer.mean(inputs: scaled, into: &expected)
            let kernel = UnitKernel(kind: kind, bias: bias, precision: kind == .gaussian ? precision : nil)
            var means = [Float](repeating: 0, count: rows * count)
            fields.withUnsafeBufferPointer { u in
                means.withUnsafeMutableBufferPointer { m in
                    kernel.mean(fields: u.baseAddress!, beta: beta, rows: rows, into: m.baseAddress!)
                }
            }
            for index in 0..<(rows * count) {
                let reference = expected.elements[index]
                #expect(abs(means[index] - reference) <= 2e-6 * max(1, abs(reference)))
            }
        }

        @Test("Sampling from means has the right frequencies, mean and variance", arguments: RBMUnitKind.allCases)
        func samplingFrequencies(kind: RBMUnitKind) {
            let count = 4
            let rows = 50_000
            let means: [Float]
            switch kind {
            case .bernoulli: means = [0.05, 0.3, 0.5, 0.93]
            case .spin: means = [-0.8, -0.1, 0.4, 0.95]
            case .gaussian: means = [-1, 0, 0.5, 2]
            }
            let precision: [Float] = [1, 4, 0.25, 2]
            let kernel = UnitKernel(kind: kind, bias: [Float](repeating: 0, count: count), precision: precision)
            let stacked = (0..<rows).flatMap { _ in means }
            var states = [Float](repeating: 0, count: rows * count)
            var random = RandomStream(seed: 11)
            stacked.withUnsafeBufferPointer { m in
                states.withUnsafeMutableBufferPointer { s in
                    kernel.sample(means: m.baseAddress!, rows: rows, into: s.baseAddress!, random: &random)
                }
            }
            for unit in 0..<count {
                let column = (0..<rows).map { Double(states[$0 * count + unit]) }
                let mean = column.reduce(0, +) / Double(rows)
                let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(rows)
                let expectedVariance: Double
                switch kind {
                case .bernoulli:
                    #expect(column.allSatisfy { $0 == 0 || $0 == 1 })
                    expectedVariance = Double(means[unit]) * (1 - Double(means[unit]))
                case .spin:
                    #expect(column.allSatisfy { $0 == -1 || $0 == 1 })
                    expectedVariance = 1 - Double(means[unit] * means[unit])
                case .gaussian:
                    expectedVariance = 1 / Double(precision[unit])
                }
                let standardError = (expectedVariance / Double(rows)).squareRoot()
                #expect(abs(mean - Double(means[unit])) < 5 * standardError, "unit \(unit): mean \(mean)")
                #expect(abs(variance - expectedVariance) < 0.03 * expectedVariance + 1e-3, "unit \(unit): variance \(variance)")
            }
        }
    }
}
