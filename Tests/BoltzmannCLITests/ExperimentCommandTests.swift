import Foundation
import Testing

/// `boltzmann run / merge / export / slurm` as a user runs them, including a sweep killed with
/// SIGKILL part-way and resumed.
@Suite(.serialized) struct ExperimentCommandTests {
    typealias CLI = CommandLineTests

    static func folder(_ name: String = #function) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("boltzmann-cli-\(name.filter { $0.isLetter })-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// 20 Monte Carlo tasks of about a quarter of a second each (10 α × 2 repeats, N = 32).
    static let sweepSpec = """
        name = "kill-and-resume"
        scenario = "dense.simulate"
        seed = 2024
        repeats = 2

        [parameters]
        p = 3
        nishimori = true
        temperature = 1.0
        size = 32
        chains = 4
        sweeps = 1500

        [[sweep]]
        alpha = { linear = [0.5, 2.0, 10] }
        """

    static let robustnessSpec = """
        name = "cli-robustness"
        scenario = "dense.robustness"
        [parameters]
        p = 4
        [[sweep]]
        alpha = { log = [0.1, 10, 5] }
        [[sweep]]
        eta = [1.0, 0.5, 0.25]
        """

    /// The stored tasks as exported JSON objects, with the timing columns removed.
    static func tasks(_ store: URL) throws -> [[String: Any]] {
        let run = try CLI.run(["export", store.path, "--format", "json"])
        guard run.status == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: run.error]) }
        let objects = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]] ?? []
        return objects.map { object in
            object.filter { !["wallSeconds", "sweepsPerSecond", "overlapUpdatesPerSecond"].contains($0.key) }
        }
    }

    static func same(_ a: [[String: Any]], _ b: [[String: Any]]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { NSDictionary(dictionary: $0) == NSDictionary(dictionary: $1) }
    }

    @Test func aSweepKilledPartWayAndResumedEqualsAnUninterruptedRun() throws {
        let folder = try Self.folder()
        let spec = folder.appendingPathComponent("sweep.toml")
        try Self.sweepSpec.write(to: spec, atomically: true, encoding: .utf8)
        let killed = folder.appendingPathComponent("killed.sqlite")

        let process = Process()
        process.executableURL = try CLI.executable()
        process.arguments = ["run", spec.path, "--store", killed.path, "--jobs", "2", "--quiet"]
        try process.run()
        var storedAtKill = 0
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            guard FileManager.default.fileExists(atPath: killed.path), let count = try? Self.tasks(killed).count else { continue }
            if count >= 3 {
                kill(process.processIdentifier, SIGKILL)
                storedAtKill = count
                break
            }
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        let afterKill = try Self.tasks(killed)
        #expect(afterKill.count >= storedAtKill && afterKill.count < 20, "the kill must land part-way")

        // Without --resume the existing store is refused; with it, the missing tasks run.
        let refused = try CLI.run(["run", spec.path, "--store", killed.path, "--quiet"])
        #expect(refused.status != 0 && refused.error.contains("--resume"))
        let resumed = try CLI.run(["run", spec.path, "--store", killed.path, "--resume", "--jobs", "2", "--quiet"])
        #expect(resumed.status == 0, "\(resumed.error)")

        let clean = folder.appendingPathComponent("clean.sqlite")
        let uninterrupted = try CLI.run(["run", spec.path, "--store", clean.path, "--jobs", "1", "--quiet"])
        #expect(uninterrupted.status == 0, "\(uninterrupted.error)")

        let a = try Self.tasks(killed), b = try Self.tasks(clean)
        #expect(a.compactMap { $0["index"] as? Int } == Array(0..<20), "no task lost or duplicated")
        #expect(Self.same(a, b), "resumed results differ from the uninterrupted run")
        #expect(Set(a.compactMap { $0["qStar"] as? Double }).count > 10, "tasks must differ from one another")
    }

    @Test func threeShardsMergedEqualOneRun() throws {
        let folder = try Self.folder()
        let spec = folder.appendingPathComponent("r.toml")
        try Self.robustnessSpec.write(to: spec, atomically: true, encoding: .utf8)
        var shards: [String] = []
        for index in 0..<3 {
            let store = folder.appendingPathComponent("shard-\(index).sqlite").path
            let run = try CLI.run(["run", spec.path, "--store", store, "--shard", "\(index)/3", "--quiet"])
            #expect(run.status == 0, "\(run.error)")
            shards.append(store)
        }
        let merged = folder.appendingPathComponent("merged.sqlite").path
        let merge = try CLI.run(["merge", merged] + shards)
        #expect(merge.status == 0, "\(merge.error)")
        #expect(merge.error.contains("15 tasks added, 0 duplicates kept once, 15 of 15 tasks stored"))
        let one = folder.appendingPathComponent("one.sqlite").path
        #expect(try CLI.run(["run", spec.path, "--store", one, "--quiet"]).status == 0)
        #expect(Self.same(try Self.tasks(URL(fileURLWithPath: merged)), try Self.tasks(URL(fileURLWithPath: one))))
        let csv = try CLI.run(["export", merged, "--format", "csv"])
        #expect(csv.output.split(separator: "\n").count == 16)
    }

    @Test func badInputFailsWithAMessage() throws {
        let folder = try Self.folder()
        let malformed = folder.appendingPathComponent("bad.toml")
        try "name = \"x\"\nscenario = \"dense.theory\"\n[parameters\np = 3\n".write(to: malformed, atomically: true, encoding: .utf8)
        let syntax = try CLI.run(["run", malformed.path, "--store", folder.appendingPathComponent("s.sqlite").path])
        #expect(syntax.status != 0 && syntax.error.contains("line 3") && syntax.error.contains("column"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("s.sqlite").path))

        let unknown = folder.appendingPathComponent("unknown.toml")
        try "name = \"x\"\nscenario = \"dense.robustness\"\n[parameters]\np = 3\nalpha = 1\nbeta = 2\n"
            .write(to: unknown, atomically: true, encoding: .utf8)
        let keys = try CLI.run(["run", unknown.path, "--store", folder.appendingPathComponent("u.sqlite").path])
        #expect(keys.status != 0 && keys.error.contains("valid parameters are: p, alpha, eta"))

        let empty = folder.appendingPathComponent("empty.toml")
        try "name = \"x\"\nscenario = \"dense.robustness\"\n[parameters]\np = 3\n[[sweep]]\nalpha = []\n"
            .write(to: empty, atomically: true, encoding: .utf8)
        let emptyRun = try CLI.run(["run", empty.path, "--store", folder.appendingPathComponent("e.sqlite").path])
        #expect(emptyRun.status != 0 && emptyRun.error.contains("the sweep axis alpha is empty"))

        let spec = folder.appendingPathComponent("r.toml")
        try Self.robustnessSpec.write(to: spec, atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("r.sqlite").path
        #expect(try CLI.run(["run", spec.path, "--store", store, "--quiet"]).status == 0)
        try Self.robustnessSpec.replacingOccurrences(of: "p = 4", with: "p = 5").write(to: spec, atomically: true, encoding: .utf8)
        let changed = try CLI.run(["run", spec.path, "--store", store, "--resume"])
        #expect(changed.status != 0 && changed.error.contains("parameters.p: 4 → 5"))

        let notAStore = try CLI.run(["export", malformed.path])
        #expect(notAStore.status != 0 && notAStore.error.contains("not a results store"))
        let shard = try CLI.run(["run", spec.path, "--store", folder.appendingPathComponent("z.sqlite").path, "--shard", "3/3"])
        #expect(shard.status != 0 && shard.error.contains("0 ≤ I < N"))
    }

    @Test func slurmWritesAJobArray() throws {
        let folder = try Self.folder()
        let spec = folder.appendingPathComponent("r.toml")
        try Self.robustnessSpec.write(to: spec, atomically: true, encoding: .utf8)
        let run = try CLI.run(["slurm", spec.path, "--shards", "5", "--store-dir", "shards", "--cpus", "4"])
        #expect(run.status == 0)
        #expect(run.output.contains("#SBATCH --array=0-4\n"))
        #expect(run.output.contains("--shard \"${SLURM_ARRAY_TASK_ID}/5\""))
        #expect(run.output.contains("--store shards/\"shard-${SLURM_ARRAY_TASK_ID}.sqlite\""))
    }
}
