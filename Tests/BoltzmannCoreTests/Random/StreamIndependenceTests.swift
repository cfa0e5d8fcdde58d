import BoltzmannCore
import Foundation
import Testing

@Suite("Random: determinism and independence of streams")
struct StreamIndependenceTests {
    private func draws(_ stream: RandomStream, count: Int) -> [UInt64] {
        var stream = stream
        return (0..<count).map { _ in stream.next() }
    }

    private func uniforms(_ stream: RandomStream, count: Int) -> [Double] {
        var stream = stream
        return (0..<count).map { _ in stream.uniform() }
    }

    @Test("same (seed, stream) gives the same sequence; a different one does not")
    func sameNameSameSequence() {
        #expect(draws(RandomStream(seed: 9, stream: 4), count: 1000) == draws(RandomStream(seed: 9, stream: 4), count: 1000))
        #expect(draws(RandomStream(seed: 9, stream: 4), count: 8) != draws(RandomStream(seed: 9, stream: 5), count: 8))
        #expect(draws(RandomStream(seed: 9, stream: 4), count: 8) != draws(RandomStream(seed: 10, stream: 4), count: 8))
        #expect(draws(RandomStream(seed: 9), count: 8) == draws(RandomStream(seed: 9, stream: 0), count: 8))
    }

    @Test("a copy continues exactly like the original, including the Rademacher reserve")
    func copiesAreIndependentValues() {
        var original = RandomStream(seed: 3, stream: 1)
        _ = original.gaussian()
        _ = original.rademacher()  // leaves 63 bits in the reserve
        var copy = original
        for _ in 0..<200 {
            #expect(original.rademacher() == copy.rademacher())
            #expect(original.gaussian() == copy.gaussian())
        }
        #expect(original == copy)
    }

    @Test("substream depends only on the parent's name, not on the draws made from it")
    func substreamIsPositionIndependent() {
        var parent = RandomStream(seed: 5, stream: 2)
        let before = parent.substream(11)
        for _ in 0..<1000 { _ = parent.next() }
        let after = parent.substream(11)
        #expect(draws(before, count: 100) == draws(after, count: 100))
        #expect(draws(parent.substream(11), count: 8) != draws(parent.substream(12), count: 8))
        #expect(draws(parent.substream(0), count: 8) != draws(parent, count: 8))
    }

    @Test("a stream saved with Codable mid-run resumes with the same draws")
    func codableResume() throws {
        var stream = RandomStream(seed: 77, stream: 6)
        _ = stream.uniform()
        _ = stream.rademacher()
        let data = try JSONEncoder().encode(stream)
        var restored = try JSONDecoder().decode(RandomStream.self, from: data)
        #expect(restored == stream)
        for _ in 0..<100 {
            #expect(restored.rademacher() == stream.rademacher())
            #expect(restored.next() == stream.next())
        }
    }

    @Test("a corrupted saved stream is refused instead of producing zeros or bad signs")
    func codableRejectsCorruption() throws {
        func decode(engine: String, signBitCount: Int) throws -> RandomStream {
            let json = """
                {"key": {"high": 1, "low": 2}, "engine": \(engine), "signBits": 5, "signBitCount": \(signBitCount)}
                """
            return try JSONDecoder().decode(RandomStream.self, from: Data(json.utf8))
        }
        var valid = try decode(engine: #"{"s0": 1, "s1": 2, "s2": 3, "s3": 4}"#, signBitCount: 3)
        #expect(valid.next() == 11520)  // the reference first output of state [1, 2, 3, 4]
        #expect(throws: DecodingError.self) { try decode(engine: #"{"s0": 0, "s1": 0, "s2": 0, "s3": 0}"#, signBitCount: 3) }
        #expect(throws: DecodingError.self) { try decode(engine: #"{"s0": 1, "s1": 2, "s2": 3, "s3": 4}"#, signBitCount: 65) }
        #expect(throws: DecodingError.self) { try decode(engine: #"{"s0": 1, "s1": 2, "s2": 3, "s3": 4}"#, signBitCount: -1) }
    }

    /// For independent streams the sample correlation r of n pairs is ≈ N(0, 1/n), so
    /// z = r√n is standard normal: Σ z² over m pairs is χ²(m), and no |z| should exceed ~4.5.
    private func checkUncorrelated(_ pairs: [(RandomStream, RandomStream)], length: Int) {
        var sumOfSquares = 0.0
        var largest = 0.0
        for (first, second) in pairs {
            let z = DistributionChecks.correlation(uniforms(first, count: length), uniforms(second, count: length))
                * Double(length).squareRoot()
            sumOfSquares += z * z
            largest = max(largest, abs(z))
        }
        #expect(largest < 4.5, "largest |r|√n = \(largest)")
        #expect(sumOfSquares < DistributionChecks.chiSquareThreshold(degreesOfFreedom: pairs.count))
        #expect(sumOfSquares > Double(pairs.count) / 2, "correlations suspiciously small")
    }

    @Test("neighbouring task indices are uncorrelated (|r| ~ 1/√n)")
    func neighbouringStreams() {
        let pairs = (0..<200).map { k in
            (RandomStream(seed: 2024, stream: UInt64(k)), RandomStream(seed: 2024, stream: UInt64(k + 1)))
        }
        checkUncorrelated(pairs, length: 4096)
    }

    @Test("the first draws of neighbouring streams are uncorrelated across many streams")
    func firstDrawsAcrossStreams() {
        // A weak derivation (states differing in a few bits) shows up in the first draws, before
        // the generator has diffused the difference: correlate draw j of stream k with draw j of
        // stream k + 1 over 4096 values of k.
        let streamCount = 4096
        let firstDraws = (0...streamCount).map { uniforms(RandomStream(seed: 99, stream: UInt64($0)), count: 8) }
        let children = (0...streamCount).map { uniforms(RandomStream(seed: 99).substream(UInt64($0)), count: 8) }
        for table in [firstDraws, children] {
            var sumOfSquares = 0.0
            for j in 0..<8 {
                let x = (0..<streamCount).map { table[$0][j] }
                let y = (0..<streamCount).map { table[$0 + 1][j] }
                let z = DistributionChecks.correlation(x, y) * Double(streamCount).squareRoot()
                #expect(abs(z) < 4.5, "draw \(j): r√n = \(z)")
                sumOfSquares += z * z
            }
            #expect(sumOfSquares < DistributionChecks.chiSquareThreshold(degreesOfFreedom: 8) + 10)
        }
    }

    @Test("neighbouring seeds and neighbouring substreams are uncorrelated")
    func neighbouringSeedsAndSubstreams() {
        let seeds = (0..<100).map { s in
            (RandomStream(seed: UInt64(s), stream: 0), RandomStream(seed: UInt64(s + 1), stream: 0))
        }
        checkUncorrelated(seeds, length: 4096)
        let parent = RandomStream(seed: 1, stream: 1)
        let children = (0..<100).map { l in (parent.substream(UInt64(l)), parent.substream(UInt64(l + 1))) }
        checkUncorrelated(children, length: 4096)
        let crossed = (0..<100).map { k in
            (RandomStream(seed: 1, stream: UInt64(k)).substream(0), RandomStream(seed: 1, stream: 0).substream(UInt64(k)))
        }
        checkUncorrelated(Array(crossed.dropFirst()), length: 4096)
    }

    @Test("lagged cross-correlation between neighbouring streams is absent (no shifted copies)")
    func noShiftedCopies() {
        let first = uniforms(RandomStream(seed: 8, stream: 0), count: 20_000)
        let second = uniforms(RandomStream(seed: 8, stream: 1), count: 20_000)
        let length = 16_000
        var largest = 0.0
        for lag in stride(from: 0, to: 4000, by: 97) {
            let z = DistributionChecks.correlation(Array(first[0..<length]), Array(second[lag..<(lag + length)]))
                * Double(length).squareRoot()
            largest = max(largest, abs(z))
        }
        #expect(largest < 4.5)
    }

    @Test("streams do not overlap: 2000 streams × 1000 draws contain no repeated 64-bit value")
    func noOverlap() {
        var seen = Set<UInt64>(minimumCapacity: 2_000_000)
        for k in 0..<1000 {
            for stream in [RandomStream(seed: 31, stream: UInt64(k)), RandomStream(seed: 31, stream: 0).substream(UInt64(k))] {
                var stream = stream
                for _ in 0..<1000 {
                    seen.insert(stream.next())
                }
            }
        }
        // 2·10⁶ random 64-bit values collide with probability ≈ 10⁻⁷; an overlap of two streams
        // by even one draw would repeat values.
        #expect(seen.count == 2_000_000)
    }
}
