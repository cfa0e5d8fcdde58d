import Testing
import BoltzmannCore

// Serialized: the thread count is process-wide, so these tests must not overlap each other.
@Suite("OpenBLAS thread control", .serialized)
struct BLASThreadsTests {
    @Test("withThreads sets the count inside the scope and restores it after, also on throw")
    func scopedCount() {
        let before = BLASThreads.count
        #expect(BLASThreads.withThreads(1) { BLASThreads.count } == 1)
        #expect(BLASThreads.count == before)
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try BLASThreads.withThreads(1) { () throws(Stop) in throw Stop() }
        }
        #expect(BLASThreads.count == before)
    }

    @Test("setting count is read back")
    func setAndGet() {
        let before = BLASThreads.count
        BLASThreads.count = 1
        #expect(BLASThreads.count == 1)
        BLASThreads.count = before
        #expect(BLASThreads.count == before)
    }

    @Test("the loaded library describes itself")
    func description() {
        #expect(BLASThreads.configuration.contains("OpenBLAS"))
        #expect(!BLASThreads.coreName.isEmpty)
        #expect(["sequential", "pthreads", "OpenMP"].contains(BLASThreads.threadingModel))
        #expect(BLASThreads.processorCount >= 1)
    }

    @Test("one thread and the default count give the same product")
    func resultIndependentOfThreads() {
        let a = LinearAlgebraReference.randomMatrix(Double.self, rows: 300, columns: 200, seed: 81)
        let b = LinearAlgebraReference.randomMatrix(Double.self, rows: 200, columns: 250, seed: 82)
        let single = BLASThreads.withThreads(1) { a * b }
        let multi = a * b
        let difference = zip(single.elements, multi.elements).map { abs($0 - $1) }.max() ?? 0
        #expect(difference < 1e-12)
    }
}
