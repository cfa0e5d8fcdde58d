import BoltzmannCore
import BoltzmannModels
import Testing

@Suite("Pattern matrices and generators")
struct PatternMatrixTests {
    @Test("Validation rejects bad shapes and entries")
    func validation() {
        #expect(throws: BoltzmannError.self) { try PatternMatrix(count: 2, size: 3, values: [1, -1, 1, 1, 1]) }
        #expect(throws: BoltzmannError.self) { try PatternMatrix(count: 1, size: 3, values: [1, 0, 1]) }
        #expect(throws: BoltzmannError.self) { try PatternMatrix(count: 0, size: 3, values: []) }
        var stream = RandomStream(seed: 1)
        #expect(throws: BoltzmannError.self) { try PatternMatrix.noisyCopies(of: [1, -1], count: 3, correlation: 1.5, stream: &stream) }
    }

    @Test("Transpose, column sums and packed overlaps agree with the plain definitions", arguments: [1, 63, 64, 65, 130])
    func layouts(n: Int) throws {
        var stream = RandomStream(seed: 3, stream: UInt64(n))
        let patterns = try PatternMatrix.random(count: 37, size: n, stream: &stream)
        let transposed = patterns.transposed()
        for a in 0..<patterns.count {
            for i in 0..<n { #expect(transposed[i * patterns.count + a] == patterns[pattern: a, site: i]) }
        }
        let sums = patterns.columnSums
        for i in 0..<n { #expect(sums[i] == (0..<patterns.count).reduce(0) { $0 + Int(patterns[pattern: $1, site: i]) }) }
        let spins = try PatternMatrix.random(count: 1, size: n, stream: &stream).values
        let packed = PackedPatternMatrix(patterns)
        let plain = patterns.overlaps(with: spins)
        #expect(packed.overlaps(with: spins) == plain)
        for a in 0..<patterns.count {
            #expect(plain[a] == (0..<n).reduce(0) { $0 + Int(patterns[pattern: a, site: $1]) * Int(spins[$1]) })
        }
    }

    @Test("Noisy copies have overlap r with the teacher (within 5σ)")
    func noisyCopies() throws {
        var stream = RandomStream(seed: 8)
        let n = 200
        let teacher = try PatternMatrix.random(count: 1, size: n, stream: &stream).values
        for r in [0.0, 0.3, 0.9] {
            let examples = try PatternMatrix.noisyCopies(of: teacher, count: 500, correlation: r, stream: &stream)
            let mean = Double(examples.overlaps(with: teacher).reduce(0, +)) / Double(500 * n)
            let sigma = ((1 - r * r) / Double(500 * n)).squareRoot()
            #expect(abs(mean - r) < 5 * sigma, "r = \(r): measured \(mean)")
        }
        let copies = try PatternMatrix.noisyCopies(of: teacher, count: 3, correlation: 1, stream: &stream)
        #expect(copies.pattern(2) == teacher)
    }

    @Test("Random patterns are balanced (within 5σ) and seeded")
    func randomPatterns() throws {
        var first = RandomStream(seed: 4)
        var second = RandomStream(seed: 4)
        let a = try PatternMatrix.random(count: 100, size: 100, stream: &first)
        let b = try PatternMatrix.random(count: 100, size: 100, stream: &second)
        #expect(a == b)
        let mean = Double(a.values.reduce(0) { $0 + Int($1) }) / 10000
        #expect(abs(mean) < 5 / 100)
    }
}
