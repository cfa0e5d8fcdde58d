import Foundation

/// Reading and writing whole files with errors that name the file, the problem and the fix.
///
/// Foundation's own errors ("The file couldn't be opened") name neither the path nor what to do;
/// every reader and writer in `IO/` goes through these two functions instead.
enum FileAccess {
    /// The bytes of the file at `url`.
    ///
    /// - Parameter kind: what the caller expects the file to be, e.g. "`.npy` array", used in
    ///   the messages.
    /// - Throws: `BoltzmannError` when the path does not exist, is a folder, or cannot be read.
    static func contents(of url: URL, kind: String) throws -> Data {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BoltzmannError(
                "no such file: the \(kind) was expected at this path",
                fix: "check the spelling and the working folder, or pass an absolute path",
                source: path)
        }
        guard !isDirectory.boolValue else {
            throw BoltzmannError(
                "this path is a folder, not a \(kind) file",
                fix: "pass the path of the file inside the folder",
                source: path)
        }
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw BoltzmannError(
                "the \(kind) file cannot be read (\(error.localizedDescription))",
                fix: "check the file's permissions (it must be readable by this user)",
                source: path)
        }
    }

    /// Writes `data` to `url` atomically (to a temporary file first, then renamed), so that an
    /// interrupted write never leaves a half-written file behind.
    ///
    /// - Throws: `BoltzmannError` when the folder does not exist or is not writable.
    static func write(_ data: Data, to url: URL, kind: String) throws {
        let path = url.path
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw BoltzmannError(
                "cannot write the \(kind): the folder \(folder) does not exist",
                fix: "create the folder first (mkdir -p \(folder)) or choose another output path",
                source: path)
        }
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw BoltzmannError(
                "cannot write the \(kind) (\(error.localizedDescription))",
                fix: "check that the folder is writable and the disk is not full",
                source: path)
        }
    }
}
