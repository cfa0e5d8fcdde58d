import BoltzmannCore
import BoltzmannTheory

/// `dense.transitions`: the spinodal and thermodynamic learning transitions c_sp, c_th on the
/// Nishimori line (``NishimoriLine``), c = α/T².
public struct DenseTransitionsScenario: ExperimentScenario {
    public init() {}

    public var kind: String { "dense.transitions" }
    public var summary: String { "spinodal and thermodynamic transitions c = α/T² on the Nishimori line" }
    public var isStochastic: Bool { false }
    public var parameters: [ScenarioParameter] {
        [ScenarioParameter("p", .integer, required: true, help: "interaction order p ≥ 2")]
    }

    public func check(_ parameters: ScenarioParameters) throws(BoltzmannError) {
        _ = try NishimoriLine(p: parameters.integer("p"))
    }

    public func run(_ parameters: ScenarioParameters, seed: UInt64) throws(BoltzmannError) -> ResultRecord {
        Self.results(of: try NishimoriLine(p: parameters.integer("p")).transitions())
    }

    /// The transitions as a result row (`message` only when the search reported one).
    public static func results(of transitions: NishimoriTransitions) -> ResultRecord {
        var record = ResultRecord([
            "spinodalC": .number(transitions.spinodalC),
            "thermodynamicC": .number(transitions.thermodynamicC),
            "qStarAtSpinodal": .number(transitions.qStarAtSpinodal),
            "qStarAtThermodynamic": .number(transitions.qStarAtThermodynamic),
            "converged": .bool(transitions.converged),
        ])
        if let message = transitions.message { record["message"] = .text(message) }
        return record
    }
}
