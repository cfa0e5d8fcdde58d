import Foundation
import Testing

/// `boltzmann rbm teacher-student theory` and `critical-load` as a user runs them.
@Suite struct RBMTeacherStudentTheoryTests {
    func json(_ arguments: [String]) throws -> Any {
        let run = try CommandLineTests.run(arguments + ["--format", "json"])
        #expect(run.status == 0, "stderr: \(run.error)")
        return try JSONSerialization.jsonObject(with: Data(run.output.utf8))
    }

    @Test func theoryPrintsTheNamedKeysForOneHiddenUnit() throws {
        let object = try #require(try json(["rbm", "teacher-student", "theory", "--alpha", "2", "--temperature", "1", "--nishimori"]) as? [String: Any])
        for key in ["m", "q", "mHat", "qHat", "converged", "iterations", "phase", "freeEntropy"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["phase"] as? String == "learning")
        let m = try #require(object["m"] as? Double)
        #expect(abs(m - (object["q"] as? Double ?? -1)) < 1e-8)
    }

    @Test func theorySweepsAndPrintsMatrices() throws {
        let rows = try #require(try json([
            "rbm", "teacher-student", "theory", "--alpha", "0.2,1.5", "--temperature", "1",
            "--teacher-hidden", "2", "--hidden", "2", "--correlation", "0.3",
        ]) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["phase"] as? String == "not learning")
        #expect(rows[1]["phase"] as? String == "learning")
        let m = try #require(rows[1]["m"] as? [[Double]])
        #expect(m.count == 2 && m[0].count == 2)
    }

    @Test func criticalLoadIsTFourthForOneUnit() throws {
        let rows = try #require(try json(["rbm", "teacher-student", "critical-load", "--temperature", "0.5,1.5"]) as? [[String: Any]])
        #expect(abs((rows[0]["alphaCritical"] as? Double ?? 0) - 0.0625) < 1e-12)
        #expect(abs((rows[1]["alphaCritical"] as? Double ?? 0) - 5.0625) < 1e-12)
        let correlated = try #require(try json([
            "rbm", "teacher-student", "critical-load", "--hidden", "2", "--correlation", "0.3", "--temperature", "1",
        ]) as? [String: Any])
        #expect(abs((correlated["lambdaMax"] as? Double ?? 0) - 1.678706396187068) < 1e-9)
    }

    @Test(arguments: [
        (["rbm", "teacher-student", "theory", "--alpha", "1", "--temperature", "0"], "temperature"),
        (["rbm", "teacher-student", "theory", "--alpha=-1", "--temperature", "1"], "α"),
        (["rbm", "teacher-student", "theory", "--alpha", "1", "--temperature", "1", "--weights", "ternary"], "--weights"),
        (["rbm", "teacher-student", "theory", "--alpha", "1", "--temperature", "1", "--correlation", "1"], "correlation"),
        (["rbm", "teacher-student", "theory", "--alpha", "1", "--temperature", "1", "--nishimori", "--teacher-temperature", "2"], "--nishimori"),
        (["rbm", "teacher-student", "theory", "--alpha", "1", "--temperature", "1", "--teacher-hidden", "6", "--hidden", "6", "--correlation", "0.2"], "--hidden"),
        (["rbm", "teacher-student", "critical-load", "--hidden", "0", "--temperature", "1"], "hidden"),
        (["rbm", "teacher-student", "critical-load", "--temperature", "1:2:0"], "--temperature"),
    ])
    func badInputFailsWithAMessage(arguments: [String], expected: String) throws {
        let run = try CommandLineTests.run(arguments)
        #expect(run.status != 0)
        #expect(run.error.contains(expected), "stderr was: \(run.error)")
        #expect(!run.error.contains("Fatal error"))
    }
}
