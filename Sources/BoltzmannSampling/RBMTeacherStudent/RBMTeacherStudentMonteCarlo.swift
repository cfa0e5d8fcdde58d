import BoltzmannCore
import BoltzmannModels
import Dispatch

/// Monte Carlo of the RBM teacher–student problem (arXiv 2410.16150, MODELS.md §3) at a finite
/// size N: draw a teacher (``RBMTeacher``, correlated patterns), M = round(αN) exact examples
/// (block Gibbs of the teacher RBM when P* is too large to enumerate),
/// then run L chains of the student posterior — Metropolis single flips for binary weights
/// (``BinaryStudentChain``), Metropolis-adjusted Langevin for Gaussian weights
/// (``GaussianStudentChain``) — and measure the Mattis matrix, m and q
/// (``RBMTeacherStudentResult``).
///
/// A run: `equilibrationSweeps` sweeps, then `sweeps` sweeps measuring every
/// `measurementInterval` sweeps. Chains start at independent random weights (±1 uniform, or
/// N(0, 1)) or at the teacher (the informed start: student unit μ < min(P, P*) at ξ*_μ, the
/// others random).
///
/// Determinism: disorder sample s uses `RandomStream(seed: seed, stream: s)`; its substream 2
/// draws the teacher (`substream(2).substream(0)`) and the examples (`substream(2).substream(1)`),
/// substream 0 the initial weights (chain l: `substream(0).substream(l)`), substream 1 the
/// dynamics (chain l: `substream(1).substream(l)`). Chains are split into contiguous groups over
/// `threads` threads between measurements; every chain only uses its own stream, so results are
/// bit-identical for any thread count.
///
///     let scenario = try RBMTeacherStudentScenario(alpha: 3, temperature: 1)
///     let result = try RBMTeacherStudentMonteCarlo(chains: 8, sweeps: 200, seed: 1)
///         .run(scenario, size: 200, disorderSamples: 4)
public struct RBMTeacherStudentMonteCarlo: Sendable {
    /// Where the student chains start.
    public enum Start: String, Sendable, Hashable, Codable, CaseIterable {
        /// Independent random weights per chain.
        case random
        /// The teacher's patterns (informed start; on the Nishimori line an equilibrium sample).
        case teacher
    }

    /// Chains L per disorder sample.
    public var chains: Int
    /// Sweeps measured.
    public var sweeps: Int
    /// Sweeps before measuring.
    public var equilibrationSweeps: Int
    /// Sweeps between two measurements.
    public var measurementInterval: Int
    /// Where the chains start.
    public var start: Start
    /// Langevin step ε for Gaussian weights; nil: ``GaussianStudentChain/defaultStepSize(size:hiddenCount:alpha:beta:)``.
    public var stepSize: Double?
    /// Threads over chains.
    public var threads: Int
    /// The run seed.
    public var seed: UInt64

    /// - Throws: `BoltzmannError` when chains, sweeps, measurementInterval or threads is below 1,
    ///   equilibrationSweeps is negative, or the step size is not finite and positive.
    public init(
        chains: Int, sweeps: Int, equilibrationSweeps: Int? = nil, measurementInterval: Int = 1,
        start: Start = .random, stepSize: Double? = nil, threads: Int = 1, seed: UInt64 = 0
    ) throws(BoltzmannError) {
        let equilibration = equilibrationSweeps ?? sweeps
        guard chains >= 1, sweeps >= 1, measurementInterval >= 1, threads >= 1, equilibration >= 0 else {
            throw BoltzmannError(
                "Monte Carlo needs chains, sweeps, measurementInterval and threads ≥ 1 and equilibrationSweeps ≥ 0 "
                    + "(got \(chains), \(sweeps), \(measurementInterval), \(threads), \(equilibration))",
                fix: "pass positive counts", source: "monte carlo")
        }
        if let stepSize, !(stepSize.isFinite && stepSize > 0) {
            throw BoltzmannError("the Langevin step size \(stepSize) must be finite and positive",
                                 fix: "pass --step-size > 0, e.g. 0.05", source: "step-size")
        }
        self.chains = chains
        self.sweeps = sweeps
        self.equilibrationSweeps = equilibration
        self.measurementInterval = measurementInterval
        self.start = start
        self.stepSize = stepSize
        self.threads = threads
        self.seed = seed
    }

    /// Block Gibbs settings for teachers with P* > ``RBMTeacher/maxEnumeratedHidden`` (whose
    /// examples cannot be drawn exactly): chains, burn-in sweeps, sweeps between examples.
    static let teacherChains = 64
    static let teacherBurnIn = 500
    static let teacherSpacing = 10

    /// M = round(α N) examples.
    public static func exampleCount(alpha: Double, size: Int) -> Int {
        Int((alpha * Double(size)).rounded())
    }

    /// Runs `disorderSamples` independent teachers and example sets of a scenario at size N and
    /// combines them.
    ///
    /// - Throws: `BoltzmannError` when N < 2, disorderSamples < 1, or the teacher or student is
    ///   too large to enumerate its hidden states.
    public func run(_ scenario: RBMTeacherStudentScenario, size: Int, disorderSamples: Int = 1) throws(BoltzmannError) -> RBMTeacherStudentResult {
        guard size >= 2 else {
            throw BoltzmannError("the size N = \(size) is too small", fix: "pass --size ≥ 2", source: "size")
        }
        guard disorderSamples >= 1 else {
            throw BoltzmannError("disorderSamples must be at least 1, got \(disorderSamples)", fix: "pass --samples ≥ 1", source: "samples")
        }
        let m = Self.exampleCount(alpha: scenario.alpha, size: size)
        guard Double(m) * Double(size) <= 4e9 else {
            throw BoltzmannError("M·N = \(m)·\(size) examples entries do not fit in memory", fix: "lower --alpha or --size", source: "alpha")
        }
        var results: [RBMTeacherStudentResult] = []
        for sample in 0..<disorderSamples {
            let stream = RandomStream(seed: seed, stream: UInt64(sample))
            var teacherStream = stream.substream(2).substream(0)
            var exampleStream = stream.substream(2).substream(1)
            let teacher = try RBMTeacher(scenario: scenario, size: size, stream: &teacherStream)
            let examples = teacher.hiddenCount <= RBMTeacher.maxEnumeratedHidden
                ? try teacher.sampleExamples(count: m, stream: &exampleStream)
                : try teacher.blockGibbsExamples(
                    count: m, chains: Self.teacherChains, burnInSweeps: Self.teacherBurnIn,
                    sweepsBetween: Self.teacherSpacing, stream: &exampleStream)
            results.append(try run(scenario, teacher: teacher, examples: examples, stream: stream))
        }
        return Self.combine(results)
    }

    /// One disorder sample: the student of `scenario` on given examples (M × N, ±1), measured
    /// against `teacher`, on `stream` (substreams 0 and 1 as in the type's documentation).
    public func run(
        _ scenario: RBMTeacherStudentScenario, teacher: RBMTeacher, examples: [Int8], stream: RandomStream
    ) throws(BoltzmannError) -> RBMTeacherStudentResult {
        let n = teacher.size
        let data = try RBMStudentData(
            examples: examples, exampleCount: examples.count / n, size: n, hiddenCount: scenario.studentHidden,
            beta: scenario.beta)
        switch scenario.weights {
        case .binary:
            let students = (0..<chains).map { l in
                BinaryStudentChain(data: data, weights: initialBinaryWeights(teacher: teacher, hidden: data.hiddenCount,
                                                                             stream: stream.substream(0).substream(UInt64(l))))
            }
            return measure(students, scenario: scenario, teacher: teacher, exampleCount: data.exampleCount, stepSize: .nan, stream: stream)
        case .gaussian:
            let step = stepSize ?? GaussianStudentChain.defaultStepSize(
                size: n, hiddenCount: data.hiddenCount, alpha: scenario.alpha, beta: scenario.beta)
            let students = (0..<chains).map { l in
                GaussianStudentChain(data: data, weights: initialGaussianWeights(teacher: teacher, hidden: data.hiddenCount,
                                                                                 stream: stream.substream(0).substream(UInt64(l))),
                                     stepSize: step)
            }
            return measure(students, scenario: scenario, teacher: teacher, exampleCount: data.exampleCount, stepSize: step, stream: stream)
        }
    }

    /// Random ±1 weights, or the teacher's columns first (informed start).
    func initialBinaryWeights(teacher: RBMTeacher, hidden p: Int, stream: RandomStream) -> [Int8] {
        var random = stream
        var weights = [Int8](repeating: 0, count: teacher.size * p)
        random.fillRademacher(&weights)
        if start == .teacher { copyTeacher(teacher, into: &weights, hidden: p) }
        return weights
    }

    /// N(0, 1) weights, or the teacher's columns first (informed start).
    func initialGaussianWeights(teacher: RBMTeacher, hidden p: Int, stream: RandomStream) -> [Double] {
        var random = stream
        var weights = [Double](repeating: 0, count: teacher.size * p)
        random.fillGaussian(&weights)
        if start == .teacher { copyTeacher(teacher, into: &weights, hidden: p) }
        return weights
    }

    func copyTeacher<Scalar: Numeric>(_ teacher: RBMTeacher, into weights: inout [Scalar], hidden p: Int) {
        let shared = min(p, teacher.hiddenCount)
        for i in 0..<teacher.size {
            for mu in 0..<shared {
                weights[i * p + mu] = Scalar(exactly: Int(teacher.patterns[i * teacher.hiddenCount + mu]))!
            }
        }
    }

    /// Equilibrates, measures and summarises the chains of one disorder sample.
    func measure<Chain: RBMStudentChain>(
        _ initial: [Chain], scenario: RBMTeacherStudentScenario, teacher: RBMTeacher, exampleCount: Int,
        stepSize: Double, stream: RandomStream
    ) -> RBMTeacherStudentResult {
        var students = initial
        var streams = (0..<chains).map { stream.substream(1).substream(UInt64($0)) }
        _ = Self.advance(&students, streams: &streams, sweeps: equilibrationSweeps, threads: threads)
        var observables = RBMStudentObservables(teacher: teacher, studentHidden: scenario.studentHidden, chains: chains)
        var accepted = 0
        var seconds = 0.0
        var done = 0
        while done < sweeps {
            let block = min(measurementInterval, sweeps - done)
            let begin = DispatchTime.now().uptimeNanoseconds
            accepted += Self.advance(&students, streams: &streams, sweeps: block, threads: threads)
            seconds += Double(DispatchTime.now().uptimeNanoseconds - begin) * 1e-9
            done += block
            if block == measurementInterval { observables.record(students) }
        }
        let proposals = Double(sweeps) * Double(chains) * Double(students[0].proposalsPerSweep)
        let updates = Double(sweeps) * Double(chains) * Double(teacher.size * scenario.studentHidden)
        let m = ChainObservables.estimate(observables.m)
        let logPosterior = ChainObservables.estimate(observables.logPosterior)
        let entries = (0..<(teacher.hiddenCount * scenario.studentHidden)).map {
            ChainObservables.estimate(observables.matrixSeries($0))
        }
        let q = observables.replicaOverlap()
        return RBMTeacherStudentResult(
            m: m.mean, mError: m.standardError, mMatrix: entries.map { $0.mean }, mMatrixError: entries.map { $0.standardError },
            q: q.mean, qError: q.standardError, logPosterior: logPosterior.mean, logPosteriorError: logPosterior.standardError,
            acceptance: Double(accepted) / proposals,
            sweepsPerSecond: seconds > 0 ? Double(sweeps) / seconds : .infinity,
            weightUpdatesPerSecond: seconds > 0 ? updates / seconds : .infinity,
            equilibrated: RBMStudentObservables.halvesAgree(observables.m)
                && RBMStudentObservables.halvesAgree(observables.logPosterior),
            teacherHidden: teacher.hiddenCount, studentHidden: scenario.studentHidden, chains: chains, sweeps: sweeps,
            equilibrationSweeps: equilibrationSweeps, size: teacher.size, exampleCount: exampleCount,
            disorderSamples: 1, alpha: scenario.alpha, temperature: scenario.temperature,
            teacherTemperature: scenario.teacherTemperature, correlation: scenario.correlation,
            weights: scenario.weights.rawValue, start: start.rawValue, stepSize: stepSize, seed: seed)
    }

    /// Runs every chain `sweeps` sweeps, chains split into contiguous groups over `threads`
    /// threads; returns the accepted proposals.
    static func advance<Chain: RBMStudentChain>(
        _ students: inout [Chain], streams: inout [RandomStream], sweeps: Int, threads: Int
    ) -> Int {
        guard sweeps > 0 else { return 0 }
        let count = students.count
        let groups = min(threads, count)
        var accepted = [Int](repeating: 0, count: count)
        students.withUnsafeMutableBufferPointer { chainBuffer in
            streams.withUnsafeMutableBufferPointer { streamBuffer in
                accepted.withUnsafeMutableBufferPointer { acceptedBuffer in
                    let shared = ChainBuffers(chains: chainBuffer.baseAddress!, streams: streamBuffer.baseAddress!,
                                              accepted: acceptedBuffer.baseAddress!)
                    let work: @Sendable (Int) -> Void = { group in
                        for l in (count * group / groups)..<(count * (group + 1) / groups) {
                            for _ in 0..<sweeps { shared.accepted[l] += shared.chains[l].sweep(random: &shared.streams[l]) }
                        }
                    }
                    if groups == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: groups, execute: work) }
                }
            }
        }
        return accepted.reduce(0, +)
    }

    /// Raw views of the chains, their streams and counters; each thread touches only its chains.
    struct ChainBuffers<Chain>: @unchecked Sendable {
        let chains: UnsafeMutablePointer<Chain>
        let streams: UnsafeMutablePointer<RandomStream>
        let accepted: UnsafeMutablePointer<Int>
    }

    /// Combines disorder samples: means of the per-sample values, errors from their spread
    /// (standard error across samples; one sample keeps its own errors).
    static func combine(_ results: [RBMTeacherStudentResult]) -> RBMTeacherStudentResult {
        guard results.count >= 2, var combined = results.first else { return results[0] }
        func across(_ values: [Double]) -> (Double, Double) {
            guard let estimate = try? MeanEstimate(samples: values) else {
                return (values.reduce(0, +) / Double(values.count), .nan)
            }
            return (estimate.mean, estimate.standardError)
        }
        (combined.m, combined.mError) = across(results.map(\.m))
        (combined.q, combined.qError) = across(results.map(\.q))
        (combined.logPosterior, combined.logPosteriorError) = across(results.map(\.logPosterior))
        for entry in combined.mMatrix.indices {
            (combined.mMatrix[entry], combined.mMatrixError[entry]) = across(results.map { $0.mMatrix[entry] })
        }
        let count = Double(results.count)
        combined.acceptance = results.map(\.acceptance).reduce(0, +) / count
        combined.sweepsPerSecond = results.map(\.sweepsPerSecond).reduce(0, +) / count
        combined.weightUpdatesPerSecond = results.map(\.weightUpdatesPerSecond).reduce(0, +) / count
        combined.equilibrated = results.allSatisfy(\.equilibrated)
        combined.disorderSamples = results.count
        return combined
    }
}
