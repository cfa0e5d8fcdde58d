import BoltzmannCore

/// What a dense Hopfield Monte Carlo run measured: the order parameters of MODELS.md §2 with
/// error bars, and the run's diagnostics. Field names match the theory's `OrderParameters`
/// (`qStar`, `q`, `m`), so theory lines and simulation points go in the same table.
///
/// Averages are over the measurement sweeps (every `measurementInterval` sweeps after the
/// equilibration sweeps), then over chains, then over disorder samples. Errors:
/// - one disorder sample: the standard error across chains (chains are independent) of the
///   per-chain time averages; for q, a jackknife over chains (leaving one chain out removes its
///   L − 1 pairs); with a single chain, the time series' error corrected by τ_int;
/// - several disorder samples: the standard error across samples, which contains both the
///   thermal and the disorder fluctuations.
public struct DenseMonteCarloResult: Sendable, Hashable, Codable {
    /// q* = ξ·ξ*/N, the overlap with the teacher (learning); NaN without a teacher.
    public var qStar: Double
    public var qStarError: Double
    /// q = ξ^l·ξ^{l′}/N over pairs of chains (replicas); NaN with one chain.
    public var q: Double
    public var qError: Double
    /// m = ξ·σ¹/N, the overlap with the first example (memorisation).
    public var m: Double
    public var mError: Double
    /// max_a ξ·σ^a/N, the largest (signed) overlap with any example; NaN when not measured.
    public var mMax: Double
    public var mMaxError: Double
    /// Energy per spin H/N.
    public var energy: Double
    public var energyError: Double
    /// Accepted flips / attempts during the measurement sweeps.
    public var acceptance: Double
    /// Sweeps (of all chains) per second during the measurement sweeps.
    public var sweepsPerSecond: Double
    /// Flip attempts × M per second: the throughput figure of the overlap kernels.
    public var overlapUpdatesPerSecond: Double
    /// Integrated autocorrelation time of the energy, in sweeps, averaged over chains (NaN when
    /// the series is too short to estimate it).
    public var autocorrelationTime: Double
    /// Whether the first and second halves of the measurement agree within error (energy and,
    /// with a teacher, q*): |mean₂ − mean₁| ≤ 3σ for the paired difference across chains
    /// (one chain: the two halves' τ_int-corrected errors). `false` with fewer than 4
    /// measurements.
    public var equilibrated: Bool
    /// Chains per disorder sample.
    public var chains: Int
    /// Measurement sweeps.
    public var sweeps: Int
    /// Equilibration sweeps before the measurement.
    public var equilibrationSweeps: Int
    /// Number of spins N.
    public var size: Int
    /// Number of examples (memories) M.
    public var exampleCount: Int
    /// Disorder samples averaged.
    public var disorderSamples: Int
    /// The student temperature T.
    public var temperature: Double
    /// The run seed.
    public var seed: UInt64
    /// The kernel that ran (`DenseKernelChoice` raw value).
    public var kernel: String
}

extension DenseMonteCarloResult {
    /// The result as a table row (order parameters first).
    public var record: ResultRecord {
        ResultRecord([
            "qStar": .number(qStar), "qStarError": .number(qStarError), "q": .number(q), "qError": .number(qError),
            "m": .number(m), "mError": .number(mError), "mMax": .number(mMax), "mMaxError": .number(mMaxError),
            "energy": .number(energy), "energyError": .number(energyError), "acceptance": .number(acceptance),
            "sweepsPerSecond": .number(sweepsPerSecond), "overlapUpdatesPerSecond": .number(overlapUpdatesPerSecond),
            "autocorrelationTime": .number(autocorrelationTime), "equilibrated": .bool(equilibrated),
            "chains": .integer(chains), "sweeps": .integer(sweeps), "equilibrationSweeps": .integer(equilibrationSweeps),
            "N": .integer(size), "M": .integer(exampleCount), "disorderSamples": .integer(disorderSamples),
            "T": .number(temperature), "seed": .integer(Int(truncatingIfNeeded: seed)), "kernel": .text(kernel),
        ])
    }
}
