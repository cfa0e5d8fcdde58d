import BoltzmannCore
import Foundation
import Testing
@testable import BoltzmannExperiments

/// The runner: results independent of the thread count, of sharding + merging and of
/// interruption + resume; merge refusals; progress output.
@Suite struct ExperimentRunnerTests {
    @Test func resultsDoNotDependOnTheNumberOfJobs() throws {
        let folder = try ExperimentTestSupport.folder()
        let spec = try ExperimentSpec.parse(ExperimentTestSupport.mixedSpec)
        #expect(spec.tasks.count == 10)  // 2 theory + 2 α × 2 sizes × 2 repeats
        var outcomes: [[FinishedTask]] = []
        for jobs in [1, 3] {
            let store = try ExperimentRunner.openStore(at: folder.appendingPathComponent("j\(jobs).sqlite"), for: spec, resume: false)
            let outcome = try ExperimentRunner(spec: spec, store: store, jobs: jobs).run()
            #expect(outcome == RunOutcome(total: 10, skipped: 0, ran: 10, seconds: outcome.seconds))
            outcomes.append(try ExperimentTestSupport.outcomes(store))
        }
        #expect(ExperimentTestSupport.same(outcomes[0], outcomes[1]))
        #expect(outcomes[0].map(\.index) == Array(0..<10))
        // The theory rows carry the RS keys, the simulation rows the Monte Carlo keys.
        #expect(outcomes[0][0].kind == "dense.theory" && outcomes[0][0].results["phase"] != nil)
        #expect(outcomes[0][2].kind == "dense.simulate" && outcomes[0][2].results["qStarError"] != nil)
        // Repeats differ (different seeds), so the simulation is not accidentally deterministic.
        #expect(outcomes[0][2].seed != outcomes[0][3].seed)
        #expect(outcomes[0][2].results["energy"] != outcomes[0][3].results["energy"])
    }

    @Test func threeShardsMergedEqualOneRun() throws {
        let folder = try ExperimentTestSupport.folder()
        let spec = try ExperimentSpec.parse(ExperimentTestSupport.mixedSpec)
        let whole = try ExperimentRunner.openStore(at: folder.appendingPathComponent("whole.sqlite"), for: spec, resume: false)
        _ = try ExperimentRunner(spec: spec, store: whole, jobs: 2).run()
        var shardURLs: [URL] = []
        for index in 0..<3 {
            let url = folder.appendingPathComponent("shard-\(index).sqlite")
            let store = try ExperimentRunner.openStore(at: url, for: spec, resume: false)
            let outcome = try ExperimentRunner(spec: spec, store: store, jobs: 1, shard: Shard(index: index, count: 3)).run()
            #expect(outcome.ran == [4, 3, 3][index])
            shardURLs.append(url)
        }
        let mergedURL = folder.appendingPathComponent("merged.sqlite")
        let report = try ResultStore.merge(shardURLs, into: mergedURL)
        #expect(report == MergeReport(added: 10, duplicates: 0, stored: 10, planned: 10))
        let merged = try ResultStore.open(at: mergedURL, readOnly: true)
        #expect(ExperimentTestSupport.same(try ExperimentTestSupport.outcomes(merged), try ExperimentTestSupport.outcomes(whole)))
        #expect(merged.metadata.specHash == spec.hash)
        // Merging a shard again adds nothing and keeps identical tasks once.
        let again = try ResultStore.merge([shardURLs[1]], into: mergedURL)
        #expect(again == MergeReport(added: 0, duplicates: 3, stored: 10, planned: 10))
    }

    @Test func mergeRefusesOtherSpecsAndConflictingResults() throws {
        let folder = try ExperimentTestSupport.folder()
        let spec = try ExperimentSpec.parse(ExperimentTestSupport.robustnessSpec)
        let other = try ExperimentSpec.parse(ExperimentTestSupport.robustnessSpec.replacingOccurrences(of: "p = 4", with: "p = 5"))
        let a = folder.appendingPathComponent("a.sqlite"), b = folder.appendingPathComponent("b.sqlite")
        let c = folder.appendingPathComponent("c.sqlite")
        _ = try ExperimentRunner(spec: spec, store: ResultStore.create(at: a, spec: spec), jobs: 1).run()
        _ = try ExperimentRunner(spec: other, store: ResultStore.create(at: b, spec: other), jobs: 1).run()
        let out = folder.appendingPathComponent("out.sqlite")
        let different = #expect(throws: BoltzmannError.self) { try ResultStore.merge([a, b], into: out) }
        #expect(different?.problem.contains("different specs") == true)
        #expect(different?.problem.contains("a.sqlite") == true && different?.problem.contains("b.sqlite") == true)
        #expect(!FileManager.default.fileExists(atPath: out.path))

        let forged = try ResultStore.create(at: c, spec: spec)
        try forged.record(spec.tasks[2], results: ResultRecord(["epsilonCritical": 0.123]), wallSeconds: 0)
        let conflict = #expect(throws: BoltzmannError.self) { try ResultStore.merge([a, c], into: out) }
        #expect(conflict?.problem == "task 2 has different results in a.sqlite and c.sqlite")
        // One transaction: the failed merge left an output with no tasks.
        #expect(try ResultStore.open(at: out, readOnly: true).finishedTasks().isEmpty)
    }

    @Test func aFailingTaskStopsTheRunAndResumeFinishesIt() throws {
        let folder = try ExperimentTestSupport.folder()
        let text = """
            name = "failing"
            scenario = "test.failing"
            seed = 3
            [[sweep]]
            alpha = [1, 2, 3, 4, 5, 6]
            """
        var failing = ScenarioRegistry()
        failing.register(FailingScenario(failOn: 3))
        var healthy = ScenarioRegistry()
        healthy.register(FailingScenario(failOn: -1))
        let spec = try ExperimentSpec.parse(text, registry: failing)
        let url = folder.appendingPathComponent("s.sqlite")
        let store = try ExperimentRunner.openStore(at: url, for: spec, resume: false)
        let error = #expect(throws: BoltzmannError.self) {
            try ExperimentRunner(spec: spec, store: store, jobs: 1, registry: failing).run()
        }
        #expect(error?.problem == "task 2 (test.failing) failed: α = 3.0 is cursed")
        #expect(try store.finishedTaskIndices() == [0, 1])
        let resumed = try ExperimentRunner.openStore(at: url, for: spec, resume: true)
        let outcome = try ExperimentRunner(spec: spec, store: resumed, jobs: 2, registry: healthy).run()
        #expect(outcome.ran == 4 && outcome.skipped == 2)
        let fresh = try ResultStore.create(at: folder.appendingPathComponent("fresh.sqlite"), spec: spec)
        _ = try ExperimentRunner(spec: spec, store: fresh, jobs: 1, registry: healthy).run()
        #expect(ExperimentTestSupport.same(try ExperimentTestSupport.outcomes(resumed), try ExperimentTestSupport.outcomes(fresh)))
    }

    /// The RBM kinds are registered: α_crit = T² T*² for one pattern (c = 0), T⁴ on the Nishimori line.
    @Test func rbmCriticalLoadRunsThroughTheEngine() throws {
        let spec = try ExperimentSpec.parse("""
            name = "rbm-critical"
            scenario = "rbm.critical-load"
            [[sweep]]
            temperature = [0.5, 1.0, 1.5]
            """)
        let store = try ResultStore.create(at: ExperimentTestSupport.folder().appendingPathComponent("s.sqlite"), spec: spec)
        _ = try ExperimentRunner(spec: spec, store: store, jobs: 2).run()
        let values = try store.finishedTasks().map { task -> Double in
            if case .number(let x)? = task.results["alphaCritical"] { return x } else { return .nan }
        }
        for (value, t) in zip(values, [0.5, 1.0, 1.5]) { #expect(abs(value - t * t * t * t) < 1e-12) }
        let paired = try ExperimentSpec.parse("""
            name = "rbm-pair"
            scenario = "rbm.teacher-student"
            [parameters]
            temperature = 1.0
            [[sweep]]
            alpha = [0.5, 2.0]
            [[sweep]]
            size = [50, 100]
            """)
        #expect(paired.kinds == ["rbm.teacher-student.theory", "rbm.teacher-student.simulate"])
        #expect(paired.tasks.count == 2 + 4)
    }

    @Test func progressLinesCountTasksAndTheBarRedrawsInPlace() throws {
        final class Capture: @unchecked Sendable {
            let lock = NSLock()
            var text = ""
            func append(_ s: String) { lock.lock(); text += s; lock.unlock() }
        }
        let folder = try ExperimentTestSupport.folder()
        let spec = try ExperimentSpec.parse(ExperimentTestSupport.robustnessSpec)
        let lines = Capture(), bar = Capture()
        let store = try ResultStore.create(at: folder.appendingPathComponent("s.sqlite"), spec: spec)
        _ = try ExperimentRunner(spec: spec, store: store, jobs: 2).run(progress: ProgressReporter(style: .lines, write: lines.append))
        #expect(lines.text.contains("14 of 14 tasks to run (0 already stored)"))
        #expect(lines.text.contains("[14/14] task "))
        #expect(lines.text.contains("ETA"))
        #expect(lines.text.split(separator: "\n").count == 16)
        let second = try ResultStore.create(at: folder.appendingPathComponent("t.sqlite"), spec: spec)
        _ = try ExperimentRunner(spec: spec, store: second, jobs: 1).run(progress: ProgressReporter(style: .bar, write: bar.append))
        #expect(bar.text.contains("\r[##############################] 14/14 100%"))
        #expect(!bar.text.dropLast().contains("\n"))
        #expect(ProgressReporter.format(seconds: 3725) == "1:02:05")
    }
}
