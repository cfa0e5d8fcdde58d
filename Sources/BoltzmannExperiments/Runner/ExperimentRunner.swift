import BoltzmannCore
import Foundation

/// What a run did.
public struct RunOutcome: Sendable, Equatable {
    /// Tasks of this run's share (the shard, or the whole spec).
    public var total: Int
    /// Tasks found already stored and skipped.
    public var skipped: Int
    /// Tasks run and committed now.
    public var ran: Int
    /// Wall-clock seconds of the run.
    public var seconds: Double
}

/// Runs an experiment's tasks in parallel, one task per core, committing each finished task to
/// the store in its own transaction.
///
/// Tasks are handed out in index order to `jobs` worker threads; a task's result depends only on
/// its parameters and seed, so the stored values are the same for any `jobs`, shard split or
/// interruption. OpenBLAS is set to one thread while tasks run (two levels of parallelism would
/// oversubscribe the cores) and restored afterwards. A task that throws stops the run: workers
/// finish the task they hold, nothing new starts, and the error names the task; everything
/// committed stays, so `--resume` continues after a fix.
public struct ExperimentRunner: Sendable {
    public var spec: ExperimentSpec
    public var store: ResultStore
    public var jobs: Int
    public var shard: Shard?
    public var registry: ScenarioRegistry

    public init(
        spec: ExperimentSpec, store: ResultStore, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        shard: Shard? = nil, registry: ScenarioRegistry = .standard
    ) {
        self.spec = spec
        self.store = store
        self.jobs = max(1, jobs)
        self.shard = shard
        self.registry = registry
    }

    /// The tasks of this run's share (shard or all), in index order.
    public var share: [ExperimentTask] {
        spec.tasks.filter { shard?.contains(taskIndex: $0.index) ?? true }
    }

    /// Opens the store `url` for running `spec`: creates it when missing; an existing one needs
    /// `resume` and the same spec.
    ///
    /// - Throws: `BoltzmannError` when the store exists without `resume` (it says how many tasks
    ///   it holds), or holds another spec (listing the keys that differ), or any open failure.
    public static func openStore(
        at url: URL, for spec: ExperimentSpec, resume: Bool, options: ResultStore.Options = .init()
    ) throws(BoltzmannError) -> ResultStore {
        guard FileManager.default.fileExists(atPath: url.path) else {
            return try ResultStore.create(at: url, spec: spec, options: options)
        }
        let store = try ResultStore.open(at: url, options: options)
        guard store.metadata.specHash == spec.hash else {
            let differences = spec.differences(fromText: store.metadata.specText)
            let listing = differences.prefix(12).map { "\n    \($0)" }.joined()
                + (differences.count > 12 ? "\n    … and \(differences.count - 12) more" : "")
            throw BoltzmannError(
                "the store holds results of a different spec (stored \"\(store.metadata.name)\", hash \(store.metadata.specHash.prefix(12)); "
                    + "given \"\(spec.name)\", hash \(spec.hash.prefix(12))). Keys that differ (stored → given):\(listing)",
                fix: "run the changed spec into a new store (--store NEW.sqlite), or run the spec the store was made with "
                    + "(its text is kept in the store: boltzmann export STORE --format json shows the results)",
                source: url.path)
        }
        guard resume else {
            let count = (try? store.finishedTaskIndices().count) ?? 0
            throw BoltzmannError(
                "the store already exists (\(count) of \(store.metadata.plannedTaskCount) tasks stored)",
                fix: "pass --resume to run the missing tasks, or choose a new --store path", source: url.path)
        }
        return store
    }

    /// Runs every task of the share that is not stored yet.
    ///
    /// - Throws: `BoltzmannError` from the first task that failed (naming it), or from the store
    ///   (locked, full disk, read-only); tasks committed before stay stored.
    public func run(progress: ProgressReporter = ProgressReporter(style: .quiet)) throws(BoltzmannError) -> RunOutcome {
        let started = Date()
        let lock = try RunLock(store: store.url)
        defer { lock.release() }
        let share = self.share
        let finished = try store.finishedTaskIndices()
        let pending = share.filter { !finished.contains($0.index) }
        progress.begin(total: share.count, alreadyDone: share.count - pending.count)
        defer { progress.end() }
        guard !pending.isEmpty else {
            return RunOutcome(total: share.count, skipped: share.count, ran: 0, seconds: Date().timeIntervalSince(started))
        }
        var lookup: [String: any ExperimentScenario] = [:]
        for kind in spec.kinds {
            guard let scenario = registry.scenario(kind: kind) else {
                throw BoltzmannError("the scenario kind \(kind) is not registered", fix: "use a kind boltzmann knows", source: kind)
            }
            lookup[kind] = scenario
        }
        let scenarios = lookup
        let queue = WorkQueue(pending)
        let commits = CommitBuffer(store: store)
        let workers = min(jobs, pending.count)
        let reportCommitted: @Sendable ([FinishedTask]) -> Void = { batch in
            for task in batch {
                queue.completed()
                progress.finished(task)
            }
        }
        BLASThreads.withThreads(1) {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let task = queue.next() {
                    let clock = ContinuousClock.now
                    do {
                        let results = try scenarios[task.kind]!.run(ScenarioParameters(task.parameters), seed: task.seed)
                        let elapsed = ContinuousClock.now - clock
                        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                        reportCommitted(try commits.add(FinishedTask(
                            index: task.index, parameters: task.parameters, seed: task.seed, results: results,
                            wallSeconds: seconds, kind: task.kind)))
                    } catch {
                        queue.fail(task: task, error: error)
                    }
                }
            }
        }
        // Tasks finished but not yet committed are stored even when another task failed.
        do {
            reportCommitted(try commits.flush())
        } catch {
            if queue.failure == nil { throw error }
        }
        if let error = queue.failure { throw error }
        return RunOutcome(
            total: share.count, skipped: share.count - pending.count, ran: queue.completedCount,
            seconds: Date().timeIntervalSince(started))
    }
}

/// Finished tasks waiting for their commit. A worker that finishes a task commits everything
/// waiting once 0.2 s have passed since the last commit, so quick tasks (theory grid points,
/// milliseconds each) share a transaction instead of each waiting for the disk, while slow tasks
/// are still committed as they finish. A run killed at any moment loses at most the tasks of the
/// last 0.2 s, which `--resume` runs again; no task is ever stored in part.
private final class CommitBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private let store: ResultStore
    private var waiting: [FinishedTask] = []
    private var committing = false
    private var lastCommit = ContinuousClock.now - .seconds(1)
    private static let interval = Duration.milliseconds(200)

    init(store: ResultStore) { self.store = store }

    /// Adds a finished task; returns the tasks this call committed (often none).
    func add(_ task: FinishedTask) throws(BoltzmannError) -> [FinishedTask] {
        lock.lock()
        waiting.append(task)
        guard !committing, ContinuousClock.now - lastCommit >= Self.interval else {
            lock.unlock()
            return []
        }
        return try commitWaiting()
    }

    /// Commits everything still waiting.
    func flush() throws(BoltzmannError) -> [FinishedTask] {
        lock.lock()
        return try commitWaiting()
    }

    /// Called with the lock held; releases it while the transaction runs.
    private func commitWaiting() throws(BoltzmannError) -> [FinishedTask] {
        let batch = waiting
        waiting = []
        committing = true
        lock.unlock()
        defer {
            lock.lock()
            committing = false
            lastCommit = ContinuousClock.now
            lock.unlock()
        }
        try store.record(batch)
        return batch
    }
}

/// The pending tasks, handed out in order to worker threads; the first failure stops the handing out.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let tasks: [ExperimentTask]
    private var nextPosition = 0
    private(set) var completedCount = 0
    private var firstFailure: BoltzmannError?

    init(_ tasks: [ExperimentTask]) { self.tasks = tasks }

    func next() -> ExperimentTask? {
        lock.lock()
        defer { lock.unlock() }
        guard firstFailure == nil, nextPosition < tasks.count else { return nil }
        defer { nextPosition += 1 }
        return tasks[nextPosition]
    }

    func completed() {
        lock.lock()
        completedCount += 1
        lock.unlock()
    }

    func fail(task: ExperimentTask, error: any Error) {
        lock.lock()
        defer { lock.unlock() }
        guard firstFailure == nil else { return }
        var described = error as? BoltzmannError ?? BoltzmannError("\(error)", fix: "report this failure", source: task.kind)
        if !described.problem.contains("task \(task.index)") {
            described.problem = "task \(task.index) (\(task.kind)) failed: \(described.problem)"
        }
        firstFailure = described
    }

    var failure: BoltzmannError? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }
}
