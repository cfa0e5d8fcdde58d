import Foundation

/// Decompresses gzip files by running the system's `gzip -dc`.
///
/// Foundation on Linux has no gzip decoder, and the toolkit takes no dependency on zlib, so a
/// `.gz` input is piped through the `gzip` program (found on `PATH` via `/usr/bin/env`; present
/// on every Linux distribution and on macOS). This costs one process launch per file, which is
/// negligible next to parsing. Environments without `gzip` get an error that says so.
public enum GzipDecompression {
    /// The two bytes every gzip stream starts with (RFC 1952, section 2.3.1).
    public static let magic: [UInt8] = [0x1f, 0x8b]

    /// Whether `data` starts with the gzip magic bytes.
    public static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == magic[0] && data[data.startIndex + 1] == magic[1]
    }

    /// The decompressed contents of the gzip file at `url`.
    ///
    /// - Throws: `BoltzmannError` when `gzip` is missing or reports a damaged stream (for example
    ///   "unexpected end of file" for a truncated download).
    public static func decompressedContents(ofFileAt url: URL) throws(BoltzmannError) -> Data {
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
        // Drain stdout before waiting: a full pipe would otherwise block gzip forever.
        let decompressed = (try? output.fileHandleForReading.readToEnd()) ?? nil
        let messageBytes = (try? diagnostics.fileHandleForReading.readToEnd()) ?? nil
        process.waitUntilExit()
        let message = String(decoding: messageBytes ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: "gzip: \(url.path): ", with: "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        switch process.terminationStatus {
        case 0:
            return decompressed ?? Data()
        case 127:
            throw BoltzmannError(
                "this file is gzip-compressed, but the `gzip` program is not installed",
                fix: "install gzip (apt-get install gzip), or decompress the file first (gzip -d)",
                source: url.path)
        default:
            throw BoltzmannError(
                "the gzip-compressed file is damaged: gzip says \"\(message)\"",
                fix: "the file was probably cut short; download or copy it again",
                source: url.path)
        }
    }
}
