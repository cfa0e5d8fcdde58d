/// A sample mean with its standard error: the result of every Monte Carlo measurement.
///
/// For n independent samples xᵢ,
///
///     x̄ = (1/n) Σ xᵢ,    s² = (1/(n−1)) Σ (xᵢ − x̄)²,    σ(x̄) = s/√n.
///
/// The sums use two passes (mean first, then squared deviations), which keeps the variance
/// accurate to relative O(n·ε) even when |x̄| ≫ s, unlike the one-pass Σx² − n x̄².
///
/// For correlated samples (a Markov chain) s/√n underestimates the error by the factor
/// √(2τ_int); use ``init(samples:integratedAutocorrelationTime:)`` with τ_int from
/// ``AutocorrelationEstimate``, or the plateau of a ``BinningAnalysis``.
///
/// Source: M. E. J. Newman, G. T. Barkema, *Monte Carlo Methods in Statistical Physics* (Oxford,
/// 1999), §3.4.1; A. D. Sokal, "Monte Carlo methods in statistical mechanics: foundations and new
/// algorithms" (Cargèse lectures, 1996), §3.
public struct MeanEstimate: Sendable, Hashable, Codable {
    /// The sample mean x̄.
    public var mean: Double
    /// The standard error σ(x̄), the estimated standard deviation of x̄ itself.
    public var standardError: Double
    /// The number of samples n.
    public var count: Int

    public init(mean: Double, standardError: Double, count: Int) {
        self.mean = mean
        self.standardError = standardError
        self.count = count
    }

    /// The mean and standard error s/√n of independent samples.
    ///
    /// - Throws: `BoltzmannError` when there are fewer than two samples (no error can be
    ///   estimated) or a sample is not finite.
    public init(samples: [Double]) throws(BoltzmannError) {
        try self.init(samples: samples, integratedAutocorrelationTime: 0.5)
    }

    /// The mean and standard error of correlated samples, σ(x̄) = √(2 τ_int s²/n).
    ///
    /// τ_int = 1/2 for independent samples (no correlation); ``AutocorrelationEstimate/tau``
    /// supplies it for a Markov chain.
    /// - Throws: `BoltzmannError` for fewer than two samples, a non-finite sample, or a τ_int
    ///   that is not a finite number ≥ 0.
    public init(samples: [Double], integratedAutocorrelationTime tau: Double) throws(BoltzmannError) {
        guard tau.isFinite && tau >= 0 else {
            throw BoltzmannError(
                "the integrated autocorrelation time is \(tau), but it must be a finite number ≥ 0",
                fix: "pass the `tau` of an AutocorrelationEstimate, or 0.5 for independent samples",
                source: "integratedAutocorrelationTime")
        }
        let moments = try SampleMoments(samples)
        self.init(
            mean: moments.mean,
            standardError: (2 * tau * moments.variance / Double(samples.count)).squareRoot(),
            count: samples.count)
    }
}

/// Mean and unbiased variance of a series, validated: the shared first step of the estimators.
struct SampleMoments {
    var mean: Double
    /// s² = Σ (xᵢ − x̄)²/(n − 1).
    var variance: Double

    init(_ samples: [Double], name: String = "samples") throws(BoltzmannError) {
        guard samples.count >= 2 else {
            throw BoltzmannError(
                "\(samples.count) sample(s) were given, but an error bar needs at least 2",
                fix: "run more sweeps or measure more often", source: name)
        }
        var sum = 0.0
        for value in samples {
            guard value.isFinite else {
                throw BoltzmannError(
                    "a sample is \(value); statistics need finite numbers",
                    fix: "check the simulation that produced the series for overflow or 0/0",
                    source: name)
            }
            sum += value
        }
        let mean = sum / Double(samples.count)
        var squares = 0.0
        for value in samples {
            let deviation = value - mean
            squares += deviation * deviation
        }
        self.mean = mean
        self.variance = squares / Double(samples.count - 1)
    }
}
