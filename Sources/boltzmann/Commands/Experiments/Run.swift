import ArgumentParser
import Boltzmann
import Foundation

/// `boltzmann run SPEC --store STORE`: run an experiment's tasks in parallel into a results store.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run an experiment spec (TOML) in parallel into an SQLite results store, resumably.",
        discussion: """
            Each finished task is committed to the store in its own transaction, with its \
            parameters, seed, results, wall time, toolkit version and the spec's hash; a run \
            stopped at any point (Ctrl-C, SIGKILL, a cluster time limit) loses only the tasks \
            that were running. --resume runs the missing tasks of an existing store; a store of \
            a different spec is refused, naming the keys that differ. Results do not depend on \
            --jobs, on --shard or on interruptions.

            Progress goes to standard error: a bar with the ETA on a terminal, one line per task \
            otherwise, nothing with --quiet.

            Example: boltzmann run sweep.toml --store sweep.sqlite --jobs 4
            """)

    @Argument(help: "The experiment spec (TOML).") var spec: String
    @Option(help: "The results store (SQLite); created when missing.") var store: String
    @Flag(help: "Continue an existing store of the same spec, skipping finished tasks.") var resume = false
    @Option(help: "Parallel tasks (default: the number of cores).") var jobs: Int?
    @Option(help: "Run only shard I of N (tasks whose index is I modulo N), e.g. 0/4.") var shard: String?
    @Flag(help: "No progress output.") var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs \(jobs) is invalid; pass at least 1") }
    }

    func run() throws {
        let experiment = try ExperimentSpec.load(from: URL(fileURLWithPath: spec))
        let shard = try self.shard.map { text throws(BoltzmannError) in try Shard(parsing: text) }
        let storeURL = URL(fileURLWithPath: store)
        let results = try ExperimentRunner.openStore(at: storeURL, for: experiment, resume: resume)
        let runner = ExperimentRunner(
            spec: experiment, store: results, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, shard: shard)
        let outcome = try runner.run(progress: .automatic(quiet: quiet))
        if !quiet {
            let share = shard.map { " (shard \($0))" } ?? ""
            FileHandle.standardError.write(Data(
                "\(experiment.name)\(share): \(outcome.ran) tasks run, \(outcome.skipped) already stored, \(outcome.total) in all; store \(store)\n".utf8))
        }
    }
}
