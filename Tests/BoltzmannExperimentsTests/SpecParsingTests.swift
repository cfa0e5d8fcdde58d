import BoltzmannCore
import Foundation
import Testing
@testable import BoltzmannExperiments

/// The TOML spec: task lists (zipped, crossed, ranges, families, repeats), the hash, and clear
/// errors for bad specs.
@Suite struct SpecParsingTests {
    static let paired = """
        name = "nishimori-p3"
        scenario = "dense"
        run = ["theory", "simulation"]
        seed = 7
        repeats = 2

        [parameters]
        p = 3
        nishimori = true
        temperature = 0.8
        chains = 2
        sweeps = 5

        [[sweep]]
        alpha = { linear = [0.5, 3.0, 6] }

        [[sweep]]
        size = [32, 64]
        """

    @Test func pairedRunEnumeratesTheoryOncePerPointAndSimulationPerSizeAndRepeat() throws {
        let spec = try ExperimentSpec.parse(Self.paired)
        #expect(spec.kinds == ["dense.theory", "dense.simulate"])
        #expect(spec.axes == ["alpha", "size", "repeat"])
        let theory = spec.tasks.filter { $0.kind == "dense.theory" }
        let simulation = spec.tasks.filter { $0.kind == "dense.simulate" }
        #expect(theory.count == 6)
        #expect(simulation.count == 24)
        #expect(spec.tasks.map(\.index) == Array(0..<30))
        // Linear range 0.5…3 in 6 points: step 0.5, no rounding noise.
        #expect(theory.map { $0.parameters["alpha"] } == [0.5, 1.0, 1.5, 2.0, 2.5, 3.0].map { ResultValue.number($0) })
        #expect(theory[0].parameters["size"] == nil)
        #expect(theory[0].parameters["repeat"] == nil)
        // Crossed: alpha outermost, then size, then repeat innermost.
        let first = simulation.prefix(4).map { [$0.parameters["alpha"]!, $0.parameters["size"]!, $0.parameters["repeat"]!] }
        let expected: [[ResultValue]] = [[0.5, 32, 0], [0.5, 32, 1], [0.5, 64, 0], [0.5, 64, 1]]
        #expect(first == expected)
        // Defaults are filled in, typed values are coerced (temperature is a number).
        #expect(simulation[0].parameters["rule"] == .text("heat-bath"))
        #expect(simulation[0].parameters["temperature"] == .number(0.8))
        #expect(simulation[0].parameters["p"] == .integer(3))
        // Seeds come from (seed, index) only.
        for task in spec.tasks { #expect(task.seed == ExperimentSpec.taskSeed(runSeed: 7, index: task.index)) }
        #expect(Set(spec.tasks.map(\.seed)).count == spec.tasks.count)
    }

    @Test func zippedAxesVaryTogetherAndBlocksCross() throws {
        let spec = try ExperimentSpec.parse("""
            name = "zip"
            scenario = "dense.theory"
            [parameters]
            p = 4
            [[sweep]]
            alpha = [1.0, 2.0, 3.0]
            temperature = [0.2, 0.4, 0.6]
            [[sweep]]
            form = ["gardner"]
            """)
        #expect(spec.tasks.count == 3)
        #expect(spec.tasks.map { $0.parameters["temperature"] } == [.number(0.2), .number(0.4), .number(0.6)])
        #expect(spec.tasks.map { $0.parameters["alpha"] } == [.number(1), .number(2), .number(3)])
        #expect(spec.axes == ["alpha", "temperature", "form"])
    }

    @Test func logRangeHitsDecadesExactly() throws {
        let spec = try ExperimentSpec.parse("""
            name = "log"
            scenario = "dense.robustness"
            [parameters]
            p = 4
            [[sweep]]
            alpha = { log = [0.01, 100, 5] }
            """)
        #expect(spec.tasks.map { $0.parameters["alpha"] } == [0.01, 0.1, 1, 10, 100].map { ResultValue.number($0) })
    }

    @Test func hashIgnoresCommentsWhitespaceKeyOrderAndIntegerFloats() throws {
        let a = try ExperimentSpec.parse("name = \"h\"\nscenario = \"dense.robustness\"\n[parameters]\np = 4\nalpha = 1\n")
        let b = try ExperimentSpec.parse("# a comment\nscenario   =   \"dense.robustness\"  # kind\nname = \"h\"\n\n[parameters]\nalpha = 1.0\np = 4\n")
        let c = try ExperimentSpec.parse("name = \"h\"\nscenario = \"dense.robustness\"\n[parameters]\np = 4\nalpha = 1.5\n")
        #expect(a.hash == b.hash)
        #expect(a.hash != c.hash)
        #expect(a.hash.count == 64)
        #expect(c.differences(fromText: a.text) == ["parameters.alpha: 1 → 1.5"])
    }

    @Test func malformedTOMLGivesLineAndColumn() {
        let error = #expect(throws: BoltzmannError.self) {
            try ExperimentSpec.parse("name = \"x\"\nscenario = \"dense.theory\"\n[parameters]\np = = 3\n", source: "bad.toml")
        }
        #expect(error?.problem.contains("line 4") == true)
        #expect(error?.problem.contains("column") == true)
        #expect(error?.source?.hasPrefix("bad.toml:4:") == true)
    }

    @Test func unknownKeysListTheValidOnes() {
        let top = #expect(throws: BoltzmannError.self) {
            try ExperimentSpec.parse("name = \"x\"\nscenario = \"dense.theory\"\nsweeps = 3\n", source: "s.toml")
        }
        #expect(top?.problem.contains("\"sweeps\"") == true)
        #expect(top?.fix.contains("name, description, scenario, run, seed, repeats, parameters, sweep") == true)
        #expect(top?.source == "s.toml:3")
        let parameter = #expect(throws: BoltzmannError.self) {
            try ExperimentSpec.parse("name = \"x\"\nscenario = \"dense.robustness\"\n[parameters]\np = 3\nalpah = 1\n")
        }
        #expect(parameter?.problem.contains("alpah") == true)
        #expect(parameter?.fix == "valid parameters are: p, alpha, eta")
        let scenario = #expect(throws: BoltzmannError.self) {
            try ExperimentSpec.parse("name = \"x\"\nscenario = \"dense.theroy\"\n")
        }
        #expect(scenario?.fix.contains("dense.theory") == true)
        let role = #expect(throws: BoltzmannError.self) {
            try ExperimentSpec.parse("name = \"x\"\nscenario = \"dense\"\nrun = [\"theory\", \"montecarlo\"]\n")
        }
        #expect(role?.fix == "members of dense are: theory, simulation")
    }

    @Test func emptySweepsAndMismatchedZipsAreRefused() {
        let empty = #expect(throws: BoltzmannError.self) {
            try ExperimentSpec.parse("name = \"x\"\nscenario = \"dense.robustness\"\n[parameters]\np = 3\n[[sweep]]\nalpha = []\n")
        }
        #expect(empty?.problem == "the sweep axis alpha is empty")
        #expect(empty?.source == "spec:6")
        let zeroCount = #expect(throws: BoltzmannError.self) {
            try ExperimentSpec.parse("name = \"x\"\nscenario = \"dense.robustness\"\n[parameters]\np = 3\n[[sweep]]\nalpha = { linear = [1, 2, 0] }\n")
        }
        #expect(zeroCount?.problem.contains("empty") == true)
        let zipped = #expect(throws: BoltzmannError.self) {
            try ExperimentSpec.parse("name = \"x\"\nscenario = \"dense.theory\"\n[parameters]\np = 3\n[[sweep]]\nalpha = [1, 2]\ntemperature = [1, 2, 3]\n")
        }
        #expect(zipped?.problem.contains("alpha: 2, temperature: 3") == true)
    }

    @Test func wrongTypesMissingParametersAndInvalidPointsAreExplained() {
        let type = #expect(throws: BoltzmannError.self) {
            try ExperimentSpec.parse("name = \"x\"\nscenario = \"dense.robustness\"\n[parameters]\np = 3.5\nalpha = 1\n")
        }
        #expect(type?.problem.contains("p must be an integer") == true)
        #expect(type?.source == "spec:4")
        let missing = #expect(throws: BoltzmannError.self) {
            try ExperimentSpec.parse("name = \"x\"\nscenario = \"dense.robustness\"\n[parameters]\np = 3\n")
        }
        #expect(missing?.problem.contains("needs the parameter alpha") == true)
        let invalid = #expect(throws: BoltzmannError.self) {
            try ExperimentSpec.parse("name = \"x\"\nscenario = \"dense.robustness\"\n[parameters]\np = 3\n[[sweep]]\nalpha = [1, -2]\n")
        }
        #expect(invalid?.problem.contains("alpha = -2.0") == true)
        let choice = #expect(throws: BoltzmannError.self) {
            try ExperimentSpec.parse("name = \"x\"\nscenario = \"dense.theory\"\n[parameters]\np = 3\nalpha = 1\ntemperature = 1\nform = \"hopfield\"\n")
        }
        #expect(choice?.fix.contains("gardner, krotov, krotov-rectified") == true)
    }

    @Test func shardsPartitionTheTasks() throws {
        let spec = try ExperimentSpec.parse(Self.paired)
        for count in [1, 3, 7] {
            var seen = [Int](repeating: 0, count: spec.tasks.count)
            for index in 0..<count {
                let shard = try Shard(index: index, count: count)
                for task in spec.tasks where shard.contains(taskIndex: task.index) { seen[task.index] += 1 }
            }
            #expect(seen.allSatisfy { $0 == 1 })
        }
        #expect(try Shard(parsing: "2/8") == Shard(index: 2, count: 8))
        #expect(throws: BoltzmannError.self) { try Shard(parsing: "3/3") }
        #expect(throws: BoltzmannError.self) { try Shard(parsing: "a/3") }
    }
}
