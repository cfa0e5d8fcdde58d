import BoltzmannCore
import Foundation
import Testing
@testable import BoltzmannExperiments

/// Export to CSV, JSON and NPY, and the slurm script.
@Suite struct ExperimentExportTests {
    static func summary() throws -> ExperimentSummary {
        let spec = try ExperimentSpec.parse("""
            name = "export"
            scenario = "dense.robustness"
            seed = 5
            [parameters]
            p = 4
            [[sweep]]
            alpha = [1, 8]
            """)
        let store = try ResultStore.create(at: ExperimentTestSupport.folder().appendingPathComponent("s.sqlite"), spec: spec)
        _ = try ExperimentRunner(spec: spec, store: store, jobs: 1).run()
        return try store.summary()
    }

    @Test func csvHasParametersThenResults() throws {
        let summary = try Self.summary()
        let lines = ExperimentExport.csv(summary).split(separator: "\n")
        #expect(lines[0] == "index,kind,p,alpha,eta,seed,epsilonCritical,wallSeconds")
        let cells = lines[2].split(separator: ",")
        #expect(cells[0] == "1" && cells[1] == "dense.robustness" && cells[2] == "4" && cells[3] == "8.0")
        #expect(cells[5] == "\(ExperimentSpec.taskSeed(runSeed: 5, index: 1))")
        // ε_c = a/(1+a), a = 8^{1/3} = 2 → 2/3.
        #expect(abs((Double(cells[6]) ?? 0) - 2.0 / 3.0) < 1e-15)
    }

    @Test func jsonIsAnArrayOfObjects() throws {
        let summary = try Self.summary()
        let json = ExperimentExport.json(summary)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(objects.count == 2)
        #expect(objects[0]["kind"] as? String == "dense.robustness")
        #expect(abs((objects[0]["epsilonCritical"] as? Double ?? 0) - 0.5) < 1e-15)
    }

    @Test func npyHoldsTheNumericColumnsWithASidecar() throws {
        let summary = try Self.summary()
        let url = try ExperimentTestSupport.folder().appendingPathComponent("out.npy")
        let sidecar = try ExperimentExport.writeNPY(summary, to: url)
        let array = try NPY.read(from: url)
        #expect(array.shape == [2, 6])
        let columns = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: sidecar)) as? [String: Any])["columns"] as? [String]
        #expect(columns == ["index", "p", "alpha", "eta", "epsilonCritical", "wallSeconds"])
        let values = array.asDoubles()
        #expect(Array(values[6..<10]) == [1, 4, 8, 1])
        #expect(abs(values[10] - 2.0 / 3.0) < 1e-15)
        #expect(sidecar.lastPathComponent == "out.columns.json")
    }

    @Test func slurmScriptRunsEveryShardIntoItsOwnStore() throws {
        let spec = try ExperimentSpec.parse(ExperimentTestSupport.robustnessSpec)
        let script = try SlurmScript(
            spec: spec, specPath: "specs/robust ness.toml", shards: 4, storeDirectory: "out/shards", time: "01:00:00",
            partition: "short", cpusPerTask: 8)
        let text = script.text
        #expect(text.hasPrefix("#!/bin/bash\n"))
        #expect(text.contains("\n#SBATCH --array=0-3\n"))
        #expect(text.contains("\n#SBATCH --cpus-per-task=8\n") && text.contains("\n#SBATCH --time=01:00:00\n"))
        #expect(text.contains("\n#SBATCH --partition=short\n"))
        #expect(text.contains("boltzmann run 'specs/robust ness.toml' \\\n"))
        #expect(text.contains("--shard \"${SLURM_ARRAY_TASK_ID}/4\""))
        #expect(text.contains("--store out/shards/\"shard-${SLURM_ARRAY_TASK_ID}.sqlite\""))
        #expect(text.contains("--resume"))
        #expect(text.contains("boltzmann merge out/shards/merged.sqlite out/shards/shard-*.sqlite"))
        #expect(throws: BoltzmannError.self) { try SlurmScript(spec: spec, specPath: "s", shards: 0, storeDirectory: "d") }
    }
}
