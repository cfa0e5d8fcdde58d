import Dispatch
import Foundation

/// Runs `blockCount` independent blocks of work on `workers` threads: worker w takes blocks
/// w, w + workers, w + 2·workers, … in order. Each block must compute its result from its own
/// inputs only, so the results do not depend on the number of workers or on scheduling.
public enum ParallelBlocks {
    public static func run(blockCount: Int, workers: Int, _ body: @Sendable (Int) -> Void) {
        guard blockCount > 0 else { return }
        let workerCount = max(1, min(workers, blockCount))
        if workerCount == 1 {
            for block in 0..<blockCount { body(block) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
            var block = worker
            while block < blockCount {
                body(block)
                block += workerCount
            }
        }
    }

    /// The number of active processors (the default worker count).
    public static var processorCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}
