import BoltzmannCore
import Foundation
import Testing
import BoltzmannModels

@Suite("RBM archive")
struct RBMArchiveTests {
    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("rbm-archive-\(UUID().uuidString)")
    }

    static func saved(_ rbm: RestrictedBoltzmannMachine) throws -> URL {
        let folder = temporaryFolder()
        try RBMArchive.save(rbm, to: folder, metadata: ["dataset": "digits", "epochs": "12"])
        return folder
    }

    /// A saved archive whose header lacks the array digests, as archives saved before them do
    /// (so that the loader's own checks of hand-edited arrays are exercised).
    static func savedWithoutDigests(_ rbm: RestrictedBoltzmannMachine) throws -> URL {
        let folder = try saved(rbm)
        let url = folder.appendingPathComponent("rbm.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        #expect(json["arrays"] != nil)
        json["arrays"] = nil
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        return folder
    }

    static func expectLoadFails(_ folder: URL, mentioning text: String, sourceEnds suffix: String? = nil) {
        do {
            _ = try RBMArchive.load(from: folder)
            Issue.record("loading succeeded but should fail with \"\(text)\"")
        } catch {
            #expect(error.problem.contains(text), "message: \(error)")
            #expect(!error.fix.isEmpty)
            if let suffix { #expect(error.source?.hasSuffix(suffix) == true, "source: \(String(describing: error.source))") }
        }
    }

    @Test("Save then load is bit-identical for every kind pair, with metadata", arguments: RBMUnitKind.allCases)
    func roundTrip(visibleKind: RBMUnitKind) throws {
        for hiddenKind in RBMUnitKind.allCases {
            let rbm = RBMReference.machine(visible: visibleKind, visibleCount: 7, hidden: hiddenKind, hiddenCount: 5, seed: 77)
            let folder = try Self.saved(rbm)
            defer { try? FileManager.default.removeItem(at: folder) }
            let (loaded, metadata) = try RBMArchive.load(from: folder)
            #expect(loaded.weights.elements.map(\.bitPattern) == rbm.weights.elements.map(\.bitPattern))
            #expect(loaded.visible.kind == visibleKind && loaded.hidden.kind == hiddenKind)
            for key in rbm.visible.parameters.keys {
                #expect(loaded.visible.parameters[key]!.map(\.bitPattern) == rbm.visible.parameters[key]!.map(\.bitPattern))
            }
            for key in rbm.hidden.parameters.keys {
                #expect(loaded.hidden.parameters[key]!.map(\.bitPattern) == rbm.hidden.parameters[key]!.map(\.bitPattern))
            }
            #expect(metadata == ["dataset": "digits", "epochs": "12"])
            let contents = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(!contents.contains { $0.hasSuffix(".partial") })
        }
    }

    @Test("The header and arrays are what Python expects")
    func fileLayout() throws {
        let rbm = RBMReference.machine(visible: .gaussian, visibleCount: 4, hidden: .bernoulli, hiddenCount: 3, seed: 2)
        let folder = try Self.saved(rbm)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("rbm.json"))) as! [String: Any]
        #expect(json["format"] as? String == "boltzmann-rbm")
        #expect(json["formatVersion"] as? Int == 1)
        #expect(json["toolkitVersion"] as? String == BoltzmannVersion.current)
        #expect((json["visible"] as? [String: Any])?["kind"] as? String == "gaussian")
        #expect((json["hidden"] as? [String: Any])?["count"] as? Int == 3)
        #expect(try NPY.read(from: folder.appendingPathComponent("weights.npy")).shape == [4, 3])
        #expect(try NPY.read(from: folder.appendingPathComponent("visible.precision.npy")).shape == [4])
        #expect(try NPY.read(from: folder.appendingPathComponent("hidden.bias.npy")).dataType == .float32)
    }

    @Test("Saving over an archive keeps unknown files, replaces the model and drops stale parameter files")
    func overwrite() throws {
        let first = RBMReference.machine(visible: .gaussian, visibleCount: 4, hidden: .spin, hiddenCount: 3, seed: 2)
        let folder = try Self.saved(first)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{}".utf8).write(to: folder.appendingPathComponent("training.json"))
        let second = RBMReference.machine(visible: .bernoulli, visibleCount: 6, hidden: .spin, hiddenCount: 2, seed: 3)
        try RBMArchive.save(second, to: folder)
        let (loaded, metadata) = try RBMArchive.load(from: folder)
        #expect(loaded.weights == second.weights && loaded.visible.kind == .bernoulli)
        #expect(metadata.isEmpty)
        let contents = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(contents.contains("training.json"))
        #expect(!contents.contains("visible.precision.npy"))
    }

    @Test("A failed save leaves nothing behind")
    func failedSave() throws {
        let file = Self.temporaryFolder()
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let rbm = RBMReference.machine(visible: .bernoulli, visibleCount: 2, hidden: .bernoulli, hiddenCount: 2, seed: 1)
        #expect(throws: BoltzmannError.self) { try RBMArchive.save(rbm, to: file) }
        #expect(throws: BoltzmannError.self) { try RBMArchive.save(rbm, to: file.appendingPathComponent("inside")) }
        var diverged = rbm
        diverged.weights[0, 1] = .infinity
        let folder = Self.temporaryFolder()
        #expect(throws: BoltzmannError.self) { try RBMArchive.save(diverged, to: folder) }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test("Load refuses a missing folder, header or array, naming the file")
    func missingFiles() throws {
        Self.expectLoadFails(Self.temporaryFolder(), mentioning: "does not exist")
        let rbm = RBMReference.machine(visible: .gaussian, visibleCount: 3, hidden: .bernoulli, hiddenCount: 2, seed: 5)
        for name in ["rbm.json", "weights.npy", "visible.bias.npy", "visible.precision.npy", "hidden.bias.npy"] {
            let folder = try Self.saved(rbm)
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            Self.expectLoadFails(folder, mentioning: name, sourceEnds: name)
        }
    }

    @Test("Load refuses wrong shapes, NaN weights, non-positive precisions")
    func badArrays() throws {
        let rbm = RBMReference.machine(visible: .gaussian, visibleCount: 3, hidden: .bernoulli, hiddenCount: 2, seed: 5)
        var folder = try Self.savedWithoutDigests(rbm)
        try NPY.write(Matrix<Float>(rows: 2, columns: 3), to: folder.appendingPathComponent("weights.npy"))
        Self.expectLoadFails(folder, mentioning: "shape (2, 3)", sourceEnds: "weights.npy")
        try FileManager.default.removeItem(at: folder)

        folder = try Self.savedWithoutDigests(rbm)
        try NPY.write(NPYArray(shape: [3], values: [Float](repeating: 0, count: 3)), to: folder.appendingPathComponent("hidden.bias.npy"))
        Self.expectLoadFails(folder, mentioning: "implies (2,)", sourceEnds: "hidden.bias.npy")
        try FileManager.default.removeItem(at: folder)

        folder = try Self.savedWithoutDigests(rbm)
        var weights = rbm.weights
        weights[2, 1] = .nan
        try NPY.write(weights, to: folder.appendingPathComponent("weights.npy"))
        Self.expectLoadFails(folder, mentioning: "nan", sourceEnds: "weights.npy")
        try FileManager.default.removeItem(at: folder)

        folder = try Self.savedWithoutDigests(rbm)
        try NPY.write(NPYArray(shape: [3], values: [Float](arrayLiteral: 1, 0, 1)), to: folder.appendingPathComponent("visible.precision.npy"))
        Self.expectLoadFails(folder, mentioning: "non-positive precision", sourceEnds: "visible.precision.npy")
        try FileManager.default.removeItem(at: folder)
    }

    @Test("A save interrupted between renames, or an array swapped by hand, is detected; archives without digests load")
    func digestsTieArraysToTheHeader() throws {
        let first = RBMReference.machine(visible: .bernoulli, visibleCount: 4, hidden: .spin, hiddenCount: 3, seed: 1)
        let second = RBMReference.machine(visible: .bernoulli, visibleCount: 4, hidden: .spin, hiddenCount: 3, seed: 2)
        let folder = try Self.saved(first), other = try Self.saved(second)
        defer { for f in [folder, other] { try? FileManager.default.removeItem(at: f) } }
        // What a save of `second` killed after renaming weights.npy (and before rbm.json) leaves.
        let weights = folder.appendingPathComponent("weights.npy")
        try FileManager.default.removeItem(at: weights)
        try FileManager.default.copyItem(at: other.appendingPathComponent("weights.npy"), to: weights)
        Self.expectLoadFails(folder, mentioning: "SHA-256 differs", sourceEnds: "weights.npy")

        let legacy = try Self.savedWithoutDigests(first)
        defer { try? FileManager.default.removeItem(at: legacy) }
        #expect(try RBMArchive.load(from: legacy).rbm.weights == first.weights)
    }

    @Test("Load refuses an unknown kind, a newer format version, another format and broken JSON")
    func badHeaders() throws {
        let rbm = RBMReference.machine(visible: .bernoulli, visibleCount: 3, hidden: .bernoulli, hiddenCount: 2, seed: 5)
        let cases: [(edit: (inout [String: Any]) -> Void, message: String)] = [
            ({ $0["visible"] = ["kind": "relu", "count": 3] }, "\"relu\""),
            ({ $0["formatVersion"] = 2 }, "written by a newer Boltzmann"),
            ({ $0["format"] = "something-else" }, "not \"boltzmann-rbm\""),
            ({ $0["formatVersion"] = nil }, "no formatVersion"),
            ({ $0["hidden"] = ["kind": "spin"] }, "unit count for the hidden layer"),
        ]
        for (edit, message) in cases {
            let folder = try Self.saved(rbm)
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = folder.appendingPathComponent("rbm.json")
            var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
            edit(&json)
            try JSONSerialization.data(withJSONObject: json).write(to: url)
            Self.expectLoadFails(folder, mentioning: message, sourceEnds: "rbm.json")
        }
        let folder = try Self.saved(rbm)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{\"format\": ".utf8).write(to: folder.appendingPathComponent("rbm.json"))
        Self.expectLoadFails(folder, mentioning: "not a valid RBM header", sourceEnds: "rbm.json")
    }
}
