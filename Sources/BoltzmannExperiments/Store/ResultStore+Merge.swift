import BoltzmannCore
import Foundation
import GRDB

/// What `merge` did.
public struct MergeReport: Sendable, Equatable {
    /// Tasks copied into the output.
    public var added: Int
    /// Tasks found in more than one input (or already in the output) with identical values, kept once.
    public var duplicates: Int
    /// Tasks in the output after the merge, and in the whole spec.
    public var stored: Int
    public var planned: Int
}

extension ResultStore {
    /// Combines stores of the same spec (typically the shards of a cluster run) into `output`,
    /// in one transaction: either every task is merged or the output is unchanged.
    ///
    /// A task present in several stores is kept once if its kind, parameters, seed and results
    /// agree (wall time, host and date may differ); otherwise the merge stops with an error.
    /// The output may already exist (a store of the same spec), e.g. to add a late shard.
    ///
    /// - Throws: `BoltzmannError` naming the files when the stores hold different specs, when
    ///   the same task has different results in two of them, when the output is one of the
    ///   inputs, or any open/write failure.
    public static func merge(
        _ inputs: [URL], into output: URL, registry: ScenarioRegistry = .standard, options: Options = Options()
    ) throws(BoltzmannError) -> MergeReport {
        guard !inputs.isEmpty else {
            throw BoltzmannError("merge needs at least one input store", fix: "list the shard stores after the output", source: output.path)
        }
        let outputPath = output.standardizedFileURL.path
        if let same = inputs.first(where: { $0.standardizedFileURL.path == outputPath }) {
            throw BoltzmannError("the output store is also an input", fix: "write the merge to a new file", source: same.path)
        }
        var stores: [ResultStore] = []
        for input in inputs { stores.append(try open(at: input, readOnly: true, options: options)) }
        let reference = stores[0].metadata
        let groups = Dictionary(grouping: stores, by: \.metadata.specHash)
        if groups.count > 1 {
            let listing = groups.values.map { group in
                group.map(\.url.lastPathComponent).joined(separator: ", ") + " (spec \(group[0].metadata.name), hash \(group[0].metadata.specHash.prefix(12)))"
            }.sorted().joined(separator: " vs ")
            throw BoltzmannError(
                "the stores hold results of different specs: \(listing)",
                fix: "merge only stores run from the same spec (e.g. the shards of one slurm job)", source: output.path)
        }
        let target: ResultStore
        if FileManager.default.fileExists(atPath: output.path) {
            target = try open(at: output, options: options)
            guard target.metadata.specHash == reference.specHash else {
                throw BoltzmannError(
                    "the output store holds another spec (\(target.metadata.name), hash \(target.metadata.specHash.prefix(12))) than the inputs (\(reference.name), hash \(reference.specHash.prefix(12)))",
                    fix: "merge into a new file", source: output.path)
            }
        } else {
            var metadata = reference
            metadata.formatVersion = formatVersion
            do {
                target = try create(at: output, metadata: metadata, options: options)
            } catch {
                try? FileManager.default.removeItem(at: output)
                throw error
            }
        }
        var incoming: [(file: String, row: StoredTask)] = []
        for store in stores {
            for row in try store.storedTasks() { incoming.append((store.url.lastPathComponent, row)) }
        }
        let existing = try target.storedTasks()
        do {
            return try target.queue.write { db in
                var seen: [Int: (file: String, task: FinishedTask)] = [:]
                for row in existing { seen[row.task.index] = (output.lastPathComponent, row.task) }
                var added = 0, duplicates = 0
                for (file, row) in incoming {
                    if let (otherFile, other) = seen[row.task.index] {
                        guard sameOutcome(other, row.task, registry: registry) else {
                            throw BoltzmannError(
                                "task \(row.task.index) has different results in \(otherFile) and \(file)",
                                fix: "the stores disagree on a deterministic task; rerun that task (or the shard) and merge again",
                                source: output.path)
                        }
                        duplicates += 1
                        continue
                    }
                    try insert(row, db)
                    seen[row.task.index] = (file, row.task)
                    added += 1
                }
                return MergeReport(added: added, duplicates: duplicates, stored: seen.count, planned: reference.plannedTaskCount)
            }
        } catch {
            throw StoreFailure.error(error, path: output.path, while: "merging")
        }
    }

    /// Whether two runs of a task produced the same thing: same kind, parameters, seed and
    /// results, leaving out wall time, provenance and the kind's timing results (speeds).
    public static func sameOutcome(_ a: FinishedTask, _ b: FinishedTask, registry: ScenarioRegistry = .standard) -> Bool {
        let timing = Set(registry.scenario(kind: a.kind)?.timingResults ?? [])
        return a.index == b.index && a.kind == b.kind && a.seed == b.seed && a.parameters == b.parameters
            && sameValues(a.results, b.results, ignoring: timing)
    }

    /// Record equality (keys, order and values; NaN equals NaN) outside the `ignoring` keys.
    static func sameValues(_ a: ResultRecord, _ b: ResultRecord, ignoring: Set<String>) -> Bool {
        let keys = a.keys.filter { !ignoring.contains($0) }
        return keys == b.keys.filter { !ignoring.contains($0) }
            && keys.allSatisfy { key in RecordJSON.text(a[key] ?? .null) == RecordJSON.text(b[key] ?? .null) }
    }
}
