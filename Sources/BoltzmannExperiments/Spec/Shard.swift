import BoltzmannCore

/// A deterministic 1/N of an experiment's tasks for one cluster job: shard I of N holds the
/// tasks whose index is I modulo N. Every task belongs to exactly one shard, and the split
/// interleaves the sweep so that shards of a sweep whose cost grows along an axis stay balanced.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 0-based shard number, `0 ..< count`.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws(BoltzmannError) {
        guard count >= 1, index >= 0, index < count else {
            throw BoltzmannError(
                "the shard \(index)/\(count) does not exist: shards are numbered 0 to N−1 and N ≥ 1",
                fix: "pass --shard I/N with 0 ≤ I < N, e.g. --shard 0/4", source: "--shard")
        }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`, e.g. `2/8` (as slurm's `$SLURM_ARRAY_TASK_ID/N` expands).
    public init(parsing text: String) throws(BoltzmannError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw BoltzmannError("cannot read the shard \"\(text)\"", fix: "write it as I/N, e.g. --shard 0/4", source: "--shard")
        }
        try self.init(index: index, count: count)
    }

    public func contains(taskIndex: Int) -> Bool { taskIndex % count == index }

    public var description: String { "\(index)/\(count)" }
}
