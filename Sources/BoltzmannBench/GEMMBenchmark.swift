import Boltzmann
import CLinearAlgebra

/// Single-precision GEMM throughput through `Matrix.gemm` against a direct `cblas_sgemm` call on
/// the same buffers, at n = 512 and 1024, with OpenBLAS on one thread and on all threads.
///
/// Each figure is the best of several timed repetitions (after one warm-up), with the wrapper and
/// the raw call interleaved so that both see the same machine load. GFLOP/s counts 2n³ flops per
/// product. The overhead column is (wrapper time − raw time) / raw time; the wrapper's own work
/// is a few shape checks and pointer borrows, so the target is below 5 % and figures of a few
/// tenths of a percent either way are timing noise.
///
/// Returns the report lines (a header, then one line per size and thread count).
public func runGEMMBenchmark() -> [String] {
    let allThreads = BLASThreads.processorCount
    var lines = [
        "GEMM (sgemm, C = A·B, n×n): wrapper Matrix.gemm vs raw cblas_sgemm",
        "OpenBLAS: \(BLASThreads.configuration) [\(BLASThreads.threadingModel)]",
        pad("n", 6) + pad("threads", 9) + pad("wrapper GFLOP/s", 17) + pad("raw GFLOP/s", 13)
            + "overhead",
    ]
    for n in [512, 1024] {
        var seed: UInt32 = 12345
        func nextEntry() -> Float {
            // A small LCG is enough to fill the operands; the values do not affect the timing.
            seed = seed &* 1_664_525 &+ 1_013_904_223
            return Float(seed >> 8) * 0x1p-24 - 0.5
        }
        let a = Matrix<Float>(rows: n, columns: n) { _, _ in nextEntry() }
        let b = Matrix<Float>(rows: n, columns: n) { _, _ in nextEntry() }
        var c = Matrix<Float>(rows: n, columns: n)
        var rawA = a.elements
        var rawB = b.elements
        var rawC = [Float](repeating: 0, count: n * n)
        let flops = 2 * Double(n) * Double(n) * Double(n)
        for threads in Set([1, allThreads]).sorted() {
            BLASThreads.withThreads(threads) {
                let repetitions = n <= 512 ? 30 : 12
                var wrapperBest = Double.infinity
                var rawBest = Double.infinity
                for repetition in 0...repetitions {
                    let wrapperTime = benchSeconds {
                        Matrix.gemm(a, b, into: &c)
                    }
                    let rawTime = benchSeconds {
                        rawA.withUnsafeMutableBufferPointer { pa in
                            rawB.withUnsafeMutableBufferPointer { pb in
                                rawC.withUnsafeMutableBufferPointer { pc in
                                    cblas_sgemm(
                                        CblasRowMajor, CblasNoTrans, CblasNoTrans,
                                        Int32(n), Int32(n), Int32(n), 1, pa.baseAddress, Int32(n),
                                        pb.baseAddress, Int32(n), 0, pc.baseAddress, Int32(n))
                                }
                            }
                        }
                    }
                    guard repetition > 0 else { continue }  // the first round warms up
                    wrapperBest = min(wrapperBest, wrapperTime)
                    rawBest = min(rawBest, rawTime)
                }
                let overhead = (wrapperBest - rawBest) / rawBest * 100
                lines.append(
                    pad("\(n)", 6) + pad("\(threads)", 9)
                        + pad(benchFixed(flops / wrapperBest / 1e9, 1), 17)
                        + pad(benchFixed(flops / rawBest / 1e9, 1), 13)
                        + (overhead >= 0 ? "+" : "") + benchFixed(overhead, 2) + " %")
            }
        }
        // Keep both results alive and checked, so neither product can be optimised away.
        precondition(c.elements == rawC, "wrapper and raw sgemm disagree at n = \(n)")
    }
    return lines
}



/// `text` left-aligned in a column of `width` characters.
private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}
