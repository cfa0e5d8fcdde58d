import BoltzmannCore
import BoltzmannModels
import RealModule

/// The inverse temperatures β_0 = 0 < β_1 ≤ … ≤ β_K = 1 along which annealed importance sampling
/// moves from the independent-layer machine (β = 0) to the model (β = 1).
///
/// - `linear(steps: K)`: β_k = k/K.
/// - `sigmoid(steps: K, steepness: s)`: β_k = (σ(s(2k/K − 1)) − σ(−s)) / (σ(s) − σ(−s)), with
///   σ the logistic function: denser near both ends, where for RBMs the weights change fastest
///   with β. s → 0 gives the linear ladder; s = 4 puts about a quarter of the steps in each 10 %
///   at the ends.
/// - `custom([β])`: the given values, which must start at 0, end at 1 and not decrease.
///
/// The variance of the AIS weights falls roughly as 1/K for long ladders (Neal 2001, §4); a
/// thousand steps suffice for small RBMs, ten thousand or more are usual for MNIST-sized ones
/// (Salakhutdinov and Murray 2008 used 14,500).
public enum AISSchedule: Sendable, Equatable {
    case linear(steps: Int)
    case sigmoid(steps: Int, steepness: Double)
    case custom([Double])

    /// The ladder β_0 = 0, …, β_K = 1 (K + 1 values).
    ///
    /// - Throws: `BoltzmannError` for fewer than one step, a non-positive or non-finite
    ///   steepness, or a custom ladder that does not run from 0 to 1 without decreasing.
    public func betas() throws(BoltzmannError) -> [Double] {
        switch self {
        case .linear(let steps):
            try Self.requireSteps(steps)
            return (0...steps).map { Double($0) / Double(steps) }
        case .sigmoid(let steps, let steepness):
            try Self.requireSteps(steps)
            guard steepness.isFinite, steepness > 0 else {
                throw BoltzmannError(
                    "the sigmoid ladder's steepness \(steepness) is not a positive number",
                    fix: "pass a steepness such as 4 (larger puts more steps near β = 0 and 1)",
                    source: "AIS schedule")
            }
            func logistic(_ x: Double) -> Double { 1 / (1 + Double.exp(-x)) }
            let low = logistic(-steepness)
            let high = logistic(steepness)
            var ladder = (0...steps).map { step in
                (logistic(steepness * (2 * Double(step) / Double(steps) - 1)) - low) / (high - low)
            }
            ladder[0] = 0
            ladder[steps] = 1
            return ladder
        case .custom(let ladder):
            guard ladder.count >= 2, ladder.first == 0, ladder.last == 1,
                ladder.allSatisfy(\.isFinite), zip(ladder, ladder.dropFirst()).allSatisfy({ $0 <= $1 })
            else {
                throw BoltzmannError(
                    "an AIS ladder must start at β = 0, end at β = 1 and never decrease "
                        + "(got \(ladder.count) values from \(ladder.first ?? .nan) to \(ladder.last ?? .nan))",
                    fix: "pass values such as 0, 0.001, …, 1, or use a linear or sigmoid ladder",
                    source: "AIS schedule")
            }
            return ladder
        }
    }

    private static func requireSteps(_ steps: Int) throws(BoltzmannError) {
        guard steps >= 1 else {
            throw BoltzmannError(
                "an AIS ladder needs at least one step, not \(steps)",
                fix: "pass a number of steps such as 1000 (small models) or 10000 (large ones)",
                source: "AIS steps")
        }
    }
}

/// The result of annealed importance sampling: an estimate of log Z with its uncertainty.
public struct AISEstimate: Sendable, Equatable {
    /// log Ẑ = log Z_0 + log((1/R) Σ_r w_r), the log of the (unbiased) estimate of Z.
    ///
    /// Because log is concave, E[log Ẑ] ≤ log Z: in expectation the estimate errs low, and
    /// log-likelihoods computed with it err high (Jensen's inequality; Burda, Grosse and
    /// Salakhutdinov 2015 discuss the consequences).
    public var logZ: Double
    /// The standard error of `logZ` by the delta method: σ_w / (√R · w̄), with w̄ and σ_w the
    /// mean and (unbiased) standard deviation of the weights. Meaningful when the effective
    /// sample size is not tiny; a few dominant weights make it unreliable.
    public var standardError: Double
    /// (Σ_r w_r)² / Σ_r w_r², between 1 (one weight dominates) and R (all equal).
    public var effectiveSampleSize: Double
    /// log(w̄ − 3 σ_w/√R) + log Z_0: the lower end of a ±3 standard error band on Z itself
    /// (Salakhutdinov and Murray 2008, table 1); −∞ when the band reaches zero.
    public var lowerBound: Double
    /// log(w̄ + 3 σ_w/√R) + log Z_0.
    public var upperBound: Double
    /// log Z_0 of the independent-layer machine at β = 0, exact.
    public var logZBase: Double
    /// log w_r per chain (without log Z_0).
    public var logWeights: [Double]
    /// The number of intermediate distributions K (steps of the ladder).
    public var stepCount: Int
}

/// Annealed importance sampling (AIS) of the log-partition function of an RBM.
///
/// The path is the one of ``RestrictedBoltzmannMachine``'s tempering, which scales the couplings
/// only: p_β(v, h) ∝ exp(−E_v(v) − E_h(h) + β vᵀWh). At β = 0 the layers are independent, so
/// log Z_0 = Σ_i Γ_v,i(0) + Σ_j Γ_h,j(0) is exact for every unit kind and p_0 is sampled
/// exactly. One layer (the *tracked* layer, visible by default) is simulated and the other summed
/// out analytically, which lowers the variance (Rao–Blackwellisation); with the visible layer
/// tracked the unnormalised marginal is f_β(v) = −E_v(v) + Σ_j Γ_h,j(β (vW)_j) = −F_β(v).
///
/// Each of R chains starts from x_1 ~ p_0 and accumulates the log-weight
///
///     log w = Σ_{k=1}^{K} [f_{β_k}(x_k) − f_{β_{k−1}}(x_k)],   x_{k+1} ~ T_k(x_k, ·),
///
/// where T_k is one block Gibbs sweep at β_k (tracked layer → other layer → tracked layer),
/// which leaves p_{β_k} invariant. Then E[w] = Z_1/Z_0 and log Ẑ = log Z_0 + log mean_r w_r
/// (Neal 2001). Since f_β − f_β′ involves only the summed-out layer's Γ at the fields u = xW,
/// each step costs one sgemm for u (reused, scaled by β_k, as the fields of the Gibbs half-sweep)
/// and one for the return half-sweep: R chains × K steps × 2·V·H multiply-adds in all. The
/// chains are the rows of one batch, so the products are level-3 BLAS.
///
/// Determinism: every draw comes from `RandomStream(seed: seed)` in a fixed order, so the
/// estimate is bit-identical for a given seed, chain count and ladder.
///
/// Accuracy: the weights are accumulated in Double from Γ's evaluated in Double on Float fields;
/// the statistical error is reported as `standardError` and `effectiveSampleSize`. A good run has
/// an effective sample size that is a sizeable fraction of R; a collapse to a few chains means
/// the ladder is too short for the model.
///
/// Sources: R. M. Neal, "Annealed importance sampling", Statistics and Computing 11, 125 (2001);
/// R. Salakhutdinov and I. Murray, "On the quantitative analysis of deep belief networks",
/// ICML 2008.
public struct AnnealedImportanceSampling: Sendable {
    /// Which layer the chains simulate; the other one is summed out analytically.
    public enum TrackedLayer: String, Sendable, CaseIterable {
        case visible, hidden
    }

    /// The number of independent chains R.
    public var chainCount: Int
    /// The β ladder.
    public var schedule: AISSchedule
    /// The run seed.
    public var seed: UInt64
    public var trackedLayer: TrackedLayer
    /// Threads that run blocks of chains side by side (nil: one per processor). The result does
    /// not depend on it: chains are grouped in fixed blocks of ``blockSize``, each with its own
    /// random substream, and OpenBLAS runs on one thread inside.
    public var threads: Int?

    /// Chains per block: the unit of parallel work and of random substreams.
    public static let blockSize = 32

    public init(
        chainCount: Int = 100, schedule: AISSchedule = .linear(steps: 10_000), seed: UInt64 = 0,
        trackedLayer: TrackedLayer = .visible, threads: Int? = nil
    ) {
        self.chainCount = chainCount
        self.schedule = schedule
        self.seed = seed
        self.trackedLayer = trackedLayer
        self.threads = threads
    }

    /// Estimates log Z of `rbm` (at β = 1).
    ///
    /// - Throws: `BoltzmannError` when the chain count is below 2, the thread count below 1, or
    ///   the ladder is invalid.
    public func estimate(_ rbm: RestrictedBoltzmannMachine) throws(BoltzmannError) -> AISEstimate {
        guard chainCount >= 2 else {
            throw BoltzmannError(
                "AIS needs at least 2 chains for an error bar, not \(chainCount)",
                fix: "pass 100 or more chains", source: "AIS chains")
        }
        if let threads, threads < 1 {
            throw BoltzmannError("AIS needs at least 1 thread, not \(threads)", fix: "pass 1 or more threads", source: "AIS threads")
        }
        let ladder = try schedule.betas()
        let tracked = trackedLayer == .visible ? rbm.visible : rbm.hidden
        let summed = trackedLayer == .visible ? rbm.hidden : rbm.visible
        // β = 0: exact log Z_0 (a product of the two layers).
        let logZBase = tracked.logPartition(inputs: Matrix(rows: 1, columns: tracked.unitCount))[0]
            + summed.logPartition(inputs: Matrix(rows: 1, columns: summed.unitCount))[0]

        let blocks = (chainCount + Self.blockSize - 1) / Self.blockSize
        let results = SharedBuffer<[Double]>(repeating: [], count: blocks)
        let root = RandomStream(seed: seed)
        let trackVisible = trackedLayer == .visible
        let chainCount = self.chainCount
        BLASThreads.withThreads(1) {
            ParallelBlocks.run(blockCount: blocks, workers: threads ?? ParallelBlocks.processorCount) { block in
                var random = root.substream(UInt64(block))
                let chains = min(Self.blockSize, chainCount - block * Self.blockSize)
                results.write(Self.anneal(rbm, trackVisible: trackVisible, chains: chains, ladder: ladder, random: &random), at: block)
            }
        }
        return Self.summary(logWeights: results.array.flatMap { $0 }, logZBase: logZBase, stepCount: ladder.count - 1)
    }

    /// The log importance weights of `chains` chains annealed along `ladder` from exact β = 0
    /// samples of the tracked layer.
    private static func anneal(
        _ rbm: RestrictedBoltzmannMachine, trackVisible: Bool, chains: Int, ladder: [Double], random: inout RandomStream
    ) -> [Double] {
        let tracked = trackVisible ? rbm.visible : rbm.hidden
        let summed = trackVisible ? rbm.hidden : rbm.visible
        var states = Matrix<Float>(rows: chains, columns: tracked.unitCount)
        tracked.sample(inputs: Matrix(rows: chains, columns: tracked.unitCount), into: &states, random: &random)

        var fields = Matrix<Float>(rows: chains, columns: summed.unitCount)  // u = x W (or x Wᵀ)
        var scaledFields = Matrix<Float>(rows: chains, columns: summed.unitCount)
        var summedStates = Matrix<Float>(rows: chains, columns: summed.unitCount)
        var trackedFields = Matrix<Float>(rows: chains, columns: tracked.unitCount)
        var logWeights = [Double](repeating: 0, count: chains)

        for step in 1..<ladder.count {
            let (previous, current) = (ladder[step - 1], ladder[step])
            Matrix.gemm(states, rbm.weights, transposeB: !trackVisible, into: &fields)
            scale(fields, by: Float(previous), into: &scaledFields)
            let before = summed.logPartition(inputs: scaledFields)
            scale(fields, by: Float(current), into: &scaledFields)
            let after = summed.logPartition(inputs: scaledFields)
            for chain in 0..<chains {
                logWeights[chain] += after[chain] - before[chain]
            }
            guard step < ladder.count - 1 else { break }
            // T_k: one block Gibbs sweep at β_k, reusing β_k·u as the summed layer's fields.
            summed.sample(inputs: scaledFields, into: &summedStates, random: &random)
            Matrix.gemm(summedStates, rbm.weights, transposeB: trackVisible, alpha: Float(current), into: &trackedFields)
            tracked.sample(inputs: trackedFields, into: &states, random: &random)
        }
        return logWeights
    }

    /// `source` · β into `target` (same shape).
    private static func scale(_ source: Matrix<Float>, by beta: Float, into target: inout Matrix<Float>) {
        source.withUnsafeBufferPointer { from in
            target.withUnsafeMutableBufferPointer { to in
                for index in 0..<from.count { to[index] = beta * from[index] }
            }
        }
    }

    /// The estimate, its delta-method error, the effective sample size and the ±3σ band from
    /// the log-weights, all computed relative to the largest weight so nothing overflows.
    static func summary(logWeights: [Double], logZBase: Double, stepCount: Int) -> AISEstimate {
        let count = Double(logWeights.count)
        let largest = logWeights.max() ?? 0
        let scaled = logWeights.map { Double.exp($0 - largest) }
        let sum = scaled.reduce(0, +)
        let sumOfSquares = scaled.reduce(0) { $0 + $1 * $1 }
        let mean = sum / count
        let variance = max(0, (sumOfSquares - count * mean * mean) / (count - 1))
        let meanError = (variance / count).squareRoot()
        let logMean = largest + Double.log(mean)
        let upper = largest + Double.log(mean + 3 * meanError)
        let lowerMean = mean - 3 * meanError
        let lower = lowerMean > 0 ? largest + Double.log(lowerMean) : -Double.infinity
        return AISEstimate(
            logZ: logZBase + logMean, standardError: meanError / mean,
            effectiveSampleSize: sum * sum / sumOfSquares, lowerBound: logZBase + lower,
            upperBound: logZBase + upper, logZBase: logZBase, logWeights: logWeights, stepCount: stepCount)
    }
}
