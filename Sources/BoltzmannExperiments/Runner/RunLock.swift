import BoltzmannCore
import Foundation

/// An exclusive advisory lock (`flock`) on `STORE.lock`, held while a run writes to a store, so
/// that a second `boltzmann run` on the same store stops at once instead of running the same
/// tasks twice. The kernel releases it when the process ends, also on SIGKILL.
final class RunLock: @unchecked Sendable {
    private let descriptor: Int32
    let path: String

    init(store: URL) throws(BoltzmannError) {
        path = store.path + ".lock"
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw BoltzmannError("cannot create the lock file \(path): \(String(cString: strerror(errno)))",
                                 fix: "make the store's folder writable", source: store.path)
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw BoltzmannError(
                "another process is running into this store (it holds \(path))",
                fix: "wait for it to finish, or run into another store (use --shard and merge to split work)", source: store.path)
        }
        descriptor = fd
    }

    /// Releases the lock and removes the lock file.
    func release() {
        unlink(path)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
