import BoltzmannCore
import BoltzmannModels
import Dispatch

/// Single-spin-flip Monte Carlo of a dense Hopfield network — the student of a teacher–student
/// problem (spins = weights, memories = examples) or the direct model — with L independent
/// chains, measuring the order parameters of MODELS.md §2 (``DenseMonteCarloResult``).
///
/// A run: build L initial configurations (``StudentInitialCondition``), run
/// `equilibrationSweeps` sweeps, then `sweeps` sweeps measuring every `measurementInterval`
/// sweeps. The dynamics is ``UpdateRule`` (heat bath by default; T = 0 always uses
/// zero-temperature dynamics) on the kernel of ``DenseKernelChoice``.
///
/// Determinism: the run stream is `RandomStream(seed: seed, stream: sample)`; its substream 0
/// draws the initial conditions (chain l: `substream(0).substream(l)`), substream 1 the
/// dynamics (chain l: `substream(1).substream(l)`); for a ``DenseTeacherStudentScenario`` its
/// substream 2 generates the disorder (teacher and examples). Results are bit-identical for
/// any thread count and kernel batch size.
///
/// A Nishimori-line p = 3 student takes two lines:
///
///     let scenario = try DenseTeacherStudentScenario.nishimori(order: 3, alpha: 6, temperature: 2, size: 128)
///     let result = try DenseMonteCarlo(chains: 16, sweeps: 200, seed: 1).run(scenario, disorderSamples: 4)
public struct DenseMonteCarlo: Sendable {
    /// Chains L per disorder sample.
    public var chains: Int
    /// Sweeps measured.
    public var sweeps: Int
    /// Sweeps before measuring.
    public var equilibrationSweeps: Int
    /// Sweeps between two measurements.
    public var measurementInterval: Int
    /// The single-flip acceptance rule at T > 0.
    public var rule: UpdateRule
    /// Where the chains start.
    public var initialCondition: StudentInitialCondition
    /// The kernel.
    public var kernel: DenseKernelChoice
    /// Threads (the kernel splits the chains into this many groups).
    public var threads: Int
    /// Measure the overlap with every example (m_max) at each measurement (M N / 64 word
    /// operations per chain); `false` leaves m_max NaN.
    public var measuresAllExamples: Bool
    /// The run seed.
    public var seed: UInt64

    /// - Throws: `BoltzmannError` when chains, sweeps, measurementInterval or threads is below 1
    ///   or equilibrationSweeps is negative.
    public init(
        chains: Int, sweeps: Int, equilibrationSweeps: Int? = nil, measurementInterval: Int = 1,
        rule: UpdateRule = .heatBath, initialCondition: StudentInitialCondition = .random,
        kernel: DenseKernelChoice = .automatic, threads: Int = 1, measuresAllExamples: Bool = true, seed: UInt64 = 0
    ) throws(BoltzmannError) {
        let equilibration = equilibrationSweeps ?? sweeps
        guard chains >= 1, sweeps >= 1, measurementInterval >= 1, threads >= 1, equilibration >= 0 else {
            throw BoltzmannError(
                "Monte Carlo needs chains, sweeps, measurementInterval and threads ≥ 1 and equilibrationSweeps ≥ 0 "
                    + "(got \(chains), \(sweeps), \(measurementInterval), \(threads), \(equilibration))",
                fix: "pass positive counts", source: "monte carlo")
        }
        self.chains = chains
        self.sweeps = sweeps
        self.equilibrationSweeps = equilibration
        self.measurementInterval = measurementInterval
        self.rule = rule
        self.initialCondition = initialCondition
        self.kernel = kernel
        self.threads = threads
        self.measuresAllExamples = measuresAllExamples
        self.seed = seed
    }

    /// Runs the student of a teacher–student problem (q* measured against its teacher).
    public func run(_ problem: TeacherStudentProblem) throws(BoltzmannError) -> DenseMonteCarloResult {
        try run(network: problem.student, temperature: problem.temperature, teacher: problem.teacherPattern)
    }

    /// Runs a network at temperature T; q* is measured against `teacher` when given (NaN
    /// otherwise, e.g. the direct model with random memories).
    public func run(network: DenseHopfieldNetwork, temperature: Double, teacher: [Int8]? = nil) throws(BoltzmannError) -> DenseMonteCarloResult {
        try run(network: network, temperature: temperature, teacher: teacher, stream: RandomStream(seed: seed, stream: 0))
    }

    /// Runs `disorderSamples` independent realisations of a scenario (teacher, examples and
    /// chains from `RandomStream(seed: seed, stream: s)`) and combines them.
    public func run(_ scenario: DenseTeacherStudentScenario, disorderSamples: Int = 1) throws(BoltzmannError) -> DenseMonteCarloResult {
        guard disorderSamples >= 1 else {
            throw BoltzmannError("disorderSamples must be at least 1, got \(disorderSamples)", fix: "pass ≥ 1", source: "disorderSamples")
        }
        var results: [DenseMonteCarloResult] = []
        for sample in 0..<disorderSamples {
            let stream = RandomStream(seed: seed, stream: UInt64(sample))
            let problem = try scenario.makeProblem(stream: stream.substream(2))
            results.append(try run(network: problem.student, temperature: problem.temperature,
                                   teacher: problem.teacherPattern, stream: stream))
        }
        return Self.combine(results)
    }

    /// The run on an explicit stream (see the type's documentation for its substreams).
    func run(network: DenseHopfieldNetwork, temperature: Double, teacher: [Int8]?, stream: RandomStream) throws(BoltzmannError) -> DenseMonteCarloResult {
        let n = network.size
        guard temperature >= 0, !temperature.isNaN else {
            throw BoltzmannError("the temperature T = \(temperature) must be ≥ 0", fix: "pass T ≥ 0", source: "T")
        }
        if let teacher, teacher.count != n {
            throw BoltzmannError("the teacher has \(teacher.count) entries, the network N = \(n)",
                                 fix: "pass the teacher of these examples", source: "teacher")
        }
        let spins = try initialSpins(network: network, teacher: teacher, stream: stream.substream(0))
        let choice = kernel.resolved(for: network, chains: chains, sweeps: sweeps + equilibrationSweeps)
        var flipKernel = try choice.makeKernel(network: network, spins: spins, threads: threads)
        var streams = (0..<chains).map { stream.substream(1).substream(UInt64($0)) }
        let beta = temperature == 0 ? Double.infinity : 1 / temperature
        let dynamics: UpdateRule = temperature == 0 ? .zeroTemperature : rule

        for _ in 0..<equilibrationSweeps { _ = flipKernel.sweep(beta: beta, rule: dynamics, streams: &streams) }
        var observables = ChainObservables(
            size: n, chains: chains, teacher: teacher, examples: network.memories, allExamples: measuresAllExamples)
        var accepted = 0
        var seconds = 0.0
        for sweep in 1...sweeps {
            let start = DispatchTime.now().uptimeNanoseconds
            accepted += flipKernel.sweep(beta: beta, rule: dynamics, streams: &streams)
            seconds += Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
            if sweep % measurementInterval == 0 { observables.record(flipKernel) }
        }
        let attempts = Double(sweeps) * Double(n) * Double(chains)
        let qStar = teacher == nil ? MeanEstimate(mean: .nan, standardError: .nan, count: 0)
            : ChainObservables.estimate(observables.qStar)
        let q = observables.replicaOverlap()
        let m = ChainObservables.estimate(observables.m)
        let mMax = measuresAllExamples ? ChainObservables.estimate(observables.mMax)
            : MeanEstimate(mean: .nan, standardError: .nan, count: 0)
        let energy = ChainObservables.estimate(observables.energy)
        var equilibrated = observables.halvesAgree(observables.energy)
        if teacher != nil { equilibrated = equilibrated && observables.halvesAgree(observables.qStar) }
        return DenseMonteCarloResult(
            qStar: qStar.mean, qStarError: qStar.standardError, q: q.mean, qError: q.standardError,
            m: m.mean, mError: m.standardError, mMax: mMax.mean, mMaxError: mMax.standardError,
            energy: energy.mean, energyError: energy.standardError,
            acceptance: Double(accepted) / attempts,
            sweepsPerSecond: seconds > 0 ? Double(sweeps) / seconds : .infinity,
            overlapUpdatesPerSecond: seconds > 0 ? attempts * Double(network.memoryCount) / seconds : .infinity,
            autocorrelationTime: observables.autocorrelationTime() * Double(measurementInterval),
            equilibrated: equilibrated, chains: chains, sweeps: sweeps, equilibrationSweeps: equilibrationSweeps,
            size: n, exampleCount: network.memoryCount, disorderSamples: 1, temperature: temperature, seed: seed,
            kernel: choice.rawValue)
    }

    /// L × N initial spins; chain l draws from `stream.substream(l)`.
    func initialSpins(network: DenseHopfieldNetwork, teacher: [Int8]?, stream: RandomStream) throws(BoltzmannError) -> [Int8] {
        let n = network.size
        switch initialCondition {
        case .random:
            var spins = [Int8](repeating: 0, count: chains * n)
            for l in 0..<chains {
                var chainStream = stream.substream(UInt64(l))
                for i in 0..<n { spins[l * n + i] = chainStream.rademacher() }
            }
            return spins
        case .teacher:
            guard let teacher else {
                throw BoltzmannError("the initial condition `teacher` needs a teacher pattern",
                                     fix: "pass the teacher, or start from `random` or an example", source: "initialCondition")
            }
            return Array([[Int8]](repeating: teacher, count: chains).joined())
        case .example(let a):
            guard (0..<network.memoryCount).contains(a) else {
                throw BoltzmannError("there is no example \(a) among \(network.memoryCount)",
                                     fix: "pick an example index below M", source: "initialCondition")
            }
            return Array([[Int8]](repeating: network.memories.pattern(a), count: chains).joined())
        }
    }

    /// Combines disorder samples: means of the per-sample values, errors from their spread
    /// (standard error across samples; one sample keeps its own errors).
    static func combine(_ results: [DenseMonteCarloResult]) -> DenseMonteCarloResult {
        guard results.count >= 2, var combined = results.first else { return results[0] }
        func across(_ value: (DenseMonteCarloResult) -> Double) -> (Double, Double) {
            let values = results.map(value)
            guard let estimate = try? MeanEstimate(samples: values) else {
                return (values.reduce(0, +) / Double(values.count), .nan)
            }
            return (estimate.mean, estimate.standardError)
        }
        (combined.qStar, combined.qStarError) = across(\.qStar)
        (combined.q, combined.qError) = across(\.q)
        (combined.m, combined.mError) = across(\.m)
        (combined.mMax, combined.mMaxError) = across(\.mMax)
        (combined.energy, combined.energyError) = across(\.energy)
        let count = Double(results.count)
        combined.acceptance = results.map(\.acceptance).reduce(0, +) / count
        combined.sweepsPerSecond = results.map(\.sweepsPerSecond).reduce(0, +) / count
        combined.overlapUpdatesPerSecond = results.map(\.overlapUpdatesPerSecond).reduce(0, +) / count
        combined.autocorrelationTime = results.map(\.autocorrelationTime).reduce(0, +) / count
        combined.equilibrated = results.allSatisfy(\.equilibrated)
        combined.disorderSamples = results.count
        return combined
    }
}
