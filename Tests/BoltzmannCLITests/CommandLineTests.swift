import Foundation
import Testing

/// The `boltzmann` executable as a user runs it: valid output for good input; for bad input a
/// message naming the problem on standard error and a non-zero exit status.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    /// The executable next to the test bundle (SwiftPM builds both into the same folder).
    static func executable() throws -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("boltzmann")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "boltzmann next to \(CommandLine.arguments[0])"])
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                   error: String(decoding: err, as: UTF8.self))
    }

    @Test func infoPrintsValidJSON() throws {
        let run = try Self.run(["info", "--format", "json"])
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        #expect(object?["blasVendor"] as? String == "OpenBLAS")
        #expect((object?["blasThreads"] as? Int ?? 0) >= 1)
    }

    @Test func theoryPrintsTheNamedKeys() throws {
        let run = try Self.run(["dense", "theory", "--p", "3", "--alpha", "2", "--temperature", "0.8", "--nishimori", "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        for key in ["qStar", "q", "m", "freeEntropy", "phase"] { #expect(object[key] != nil, "missing \(key)") }
        #expect(object["phase"] as? String == "gR")
    }

    @Test func transitionsAndCapacityAgreeWithTheLiterature() throws {
        let transitions = try Self.run(["dense", "transitions", "--p", "3", "--nishimori", "--format", "json"])
        let t = try #require(try JSONSerialization.jsonObject(with: Data(transitions.output.utf8)) as? [String: Any])
        #expect(abs((t["spinodalC"] as? Double ?? 0) - 1.0762504295) < 1e-6)
        let capacity = try Self.run(["hopfield", "capacity", "--format", "csv"])
        let row = capacity.output.split(separator: "\n")[1].split(separator: ",")
        #expect(abs((Double(row[0]) ?? 0) - 0.138) < 0.001)
    }

    @Test(arguments: [
        (["dense", "theory", "--p", "1", "--alpha", "1", "--temperature", "1"], "--p 1"),
        (["dense", "theory", "--p", "3", "--alpha=0", "--temperature", "1", "--nishimori"], "α"),
        (["dense", "theory", "--p", "3", "--alpha", "1", "--temperature=-1", "--nishimori"], "temperature"),
        (["dense", "theory", "--p", "3", "--alpha", "1", "--temperature", "1", "--form", "bogus"], "unknown Hamiltonian form"),
        (["dense", "simulate", "--p", "3", "--nishimori", "--alpha", "0.01", "--temperature", "1", "--size", "4"], "< 1 memory"),
        (["dense", "phase-diagram", "--p", "3", "--nishimori", "--alphas", "1:2:0", "--temperatures", "1"], "--alphas"),
        (["dense", "theory", "--p", "3", "--alpha", "nan", "--temperature", "1", "--nishimori"], "α"),
    ])
    func badInputFailsWithAMessage(arguments: [String], expected: String) throws {
        let run = try Self.run(arguments)
        #expect(run.status != 0)
        #expect(run.error.contains(expected), "stderr was: \(run.error)")
        #expect(!run.error.contains("Fatal error"))
    }
}
