import CLinearAlgebra

/// The integrated autocorrelation time of a stationary series, by Sokal's automatic windowing.
///
/// With x̄ the mean of n samples, the autocovariance and normalised autocorrelation are
///
///     Ĉ(t) = (1/(n−t)) Σᵢ₌₁ⁿ⁻ᵗ (xᵢ − x̄)(xᵢ₊ₜ − x̄),     ρ̂(t) = Ĉ(t)/Ĉ(0),
///
/// and the windowed estimator is τ̂_int(M) = 1/2 + Σₜ₌₁ᴹ ρ̂(t). Summing all lags is useless (the
/// noise of ρ̂(t) at large t adds up to a variance that does not fall with n), so the window M is
/// the smallest M with M ≥ c · τ̂_int(M): long enough to catch the decay (the cut-off bias is about
/// exp(−c) relative for an exponential decay), short enough to keep the noise down. The
/// statistical error is
///
///     σ(τ̂_int) ≈ τ̂_int · √(2(2M + 1)/n)              (Madras–Sokal, valid for M ≪ n).
///
/// c ≈ 4–6 is recommended when the decay is close to a single exponential; the default is 6.
/// The estimate is trustworthy for n ≳ 1000 τ_int. If no M ≤ n/2 satisfies the criterion the
/// series is too short: the estimate at M = n/2 is returned with ``windowFound`` false, and it is
/// then a lower bound at best. A constant series (Ĉ(0) = 0) has no measurable correlation: it gets
/// τ = 1/2 with zero error and window 0.
///
/// Cost O(n·M): each lag is one BLAS dot product of the centred series with itself shifted.
///
/// Source: A. D. Sokal, "Monte Carlo methods in statistical mechanics: foundations and new
/// algorithms" (Cargèse lectures, 1996), §3, eqs. (3.19)–(3.21); N. Madras, A. D. Sokal,
/// J. Stat. Phys. 50, 109 (1988), appendix C.
public struct AutocorrelationEstimate: Sendable, Hashable, Codable {
    /// τ̂_int(M), in units of the sampling interval; 1/2 for uncorrelated samples.
    public var tau: Double
    /// The statistical error σ(τ̂_int) = τ̂_int √(2(2M+1)/n).
    public var tauError: Double
    /// The window M where the sum over lags was cut.
    public var window: Int
    /// Whether the self-consistent window M ≥ c τ̂_int(M) was reached; false means the series is
    /// too short for a reliable τ.
    public var windowFound: Bool
    /// The mean x̄ of the series.
    public var mean: Double
    /// The variance Ĉ(0) of the series (normalised by n, as in the autocovariance).
    public var variance: Double
    /// The number of samples n.
    public var count: Int

    public init(
        tau: Double, tauError: Double, window: Int, windowFound: Bool, mean: Double, variance: Double,
        count: Int
    ) {
        self.tau = tau
        self.tauError = tauError
        self.window = window
        self.windowFound = windowFound
        self.mean = mean
        self.variance = variance
        self.count = count
    }

    /// Estimates τ_int of `series` with window factor `windowFactor` (c).
    ///
    /// - Throws: `BoltzmannError` for fewer than two samples, a non-finite sample, or a window
    ///   factor that is not a finite positive number.
    public init(series: [Double], windowFactor: Double = 6) throws(BoltzmannError) {
        guard windowFactor.isFinite && windowFactor > 0 else {
            throw BoltzmannError(
                "the window factor is \(windowFactor), but it must be a positive number",
                fix: "use c between 4 and 6 (Sokal's recommendation); the default is 6",
                source: "windowFactor")
        }
        let moments = try SampleMoments(series, name: "series")
        let n = series.count
        let centred = series.map { $0 - moments.mean }
        let c0 = moments.variance * Double(n - 1) / Double(n)
        guard c0 > 0 else {
            self.init(tau: 0.5, tauError: 0, window: 0, windowFound: true, mean: moments.mean, variance: 0, count: n)
            return
        }
        let maximumWindow = n / 2
        var tau = 0.5
        var window = 0
        var found = false
        centred.withUnsafeBufferPointer { values in
            guard let base = values.baseAddress else { return }
            while window < maximumWindow {
                window += 1
                let overlap = n - window
                let sum = Self.dot(base, base + window, count: overlap)
                tau += sum / Double(overlap) / c0
                if Double(window) >= windowFactor * tau {
                    found = true
                    break
                }
            }
        }
        self.init(
            tau: tau, tauError: tau * (2 * Double(2 * window + 1) / Double(n)).squareRoot(), window: window,
            windowFound: found, mean: moments.mean, variance: c0, count: n)
    }

    /// Σᵢ xᵢ yᵢ by BLAS `ddot`, in pieces small enough for its 32-bit length argument.
    private static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
        let piece = Int(Int32.max)
        var sum = 0.0
        var start = 0
        while start < count {
            let length = min(piece, count - start)
            sum += cblas_ddot(Int32(length), x + start, 1, y + start, 1)
            start += length
        }
        return sum
    }

    /// The mean with its correlated error bar √(2 τ̂_int Ĉ(0)/n).
    public var meanEstimate: MeanEstimate {
        MeanEstimate(
            mean: mean, standardError: (2 * tau * variance / Double(count)).squareRoot(), count: count)
    }

    /// The effective number of independent samples n/(2 τ̂_int).
    public var effectiveSampleCount: Double {
        Double(count) / (2 * tau)
    }
}
