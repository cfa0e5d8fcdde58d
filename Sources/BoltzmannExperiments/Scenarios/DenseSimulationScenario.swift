import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import BoltzmannTheory

/// `dense.simulate`: Monte Carlo of the dense student at finite N (``DenseMonteCarlo``), with
/// the teacher, the M = α N^{p−1}/p! examples and the chains all drawn from the task seed.
///
/// One task runs on one thread (the runner parallelises over tasks); ``DenseMonteCarlo``'s
/// results do not depend on its thread count, so this changes nothing in the values.
public struct DenseSimulationScenario: ExperimentScenario {
    public init() {}

    public var kind: String { "dense.simulate" }
    public var summary: String { "Monte Carlo of the dense student at size N: q*, q, m with error bars" }
    public var isStochastic: Bool { true }
    public var timingResults: [String] { ["sweepsPerSecond", "overlapUpdatesPerSecond"] }

    public var parameters: [ScenarioParameter] {
        DenseTheoryScenario.problemParameters + [
            ScenarioParameter("size", .integer, default: .integer(256), help: "number of spins N"),
            ScenarioParameter("chains", .integer, default: .integer(16), help: "independent chains per disorder sample"),
            ScenarioParameter("sweeps", .integer, default: .integer(200), help: "measurement sweeps per chain"),
            ScenarioParameter("equilibration", .integer, help: "equilibration sweeps (absent: as many as sweeps)"),
            ScenarioParameter("samples", .integer, default: .integer(1), help: "disorder samples (teachers and example sets)"),
            ScenarioParameter("initial", .text, default: .text("random"), choices: ["random", "teacher", "example"],
                              help: "initial condition of the chains"),
            ScenarioParameter("rule", .text, default: .text(UpdateRule.heatBath.rawValue),
                              choices: UpdateRule.allCases.map(\.rawValue), help: "update rule"),
            ScenarioParameter("kernel", .text, default: .text(DenseKernelChoice.automatic.rawValue),
                              choices: DenseKernelChoice.allCases.map(\.rawValue), help: "Monte Carlo kernel"),
            ScenarioParameter("examples", .text, default: .text("exact-teacher"),
                              help: "exact-teacher (exact samples of the teacher) or noise:R (r-noise copies)"),
        ]
    }

    public func check(_ parameters: ScenarioParameters) throws(BoltzmannError) {
        _ = try Self.monteCarloScenario(parameters)
        _ = try Self.monteCarlo(parameters, seed: 0)
    }

    public func run(_ parameters: ScenarioParameters, seed: UInt64) throws(BoltzmannError) -> ResultRecord {
        let scenario = try Self.monteCarloScenario(parameters)
        let result = try Self.monteCarlo(parameters, seed: seed).run(scenario, disorderSamples: parameters.integer("samples"))
        return result.record
    }

    static func monteCarloScenario(_ parameters: ScenarioParameters) throws(BoltzmannError) -> DenseTeacherStudentScenario {
        try monteCarloScenario(
            DenseTheoryScenario.teacherStudent(parameters), size: parameters.integer("size"),
            examples: exampleSource(named: parameters.text("examples")))
    }

    static func monteCarlo(_ parameters: ScenarioParameters, seed: UInt64) throws(BoltzmannError) -> DenseMonteCarlo {
        let rule = try parameters.text("rule")
        let kernel = try parameters.text("kernel")
        guard let updateRule = UpdateRule(rawValue: rule), let kernelChoice = DenseKernelChoice(rawValue: kernel) else {
            throw BoltzmannError("unknown rule \(rule) or kernel \(kernel)", fix: "see `boltzmann dense simulate --help`", source: "rule")
        }
        return try DenseMonteCarlo(
            chains: parameters.integer("chains"), sweeps: parameters.integer("sweeps"),
            equilibrationSweeps: parameters.optionalInteger("equilibration"), rule: updateRule,
            initialCondition: initialCondition(named: parameters.text("initial")), kernel: kernelChoice,
            threads: 1, seed: seed)
    }

    /// The Monte Carlo scenario for a theory scenario at size N: the student of order p at T, the
    /// teacher of order p* at T* (T on the Nishimori line), M = α N^{p−1}/p! examples.
    ///
    /// - Throws: `BoltzmannError` for the direct model (no teacher to learn) and for the p* = 2
    ///   regimes, which are theory-only.
    public static func monteCarloScenario(
        _ theory: DenseTeacherStudent, size: Int, examples: ExampleSource
    ) throws(BoltzmannError) -> DenseTeacherStudentScenario {
        guard let teacherP = theory.teacherP else {
            throw BoltzmannError(
                "simulation needs a teacher, but the scenario is the direct model",
                fix: "set nishimori = true, or teacherP and teacherTemperature", source: "teacherP")
        }
        guard theory.pairwiseRegime == nil else {
            throw BoltzmannError(
                "simulating the p* = 2 regimes is not supported", fix: "use p* = p", source: "regime")
        }
        let teacherTemperature = theory.nishimori ? theory.temperature : (theory.teacherTemperature ?? .nan)
        let m = try DenseLoad.exampleCount(alpha: theory.alpha, order: theory.p, size: size)
        return try DenseTeacherStudentScenario(
            order: theory.p, teacherOrder: teacherP, form: theory.form, teacherForm: theory.form,
            temperature: theory.temperature, teacherTemperature: teacherTemperature, size: size,
            exampleCount: m, exampleSource: examples)
    }

    /// `exact-teacher` (exact samples of the paramagnetic teacher) or `noise:R` (r-noise copies).
    public static func exampleSource(named name: String) throws(BoltzmannError) -> ExampleSource {
        if name == "exact-teacher" { return .exactTeacher(.misaligned) }
        if name.hasPrefix("noise:"), let r = Double(name.dropFirst(6)) { return .noisyCopies(correlation: r) }
        throw BoltzmannError("unknown example source \"\(name)\"", fix: "use exact-teacher or noise:R with R in [-1, 1]",
                             source: "examples")
    }

    /// `random`, `teacher` or `example` (the first example).
    public static func initialCondition(named name: String) throws(BoltzmannError) -> StudentInitialCondition {
        switch name {
        case "random": return .random
        case "teacher": return .teacher
        case "example": return .example(0)
        default:
            throw BoltzmannError("unknown initial condition \"\(name)\"", fix: "use random, teacher or example", source: "initial")
        }
    }
}
