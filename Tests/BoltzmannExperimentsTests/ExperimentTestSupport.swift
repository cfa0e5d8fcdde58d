import BoltzmannCore
import Foundation
@testable import BoltzmannExperiments

/// Temporary folders and small specs shared by the experiment-engine tests.
enum ExperimentTestSupport {
    /// A fresh empty folder under the temporary directory.
    static func folder(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("boltzmann-engine-\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// 12 cheap tasks: 4 closed-form robustness points and 8 small Monte Carlo runs (2 α × 2
    /// sizes × 2 repeats) — theory and simulation kinds in one store.
    static let mixedSpec = """
        name = "engine-mixed"
        scenario = "dense"
        run = ["theory", "simulation"]
        seed = 11
        repeats = 2

        [parameters]
        p = 3
        nishimori = true
        temperature = 1.0
        chains = 2
        sweeps = 4
        equilibration = 2

        [[sweep]]
        alpha = [0.5, 1.5]

        [[sweep]]
        size = [12, 16]
        """

    static let robustnessSpec = """
        name = "engine-robustness"
        scenario = "dense.robustness"
        [parameters]
        p = 4
        [[sweep]]
        alpha = { log = [0.1, 10, 7] }
        [[sweep]]
        eta = [1.0, 0.5]
        """

    /// The stored tasks, by index.
    static func outcomes(_ store: ResultStore) throws -> [FinishedTask] {
        try store.finishedTasks()
    }

    /// Whether two runs stored the same tasks with the same values (NaN equal to NaN; wall times
    /// and speed figures left out), checked task by task.
    static func same(_ a: [FinishedTask], _ b: [FinishedTask]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { ResultStore.sameOutcome($0, $1) }
    }
}

/// A scenario that fails on a chosen α, to test how a run stops and resumes.
struct FailingScenario: ExperimentScenario {
    var failOn: Double
    var kind: String { "test.failing" }
    var summary: String { "fails at one α" }
    var isStochastic: Bool { true }
    var parameters: [ScenarioParameter] { [ScenarioParameter("alpha", .number, required: true, help: "α")] }
    func check(_ parameters: ScenarioParameters) throws(BoltzmannError) {}
    func run(_ parameters: ScenarioParameters, seed: UInt64) throws(BoltzmannError) -> ResultRecord {
        let alpha = try parameters.number("alpha")
        if alpha == failOn { throw BoltzmannError("α = \(alpha) is cursed", fix: "pick another α", source: "alpha") }
        return ResultRecord(["twice": .number(2 * alpha), "seedBits": .integer(Int(truncatingIfNeeded: seed % 1000))])
    }
}

/// Test records written as dictionary literals (`["alpha": .number(1), "p": 3]`); the order of
/// the literal is the order of the keys.
extension ResultRecord: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, ResultValue)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }
}
