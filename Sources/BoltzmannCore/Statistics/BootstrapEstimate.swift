/// The (block) bootstrap for a function of means, θ = f(⟨x₁⟩, …, ⟨x_K⟩), seeded by a
/// ``RandomStream`` so that the error bar is reproducible.
///
/// Each of R replicas draws B blocks uniformly with replacement from the B blocks of the data
/// and evaluates θ*_r = f(means of the drawn blocks). Then
///
///     θ̄* = (1/R) Σ_r θ*_r,    σ_B² = (1/(R − 1)) Σ_r (θ*_r − θ̄*)²,    bias_B = θ̄* − f(x̄).
///
/// σ_B estimates the standard error of f(x̄). For the plain mean it tends to
/// √((B − 1)/B) · s/√n (the bootstrap uses the plug-in variance), with a Monte Carlo relative
/// error ≈ 1/√(2R) from the finite number of replicas: R = 1000 gives ±2 %. The replicas are kept,
/// so percentile intervals are available (``percentileInterval(coverage:)``).
/// For a Markov chain the blocks must be long compared with τ_int (see ``BlockSums``).
///
/// Source: B. Efron, "Bootstrap methods: another look at the jackknife", Ann. Stat. 7, 1 (1979);
/// B. Efron, R. J. Tibshirani, *An Introduction to the Bootstrap* (Chapman & Hall, 1993), ch. 6
/// and 13; H. R. Künsch, Ann. Stat. 17, 1217 (1989) for blocks.
public struct BootstrapEstimate: Sendable, Hashable, Codable {
    /// f(x̄), the estimate from the full means.
    public var value: Double
    /// σ_B, the bootstrap standard error.
    public var standardError: Double
    /// θ̄* − f(x̄), the bootstrap estimate of the bias of f(x̄).
    public var bias: Double
    /// The replica values θ*_r in the order they were drawn.
    public var replicas: [Double]
    /// The number of blocks B.
    public var blockCount: Int

    public init(value: Double, standardError: Double, bias: Double, replicas: [Double], blockCount: Int) {
        self.value = value
        self.standardError = standardError
        self.bias = bias
        self.replicas = replicas
        self.blockCount = blockCount
    }

    /// The bootstrap of `function` applied to the means of the observables in `series`.
    ///
    /// - Parameters:
    ///   - series: one array per observable, all recorded at the same times.
    ///   - blockSize: samples per block (1 for independent samples).
    ///   - replicaCount: R, the number of resamples.
    ///   - generator: the stream the block indices are drawn from (B draws per replica, via
    ///     ``RandomStream/uniformIndex(below:)``); pass a dedicated substream.
    ///   - function: f, called with the K means (in the order of `series`) R + 1 times.
    /// - Throws: `BoltzmannError` for malformed series (see ``BlockSums``) or R < 2.
    public init(
        series: [[Double]], blockSize: Int = 1, replicaCount: Int = 1000, using generator: inout RandomStream,
        function: ([Double]) -> Double
    ) throws(BoltzmannError) {
        guard replicaCount >= 2 else {
            throw BoltzmannError(
                "\(replicaCount) bootstrap replica(s) were asked for, but an error bar needs at least 2",
                fix: "use 1000 or more replicas (±2 % on the error bar)", source: "replicaCount")
        }
        let blocks = try BlockSums(series: series, blockSize: blockSize)
        let plain = function(blocks.means)
        let k = blocks.observableCount
        let b = blocks.blockCount
        let sampleCount = Double(b * blocks.blockSize)
        var replicas = [Double](repeating: 0, count: replicaCount)
        var means = [Double](repeating: 0, count: k)
        for replica in 0..<replicaCount {
            for observable in 0..<k { means[observable] = 0 }
            for _ in 0..<b {
                let block = generator.uniformIndex(below: b)
                for observable in 0..<k {
                    means[observable] += blocks.sums[block * k + observable]
                }
            }
            for observable in 0..<k { means[observable] /= sampleCount }
            replicas[replica] = function(means)
        }
        let average = replicas.reduce(0, +) / Double(replicaCount)
        let squares = replicas.reduce(0) { $0 + ($1 - average) * ($1 - average) }
        self.init(
            value: plain, standardError: (squares / Double(replicaCount - 1)).squareRoot(), bias: average - plain,
            replicas: replicas, blockCount: b)
    }

    /// The bootstrap of `function` of the mean of a single series.
    public init(
        samples: [Double], blockSize: Int = 1, replicaCount: Int = 1000, using generator: inout RandomStream,
        function: (Double) -> Double = { $0 }
    ) throws(BoltzmannError) {
        try self.init(
            series: [samples], blockSize: blockSize, replicaCount: replicaCount, using: &generator
        ) { function($0[0]) }
    }

    /// The percentile interval [q_{(1−c)/2}, q_{(1+c)/2}] of the replicas for coverage c
    /// (e.g. 0.95), with q_p the replica of rank ⌊p(R − 1)⌉ in sorted order; nil when f returned
    /// NaN for some replica (the replicas cannot be ordered).
    /// - Throws: `BoltzmannError` when the coverage is not strictly between 0 and 1.
    public func percentileInterval(coverage: Double) throws(BoltzmannError) -> ClosedRange<Double>? {
        guard coverage > 0 && coverage < 1 else {
            throw BoltzmannError(
                "the coverage is \(coverage), but it must lie strictly between 0 and 1",
                fix: "give a probability such as 0.68 or 0.95", source: "coverage")
        }
        guard !replicas.contains(where: \.isNaN) else { return nil }
        let sorted = replicas.sorted()
        let last = Double(sorted.count - 1)
        let lower = Int(((1 - coverage) / 2 * last).rounded())
        let upper = Int(((1 + coverage) / 2 * last).rounded())
        return sorted[lower]...sorted[upper]
    }
}
