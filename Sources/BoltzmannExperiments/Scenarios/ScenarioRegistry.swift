import BoltzmannCore

/// The scenario kinds an experiment spec can name, and the families that pair a theory kind with
/// its simulation (`dense` = `dense.theory` + `dense.simulate`), so that one spec can ask for
/// `run = ["theory", "simulation"]`.
public struct ScenarioRegistry: Sendable {
    private var scenarios: [String: any ExperimentScenario] = [:]
    /// Family name → (member role → kind), e.g. `dense` → ["theory": "dense.theory", …].
    public private(set) var families: [String: [String: String]] = [:]

    public init() {}

    /// The kinds the toolkit ships: dense (theory, simulate, transitions, robustness), the
    /// Hopfield capacity, and the RBM teacher–student problem (theory, simulate, critical load).
    public static let standard: ScenarioRegistry = {
        var registry = ScenarioRegistry()
        registry.register(DenseTheoryScenario())
        registry.register(DenseSimulationScenario())
        registry.register(DenseTransitionsScenario())
        registry.register(DenseRobustnessScenario())
        registry.register(HopfieldCapacityScenario())
        registry.register(RBMTeacherStudentTheoryScenario())
        registry.register(RBMTeacherStudentSimulationScenario())
        registry.register(RBMCriticalLoadScenario())
        registry.registerFamily("dense", members: ["theory": "dense.theory", "simulation": "dense.simulate"])
        registry.registerFamily(
            "rbm.teacher-student",
            members: ["theory": "rbm.teacher-student.theory", "simulation": "rbm.teacher-student.simulate"])
        return registry
    }()

    /// Adds (or replaces) a kind.
    public mutating func register(_ scenario: any ExperimentScenario) {
        scenarios[scenario.kind] = scenario
    }

    /// Adds a family; the member roles are the words a spec's `run` list uses.
    public mutating func registerFamily(_ name: String, members: [String: String]) {
        precondition(members.values.allSatisfy { scenarios[$0] != nil }, "register the member kinds of \(name) first")
        families[name] = members
    }

    public func scenario(kind: String) -> (any ExperimentScenario)? { scenarios[kind] }

    /// Every kind, sorted.
    public var kinds: [String] { scenarios.keys.sorted() }

    /// The canonical order of member roles in a family run: theory before simulation, then the
    /// rest alphabetically.
    static func defaultRoles(of members: [String: String]) -> [String] {
        let preferred = ["theory", "simulation"]
        return preferred.filter { members[$0] != nil } + members.keys.filter { !preferred.contains($0) }.sorted()
    }
}
