import BoltzmannCore
import BoltzmannTheory

/// `dense.robustness`: the closed-form critical fraction ε_c = a/(1 + a), a = (αη)^{1/(p−1)}, of
/// the example-substitution attack at T = 0 (``AdversarialRobustness``).
public struct DenseRobustnessScenario: ExperimentScenario {
    public init() {}

    public var kind: String { "dense.robustness" }
    public var summary: String { "closed-form critical fraction ε_c of the example-substitution attack" }
    public var isStochastic: Bool { false }
    public var parameters: [ScenarioParameter] {
        [
            ScenarioParameter("p", .integer, required: true, help: "interaction order p ≥ 2"),
            ScenarioParameter("alpha", .number, required: true, help: "load α > 0"),
            ScenarioParameter("eta", .number, default: .number(1), help: "signal strength η (1: noiseless teacher)"),
        ]
    }

    public func check(_ parameters: ScenarioParameters) throws(BoltzmannError) {
        _ = try run(parameters, seed: 0)
    }

    public func run(_ parameters: ScenarioParameters, seed: UInt64) throws(BoltzmannError) -> ResultRecord {
        let critical = try AdversarialRobustness.criticalFraction(
            alpha: parameters.number("alpha"), p: parameters.integer("p"), eta: parameters.number("eta"))
        return ResultRecord(["epsilonCritical": .number(critical)])
    }
}
