import BoltzmannCore
import Foundation
import GRDB

/// The SQLite file (GRDB) that an experiment's finished tasks are committed to, each task whole
/// inside one transaction (the runner groups the tasks that finish within 0.2 s), so that a run
/// killed at any moment leaves every committed task stored and no partial one; `--resume` then
/// runs only what is missing.
///
/// Layout (format 1):
///
///     meta(key TEXT PRIMARY KEY, value TEXT)   -- format_version, name, scenario, spec_text,
///                                               -- spec_hash, axes, planned_task_count,
///                                               -- toolkit_version, created
///     tasks(task_index INTEGER PRIMARY KEY, kind TEXT, parameters TEXT (JSON), seed INTEGER,
///           results TEXT (JSON), wall_seconds REAL, finished_at TEXT, host TEXT, toolkit_version TEXT)
///
/// Records are JSON objects that keep key order and value types exactly (``RecordJSON``); seeds
/// are stored as the signed 64-bit integer with the same bits. The journal is SQLite's default
/// rollback journal, so that read-only stores (a finished run copied for analysis) open without
/// write access to their folder.
public final class ResultStore: Sendable {
    /// The store layout this toolkit writes and the newest it reads.
    public static let formatVersion = 1

    /// Settings for opening a store.
    public struct Options: Sendable {
        /// Seconds to wait for another process's lock before giving up with an error.
        public var busyTimeout: Double
        /// Caps the file at this many pages (SQLite `max_page_count`): a write that would grow it
        /// further fails exactly as on a full disk. For tests of the full-disk path.
        public var maximumPageCount: Int?

        public init(busyTimeout: Double = 10, maximumPageCount: Int? = nil) {
            self.busyTimeout = busyTimeout
            self.maximumPageCount = maximumPageCount
        }
    }

    public let url: URL
    public let metadata: StoreMetadata
    let queue: DatabaseQueue

    private init(url: URL, queue: DatabaseQueue, metadata: StoreMetadata) {
        self.url = url
        self.queue = queue
        self.metadata = metadata
    }

    var path: String { url.path }

    /// Creates a new, empty store for `spec`.
    ///
    /// - Throws: `BoltzmannError` when the file already exists, its folder is missing or not
    ///   writable, or the disk is full (the half-made file is removed).
    public static func create(at url: URL, spec: ExperimentSpec, options: Options = Options()) throws(BoltzmannError) -> ResultStore {
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw BoltzmannError("the store already exists", fix: "pass --resume to continue it, or choose a new store path",
                                 source: url.path)
        }
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw BoltzmannError("the folder of the store does not exist", fix: "create \(folder) first", source: url.path)
        }
        let metadata = StoreMetadata(
            formatVersion: formatVersion, name: spec.name, scenario: spec.scenario, specText: spec.text, specHash: spec.hash,
            axes: spec.axes, plannedTaskCount: spec.tasks.count, toolkitVersion: BoltzmannVersion.current,
            created: ISO8601DateFormatter().string(from: Date()))
        do {
            return try create(at: url, metadata: metadata, options: options)
        } catch {
            try? FileManager.default.removeItem(at: url)
            try? FileManager.default.removeItem(atPath: url.path + "-journal")
            throw error
        }
    }

    /// Creates a store with the given metadata (also used by merge to copy a store's identity).
    static func create(at url: URL, metadata: StoreMetadata, options: Options) throws(BoltzmannError) -> ResultStore {
        let queue = try connect(url, readOnly: false, options: options)
        do {
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
                try db.execute(sql: """
                    CREATE TABLE tasks (
                        task_index INTEGER PRIMARY KEY NOT NULL, kind TEXT NOT NULL, parameters TEXT NOT NULL,
                        seed INTEGER NOT NULL, results TEXT NOT NULL, wall_seconds REAL NOT NULL,
                        finished_at TEXT NOT NULL, host TEXT NOT NULL, toolkit_version TEXT NOT NULL)
                    """)
                let rows: [(String, String)] = [
                    ("format_version", "\(metadata.formatVersion)"), ("name", metadata.name), ("scenario", metadata.scenario),
                    ("spec_text", metadata.specText), ("spec_hash", metadata.specHash),
                    ("axes", RecordJSON.text(.list(metadata.axes.map { .text($0) }))),
                    ("planned_task_count", "\(metadata.plannedTaskCount)"), ("toolkit_version", metadata.toolkitVersion),
                    ("created", metadata.created),
                ]
                for (key, value) in rows {
                    try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
                }
            }
        } catch {
            throw StoreFailure.error(error, path: url.path, while: "creating the store")
        }
        return ResultStore(url: url, queue: queue, metadata: metadata)
    }

    /// Opens an existing store.
    ///
    /// - Parameter readOnly: open for reading only (export, plots); a writable open refuses a
    ///   file marked read-only (no write permission bits), even for root.
    /// - Throws: `BoltzmannError` when the file is missing, not a results store, written by a
    ///   newer toolkit (a newer format), read-only when writing, or locked past the timeout.
    public static func open(at url: URL, readOnly: Bool = false, options: Options = Options()) throws(BoltzmannError) -> ResultStore {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw BoltzmannError("the store does not exist", fix: "check the path, or run a spec into it first", source: path)
        }
        if !readOnly { try checkWritable(url) }
        if readOnly { try rollBackInterruptedCommit(url, options: options) }
        let queue = try connect(url, readOnly: readOnly, options: options)
        let metadata: StoreMetadata
        do {
            metadata = try queue.read { db throws in try readMetadata(db, path: path) }
        } catch {
            throw StoreFailure.error(error, path: path, while: "reading the store")
        }
        return ResultStore(url: url, queue: queue, metadata: metadata)
    }

    private static func connect(_ url: URL, readOnly: Bool, options: Options) throws(BoltzmannError) -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(options.busyTimeout)
        configuration.label = "boltzmann.store"
        if let pages = options.maximumPageCount {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        }
        do {
            return try DatabaseQueue(path: url.path, configuration: configuration)
        } catch {
            throw StoreFailure.error(error, path: url.path, while: "opening the store")
        }
    }

    /// A run killed inside a commit leaves a hot rollback journal (`STORE-journal`) next to the
    /// store; SQLite must roll it back before anyone reads, which a read-only connection cannot
    /// do. When the journal is there and the store is writable, a writable connection rolls it
    /// back first (the half-written task disappears; every committed one stays); otherwise the
    /// error says how to recover.
    private static func rollBackInterruptedCommit(_ url: URL, options: Options) throws(BoltzmannError) {
        let journal = url.path + "-journal"
        guard let size = (try? FileManager.default.attributesOfItem(atPath: journal))?[.size] as? NSNumber,
            size.intValue > 0
        else { return }
        guard (try? checkWritable(url)) != nil else {
            throw BoltzmannError(
                "the store holds an unfinished commit from a killed run (\(journal)) and is read-only, so SQLite cannot roll it back",
                fix: "make the store and its folder writable once (chmod u+w) and open it again; committed tasks are kept",
                source: url.path)
        }
        let queue = try connect(url, readOnly: false, options: options)
        do {
            try queue.read { db in _ = try db.tableExists("meta") }
            try queue.close()
        } catch {
            throw StoreFailure.error(error, path: url.path, while: "rolling back the unfinished commit of a killed run")
        }
    }

    /// Refuses files and folders that cannot be written, and files marked read-only (mode 444)
    /// even when the process could override it (root): a store someone froze stays frozen.
    private static func checkWritable(_ url: URL) throws(BoltzmannError) {
        let path = url.path
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let permissions = (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
        guard permissions & 0o222 != 0, FileManager.default.isWritableFile(atPath: path) else {
            throw BoltzmannError(
                "the store is read-only (file mode \(String(permissions, radix: 8)))",
                fix: "make it writable with chmod u+w, or run into a new store; `boltzmann export` reads read-only stores",
                source: path)
        }
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw BoltzmannError(
                "the folder of the store is not writable (SQLite needs it for its journal)",
                fix: "make \(folder) writable, or copy the store elsewhere", source: path)
        }
    }

    private static func readMetadata(_ db: Database, path: String) throws -> StoreMetadata {
        guard try db.tableExists("meta"), try db.tableExists("tasks") else {
            throw BoltzmannError(
                "the file is an SQLite database but not a results store (no meta and tasks tables)",
                fix: "pass a store written by boltzmann run, or a new path to create one", source: path)
        }
        var values: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") {
            values[row["key"]] = row["value"]
        }
        guard let versionText = values["format_version"], let version = Int(versionText) else {
            throw BoltzmannError("the store has no format version", fix: "the store is damaged; rerun into a new store", source: path)
        }
        guard version <= formatVersion else {
            throw BoltzmannError(
                "the store has format \(version), written by a newer boltzmann; this version (\(BoltzmannVersion.current)) reads format \(formatVersion) and older",
                fix: "update boltzmann to read it", source: path)
        }
        guard let name = values["name"], let scenario = values["scenario"], let specText = values["spec_text"],
            let specHash = values["spec_hash"], let axesText = values["axes"],
            let planned = values["planned_task_count"].flatMap(Int.init), let toolkit = values["toolkit_version"],
            let created = values["created"]
        else {
            throw BoltzmannError("the store's meta table is incomplete", fix: "the store is damaged; rerun into a new store", source: path)
        }
        let axesRecord = try RecordJSON.decode("{\"axes\":\(axesText)}", source: path)
        guard case .list(let axisValues)? = axesRecord["axes"] else {
            throw BoltzmannError("the store's axes are damaged", fix: "rerun into a new store", source: path)
        }
        let axes = axisValues.compactMap { value -> String? in if case .text(let s) = value { return s } else { return nil } }
        return StoreMetadata(
            formatVersion: version, name: name, scenario: scenario, specText: specText, specHash: specHash, axes: axes,
            plannedTaskCount: planned, toolkitVersion: toolkit, created: created)
    }
}
