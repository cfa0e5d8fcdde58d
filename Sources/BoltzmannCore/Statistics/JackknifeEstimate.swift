/// The delete-one-block jackknife for a function of means, θ = f(⟨x₁⟩, …, ⟨x_K⟩): a
/// bias-corrected estimate and a standard error that need no derivative of f.
///
/// With B blocks, x̄ the means over all blocks and x̄₍β₎ the means with block β left out,
///
///     θ̂ = f(x̄),   θ₍β₎ = f(x̄₍β₎),   θ̄ = (1/B) Σ_β θ₍β₎,
///     bias = (B − 1)(θ̄ − θ̂),   θ_J = θ̂ − bias = B θ̂ − (B − 1) θ̄,
///     σ_J² = ((B − 1)/B) Σ_β (θ₍β₎ − θ̄)².
///
/// The correction removes the O(1/n) bias of a smooth f exactly (for f(x̄) = x̄², θ_J is the
/// unbiased x̄² − s²/n), and σ_J agrees with the delta method to leading order. Typical uses:
/// susceptibilities n(⟨m²⟩ − ⟨|m|⟩²), Binder cumulants 1 − ⟨m⁴⟩/(3⟨m²⟩²), ratios of means.
/// For a Markov chain the blocks must be long compared with τ_int (see ``BlockSums``).
///
/// Source: B. Efron, R. J. Tibshirani, *An Introduction to the Bootstrap* (Chapman & Hall,
/// 1993), ch. 11; M. E. J. Newman, G. T. Barkema, *Monte Carlo Methods in Statistical Physics*
/// (Oxford, 1999), §3.4.4.
public struct JackknifeEstimate: Sendable, Hashable, Codable {
    /// θ_J, the bias-corrected estimate.
    public var value: Double
    /// σ_J, the jackknife standard error.
    public var standardError: Double
    /// The estimated bias of the plain estimate, (B − 1)(θ̄ − θ̂).
    public var bias: Double
    /// θ̂ = f(x̄), the plain estimate from the full means.
    public var plainValue: Double
    /// The number of blocks B.
    public var blockCount: Int

    public init(value: Double, standardError: Double, bias: Double, plainValue: Double, blockCount: Int) {
        self.value = value
        self.standardError = standardError
        self.bias = bias
        self.plainValue = plainValue
        self.blockCount = blockCount
    }

    /// The jackknife of `function` applied to the means of the observables in `series`.
    ///
    /// - Parameters:
    ///   - series: one array per observable, all recorded at the same times.
    ///   - blockSize: samples per block (1 for independent samples).
    ///   - function: f, called with the K means (in the order of `series`) B + 1 times.
    /// - Throws: `BoltzmannError` for malformed series (see ``BlockSums``).
    public init(series: [[Double]], blockSize: Int = 1, function: ([Double]) -> Double) throws(BoltzmannError) {
        let blocks = try BlockSums(series: series, blockSize: blockSize)
        let plain = function(blocks.means)
        let k = blocks.observableCount
        let b = blocks.blockCount
        let remainingCount = Double((b - 1) * blocks.blockSize)
        var leaveOneOut = [Double](repeating: 0, count: b)
        var means = [Double](repeating: 0, count: k)
        for block in 0..<b {
            for observable in 0..<k {
                means[observable] = (blocks.totals[observable] - blocks.sums[block * k + observable]) / remainingCount
            }
            leaveOneOut[block] = function(means)
        }
        // θ̄ − θ̂ as the mean of the differences θ₍β₎ − θ̂, which are small: the bias formula
        // multiplies this difference by B − 1, so it is summed where rounding is smallest.
        let shift = leaveOneOut.reduce(0) { $0 + ($1 - plain) } / Double(b)
        let average = plain + shift
        let squares = leaveOneOut.reduce(0) { $0 + ($1 - average) * ($1 - average) }
        let bias = Double(b - 1) * shift
        self.init(
            value: plain - bias, standardError: (Double(b - 1) / Double(b) * squares).squareRoot(), bias: bias,
            plainValue: plain, blockCount: b)
    }

    /// The jackknife of `function` of the mean of a single series.
    public init(samples: [Double], blockSize: Int = 1, function: (Double) -> Double) throws(BoltzmannError) {
        try self.init(series: [samples], blockSize: blockSize) { function($0[0]) }
    }
}
