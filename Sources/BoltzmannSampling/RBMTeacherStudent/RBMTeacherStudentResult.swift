import BoltzmannCore

/// What a Monte Carlo run of the RBM teacher–student problem measured (MODELS.md §3): the
/// Mattis matrix between teacher and student with error bars, the overlap q between student
/// chains, and the run's diagnostics. Field names match the replica theory's (`m`, `q`), so
/// theory lines and simulation points share a table.
///
/// Averages are over the measurements (every `measurementInterval` sweeps after the
/// equilibration), then over chains, then over disorder samples. Errors, as in
/// ``DenseMonteCarloResult``: with one disorder sample, the standard error across chains of the
/// per-chain time averages (q: jackknife over chains; a single chain or pair: the τ_int-corrected
/// error of its series); with several samples, the standard error across samples, which holds
/// the thermal and the disorder fluctuations.
public struct RBMTeacherStudentResult: Sendable, Hashable, Codable {
    /// m: the mean of |m_{μν}| over the greedily matched teacher–student pairs (``MattisMatrix``).
    public var m: Double
    public var mError: Double
    /// The aligned Mattis matrix (P* × P, row-major; matched pairs on the diagonal, signs fixed)
    /// and its entrywise errors.
    public var mMatrix: [Double]
    public var mMatrixError: [Double]
    /// q: the matched mean overlap between two student chains (ξ^l_μ·ξ^k_ν/N matched greedily),
    /// averaged over pairs of chains; NaN with one chain.
    public var q: Double
    public var qError: Double
    /// The log posterior per visible unit, L(ξ)/N (``RBMStudentChain/logPosterior()``).
    public var logPosterior: Double
    public var logPosteriorError: Double
    /// Accepted / proposed moves during the measurement sweeps (single flips for binary
    /// weights, Langevin steps for Gaussian weights).
    public var acceptance: Double
    /// Sweeps of all chains per second during the measurement sweeps.
    public var sweepsPerSecond: Double
    /// Single-weight updates proposed per second over all chains (N·P per sweep).
    public var weightUpdatesPerSecond: Double
    /// Whether the two halves of the measurement agree within 3σ for m and the log posterior
    /// (paired across chains); `false` with fewer than 4 measurements.
    public var equilibrated: Bool
    /// Teacher hidden units P*, student hidden units P.
    public var teacherHidden: Int
    public var studentHidden: Int
    public var chains: Int
    public var sweeps: Int
    public var equilibrationSweeps: Int
    /// Visible units N and examples M = round(αN).
    public var size: Int
    public var exampleCount: Int
    public var disorderSamples: Int
    public var alpha: Double
    public var temperature: Double
    public var teacherTemperature: Double
    public var correlation: Double
    /// `binary` or `gaussian`.
    public var weights: String
    /// `random` or `teacher`.
    public var start: String
    /// The Langevin step ε (Gaussian weights); NaN for binary weights.
    public var stepSize: Double
    public var seed: UInt64
}

extension RBMTeacherStudentResult {
    /// The result as a table row (order parameters first).
    public var record: ResultRecord {
        ResultRecord([
            "m": .number(m), "mError": .number(mError), "q": .number(q), "qError": .number(qError),
            "mMatrix": .list(mMatrix.map { .number($0) }), "mMatrixError": .list(mMatrixError.map { .number($0) }),
            "logPosterior": .number(logPosterior), "logPosteriorError": .number(logPosteriorError),
            "acceptance": .number(acceptance), "sweepsPerSecond": .number(sweepsPerSecond),
            "weightUpdatesPerSecond": .number(weightUpdatesPerSecond), "equilibrated": .bool(equilibrated),
            "PStar": .integer(teacherHidden), "P": .integer(studentHidden), "chains": .integer(chains),
            "sweeps": .integer(sweeps), "equilibrationSweeps": .integer(equilibrationSweeps),
            "N": .integer(size), "M": .integer(exampleCount), "disorderSamples": .integer(disorderSamples),
            "alpha": .number(alpha), "T": .number(temperature), "TStar": .number(teacherTemperature),
            "c": .number(correlation), "weights": .text(weights), "start": .text(start),
            "stepSize": .number(stepSize), "seed": .integer(Int(truncatingIfNeeded: seed)),
        ])
    }
}
