import BoltzmannCore

/// One unit of work of an experiment: a scenario kind, its full parameter set and its seed.
public struct ExperimentTask: Sendable, Equatable {
    /// Position in the spec's deterministic task list (0-based); the store's primary key.
    public var index: Int
    /// The concrete scenario kind, e.g. `dense.simulate`.
    public var kind: String
    /// Every parameter the scenario runs with (fixed, swept and defaults), in the scenario's
    /// parameter order, then `repeat` when the spec repeats stochastic tasks.
    public var parameters: ResultRecord
    /// Derived from the spec's seed and `index` only (see ``ExperimentSpec/taskSeed(runSeed:index:)``).
    public var seed: UInt64

    public init(index: Int, kind: String, parameters: ResultRecord, seed: UInt64) {
        self.index = index
        self.kind = kind
        self.parameters = parameters
        self.seed = seed
    }
}
