import BoltzmannCore
import Testing

@Suite("Statistics: jackknife")
struct JackknifeEstimateTests {
    @Test("f = mean: the jackknife reproduces x̄ and s/√n exactly, with zero bias")
    func linearFunction() throws {
        var generator = RandomStream(seed: 401, stream: 0)
        let samples = (0..<500).map { _ in 1 + 3 * generator.uniform() }
        let jackknife = try JackknifeEstimate(samples: samples) { $0 }
        let plain = try MeanEstimate(samples: samples)
        // Exact identities; the tolerance is the rounding of B leave-one-out means amplified by
        // the factor B − 1 of the bias formula: ≈ B·√B·ε·|x| ≈ 1e-11.
        #expect(abs(jackknife.value - plain.mean) < 1e-10)
        #expect(abs(jackknife.standardError - plain.standardError) < 1e-12)
        #expect(abs(jackknife.bias) < 1e-10)
        #expect(jackknife.blockCount == 500)
    }

    @Test("f = mean²: the bias-corrected value is the unbiased x̄² − s²/n")
    func quadraticFunction() throws {
        var generator = RandomStream(seed: 402, stream: 0)
        let samples = (0..<300).map { _ in 0.5 + generator.gaussian() }
        let jackknife = try JackknifeEstimate(samples: samples) { $0 * $0 }
        let (mean, variance) = DistributionChecks.meanAndVariance(samples)
        #expect(abs(jackknife.value - (mean * mean - variance / 300)) < 1e-12)
        #expect(abs(jackknife.plainValue - mean * mean) < 1e-12)
    }

    @Test("ratio of correlated means: error and bias agree with the delta method")
    func ratio() throws {
        let data = RatioOfMeans(count: 20_000, seed: 403)
        let jackknife = try JackknifeEstimate(series: [data.x, data.y]) { $0[0] / $0[1] }
        let delta = data.deltaMethod
        #expect(abs(jackknife.plainValue - delta.ratio) < 1e-12)
        // Jackknife and delta method differ at relative order 1/n.
        #expect(abs(jackknife.standardError / delta.standardError - 1) < 0.01)
        #expect(abs(jackknife.bias / delta.bias - 1) < 0.05)
        #expect(abs(jackknife.value - (delta.ratio - delta.bias)) < 0.05 * abs(delta.bias))
    }

    @Test("blocks: f = mean gives the standard error of the block means")
    func blocked() throws {
        let series = AutoregressiveSeries.make(rho: 0.9, count: 10_007, seed: 404)
        let jackknife = try JackknifeEstimate(samples: series, blockSize: 100) { $0 }
        let blockMeans = (0..<100).map { block in series[(block * 100)..<((block + 1) * 100)].reduce(0, +) / 100 }
        let reference = try MeanEstimate(samples: blockMeans)
        #expect(jackknife.blockCount == 100)
        #expect(abs(jackknife.standardError - reference.standardError) < 1e-12)
        #expect(abs(jackknife.value - reference.mean) < 1e-12)
    }

    @Test("malformed series throw instead of trapping")
    func badInput() {
        #expect(throws: BoltzmannError.self) { try JackknifeEstimate(series: []) { $0[0] } }
        #expect(throws: BoltzmannError.self) { try JackknifeEstimate(series: [[1, 2, 3], [1, 2]]) { $0[0] } }
        #expect(throws: BoltzmannError.self) { try JackknifeEstimate(samples: [1, 2, 3], blockSize: 2) { $0 } }
        #expect(throws: BoltzmannError.self) { try JackknifeEstimate(samples: [1, 2, 3], blockSize: 0) { $0 } }
        #expect(throws: BoltzmannError.self) { try JackknifeEstimate(samples: [1, .nan, 3]) { $0 } }
    }
}
