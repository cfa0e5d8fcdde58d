import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import BoltzmannTheory

/// The RBM teacher–student problem (arXiv 2410.16150, MODELS.md §3) as experiment kinds:
/// `rbm.teacher-student.theory` (``RBMTeacherStudentTheory``), `rbm.teacher-student.simulate`
/// (``RBMTeacherStudentMonteCarlo``) and `rbm.critical-load` (``RBMCriticalLoad``).
enum RBMTeacherStudentParameters {
    static let problem: [ScenarioParameter] = [
        ScenarioParameter("teacherHidden", .integer, default: .integer(1), help: "teacher hidden units (patterns) P*"),
        ScenarioParameter("studentHidden", .integer, default: .integer(1), help: "student hidden units P"),
        ScenarioParameter("correlation", .number, default: .number(0), help: "correlation c ∈ [0, 1) of the teacher's patterns"),
        ScenarioParameter("alpha", .number, required: true, help: "load α = M/N"),
        ScenarioParameter("temperature", .number, required: true, help: "student temperature T"),
        ScenarioParameter("teacherTemperature", .number, help: "teacher temperature T* (absent: T, the Nishimori line)"),
        ScenarioParameter("weights", .text, default: .text("binary"), choices: RBMTeacherStudentScenario.Weights.allCases.map(\.rawValue),
                          help: "student weight prior"),
    ]

    static func scenario(_ parameters: ScenarioParameters, alpha: Double? = nil) throws(BoltzmannError) -> RBMTeacherStudentScenario {
        let weights = try parameters.optionalText("weights") ?? "binary"
        guard let prior = RBMTeacherStudentScenario.Weights(rawValue: weights) else {
            throw BoltzmannError("unknown weights \"\(weights)\"", fix: "use binary or gaussian", source: "weights")
        }
        let load: Double
        if let alpha { load = alpha } else { load = try parameters.number("alpha") }
        return try RBMTeacherStudentScenario(
            teacherHidden: parameters.integer("teacherHidden"), studentHidden: parameters.optionalInteger("studentHidden") ?? 1,
            correlation: parameters.number("correlation"), alpha: load,
            temperature: parameters.number("temperature"), teacherTemperature: parameters.optionalNumber("teacherTemperature"),
            weights: prior)
    }
}

/// `rbm.teacher-student.theory`: the RS equilibrium (m, q, free entropy, learning or not).
public struct RBMTeacherStudentTheoryScenario: ExperimentScenario {
    public init() {}
    public var kind: String { "rbm.teacher-student.theory" }
    public var summary: String { "RS theory of the RBM teacher–student problem: Mattis overlap m, q, phase" }
    public var isStochastic: Bool { false }
    public var parameters: [ScenarioParameter] { RBMTeacherStudentParameters.problem }

    public func check(_ parameters: ScenarioParameters) throws(BoltzmannError) {
        _ = try RBMTeacherStudentParameters.scenario(parameters)
    }

    public func run(_ parameters: ScenarioParameters, seed: UInt64) throws(BoltzmannError) -> ResultRecord {
        Self.results(of: try RBMTeacherStudentTheory.solve(RBMTeacherStudentParameters.scenario(parameters)))
    }

    /// m = the largest |m_{μν}| of the equilibrium, q = the mean diagonal of its q matrix, the free
    /// entropy, phase (learning / not learning), stability, convergence and the method used.
    public static func results(of solution: RBMTeacherStudentSolution) -> ResultRecord {
        let state = solution.equilibrium
        let diagonal = state.q.indices.compactMap { i in i < state.q[i].count ? state.q[i][i] : nil }
        var record = ResultRecord([
            "m": .number(state.largestOverlap),
            "q": .number(diagonal.isEmpty ? .nan : diagonal.reduce(0, +) / Double(diagonal.count)),
            "freeEntropy": .number(state.freeEntropy), "phase": .text(solution.phase), "stable": .bool(state.stable),
            "converged": .bool(solution.converged), "iterations": .integer(solution.iterations),
            "method": .text(solution.method.rawValue),
        ])
        if let message = state.message { record["message"] = .text(message) }
        return record
    }
}

/// `rbm.teacher-student.simulate`: Monte Carlo of the student's posterior at size N.
public struct RBMTeacherStudentSimulationScenario: ExperimentScenario {
    public init() {}
    public var kind: String { "rbm.teacher-student.simulate" }
    public var summary: String { "Monte Carlo of the RBM student at size N: m, q with error bars" }
    public var isStochastic: Bool { true }
    public var timingResults: [String] { ["sweepsPerSecond", "weightUpdatesPerSecond"] }
    public var parameters: [ScenarioParameter] {
        RBMTeacherStudentParameters.problem + [
            ScenarioParameter("size", .integer, default: .integer(100), help: "visible units N"),
            ScenarioParameter("chains", .integer, default: .integer(8), help: "student chains per disorder sample"),
            ScenarioParameter("sweeps", .integer, default: .integer(200), help: "measurement sweeps"),
            ScenarioParameter("equilibration", .integer, help: "equilibration sweeps (absent: as many as sweeps)"),
            ScenarioParameter("samples", .integer, default: .integer(1), help: "disorder samples"),
            ScenarioParameter("start", .text, default: .text("random"),
                              choices: RBMTeacherStudentMonteCarlo.Start.allCases.map(\.rawValue), help: "where the chains start"),
        ]
    }

    public func check(_ parameters: ScenarioParameters) throws(BoltzmannError) {
        _ = try RBMTeacherStudentParameters.scenario(parameters)
        _ = try monteCarlo(parameters, seed: 0)
        guard try parameters.integer("size") >= 2, try parameters.integer("samples") >= 1 else {
            throw BoltzmannError("size must be at least 2 and samples at least 1", fix: "raise size or samples", source: "size")
        }
    }

    public func run(_ parameters: ScenarioParameters, seed: UInt64) throws(BoltzmannError) -> ResultRecord {
        try monteCarlo(parameters, seed: seed).run(
            RBMTeacherStudentParameters.scenario(parameters), size: parameters.integer("size"),
            disorderSamples: parameters.integer("samples")
        ).record
    }

    private func monteCarlo(_ parameters: ScenarioParameters, seed: UInt64) throws(BoltzmannError) -> RBMTeacherStudentMonteCarlo {
        let start = try parameters.text("start")
        guard let origin = RBMTeacherStudentMonteCarlo.Start(rawValue: start) else {
            throw BoltzmannError("unknown start \"\(start)\"", fix: "use random or teacher", source: "start")
        }
        return try RBMTeacherStudentMonteCarlo(
            chains: parameters.integer("chains"), sweeps: parameters.integer("sweeps"),
            equilibrationSweeps: parameters.optionalInteger("equilibration"), start: origin, threads: 1, seed: seed)
    }
}

/// `rbm.critical-load`: α_crit = T² T*² / λ_max(D C), where the student starts to learn.
public struct RBMCriticalLoadScenario: ExperimentScenario {
    public init() {}
    public var kind: String { "rbm.critical-load" }
    public var summary: String { "critical load α_crit of the RBM teacher–student problem" }
    public var isStochastic: Bool { false }
    public var parameters: [ScenarioParameter] {
        RBMTeacherStudentParameters.problem.filter { !["alpha", "studentHidden", "weights"].contains($0.name) }
    }

    public func check(_ parameters: ScenarioParameters) throws(BoltzmannError) {
        _ = try RBMTeacherStudentParameters.scenario(parameters, alpha: 0)
    }

    public func run(_ parameters: ScenarioParameters, seed: UInt64) throws(BoltzmannError) -> ResultRecord {
        let load = try RBMCriticalLoad.compute(RBMTeacherStudentParameters.scenario(parameters, alpha: 0))
        return ResultRecord(["alphaCritical": .number(load.alphaCritical), "lambdaMax": .number(load.lambdaMax)])
    }
}
