import BoltzmannCore
import Foundation
import GRDB
import Testing
@testable import BoltzmannExperiments

/// The SQLite store: exact round trips, and clear refusals of wrong, newer, read-only, locked
/// and full stores without losing what was committed.
@Suite struct ResultStoreTests {
    @Test func recordsRoundTripExactlyWithTypesAndOrder() throws {
        let folder = try ExperimentTestSupport.folder()
        let spec = try ExperimentSpec.parse(ExperimentTestSupport.robustnessSpec)
        let store = try ResultStore.create(at: folder.appendingPathComponent("s.sqlite"), spec: spec)
        var results = ResultRecord()
        results["x"] = .number(0.1 + 0.2)
        results["one"] = .number(1)
        results["n"] = .integer(-42)
        results["nan"] = .number(.nan)
        results["inf"] = .number(-.infinity)
        results["nanText"] = .text("NaN")
        results["quote"] = .text("a \"b\"\n\\ ü")
        results["flag"] = .bool(true)
        results["list"] = .list([.number(1e-300), .integer(3), .null])
        results["none"] = .null
        let task = spec.tasks[3]
        try store.record(task, results: results, wallSeconds: 0.25)
        let read = try ResultStore.open(at: store.url, readOnly: true).finishedTasks()
        #expect(read.count == 1)
        let back = read[0]
        #expect(back.index == 3 && back.seed == task.seed && back.kind == "dense.robustness" && back.wallSeconds == 0.25)
        #expect(back.parameters == task.parameters)
        #expect(back.results.keys == results.keys)
        #expect(back.results["x"] == .number(0.30000000000000004))
        #expect(back.results["one"] == .number(1))
        #expect(back.results["nanText"] == .text("NaN"))
        #expect(back.results["inf"] == .number(-.infinity))
        if case .number(let x)? = back.results["nan"] { #expect(x.isNaN) } else { Issue.record("NaN lost its type") }
        #expect(back.results["quote"] == results["quote"])
        #expect(back.results["list"] == results["list"])
        #expect(back.results["none"] == .null)
        // A task cannot be stored twice.
        #expect(throws: BoltzmannError.self) { try store.record(task, results: results, wallSeconds: 1) }
        let summary = try store.summary()
        #expect(summary.name == "engine-robustness" && summary.plannedTaskCount == 14 && summary.axes == ["alpha", "eta"])
        #expect(summary.specHash == spec.hash && summary.specText == spec.text)
        #expect(summary.provenance["storeFormatVersion"] == .integer(1))
    }

    @Test func aChangedSpecIsExplainedKeyByKey() throws {
        let folder = try ExperimentTestSupport.folder()
        let url = folder.appendingPathComponent("s.sqlite")
        let spec = try ExperimentSpec.parse(ExperimentTestSupport.robustnessSpec)
        _ = try ExperimentRunner.openStore(at: url, for: spec, resume: false)
        let changed = try ExperimentSpec.parse(ExperimentTestSupport.robustnessSpec.replacingOccurrences(of: "p = 4", with: "p = 3"))
        let error = #expect(throws: BoltzmannError.self) { try ExperimentRunner.openStore(at: url, for: changed, resume: true) }
        #expect(error?.problem.contains("different spec") == true)
        #expect(error?.problem.contains("parameters.p: 4 → 3") == true)
        #expect(error?.fix.contains("new store") == true)
        // The same spec without --resume is refused too, saying how to continue.
        let again = #expect(throws: BoltzmannError.self) { try ExperimentRunner.openStore(at: url, for: spec, resume: false) }
        #expect(again?.fix.contains("--resume") == true)
        #expect(try ExperimentRunner.openStore(at: url, for: spec, resume: true).metadata.specHash == spec.hash)
    }

    @Test func newerFormatsAndForeignFilesAreRefused() throws {
        let folder = try ExperimentTestSupport.folder()
        let url = folder.appendingPathComponent("s.sqlite")
        let spec = try ExperimentSpec.parse(ExperimentTestSupport.robustnessSpec)
        let store = try ResultStore.create(at: url, spec: spec)
        try store.queue.write { db in try db.execute(sql: "UPDATE meta SET value = '2' WHERE key = 'format_version'") }
        let newer = #expect(throws: BoltzmannError.self) { try ResultStore.open(at: url, readOnly: true) }
        #expect(newer?.problem.contains("format 2, written by a newer boltzmann") == true)
        #expect(newer?.fix == "update boltzmann to read it")

        let text = folder.appendingPathComponent("notes.sqlite")
        try Data("just some text, not a database".utf8).write(to: text)
        let foreign = #expect(throws: BoltzmannError.self) { try ResultStore.open(at: text, readOnly: true) }
        #expect(foreign?.problem.contains("not a results store") == true)

        let other = folder.appendingPathComponent("other.sqlite")
        try DatabaseQueue(path: other.path).write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        let plain = #expect(throws: BoltzmannError.self) { try ResultStore.open(at: other, readOnly: true) }
        #expect(plain?.problem.contains("not a results store") == true)

        let missing = #expect(throws: BoltzmannError.self) { try ResultStore.open(at: folder.appendingPathComponent("none.sqlite")) }
        #expect(missing?.problem == "the store does not exist")
    }

    @Test func readOnlyStoresAreRefusedForWritingButExportable() throws {
        let folder = try ExperimentTestSupport.folder()
        let url = folder.appendingPathComponent("s.sqlite")
        let spec = try ExperimentSpec.parse(ExperimentTestSupport.robustnessSpec)
        try ResultStore.create(at: url, spec: spec).record(spec.tasks[0], results: ResultRecord(["y": 1.0]), wallSeconds: 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: url.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path) }
        let error = #expect(throws: BoltzmannError.self) { try ExperimentRunner.openStore(at: url, for: spec, resume: true) }
        #expect(error?.problem.contains("read-only") == true)
        #expect(error?.fix.contains("chmod u+w") == true)
        #expect(try ResultStore.open(at: url, readOnly: true).finishedTasks().count == 1)
    }

    @Test func aLockedStoreFailsWithAMessageAfterTheTimeout() throws {
        let folder = try ExperimentTestSupport.folder()
        let url = folder.appendingPathComponent("s.sqlite")
        let spec = try ExperimentSpec.parse(ExperimentTestSupport.robustnessSpec)
        _ = try ResultStore.create(at: url, spec: spec)
        let store = try ResultStore.open(at: url, options: .init(busyTimeout: 0.2))
        // Another connection (as another process would) holds an exclusive lock.
        var unsafe = Configuration()
        unsafe.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: url.path, configuration: unsafe)
        try holder.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        let error = #expect(throws: BoltzmannError.self) {
            try store.record(spec.tasks[0], results: ResultRecord(["y": 1.0]), wallSeconds: 0)
        }
        #expect(error?.problem.contains("locked by another process") == true)
        try holder.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        try store.record(spec.tasks[0], results: ResultRecord(["y": 1.0]), wallSeconds: 0)
        #expect(try store.finishedTaskIndices() == [0])
    }

    @Test func aSecondRunOnTheSameStoreIsRefused() throws {
        let folder = try ExperimentTestSupport.folder()
        let url = folder.appendingPathComponent("s.sqlite")
        let spec = try ExperimentSpec.parse(ExperimentTestSupport.robustnessSpec)
        let store = try ExperimentRunner.openStore(at: url, for: spec, resume: false)
        let lock = try RunLock(store: url)
        let error = #expect(throws: BoltzmannError.self) { try ExperimentRunner(spec: spec, store: store, jobs: 1).run() }
        #expect(error?.problem.contains("another process is running into this store") == true)
        lock.release()
        #expect(try ExperimentRunner(spec: spec, store: store, jobs: 1).run().ran == 14)
    }

    /// A full disk, simulated by SQLite's page limit (the same SQLITE_FULL error a full file
    /// system gives; mounting a tiny file system needs privileges the tests do not assume).
    @Test func aFullDiskStopsTheRunWithoutLosingCommittedTasks() throws {
        let folder = try ExperimentTestSupport.folder()
        let url = folder.appendingPathComponent("s.sqlite")
        let spec = try ExperimentSpec.parse(ExperimentTestSupport.robustnessSpec)
        _ = try ResultStore.create(at: url, spec: spec)
        let pages = try DatabaseQueue(path: url.path).read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        let store = try ResultStore.open(at: url, options: .init(maximumPageCount: pages + 1))
        var big = ResultRecord()
        big["blob"] = .text(String(repeating: "x", count: 3000))
        try store.record(spec.tasks[0], results: big, wallSeconds: 0)
        let error = #expect(throws: BoltzmannError.self) {
            for task in spec.tasks.dropFirst() { try store.record(task, results: big, wallSeconds: 0) }
        }
        #expect(error?.problem.contains("disk holding the store is full") == true)
        #expect(error?.fix.contains("--resume") == true)
        let stored = try ResultStore.open(at: url, readOnly: true).finishedTasks()
        #expect(stored.count >= 1 && stored.allSatisfy { $0.results == big })
    }

    /// A run killed inside a commit leaves a hot rollback journal. Readers (export, plot, report
    /// open read-only) must still open the store: the half-written task is rolled back and every
    /// committed task stays. The files are snapshotted mid-transaction, as SIGKILL would leave them.
    @Test func aStoreKilledInsideACommitOpensWithItsCommittedTasks() throws {
        let folder = try ExperimentTestSupport.folder()
        let url = folder.appendingPathComponent("s.sqlite")
        let spec = try ExperimentSpec.parse(ExperimentTestSupport.robustnessSpec)
        let store = try ResultStore.create(at: url, spec: spec)
        for task in spec.tasks.prefix(2) { try store.record(task, results: ResultRecord(["y": 1.0]), wallSeconds: 0) }

        let killed = folder.appendingPathComponent("killed.sqlite")
        let frozen = folder.appendingPathComponent("frozen.sqlite")
        var small = Configuration()
        small.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = 1") }
        try DatabaseQueue(path: url.path, configuration: small).write { db in
            let blob = String(repeating: "x", count: 200_000)
            try db.execute(
                sql: "INSERT INTO tasks VALUES (99, 'k', '{}', 0, ?, 0, 'now', 'host', 'v')", arguments: [blob])
            for copy in [killed, frozen] {
                try FileManager.default.copyItem(at: url, to: copy)
                try FileManager.default.copyItem(atPath: url.path + "-journal", toPath: copy.path + "-journal")
            }
        }
        #expect(FileManager.default.fileExists(atPath: killed.path + "-journal"))

        let read = try ResultStore.open(at: killed, readOnly: true).finishedTasks()
        #expect(read.map(\.index) == [0, 1])

        // Frozen (mode 444) with a hot journal: a clear error instead of SQLite's.
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: frozen.path)
        let error = #expect(throws: BoltzmannError.self) { try ResultStore.open(at: frozen, readOnly: true) }
        #expect(error?.problem.contains("unfinished commit from a killed run") == true)
        #expect(error?.fix.contains("chmod u+w") == true)
    }
}
