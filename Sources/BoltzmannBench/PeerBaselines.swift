import Foundation

/// Runs the Python peer baselines of `../shared/bench/peers/` on this machine, so that the
/// toolkit's figures are printed next to the field's tools measured in the same run.
///
/// The folder is `$BOLTZMANN_PEERS` or `../shared/bench/peers` relative to the working
/// directory; the interpreter is `$BOLTZMANN_PYTHON` or `python3`. A peer that is missing or
/// fails (no NumPy, no JAX) is reported and skipped: benchmarks print figures, they never fail.
struct PeerBaselines {
    var folder: URL
    var python: String

    init() {
        let environment = ProcessInfo.processInfo.environment
        folder = URL(fileURLWithPath: environment["BOLTZMANN_PEERS"] ?? "../shared/bench/peers")
        python = environment["BOLTZMANN_PYTHON"] ?? "python3"
    }

    /// Runs `script --json arguments…` and returns its JSON object, or the reason it could not.
    func run(_ script: String, _ arguments: [String]) -> Result<[String: Any], PeerFailure> {
        let path = folder.appendingPathComponent(script).path
        guard FileManager.default.fileExists(atPath: path) else {
            return .failure(PeerFailure(reason: "\(path) not found (set BOLTZMANN_PEERS)"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, path, "--json"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            return .failure(PeerFailure(reason: "could not start \(python): \(error)"))
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(PeerFailure(reason: "\(script) exited with status \(process.terminationStatus)"))
        }
        let lastLine = String(decoding: data, as: UTF8.self)
            .split(separator: "\n").last { $0.hasPrefix("{") } ?? ""
        guard let object = try? JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any] else {
            return .failure(PeerFailure(reason: "\(script) printed no JSON object"))
        }
        return .success(object)
    }

    /// Example-overlap updates per second of a dense teacher–student peer at load α.
    func denseRate(_ script: String, alpha: Double) -> Result<Double, PeerFailure> {
        run(script, ["--alpha", "\(alpha)"]).flatMap { json in
            guard let rate = json["overlap_updates_per_s"] as? Double else {
                return .failure(PeerFailure(reason: "\(script): no overlap_updates_per_s"))
            }
            return .success(rate)
        }
    }
}

struct PeerFailure: Error { var reason: String }
