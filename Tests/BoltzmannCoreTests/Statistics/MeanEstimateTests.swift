import BoltzmannCore
import Testing

@Suite("Statistics: mean and standard error")
struct MeanEstimateTests {
    @Test("iid samples: standard error equals σ/√n within its own uncertainty")
    func iidStandardError() throws {
        var generator = RandomStream(seed: 101, stream: 0)
        let n = 10_000
        var samples = [Double](repeating: 0, count: n)
        generator.fillGaussian(&samples)
        let estimate = try MeanEstimate(samples: samples)
        #expect(estimate.count == n)
        #expect(abs(estimate.mean - samples.reduce(0, +) / Double(n)) < 1e-15)
        // s/√n with σ = 1; s itself fluctuates by 1/√(2n).
        #expect(abs(estimate.standardError * Double(n).squareRoot() - 1) < 5 / (2 * Double(n)).squareRoot())
    }

    @Test("the ±2σ interval covers the true mean ≈ 95.4 % of the time")
    func coverage() throws {
        let repetitions = 400
        var covered = 0
        var spread = 0.0
        var reported = 0.0
        for repetition in 0..<repetitions {
            var generator = RandomStream(seed: 102, stream: UInt64(repetition))
            let samples = (0..<1000).map { _ in 3 + 2 * generator.gaussian() }
            let estimate = try MeanEstimate(samples: samples)
            if abs(estimate.mean - 3) < 2 * estimate.standardError { covered += 1 }
            spread += (estimate.mean - 3) * (estimate.mean - 3)
            reported += estimate.standardError * estimate.standardError
        }
        let fraction = Double(covered) / Double(repetitions)
        #expect(abs(fraction - 0.9545) < 5 * (0.9545 * 0.0455 / Double(repetitions)).squareRoot())
        // Observed variance of the means against the mean reported variance: χ²-like, ±5·√(2/400).
        #expect(abs(spread / reported - 1) < 5 * (2.0 / Double(repetitions)).squareRoot())
    }

    @Test("two-pass variance stays exact for a large offset")
    func largeOffset() throws {
        let estimate = try MeanEstimate(samples: [1e9 + 1, 1e9 + 2, 1e9 + 3])
        #expect(estimate.mean == 1e9 + 2)
        // s² = 1 exactly, so σ(x̄) = 1/√3.
        #expect(abs(estimate.standardError - (1.0 / 3).squareRoot()) < 1e-15)
    }

    @Test("correlated samples: √(2τ) times the naive error")
    func correlatedScaling() throws {
        let samples: [Double] = [1, 4, 2, 8, 5, 7]
        let naive = try MeanEstimate(samples: samples)
        let correlated = try MeanEstimate(samples: samples, integratedAutocorrelationTime: 4.5)
        #expect(abs(correlated.standardError - naive.standardError * 3) < 1e-14)
    }

    @Test("bad input throws instead of trapping")
    func badInput() {
        #expect(throws: BoltzmannError.self) { try MeanEstimate(samples: []) }
        #expect(throws: BoltzmannError.self) { try MeanEstimate(samples: [1]) }
        #expect(throws: BoltzmannError.self) { try MeanEstimate(samples: [1, .nan, 2]) }
        #expect(throws: BoltzmannError.self) { try MeanEstimate(samples: [1, 2], integratedAutocorrelationTime: -1) }
        #expect(throws: BoltzmannError.self) { try MeanEstimate(samples: [1, 2], integratedAutocorrelationTime: .infinity) }
    }
}
