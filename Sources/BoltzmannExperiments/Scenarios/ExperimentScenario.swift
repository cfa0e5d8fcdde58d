import BoltzmannCore

/// A runnable learning problem that an experiment sweeps: a named kind (`dense.theory`), the
/// parameters it takes, and a function from one parameter set and seed to one result row.
///
/// Conformers are small value types that call the library (`RSSolver`, `DenseMonteCarlo`, …);
/// they hold no state, so one value serves every task on every thread.
public protocol ExperimentScenario: Sendable {
    /// The name a spec uses for it, `family.member` (`dense.simulate`).
    var kind: String { get }
    /// One line for `--help` and the spec documentation.
    var summary: String { get }
    /// What a spec may set, in the order parameter records list them.
    var parameters: [ScenarioParameter] { get }
    /// Whether results depend on the seed (simulations). Deterministic kinds (theory) run once per
    /// sweep point, whatever the spec's `repeats`.
    var isStochastic: Bool { get }
    /// Result keys that measure speed (sweeps per second, …): they differ between two runs of the
    /// same task, so comparisons of runs (merge, resume checks) leave them out. Default: none.
    var timingResults: [String] { get }
    /// Throws `BoltzmannError` when the parameters do not make a valid problem (checked for every
    /// task before anything runs, so a bad sweep point fails before the store is touched).
    func check(_ parameters: ScenarioParameters) throws(BoltzmannError)
    /// Runs one task. The result must depend only on `parameters` and `seed` (never on threads or
    /// timing), so that a resumed or sharded run stores the same values as an uninterrupted one.
    func run(_ parameters: ScenarioParameters, seed: UInt64) throws(BoltzmannError) -> ResultRecord
}

extension ExperimentScenario {
    public var timingResults: [String] { [] }
}
