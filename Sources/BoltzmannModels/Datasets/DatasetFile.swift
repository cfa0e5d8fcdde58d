import BoltzmannCore
import Foundation

/// The bytes of a data file, decompressed when it is gzip-compressed (`.gz`).
///
/// Decompression goes through BoltzmannCore's `GzipDecompression` (the system's `gzip -dc`), so `.csv.gz`, `.npy.gz` and MNIST's
/// `train-images-idx3-ubyte.gz` all load the same way. Errors name the file and what to do.
enum DatasetFile {
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
        guard GzipDecompression.isGzip(data) else { return data }
        return try GzipDecompression.decompressedContents(ofFileAt: url)
    }
}
