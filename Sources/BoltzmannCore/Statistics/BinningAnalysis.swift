/// Binning (blocking) analysis: the standard error of a correlated series' mean as a function of
/// the bin size, and its plateau.
///
/// At level k the series is cut into m_k = ⌊n/B⌋ bins of B = 2ᵏ consecutive samples (a trailing
/// partial bin is dropped), and the bin means yⱼ are treated as independent:
///
///     σ_k² = Σⱼ (yⱼ − ȳ)² / (m_k (m_k − 1)),      δσ_k = σ_k / √(2(m_k − 1)),
///
/// δσ_k being the statistical uncertainty of σ_k itself (Gaussian bins). Bins much longer than
/// the autocorrelation time are independent, so σ_k rises with k and saturates at the true error
///
///     σ_∞² = 2 τ_int σ²/n,     hence  τ_int ≈ σ_∞² / (2 σ₀²).
///
/// The bias of σ_k² is about −τ_int/B relative, so the plateau needs B ≫ τ_int; the noise δσ_k
/// grows as bins get fewer, so levels stop at `minimumBinCount` bins.
///
/// Plateau rule: the plateau begins at the first level L ≥ 1 that is not significantly above its
/// predecessor, σ_L − σ_{L−1} ≤ 2 δσ_L, and its σ_L is the error estimate (a constant series gets
/// its plateau, 0, at L = 1). While the error is still rising it grows by up to √2 per level,
/// far more than 2δσ, so the rule fires only once the growth has fallen to the noise level. If
/// every level rises significantly, the series is too short and ``plateau`` is nil.
///
/// Source: H. Flyvbjerg, H. G. Petersen, "Error estimates on averages of correlated data",
/// J. Chem. Phys. 91, 461 (1989); M. E. J. Newman, G. T. Barkema, *Monte Carlo Methods in
/// Statistical Physics* (Oxford, 1999), §3.4.2.
public struct BinningAnalysis: Sendable, Hashable, Codable {
    /// One bin size of the analysis.
    public struct Level: Sendable, Hashable, Codable {
        /// Samples per bin, B = 2ᵏ.
        public var binSize: Int
        /// Number of complete bins m = ⌊n/B⌋.
        public var binCount: Int
        /// σ_k, the standard error of the mean computed from the bin means.
        public var standardError: Double
        /// δσ_k = σ_k/√(2(m − 1)), the uncertainty of σ_k.
        public var standardErrorUncertainty: Double
    }

    /// Levels k = 0, 1, … (bin sizes 1, 2, 4, …) down to `minimumBinCount` bins.
    public var levels: [Level]
    /// Index in ``levels`` of the first plateau level, nil if the error never levelled off.
    public var plateauIndex: Int?
    /// The mean of the whole series.
    public var mean: Double
    /// The number of samples n.
    public var count: Int

    /// Bins `series` at sizes 1, 2, 4, … while at least `minimumBinCount` bins remain.
    ///
    /// - Throws: `BoltzmannError` when a sample is not finite, `minimumBinCount` < 2, or the
    ///   series is shorter than 2 · `minimumBinCount` (not even two levels).
    public init(series: [Double], minimumBinCount: Int = 32) throws(BoltzmannError) {
        guard minimumBinCount >= 2 else {
            throw BoltzmannError(
                "the minimum bin count is \(minimumBinCount), but a bin error needs at least 2 bins",
                fix: "use 32 or more bins (the default) so that each error is known to ±13 %",
                source: "minimumBinCount")
        }
        guard series.count >= 2 * minimumBinCount else {
            throw BoltzmannError(
                "the series has \(series.count) samples, too few for two binning levels of \(minimumBinCount) bins",
                fix: "record at least \(2 * minimumBinCount) samples, or lower minimumBinCount",
                source: "series")
        }
        let moments = try SampleMoments(series, name: "series")
        var levels: [Level] = []
        // Bin means of the current level, halved in length at each step.
        var means = series
        var binSize = 1
        while means.count >= minimumBinCount {
            let m = means.count
            let average = means.reduce(0, +) / Double(m)
            let squares = means.reduce(0) { $0 + ($1 - average) * ($1 - average) }
            let error = (squares / Double(m * (m - 1))).squareRoot()
            levels.append(Level(
                binSize: binSize, binCount: m, standardError: error,
                standardErrorUncertainty: error / (2 * Double(m - 1)).squareRoot()))
            let pairs = m / 2
            for index in 0..<pairs {
                means[index] = 0.5 * (means[2 * index] + means[2 * index + 1])
            }
            means.removeLast(m - pairs)
            binSize *= 2
        }
        self.levels = levels
        self.plateauIndex = levels.indices.dropFirst().first { index in
            levels[index].standardError - levels[index - 1].standardError
                <= 2 * levels[index].standardErrorUncertainty
        }
        self.mean = moments.mean
        self.count = series.count
    }

    /// The plateau level, or nil if the error was still rising at the largest bins.
    public var plateau: Level? {
        plateauIndex.map { levels[$0] }
    }

    /// The mean with the plateau error bar, nil without a plateau.
    public var meanEstimate: MeanEstimate? {
        plateau.map { MeanEstimate(mean: mean, standardError: $0.standardError, count: count) }
    }

    /// τ_int ≈ σ_L²/(2σ₀²) from the plateau level L, nil without a plateau.
    public var integratedAutocorrelationTime: Double? {
        guard let plateau, levels[0].standardError > 0 else { return nil }
        let ratio = plateau.standardError / levels[0].standardError
        return 0.5 * ratio * ratio
    }
}
