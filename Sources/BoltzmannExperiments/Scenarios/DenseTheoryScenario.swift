import BoltzmannCore
import BoltzmannModels
import BoltzmannTheory

/// `dense.theory`: the replica-symmetric saddle point of the dense teacher–student problem at
/// one (α, T), solved by ``RSSolver`` from its four initialisations (MODELS.md §2).
public struct DenseTheoryScenario: ExperimentScenario {
    public init() {}

    public var kind: String { "dense.theory" }
    public var summary: String { "RS saddle point (q*, q, m, free entropy, phase) of the dense teacher–student problem" }
    public var isStochastic: Bool { false }

    /// The parameters that define a `DenseTeacherStudent`, shared with `dense.simulate`.
    static let problemParameters: [ScenarioParameter] = [
        ScenarioParameter("p", .integer, required: true, help: "student interaction order p ≥ 2"),
        ScenarioParameter("teacherP", .integer, help: "teacher order p*; absent: the direct model (random patterns)"),
        ScenarioParameter("teacherTemperature", .number, help: "teacher temperature T*; with nishimori it equals T"),
        ScenarioParameter("nishimori", .bool, default: .bool(false), help: "Bayes-optimal student: p* = p, T* = T"),
        ScenarioParameter("form", .text, default: .text("gardner"), choices: ["gardner", "krotov", "krotov-rectified"],
                          help: "Hamiltonian form"),
        ScenarioParameter("alpha", .number, required: true, help: "load α > 0 (M = α N^{p−1}/p!)"),
        ScenarioParameter("temperature", .number, required: true, help: "student temperature T"),
    ]

    public var parameters: [ScenarioParameter] {
        var list = Self.problemParameters
        list.insert(
            ScenarioParameter("regime", .text, choices: ["large-noise", "finite-noise"],
                              help: "regime of a p* = 2 teacher"), at: 5)
        return list
    }

    public func check(_ parameters: ScenarioParameters) throws(BoltzmannError) {
        _ = try Self.teacherStudent(parameters)
    }

    public func run(_ parameters: ScenarioParameters, seed: UInt64) throws(BoltzmannError) -> ResultRecord {
        Self.results(of: try RSSolver().solve(try Self.teacherStudent(parameters)))
    }

    /// The theory scenario the parameters name (`regime` is optional and only read when present).
    public static func teacherStudent(_ parameters: ScenarioParameters) throws(BoltzmannError) -> DenseTeacherStudent {
        let nishimori = try parameters.bool("nishimori")
        let p = try parameters.integer("p")
        let teacherP = try parameters.optionalInteger("teacherP")
        let teacherTemperature = try parameters.optionalNumber("teacherTemperature")
        let regime = try parameters.optionalText("regime").map { name throws(BoltzmannError) in try pairwiseRegime(named: name) }
        return try DenseTeacherStudent(
            p: p, teacherP: nishimori ? (teacherP ?? p) : teacherP, alpha: parameters.number("alpha"),
            temperature: parameters.number("temperature"), teacherTemperature: nishimori ? nil : teacherTemperature,
            nishimori: nishimori, form: DenseTeacherStudent.form(named: parameters.text("form")), pairwiseRegime: regime)
    }

    /// The p* = 2 regime named `large-noise` or `finite-noise` (case-insensitive, dash optional).
    public static func pairwiseRegime(named name: String) throws(BoltzmannError) -> PairwiseTeacherRegime {
        switch name.lowercased() {
        case "large-noise", "largenoise": return .largeNoise
        case "finite-noise", "finitenoise": return .finiteNoise
        default:
            throw BoltzmannError("unknown p* = 2 regime \"\(name)\"", fix: "use large-noise or finite-noise", source: "regime")
        }
    }

    /// One state as a result row: qStar, q, m, freeEntropy, phase, converged, iterations, residual.
    public static func results(of point: OrderParameters, phase: Phase) -> ResultRecord {
        ResultRecord([
            "qStar": .number(point.qStar), "q": .number(point.q), "m": .number(point.m),
            "freeEntropy": .number(point.freeEntropy), "phase": .text(phase.abbreviation),
            "converged": .bool(point.converged), "iterations": .integer(point.iterations),
            "residual": .number(point.residual),
        ])
    }

    /// The solution as a result row: the reported state's row, then `breakingParameter` (Parisi's
    /// x of the 1RSB glass when it is the reported state, else 1: replica symmetric), and the
    /// solver's message when it has one (non-convergence is reported, not hidden).
    public static func results(of solution: RSSolution) -> ResultRecord {
        var record = results(of: solution.orderParameters, phase: solution.phase)
        let glassReported = solution.phase == .spinGlass && solution.oneStepGlass != nil
        record["breakingParameter"] = .number(glassReported ? solution.oneStepGlass?.breakingParameter ?? 1 : 1)
        if let message = solution.message { record["message"] = .text(message) }
        return record
    }
}
