import BoltzmannCore
import Foundation

/// The bytes of a data file, decompressed when it is gzip-compressed (`.gz`).
///
/// Decompression runs the system's `gzip -dc` (as `CSV.read` does: Foundation on Linux has no
/// gzip decoder and the toolkit takes no zlib dependency), so `.csv.gz`, `.npy.gz` and MNIST's
/// `train-images-idx3-ubyte.gz` all load the same way. Errors name the file and what to do.
enum DatasetFile {
    /// The two bytes every gzip stream starts with (RFC 1952, §2.3.1).
    static let gzipMagic: [UInt8] = [0x1f, 0x8b]

    /// The contents of the file at `url`, decompressed if it starts with the gzip magic bytes.
    static func contents(of url: URL) throws(BoltzmannError) -> Data {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BoltzmannError(
                "no such file: the data file was expected at this path",
                fix: "check the spelling and the working folder, or pass an absolute path", source: path)
        }
        guard !isDirectory.boolValue else {
            throw BoltzmannError(
                "this path is a folder, not a data file",
                fix: "pass a .csv, .csv.gz, .npy or IDX file", source: path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw BoltzmannError(
                "the data file cannot be read (\(error.localizedDescription))",
                fix: "check the file's permissions (it must be readable by this user)", source: path)
        }
        guard data.starts(with: gzipMagic) else { return data }
        return try decompressed(url)
    }

    /// Runs `gzip -dc FILE` and returns its standard output.
    private static func decompressed(_ url: URL) throws(BoltzmannError) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", "--", url.path]
        let output = Pipe()
        let diagnostics = Pipe()
        process.standardOutput = output
        process.standardError = diagnostics
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw BoltzmannError(
                "cannot start `gzip` to decompress this file (\(error.localizedDescription))",
                fix: "install gzip, or decompress the file yourself (gzip -d) and pass the result",
                source: url.path)
        }
        // Read stdout to the end before waiting: a full pipe would block gzip forever.
        let contents = (try? output.fileHandleForReading.readToEnd()) ?? nil
        let message = ((try? diagnostics.fileHandleForReading.readToEnd()) ?? nil)
            .map { String(decoding: $0, as: UTF8.self) } ?? ""
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0:
            return contents ?? Data()
        case 127:
            throw BoltzmannError(
                "this file is gzip-compressed, but the `gzip` program is not installed",
                fix: "install gzip, or decompress the file first (gzip -d)", source: url.path)
        default:
            let said = message.replacingOccurrences(of: "gzip: \(url.path): ", with: "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw BoltzmannError(
                "the gzip-compressed file is damaged: gzip says \"\(said)\"",
                fix: "the file was probably cut short; download or copy it again", source: url.path)
        }
    }
}
