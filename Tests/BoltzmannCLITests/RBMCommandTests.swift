import Foundation
import Testing

/// `boltzmann rbm train | evaluate | sample` as a user runs them: a full run on the digits, and
/// bad input that must fail with a message, a non-zero exit and no damage to existing files.
@Suite struct RBMCommandTests {
    /// Data/digits.csv.gz of this source tree.
    static let digits = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/digits.csv.gz").path

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("boltzmann-rbm-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func run(_ arguments: [String]) throws -> CommandLineTests.Run {
        try CommandLineTests.run(["rbm"] + arguments)
    }

    static func json(_ run: CommandLineTests.Run) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(run.output.utf8))
    }

    /// Every file under `folder` with its bytes (to check that a failed command changed nothing).
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) {
                files[path] = data
            }
        }
        return files
    }

    /// Trains a small model on the binarised digits into `folder/name`.
    static func trainDigits(into folder: URL, name: String = "model", epochs: Int, hidden: Int = 12) throws -> URL {
        let model = folder.appendingPathComponent(name)
        let run = try run([
            "train", "--data", digits, "--label-column", "last", "--binarize", "8", "--hidden", "\(hidden)",
            "--epochs", "\(epochs)", "--batch-size", "50", "--learning-rate", "0.05", "--seed", "1",
            "--out", model.path, "--quiet", "--format", "json",
        ])
        #expect(run.status == 0, "train failed: \(run.error)")
        return model
    }

    @Test func trainEvaluateResumeAndSampleTheDigits() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("model")
        let train = try Self.run([
            "train", "--data", Self.digits, "--label-column", "last", "--binarize", "8", "--hidden", "12",
            "--epochs", "3", "--batch-size", "50", "--learning-rate", "0.05", "--seed", "1",
            "--out", model.path, "--quiet", "--format", "json",
        ])
        #expect(train.status == 0, "stderr: \(train.error)")
        let epochs = try #require(try Self.json(train) as? [[String: Any]])
        #expect(epochs.map { $0["epoch"] as? Int } == [1, 2, 3])
        let errors = epochs.compactMap { $0["reconstructionError"] as? Double }
        #expect(errors.count == 3 && errors[2] < errors[0], "reconstruction error should fall: \(errors)")
        for file in ["rbm.json", "weights.npy", "visible.bias.npy", "hidden.bias.npy", "training.json"] {
            #expect(FileManager.default.fileExists(atPath: model.appendingPathComponent(file).path), "missing \(file)")
        }
        let log = try String(contentsOf: model.appendingPathComponent("epochs.csv"), encoding: .utf8)
        #expect(log.split(separator: "\n").count == 4 && log.hasPrefix("epoch,"))

        // Exact evaluation: the smaller layer has 12 units.
        let evaluate = try Self.run([
            "evaluate", "--model", model.path, "--data", Self.digits, "--label-column", "last", "--binarize", "8",
            "--format", "json",
        ])
        #expect(evaluate.status == 0, "stderr: \(evaluate.error)")
        let exact = try #require(try Self.json(evaluate) as? [String: Any])
        for key in ["logLikelihood", "logLikelihoodError", "logZ", "logZMethod", "pseudoLikelihood", "reconstructionError"] {
            #expect(exact[key] != nil, "missing \(key)")
        }
        #expect(exact["logZMethod"] as? String == "exact")
        #expect(exact["logLikelihoodError"] as? Double == 0)
        let logLikelihood = try #require(exact["logLikelihood"] as? Double)
        // Below 0 (discrete data) and above the uniform model's 64·log ½ = −44.36 after training.
        #expect(logLikelihood < 0 && logLikelihood > -44.36, "logLikelihood \(logLikelihood)")
        #expect((exact["pseudoLikelihood"] as? Double ?? 0) < 0)

        // AIS on the same model agrees with the exact log Z within its error bar.
        let sampled = try Self.run([
            "evaluate", "--model", model.path, "--data", Self.digits, "--label-column", "last", "--binarize", "8",
            "--logz", "ais", "--ais-chains", "100", "--ais-steps", "1000", "--format", "json",
        ])
        let ais = try #require(try Self.json(sampled) as? [String: Any])
        #expect(ais["logZMethod"] as? String == "ais")
        let exactLogZ = try #require(exact["logZ"] as? Double)
        let aisLogZ = try #require(ais["logZ"] as? Double)
        let aisError = try #require(ais["logLikelihoodError"] as? Double)
        #expect(abs(aisLogZ - exactLogZ) < 3 * aisError + 0.02, "AIS \(aisLogZ) ± \(aisError) vs exact \(exactLogZ)")
        #expect((ais["ess"] as? Double ?? 0) > 10)

        // Resuming to 4 epochs gives the weights of an uninterrupted 4-epoch run, bit for bit.
        let resume = try Self.run([
            "train", "--resume", model.path, "--data", Self.digits, "--label-column", "last", "--binarize", "8",
            "--epochs", "4", "--quiet", "--format", "json",
        ])
        #expect(resume.status == 0, "stderr: \(resume.error)")
        #expect((try Self.json(resume) as? [[String: Any]])?.count == 4)
        let straight = try Self.trainDigits(into: folder, name: "straight", epochs: 4)
        #expect(
            FileManager.default.contents(atPath: model.appendingPathComponent("weights.npy").path)
                == FileManager.default.contents(atPath: straight.appendingPathComponent("weights.npy").path))

        // Samples as .npy (with an 8 × 8 SVG grid) and as .csv.
        let npy = folder.appendingPathComponent("samples.npy")
        let sample = try Self.run([
            "sample", "--model", model.path, "--count", "16", "--sweeps", "200", "--seed", "3", "--out", npy.path,
            "--format", "json",
        ])
        #expect(sample.status == 0, "stderr: \(sample.error)")
        let bytes = try #require(FileManager.default.contents(atPath: npy.path))
        #expect(String(decoding: bytes.prefix(128), as: UTF8.self).contains("'shape': (16, 64)"))
        let svg = try String(contentsOf: folder.appendingPathComponent("samples.svg"), encoding: .utf8)
        #expect(svg.components(separatedBy: "class=\"frame\"").count - 1 == 16)
        let csv = folder.appendingPathComponent("samples.csv")
        let csvRun = try Self.run(["sample", "--model", model.path, "--count", "5", "--sweeps", "50", "--out", csv.path])
        #expect(csvRun.status == 0, "stderr: \(csvRun.error)")
        let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { row in
            let values = row.split(separator: ",")
            return values.count == 64 && values.allSatisfy { $0 == "0" || $0 == "1" || $0 == "0.0" || $0 == "1.0" }
        })
    }

    /// Parallel-tempering training from the command line, on samples with their labels in a
    /// separate file: the epoch log reports the swap rates of every epoch, and a labels file of
    /// the wrong length is refused before anything is written.
    @Test func parallelTemperingWithASeparateLabelsFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 240 rows of 16 binary pixels: two noisy stripes, labelled by stripe.
        var rows: [String] = [], labels: [String] = []
        var state: UInt64 = 12345
        for row in 0..<240 {
            let stripe = row % 2
            let pixels = (0..<16).map { column -> String in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let flip = (state >> 33) % 10 == 0
                return ((column % 2 == stripe) != flip) ? "1" : "0"
            }
            rows.append(pixels.joined(separator: ","))
            labels.append("\(stripe)")
        }
        let data = folder.appendingPathComponent("stripes.csv"), labelFile = folder.appendingPathComponent("labels.csv")
        try (rows.joined(separator: "\n") + "\n").write(to: data, atomically: true, encoding: .utf8)
        try (labels.joined(separator: "\n") + "\n").write(to: labelFile, atomically: true, encoding: .utf8)
        let short = folder.appendingPathComponent("short.csv")
        try (labels.dropLast().joined(separator: "\n") + "\n").write(to: short, atomically: true, encoding: .utf8)

        let model = folder.appendingPathComponent("pt")
        let train = try Self.run([
            "train", "--data", data.path, "--labels", labelFile.path, "--hidden", "4", "--method", "pt",
            "--temperatures", "4", "--epochs", "3", "--batch-size", "40", "--learning-rate", "0.05", "--seed", "2",
            "--out", model.path, "--quiet", "--format", "json",
        ])
        #expect(train.status == 0, "stderr: \(train.error)")
        let epochs = try #require(try Self.json(train) as? [[String: Any]])
        #expect(epochs.count == 3)
        for epoch in epochs {
            let low = try #require(epoch["minSwapAcceptance"] as? Double), mean = try #require(epoch["meanSwapAcceptance"] as? Double)
            #expect(low > 0 && low <= mean && mean <= 1, "swap rates \(low), \(mean)")
        }
        #expect(FileManager.default.fileExists(atPath: model.appendingPathComponent("rbm.json").path))

        let refusedModel = folder.appendingPathComponent("refused")
        let refused = try Self.run([
            "train", "--data", data.path, "--labels", short.path, "--hidden", "4", "--out", refusedModel.path, "--quiet",
        ])
        #expect(refused.status != 0)
        #expect(refused.error.contains("239") && refused.error.contains("240"), "stderr: \(refused.error)")
        #expect(!FileManager.default.fileExists(atPath: refusedModel.path))
    }

    /// Each failing command names the problem on standard error, exits non-zero, writes no
    /// output folder, and leaves the existing model folder and files byte for byte as they were.
    @Test func badInputFailsWithoutDamage() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try Self.trainDigits(into: folder, epochs: 1, hidden: 4)

        let narrow = folder.appendingPathComponent("narrow.csv")
        try "0,1,0,1\n1,1,0,0\n".write(to: narrow, atomically: true, encoding: .utf8)
        let withNaN = folder.appendingPathComponent("nan.csv")
        try "0,1\nnan,1\n".write(to: withNaN, atomically: true, encoding: .utf8)
        let empty = folder.appendingPathComponent("empty.csv")
        try "".write(to: empty, atomically: true, encoding: .utf8)
        let future = folder.appendingPathComponent("future")
        try FileManager.default.copyItem(at: model, to: future)
        let header = future.appendingPathComponent("rbm.json")
        let text = try String(contentsOf: header, encoding: .utf8)
        #expect(text.contains("\"formatVersion\" : 1"))
        try text.replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 99")
            .write(to: header, atomically: true, encoding: .utf8)
        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try "keep me".write(to: notes.appendingPathComponent("thesis.txt"), atomically: true, encoding: .utf8)
        let existingSamples = folder.appendingPathComponent("old.npy")
        try "previous samples".write(to: existingSamples, atomically: true, encoding: .utf8)
        let fresh = folder.appendingPathComponent("fresh").path

        let cases: [([String], String)] = [
            // Data of the wrong width for the model (evaluating, and resuming its training).
            (["evaluate", "--model", model.path, "--data", narrow.path], "4 values per sample, but the model has 64 visible units"),
            (["train", "--resume", model.path, "--data", narrow.path, "--epochs", "3"], "64 visible units"),
            // The digits' raw pixels (0–16) are not Bernoulli states.
            (["train", "--data", Self.digits, "--label-column", "last", "--hidden", "4", "--out", fresh], "--binarize"),
            // NaN, an empty file.
            (["train", "--data", withNaN.path, "--hidden", "4", "--out", fresh], "not a finite number"),
            (["train", "--data", empty.path, "--hidden", "4", "--out", fresh], "empty"),
            // A model folder written by a newer toolkit, and a missing one.
            (["evaluate", "--model", future.path, "--data", Self.digits, "--label-column", "last", "--binarize", "8"], "version 99"),
            (["sample", "--model", future.path, "--out", existingSamples.path], "version 99"),
            (["sample", "--model", folder.appendingPathComponent("missing").path, "--out", existingSamples.path], "does not exist"),
            // --out at a folder that is not a model, and at an existing model without --overwrite.
            (["train", "--data", Self.digits, "--label-column", "last", "--binarize", "8", "--hidden", "4", "--out", notes.path], "not a model folder"),
            (["train", "--data", Self.digits, "--label-column", "last", "--binarize", "8", "--hidden", "4", "--out", model.path], "--overwrite"),
            // An image shape that does not fit the 64 visible units.
            (["sample", "--model", model.path, "--image-shape", "5x5", "--out", existingSamples.path], "25 pixels"),
        ]
        let before = Self.snapshot(folder)
        for (arguments, expected) in cases {
            let run = try Self.run(arguments)
            #expect(run.status != 0, "\(arguments) succeeded")
            #expect(run.error.contains(expected), "\(arguments): stderr was \(run.error)")
            #expect(!run.error.contains("Fatal error"))
            #expect(!FileManager.default.fileExists(atPath: fresh), "\(arguments) created the output folder")
            #expect(Self.snapshot(folder) == before, "\(arguments) changed existing files")
        }
    }
}
