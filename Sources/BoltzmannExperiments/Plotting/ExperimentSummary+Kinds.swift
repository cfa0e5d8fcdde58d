import BoltzmannCore

extension ExperimentSummary {
    /// The scenario kinds of the finished tasks, in order of first appearance (one for a spec
    /// naming a kind; theory and simulation for a family run such as `dense`).
    public var taskKinds: [String] {
        var kinds: [String] = []
        for task in tasks where !kinds.contains(task.kind) { kinds.append(task.kind) }
        return kinds
    }

    /// The same experiment with only the tasks of `kind`.
    public func restricted(toKind kind: String) -> ExperimentSummary {
        var copy = self
        copy.tasks = tasks.filter { $0.kind == kind }
        copy.scenario = kind
        return copy
    }

    /// For a family run holding both, its theory part and its simulation part: tasks whose kind
    /// is the family's `theory` member (by the standard registry, else a kind ending in
    /// `.theory`), and the rest. nil when the summary does not hold both.
    public func theoryAndSimulation() -> (theory: ExperimentSummary, simulation: ExperimentSummary)? {
        let kinds = taskKinds
        guard kinds.count == 2 else { return nil }
        let theoryKind = ScenarioRegistry.standard.families[scenario]?["theory"]
            ?? kinds.first { $0.hasSuffix(".theory") }
        guard let theoryKind, let simulationKind = kinds.first(where: { $0 != theoryKind }), kinds.contains(theoryKind) else {
            return nil
        }
        return (restricted(toKind: theoryKind), restricted(toKind: simulationKind))
    }
}
