import BoltzmannCore
import Testing

@Suite("Statistics: integrated autocorrelation time (Sokal windowing)")
struct AutocorrelationEstimateTests {
    /// Plain reference: the same estimator written with explicit loops, no BLAS.
    private func referenceTau(_ x: [Double], c: Double) -> (tau: Double, window: Int) {
        let n = x.count
        let mean = x.reduce(0, +) / Double(n)
        func covariance(_ t: Int) -> Double {
            var sum = 0.0
            for i in 0..<(n - t) { sum += (x[i] - mean) * (x[i + t] - mean) }
            return sum / Double(n - t)
        }
        let c0 = covariance(0)
        var tau = 0.5
        for window in 1...(n / 2) {
            tau += covariance(window) / c0
            if Double(window) >= c * tau { return (tau, window) }
        }
        return (tau, n / 2)
    }

    @Test("agrees with a plain-loop reference of the same estimator")
    func matchesReference() throws {
        let series = AutoregressiveSeries.make(rho: 0.7, count: 5000, seed: 201)
        for c in [4.0, 6.0] {
            let estimate = try AutocorrelationEstimate(series: series, windowFactor: c)
            let reference = referenceTau(series, c: c)
            #expect(estimate.window == reference.window)
            #expect(abs(estimate.tau - reference.tau) < 1e-12 * reference.tau)
        }
    }

    @Test("AR(1): τ̂ matches (1 + ρ)/(2(1 − ρ)) within its error bar", arguments: [0.0, 0.5, 0.8, 0.9])
    func autoregressive(rho: Double) throws {
        let series = AutoregressiveSeries.make(rho: rho, count: 1_000_000, seed: 202)
        let estimate = try AutocorrelationEstimate(series: series)
        let exact = AutoregressiveSeries.tau(rho: rho)
        #expect(estimate.windowFound)
        #expect(Double(estimate.window) >= 6 * estimate.tau)
        #expect(abs(estimate.tau - exact) < 4 * estimate.tauError, "τ̂ = \(estimate.tau) ± \(estimate.tauError), exact \(exact)")
        // The error of the mean: √(2τ/n) for unit variance.
        let meanError = estimate.meanEstimate.standardError
        #expect(abs(meanError / (2 * exact / Double(series.count)).squareRoot() - 1) < 0.05)
    }

    @Test("the reported τ error matches the spread of τ̂ over independent series")
    func errorEstimate() throws {
        let rho = 0.8
        var estimates: [Double] = []
        var reportedErrors: [Double] = []
        for run in 0..<24 {
            let series = AutoregressiveSeries.make(rho: rho, count: 200_000, seed: 203, stream: UInt64(run))
            let estimate = try AutocorrelationEstimate(series: series)
            estimates.append(estimate.tau)
            reportedErrors.append(estimate.tauError)
        }
        let (mean, variance) = DistributionChecks.meanAndVariance(estimates)
        let reported = reportedErrors.reduce(0, +) / Double(reportedErrors.count)
        let ratio = variance.squareRoot() / reported
        // With 24 runs the sample standard deviation is known to about ±15 %.
        #expect(ratio > 0.6 && ratio < 1.6, "spread/reported = \(ratio)")
        #expect(abs(mean - AutoregressiveSeries.tau(rho: rho)) < 4 * reported / Double(24).squareRoot())
    }

    @Test("a series much shorter than 1000 τ is flagged, a constant one has τ = 1/2")
    func edgeCases() throws {
        let short = AutoregressiveSeries.make(rho: 0.999, count: 2000, seed: 204)
        let estimate = try AutocorrelationEstimate(series: short)
        #expect(!estimate.windowFound)
        #expect(estimate.window == 1000)
        let constant = try AutocorrelationEstimate(series: [Double](repeating: 2.5, count: 100))
        #expect(constant.tau == 0.5 && constant.tauError == 0 && constant.windowFound)
        #expect(constant.meanEstimate.standardError == 0 && constant.meanEstimate.mean == 2.5)
        #expect(throws: BoltzmannError.self) { try AutocorrelationEstimate(series: [1]) }
        #expect(throws: BoltzmannError.self) { try AutocorrelationEstimate(series: [1, 2, 3], windowFactor: 0) }
        #expect(throws: BoltzmannError.self) { try AutocorrelationEstimate(series: [1, .infinity, 3]) }
    }
}
