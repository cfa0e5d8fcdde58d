import BoltzmannCore
import Foundation
import GRDB

/// Turns SQLite failures into errors that say what happened to the store and what to do.
enum StoreFailure {
    static func error(_ error: any Error, path: String, while action: String) -> BoltzmannError {
        if let error = error as? BoltzmannError { return error }
        guard let database = error as? DatabaseError else {
            return BoltzmannError("\(action) failed: \(error)", fix: "check the store file", source: path)
        }
        let detail = database.message.map { " (SQLite: \($0))" } ?? ""
        switch database.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return BoltzmannError(
                "the store is locked by another process while \(action)\(detail)",
                fix: "wait for the other process (another boltzmann run or merge, or an sqlite3 shell) to finish, or use another store",
                source: path)
        case .SQLITE_FULL:
            return BoltzmannError(
                "the disk holding the store is full while \(action)\(detail); the tasks committed before are kept",
                fix: "free disk space or move the store to a larger disk, then rerun with --resume", source: path)
        case .SQLITE_READONLY:
            return BoltzmannError(
                "the store is read-only while \(action)\(detail)",
                fix: "make the file and its folder writable (chmod u+w), or write to another store", source: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return BoltzmannError(
                "the file is not a results store (not an SQLite database, or a damaged one)\(detail)",
                fix: "pass a store written by boltzmann run, or a new path to create one", source: path)
        case .SQLITE_CANTOPEN:
            return BoltzmannError(
                "cannot open the store\(detail)", fix: "check the path exists and its folder is writable", source: path)
        case .SQLITE_IOERR:
            return BoltzmannError(
                "an input/output error while \(action)\(detail)", fix: "check the disk (space, permissions, network file system)",
                source: path)
        default:
            return BoltzmannError("\(action) failed\(detail)", fix: "check the store file", source: path)
        }
    }
}
