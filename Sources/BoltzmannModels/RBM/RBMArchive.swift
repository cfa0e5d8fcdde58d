import BoltzmannCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Saving and loading an RBM as a folder of NumPy arrays with a JSON header, readable from Python
/// with nothing but `json` and `numpy.load`:
///
///     DIR/rbm.json               {"format": "boltzmann-rbm", "formatVersion": 1, "toolkitVersion": "0.1.0",
///                                 "visible": {"kind": "bernoulli", "count": 64},
///                                 "hidden": {"kind": "bernoulli", "count": 32}, "metadata": {…},
///                                 "arrays": {"weights.npy": "<SHA-256 of the file>", …}}
///     DIR/weights.npy            W, float32, shape (V, H)
///     DIR/visible.bias.npy       θ_v, float32, shape (V,)
///     DIR/hidden.bias.npy        θ_h, float32, shape (H,)
///     DIR/visible.precision.npy  γ_v (Gaussian layers only; likewise hidden.precision.npy)
///
/// Loading ignores files it does not know (the trainer keeps its resume state in the same
/// folder) and refuses, with an error naming the file and the fix: a missing folder or file, a
/// header that is not JSON or not an RBM archive, a format version newer than this toolkit reads,
/// an unknown unit kind, arrays of the wrong shape, and non-finite or (for precisions)
/// non-positive values. Values round-trip bit for bit (float32 on disk).
///
/// Saving never leaves a half-written archive: every file is first written under a temporary
/// name in the folder, and only when all are complete are they renamed over the final names
/// (each rename is atomic; rbm.json goes last), so an error part-way removes the temporaries and
/// leaves any previous archive untouched. The header records the SHA-256 of every array file
/// (`arrays`, optional so that older archives still load), so a save killed between two renames,
/// or an array replaced by hand, is reported on loading instead of mixing two models.
public enum RBMArchive {
    /// The format name in rbm.json.
    public static let formatName = "boltzmann-rbm"
    /// The newest format version this toolkit writes and reads.
    public static let formatVersion = 1
    /// The header's file name.
    public static let headerFileName = "rbm.json"
    /// The weight matrix's file name.
    public static let weightsFileName = "weights.npy"

    /// The file holding parameter `key` of the visible or hidden layer, e.g. "visible.bias.npy".
    public static func parameterFileName(layer: String, key: String) -> String {
        "\(layer).\(key).npy"
    }

    /// Writes `rbm` and free-form `metadata` into `directory` (created if missing).
    ///
    /// - Throws: `BoltzmannError` when the folder cannot be created or written, or the model holds
    ///   non-finite parameters (nothing is changed on disk in either case).
    public static func save(
        _ rbm: RestrictedBoltzmannMachine, to directory: URL, metadata: [String: String] = [:]
    ) throws(BoltzmannError) {
        if let bad = rbm.weights.elements.firstIndex(where: { !$0.isFinite }) {
            throw BoltzmannError(
                "refusing to save: the weights hold \(rbm.weights.elements[bad]) at entry \(bad)",
                fix: "training diverged; lower the learning rate and retrain", source: directory.path)
        }
        var arrays: [(name: String, array: NPYArray)] = []
        for (side, layer) in [("visible", rbm.visible), ("hidden", rbm.hidden)] {
            for (key, values) in layer.parameters.sorted(by: { $0.key < $1.key }) {
                if let bad = values.firstIndex(where: { !$0.isFinite }) {
                    throw BoltzmannError(
                        "refusing to save: the \(side) \(key) holds \(values[bad]) at unit \(bad)",
                        fix: "training diverged; lower the learning rate and retrain", source: directory.path)
                }
                arrays.append((parameterFileName(layer: side, key: key), NPYArray(shape: [values.count], values: values)))
            }
        }
        arrays.append((weightsFileName, NPYArray(rbm.weights)))
        var header = Header(
            format: formatName, formatVersion: formatVersion, toolkitVersion: BoltzmannVersion.current,
            visible: .init(kind: rbm.visible.kind.rawValue, count: rbm.visibleCount),
            hidden: .init(kind: rbm.hidden.kind.rawValue, count: rbm.hiddenCount),
            metadata: metadata, arrays: [:])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]

        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let existed = manager.fileExists(atPath: directory.path, isDirectory: &isDirectory)
        if existed && !isDirectory.boolValue {
            throw BoltzmannError(
                "cannot save the RBM: this path is a file, not a folder",
                fix: "choose a folder path (the archive is a folder of .npy files)", source: directory.path)
        }
        if !existed {
            do {
                try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw BoltzmannError(
                    "cannot create the folder for the RBM (\(error.localizedDescription))",
                    fix: "check that the parent folder exists and is writable", source: directory.path)
            }
        }
        let tag = UUID().uuidString
        var written: [(temporary: URL, final: URL)] = []
        func cleanUp() {
            for file in written { try? manager.removeItem(at: file.temporary) }
            if !existed { try? manager.removeItem(at: directory) }
        }
        do {
            for (name, array) in arrays {
                let temporary = directory.appendingPathComponent(".\(name).\(tag).partial")
                written.append((temporary, directory.appendingPathComponent(name)))
                try NPY.write(array, to: temporary)
                header.arrays?[name] = SHA256.hex(bytes: [UInt8](try Data(contentsOf: temporary)))
            }
            let temporary = directory.appendingPathComponent(".\(headerFileName).\(tag).partial")
            written.append((temporary, directory.appendingPathComponent(headerFileName)))
            try encoder.encode(header).write(to: temporary)
        } catch {
            cleanUp()
            throw BoltzmannError(
                "cannot write the RBM archive (\(error))",
                fix: "check that the folder is writable and the disk is not full", source: directory.path)
        }
        for file in written {
            guard rename(file.temporary.path, file.final.path) == 0 else {
                let reason = String(cString: strerror(errno))
                cleanUp()
                throw BoltzmannError(
                    "cannot move \(file.final.lastPathComponent) into place (\(reason))",
                    fix: "check that the folder is writable", source: file.final.path)
            }
        }
        // Parameter files of a previous archive in this folder that the new model does not have
        // (e.g. a precision file after switching a layer from Gaussian to Bernoulli).
        let current = Set(arrays.map(\.name))
        for side in ["visible", "hidden"] {
            for key in ["bias", "precision"] where !current.contains(parameterFileName(layer: side, key: key)) {
                try? manager.removeItem(at: directory.appendingPathComponent(parameterFileName(layer: side, key: key)))
            }
        }
    }

    /// Reads the RBM archive in `directory` (see the type's documentation for what is refused).
    public static func load(
        from directory: URL
    ) throws(BoltzmannError) -> (rbm: RestrictedBoltzmannMachine, metadata: [String: String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw BoltzmannError(
                "no RBM archive here: the folder does not exist",
                fix: "pass the folder written by `boltzmann rbm train` or RBMArchive.save", source: directory.path)
        }
        guard isDirectory.boolValue else {
            throw BoltzmannError(
                "an RBM archive is a folder, but this path is a file",
                fix: "pass the folder that contains rbm.json and weights.npy", source: directory.path)
        }
        let header = try readHeader(directory)
        try verifyDigests(header, directory: directory)
        let visibleKind = try unitKind(header.visible, side: "visible", directory: directory)
        let hiddenKind = try unitKind(header.hidden, side: "hidden", directory: directory)
        let visibleCount = try unitCount(header.visible, side: "visible", directory: directory)
        let hiddenCount = try unitCount(header.hidden, side: "hidden", directory: directory)

        let weightsURL = directory.appendingPathComponent(weightsFileName)
        let weightsArray = try readArray(weightsURL, expectedShape: [visibleCount, hiddenCount])
        let weights: Matrix<Float>
        do {
            weights = try Matrix(rows: visibleCount, columns: hiddenCount, elements: weightsArray)
        } catch {
            throw BoltzmannError(error.problem, fix: error.fix, source: weightsURL.path)
        }
        let visible = try readLayer(kind: visibleKind, count: visibleCount, side: "visible", directory: directory)
        let hidden = try readLayer(kind: hiddenKind, count: hiddenCount, side: "hidden", directory: directory)
        let rbm = RestrictedBoltzmannMachine(validatedVisible: visible, hidden: hidden, weights: weights)
        return (rbm, header.metadata ?? [:])
    }

    // MARK: - Header

    /// rbm.json. Every field is optional when decoding so that a missing one gets its own message.
    struct Header: Codable {
        struct Layer: Codable {
            var kind: String?
            var count: Int?
        }
        var format: String?
        var formatVersion: Int?
        var toolkitVersion: String?
        var visible: Layer?
        var hidden: Layer?
        var metadata: [String: String]?
        /// SHA-256 (hex) of each array file, by file name; absent in archives saved before it existed.
        var arrays: [String: String]?
    }

    /// Checks each array file against the digest the header recorded for it.
    private static func verifyDigests(_ header: Header, directory: URL) throws(BoltzmannError) {
        for (name, expected) in (header.arrays ?? [:]).sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else {
                throw BoltzmannError(
                    "the RBM archive is missing \(name), which \(headerFileName) lists",
                    fix: "restore the file, or save the model again", source: url.path)
            }
            guard SHA256.hex(bytes: [UInt8](data)) == expected else {
                throw BoltzmannError(
                    "\(name) is not the file \(headerFileName) was saved with (its SHA-256 differs): the archive was "
                        + "changed after saving, or a save was interrupted part-way",
                    fix: "save the model again (or restore the folder from a copy); to use edited arrays on purpose, "
                        + "delete the \"arrays\" entry from \(headerFileName)",
                    source: url.path)
            }
        }
    }

    private static func readHeader(_ directory: URL) throws(BoltzmannError) -> Header {
        let url = directory.appendingPathComponent(headerFileName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw BoltzmannError(
                "the RBM archive has no \(headerFileName) (the header with the unit kinds and counts)",
                fix: "pass the folder written by RBMArchive.save; if the save was interrupted, save the model again",
                source: url.path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw BoltzmannError(
                "\(headerFileName) cannot be read (\(error.localizedDescription))",
                fix: "check the file's permissions", source: url.path)
        }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch {
            throw BoltzmannError(
                "\(headerFileName) is not a valid RBM header (\(error))",
                fix: "restore the file from the saved archive, or save the model again", source: url.path)
        }
        guard header.format == formatName else {
            throw BoltzmannError(
                "\(headerFileName) has format \(header.format.map { "\"\($0)\"" } ?? "missing"), not \"\(formatName)\"",
                fix: "pass the folder of an RBM saved by Boltzmann", source: url.path)
        }
        guard let version = header.formatVersion else {
            throw BoltzmannError(
                "\(headerFileName) has no formatVersion", fix: "add \"formatVersion\": 1 or save the model again",
                source: url.path)
        }
        guard version <= formatVersion else {
            throw BoltzmannError(
                "this RBM archive was written by a newer Boltzmann (format version \(version), toolkit "
                    + "\(header.toolkitVersion ?? "unknown")); this is Boltzmann \(BoltzmannVersion.current), which reads format version \(formatVersion)",
                fix: "update Boltzmann to read it, or save it again with the older version", source: url.path)
        }
        guard version >= 1 else {
            throw BoltzmannError(
                "\(headerFileName) has formatVersion \(version); versions start at 1",
                fix: "restore the file or save the model again", source: url.path)
        }
        return header
    }

    private static func unitKind(_ layer: Header.Layer?, side: String, directory: URL) throws(BoltzmannError) -> RBMUnitKind {
        let source = directory.appendingPathComponent(headerFileName).path
        guard let name = layer?.kind else {
            throw BoltzmannError(
                "\(headerFileName) does not give the \(side) layer's unit kind",
                fix: "add \"\(side)\": {\"kind\": …, \"count\": …} or save the model again", source: source)
        }
        guard let kind = RBMUnitKind(rawValue: name) else {
            let known = RBMUnitKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw BoltzmannError(
                "the \(side) layer has unit kind \"\(name)\", which this Boltzmann does not know (it knows \(known))",
                fix: "update Boltzmann if the archive comes from a newer version, or correct the kind", source: source)
        }
        return kind
    }

    private static func unitCount(_ layer: Header.Layer?, side: String, directory: URL) throws(BoltzmannError) -> Int {
        let source = directory.appendingPathComponent(headerFileName).path
        guard let count = layer?.count, count >= 0 else {
            throw BoltzmannError(
                "\(headerFileName) gives no valid unit count for the \(side) layer",
                fix: "give a non-negative \"count\" or save the model again", source: source)
        }
        return count
    }

    // MARK: - Arrays

    /// The float values of the .npy file at `url`, which must exist, have `expectedShape` and hold
    /// only finite values.
    private static func readArray(_ url: URL, expectedShape: [Int]) throws(BoltzmannError) -> [Float] {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw BoltzmannError(
                "the RBM archive is missing \(url.lastPathComponent)",
                fix: "restore the file, or save the model again (an archive needs all its .npy files)",
                source: url.path)
        }
        let array: NPYArray
        do {
            array = try NPY.read(from: url)
        } catch let error as BoltzmannError {
            throw error
        } catch {
            throw BoltzmannError("cannot read the array (\(error))", fix: "save the model again", source: url.path)
        }
        guard array.dataType == .float32 || array.dataType == .float64 else {
            throw BoltzmannError(
                "\(url.lastPathComponent) holds \(array.dataType) values, but RBM parameters are floating point",
                fix: "save it as float32 (np.save(path, a.astype(np.float32)))", source: url.path)
        }
        guard array.shape == expectedShape else {
            throw BoltzmannError(
                "\(url.lastPathComponent) has shape \(shapeText(array.shape)), but rbm.json implies \(shapeText(expectedShape))",
                fix: "the file does not belong to this header; save the model again", source: url.path)
        }
        let values = array.asFloats()
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw BoltzmannError(
                "\(url.lastPathComponent) holds \(values[bad]) at flat index \(bad)",
                fix: "the model diverged during training or the file is damaged; retrain with a smaller learning rate or restore a good copy",
                source: url.path)
        }
        return values
    }

    /// A shape as NumPy prints it: (3, 4), (5,).
    private static func shapeText(_ shape: [Int]) -> String {
        "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
    }

    private static func readLayer(
        kind: RBMUnitKind, count: Int, side: String, directory: URL
    ) throws(BoltzmannError) -> any RBMLayer {
        var parameters: [String: [Float]] = [:]
        for key in zeroLayer(kind, count: 0).parameters.keys.sorted() {
            let url = directory.appendingPathComponent(parameterFileName(layer: side, key: key))
            let values = try readArray(url, expectedShape: [count])
            if key == "precision", let bad = values.firstIndex(where: { $0 <= 0 }) {
                throw BoltzmannError(
                    "\(url.lastPathComponent) holds the non-positive precision \(values[bad]) at unit \(bad)",
                    fix: "precisions must be positive; retrain or restore a good copy", source: url.path)
            }
            parameters[key] = values
        }
        do {
            return try makeRBMLayer(kind: kind, count: count, parameters: parameters)
        } catch {
            throw BoltzmannError(error.problem, fix: error.fix, source: directory.path)
        }
    }
}
