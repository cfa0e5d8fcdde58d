import Foundation
import Testing

/// `boltzmann rbm teacher-student simulate` as a user runs it: the named keys in JSON, a Mattis
/// matrix of the scenario's shape, and bad input failing with a message and a non-zero exit.
@Suite struct RBMTeacherStudentSimulateTests {
    static func simulate(_ extra: [String]) throws -> CommandLineTests.Run {
        try CommandLineTests.run(["rbm", "teacher-student", "simulate"] + extra)
    }

    @Test func printsTheMattisMatrixWithErrors() throws {
        let run = try Self.simulate([
            "--alpha", "2", "--temperature", "0.9", "--teacher-hidden", "2", "--hidden", "3", "--correlation", "0.2",
            "--size", "40", "--chains", "3", "--sweeps", "10", "--samples", "2", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        for key in ["m", "mError", "mMatrix", "mMatrixError", "q", "qError", "acceptance", "weightUpdatesPerSecond"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect((object["mMatrix"] as? [Double])?.count == 6)
        #expect((object["mMatrixError"] as? [Double])?.count == 6)
        #expect(object["M"] as? Int == 80)
        let m = try #require(object["m"] as? Double)
        #expect(m >= 0 && m <= 1)
    }

    @Test func gaussianWeightsRunAndPrintCSV() throws {
        let run = try Self.simulate([
            "--alpha", "1", "--temperature", "1", "--weights", "gaussian", "--size", "30", "--chains", "2", "--sweeps", "20",
            "--step-size", "0.1", "--format", "csv",
        ])
        #expect(run.status == 0, "\(run.error)")
        let header = run.output.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("mMatrix") && header.contains("stepSize"))
    }

    @Test(arguments: [
        ["--alpha", "1", "--temperature=-1"],
        ["--alpha=-2", "--temperature", "1"],
        ["--alpha", "1", "--temperature", "1", "--correlation", "1.5"],
        ["--alpha", "1", "--temperature", "1", "--weights", "ternary"],
        ["--alpha", "1", "--temperature", "1", "--start", "example"],
        ["--alpha", "1", "--temperature", "1", "--chains", "0"],
        ["--alpha", "1", "--temperature", "1", "--hidden", "40"],
        ["--alpha", "1", "--temperature", "1", "--weights", "gaussian", "--step-size", "0"],
    ])
    func badInputFailsWithAMessage(arguments: [String]) throws {
        let run = try Self.simulate(arguments + ["--size", "20", "--sweeps", "2"])
        #expect(run.status != 0)
        #expect(!run.error.isEmpty, "no message for \(arguments)")
    }
}
