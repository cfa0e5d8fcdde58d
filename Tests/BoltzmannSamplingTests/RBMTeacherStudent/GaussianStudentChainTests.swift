import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import RealModule
import Testing

/// The Gaussian student's MALA chain: its log posterior against brute-force enumeration plus the
/// N(0, 1) prior, its gradient against central finite differences, and its stationary moments
/// against numerical integration of the exact two-dimensional posterior.
@Suite struct GaussianStudentChainTests {
    static func data(size n: Int, hidden p: Int, examples m: Int, beta: Double) throws -> RBMStudentData {
        var stream = RandomStream(seed: 31)
        var examples = [Int8](repeating: 0, count: m * n)
        stream.fillRademacher(&examples)
        return try RBMStudentData(examples: examples, exampleCount: m, size: n, hiddenCount: p, beta: beta)
    }

    static func reference(_ data: RBMStudentData, _ weights: [Double]) -> Double {
        RBMStudentPosteriorReference.logLikelihood(
            examples: data.examples, size: data.size, weights: weights, hiddenCount: data.hiddenCount, beta: data.beta)
            - weights.reduce(0) { $0 + $1 * $1 / 2 } - Double(weights.count) / 2 * .log(2 * .pi)
    }

    @Test(arguments: [1, 2])
    func logPosteriorAndGradientMatchReferences(hidden p: Int) throws {
        let data = try Self.data(size: 5, hidden: p, examples: 4, beta: 1.3)
        var stream = RandomStream(seed: 2)
        var weights = [Double](repeating: 0, count: 5 * p)
        stream.fillGaussian(&weights)
        let chain = GaussianStudentChain(data: data, weights: weights, stepSize: 0.1)
        #expect(abs(chain.logPosterior() - Self.reference(data, weights)) < 1e-9)
        let h = 1e-5
        for j in weights.indices {
            var up = weights, down = weights
            up[j] += h
            down[j] -= h
            let numeric = (Self.reference(data, up) - Self.reference(data, down)) / (2 * h)
            #expect(abs(chain.gradient[j] - numeric) < 1e-6, "∂L/∂ξ[\(j)] = \(chain.gradient[j]) vs \(numeric)")
        }
    }

    @Test func stationaryMomentsMatchTheExactPosterior() throws {
        let data = try Self.data(size: 2, hidden: 1, examples: 3, beta: 1.5)
        // Exact moments by the trapezoidal rule on [−7, 7]² (the tails beyond carry < e^{−20}).
        let grid = 281
        let step = 14 / Double(grid - 1)
        var logDensity: [Double] = []
        var points: [(Double, Double)] = []
        for u in 0..<grid {
            for v in 0..<grid {
                let point = (-7 + Double(u) * step, -7 + Double(v) * step)
                points.append(point)
                logDensity.append(Self.reference(data, [point.0, point.1]))
            }
        }
        let top = logDensity.max()!
        let density = logDensity.map { Double.exp($0 - top) }
        let norm = density.reduce(0, +)
        func exact(_ f: (Double, Double) -> Double) -> Double {
            zip(points, density).reduce(0) { $0 + f($1.0.0, $1.0.1) * $1.1 } / norm
        }
        let targets: [(String, (Double, Double) -> Double)] = [
            ("ξ1", { x, _ in x }), ("ξ1²", { x, _ in x * x }), ("ξ1ξ2", { x, y in x * y }), ("ξ2²", { _, y in y * y }),
        ]
        var chain = GaussianStudentChain(data: data, weights: [0.3, -0.2], stepSize: 0.9)
        var stream = RandomStream(seed: 5)
        let steps = 400_000
        let batches = 100
        var batchMeans = [[Double]](repeating: [Double](repeating: 0, count: batches), count: targets.count)
        var accepted = 0
        for t in 0..<steps {
            accepted += chain.sweep(random: &stream)
            for (k, target) in targets.enumerated() {
                batchMeans[k][t * batches / steps] += target.1(chain.weights[0], chain.weights[1]) * Double(batches) / Double(steps)
            }
        }
        #expect(Double(accepted) / Double(steps) > 0.3, "acceptance \(Double(accepted) / Double(steps))")
        for (k, target) in targets.enumerated() {
            let estimate = try MeanEstimate(samples: batchMeans[k])
            let reference = exact(target.1)
            #expect(abs(estimate.mean - reference) <= 5 * estimate.standardError + 1e-3,
                    "\(target.0): MALA \(estimate.mean) ± \(estimate.standardError), exact \(reference)")
        }
    }
}
