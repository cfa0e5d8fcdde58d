import BoltzmannCore
import BoltzmannTheory

/// `hopfield.capacity`: the zero-temperature storage capacity α_c ≈ 0.138 of the pairwise
/// Hopfield model (Amit, Gutfreund, Sompolinsky 1987; ``AGSZeroTemperature``).
public struct HopfieldCapacityScenario: ExperimentScenario {
    public init() {}

    public var kind: String { "hopfield.capacity" }
    public var summary: String { "zero-temperature storage capacity α_c of the Hopfield model (AGS)" }
    public var isStochastic: Bool { false }
    public var parameters: [ScenarioParameter] { [] }

    public func check(_ parameters: ScenarioParameters) throws(BoltzmannError) {}

    public func run(_ parameters: ScenarioParameters, seed: UInt64) throws(BoltzmannError) -> ResultRecord {
        let capacity = AGSZeroTemperature.capacity()
        return ResultRecord([
            "alphaC": .number(capacity.alphaC), "mAtAlphaC": .number(capacity.mAtAlphaC),
            "denseAlphaC": .number(capacity.denseAlphaC), "converged": .bool(capacity.converged),
        ])
    }
}
