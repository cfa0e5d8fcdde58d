import Boltzmann

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Throughput of ``RandomStream``: raw draws, uniforms, Gaussians, Rademacher signs and Bernoulli
/// units, one call at a time ("scalar") and through the `fill…` methods ("bulk").
///
/// Each figure is the best of five runs of 16 passes over a 64 Ki-element buffer (L2-resident), so
/// it measures the generator rather than memory bandwidth. Time is the thread's CPU time, so
/// other processes on a shared machine slow the figures less than wall-clock time would.
/// Returns one formatted line per figure.
public func runRandomBenchmark() -> [String] {
    let count = 1 << 16
    let repetitions = 16
    var stream = RandomStream(seed: 1, stream: 0)
    var doubles = [Double](repeating: 0, count: count)
    var floats = [Float](repeating: 0, count: count)
    var signs = [Int8](repeating: 0, count: count)
    var probabilities = [Float](repeating: 0, count: count)
    stream.fillUniform(&probabilities)
    var sink = 0.0
    var lines: [String] = []

    func measure(_ name: String, _ body: () -> Void) {
        var best = Double.infinity
        for _ in 0..<5 {
            let start = threadCPUSeconds()
            for _ in 0..<repetitions { body() }
            best = min(best, threadCPUSeconds() - start)
        }
        let rate = Double(count * repetitions) / best
        lines.append("random  \(name.rightPadded(to: 34)) \(formatRate(rate))/s  (\(formatNanoseconds(1e9 / rate)) ns each)")
    }

    measure("next() raw 64-bit, scalar") {
        var accumulator: UInt64 = 0
        for _ in 0..<count { accumulator ^= stream.next() }
        sink += Double(accumulator & 1)
    }
    measure("uniform Double, scalar") {
        var accumulator = 0.0
        for _ in 0..<count { accumulator += stream.uniform() }
        sink += accumulator
    }
    measure("uniform Double, bulk fillUniform") {
        stream.fillUniform(&doubles)
        sink += doubles[count - 1]
    }
    measure("uniform Float, bulk fillUniform") {
        stream.fillUniform(&floats)
        sink += Double(floats[count - 1])
    }
    measure("gaussian Double, scalar") {
        var accumulator = 0.0
        for _ in 0..<count { accumulator += stream.gaussian() }
        sink += accumulator
    }
    measure("gaussian Double, bulk fillGaussian") {
        stream.fillGaussian(&doubles)
        sink += doubles[count - 1]
    }
    measure("gaussian Float, bulk fillGaussian") {
        stream.fillGaussian(&floats)
        sink += Double(floats[count - 1])
    }
    measure("rademacher Int8, bulk") {
        stream.fillRademacher(&signs)
        sink += Double(signs[count - 1])
    }
    measure("bernoulli Float units, bulk") {
        stream.fillBernoulli(&floats, probabilities: probabilities)
        sink += Double(floats[count - 1])
    }
    if sink.isNaN { lines.append("random  (checksum \(sink))") }
    return lines
}

/// CPU time consumed by the calling thread, in seconds.
private func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// A rate such as "1.23e9".
private func formatRate(_ value: Double) -> String {
    var exponent = 0
    var mantissa = value
    while mantissa >= 10 {
        mantissa /= 10
        exponent += 1
    }
    let hundredths = Int((mantissa * 100).rounded())
    return "\(hundredths / 100).\(String(hundredths % 100).leftPadded(to: 2))e\(exponent)"
}

/// A duration in nanoseconds with two decimals.
private func formatNanoseconds(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    return "\(hundredths / 100).\(String(hundredths % 100).leftPadded(to: 2))"
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }

    fileprivate func rightPadded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
