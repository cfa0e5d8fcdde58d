import BoltzmannCore
import Foundation

/// Everything a results store holds about one experiment, read back in one value: what `export`,
/// `plot` and `report` work from.
///
/// The store writes one row per finished task; `tasks` lists them in task-index order, whatever
/// order they finished in, so two stores of the same spec compare equal task by task.
public struct ExperimentSummary: Sendable {
    /// The experiment's name from its spec.
    public var name: String
    /// The spec exactly as the user wrote it (TOML), kept so a report can show it.
    public var specText: String
    /// A hash of the spec's meaning (normalised, so whitespace and comments do not change it).
    public var specHash: String
    /// The scenario kind the tasks run, e.g. `dense.theory`.
    public var scenario: String
    /// The sweep axes in the order the spec gives them (the parameters that vary between tasks).
    public var axes: [String]
    /// How many tasks the spec defines in all (finished or not).
    public var plannedTaskCount: Int
    /// The finished tasks, sorted by index.
    public var tasks: [FinishedTask]
    /// Toolkit version, store format version and machine of the run, as `key: value` lines.
    public var provenance: ResultRecord

    public init(
        name: String, specText: String, specHash: String, scenario: String, axes: [String],
        plannedTaskCount: Int, tasks: [FinishedTask], provenance: ResultRecord
    ) {
        self.name = name
        self.specText = specText
        self.specHash = specHash
        self.scenario = scenario
        self.axes = axes
        self.plannedTaskCount = plannedTaskCount
        self.tasks = tasks
        self.provenance = provenance
    }
}

/// One finished task: its parameters (fixed ones and the sweep point), seed and results.
public struct FinishedTask: Sendable, Equatable {
    /// Position of the task in the spec's deterministic task list (0-based).
    public var index: Int
    /// The full parameter set the scenario ran with, in spec order.
    public var parameters: ResultRecord
    /// The task's seed (derived from the spec's run seed and the task index).
    public var seed: UInt64
    /// What the scenario returned, e.g. `qStar`, `qStarError`, `m`, ….
    public var results: ResultRecord
    /// Wall-clock seconds the task took.
    public var wallSeconds: Double
    /// The concrete scenario kind the task ran, e.g. `dense.simulate` (a spec naming a family
    /// such as `dense` runs several kinds; `ExperimentSummary.scenario` is the spec's name for it).
    public var kind: String

    public init(
        index: Int, parameters: ResultRecord, seed: UInt64, results: ResultRecord, wallSeconds: Double,
        kind: String = ""
    ) {
        self.index = index
        self.parameters = parameters
        self.seed = seed
        self.results = results
        self.wallSeconds = wallSeconds
        self.kind = kind
    }
}
