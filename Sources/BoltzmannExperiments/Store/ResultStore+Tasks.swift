import BoltzmannCore
import Foundation
import GRDB

extension ResultStore {
    /// One stored task row, with where and when it ran.
    struct StoredTask: Sendable, Equatable {
        var task: FinishedTask
        var finishedAt: String
        var host: String
        var toolkitVersion: String
    }

    /// Commits one finished task in its own transaction.
    ///
    /// - Throws: `BoltzmannError` when the task is already stored, the store is locked past the
    ///   timeout, read-only, or the disk is full (earlier tasks are untouched).
    public func record(_ task: ExperimentTask, results: ResultRecord, wallSeconds: Double) throws(BoltzmannError) {
        try record([FinishedTask(
            index: task.index, parameters: task.parameters, seed: task.seed, results: results, wallSeconds: wallSeconds,
            kind: task.kind)])
    }

    /// Commits finished tasks in one transaction: all of them are stored, or none (the runner
    /// groups tasks that finish within a fraction of a second, since each commit waits for the
    /// disk).
    ///
    /// - Throws: `BoltzmannError` when a task is already stored, the store is locked past the
    ///   timeout, read-only, or the disk is full (earlier commits are untouched).
    public func record(_ tasks: [FinishedTask]) throws(BoltzmannError) {
        guard !tasks.isEmpty else { return }
        let finishedAt = ISO8601DateFormatter().string(from: Date()), host = ProcessInfo.processInfo.hostName
        let rows = tasks.map { StoredTask(task: $0, finishedAt: finishedAt, host: host, toolkitVersion: BoltzmannVersion.current) }
        do {
            try queue.write { db in
                for row in rows { try Self.insert(row, db) }
            }
        } catch {
            let which = tasks.count == 1 ? "task \(tasks[0].index)" : "tasks \(tasks.map(\.index).map(String.init).joined(separator: ", "))"
            throw StoreFailure.error(error, path: path, while: "storing \(which)")
        }
    }

    static func insert(_ row: StoredTask, _ db: Database) throws {
        let task = row.task
        try db.execute(
            sql: """
                INSERT INTO tasks (task_index, kind, parameters, seed, results, wall_seconds, finished_at, host, toolkit_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                task.index, task.kind, RecordJSON.encode(task.parameters), Int64(bitPattern: task.seed),
                RecordJSON.encode(task.results), task.wallSeconds, row.finishedAt, row.host, row.toolkitVersion,
            ])
    }

    /// The indices of the tasks stored so far.
    public func finishedTaskIndices() throws(BoltzmannError) -> Set<Int> {
        do {
            return try queue.read { db in Set(try Int.fetchAll(db, sql: "SELECT task_index FROM tasks")) }
        } catch {
            throw StoreFailure.error(error, path: path, while: "reading the finished tasks")
        }
    }

    /// Every stored task, by index.
    public func finishedTasks() throws(BoltzmannError) -> [FinishedTask] {
        try storedTasks().map(\.task)
    }

    func storedTasks() throws(BoltzmannError) -> [StoredTask] {
        let path = self.path
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM tasks ORDER BY task_index").map { row in
                    let index: Int = row["task_index"]
                    let source = "\(path) task \(index)"
                    let task = FinishedTask(
                        index: index, parameters: try RecordJSON.decode(row["parameters"], source: source),
                        seed: UInt64(bitPattern: row["seed"] as Int64), results: try RecordJSON.decode(row["results"], source: source),
                        wallSeconds: row["wall_seconds"], kind: row["kind"])
                    return StoredTask(task: task, finishedAt: row["finished_at"], host: row["host"], toolkitVersion: row["toolkit_version"])
                }
            }
        } catch {
            throw StoreFailure.error(error, path: path, while: "reading the tasks")
        }
    }

    /// Everything the store holds, as ``ExperimentSummary`` (what export, plot and report read).
    /// Provenance: store format, toolkit version(s), creation time, hosts, stored/planned counts and
    /// the summed task wall time.
    public func summary() throws(BoltzmannError) -> ExperimentSummary {
        let stored = try storedTasks()
        var provenance = ResultRecord()
        provenance["storeFormatVersion"] = .integer(metadata.formatVersion)
        provenance["toolkitVersion"] = .text(Self.distinct(stored.map(\.toolkitVersion), or: metadata.toolkitVersion))
        provenance["created"] = .text(metadata.created)
        provenance["hosts"] = .text(Self.distinct(stored.map(\.host), or: ""))
        provenance["finishedTasks"] = .integer(stored.count)
        provenance["plannedTasks"] = .integer(metadata.plannedTaskCount)
        provenance["taskWallSeconds"] = .number(stored.reduce(0) { $0 + $1.task.wallSeconds })
        provenance["specHash"] = .text(metadata.specHash)
        return ExperimentSummary(
            name: metadata.name, specText: metadata.specText, specHash: metadata.specHash, scenario: metadata.scenario,
            axes: metadata.axes, plannedTaskCount: metadata.plannedTaskCount, tasks: stored.map(\.task), provenance: provenance)
    }

    private static func distinct(_ values: [String], or fallback: String) -> String {
        var seen: [String] = []
        for value in values where !seen.contains(value) { seen.append(value) }
        return seen.isEmpty ? fallback : seen.joined(separator: ", ")
    }
}
