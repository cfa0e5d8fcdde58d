import BoltzmannCore

/// M binary patterns of N entries ±1, stored row-major as `Int8`: pattern a occupies
/// `values[a*N ..< (a+1)*N]`.
///
/// The one container for memories, training examples and sets of spin configurations. Rows are
/// patterns (ξ^μ of a Hopfield network, the examples σ^a of a teacher), columns are sites.
/// The integer overlap of a pattern with a configuration, S = Σ_i η_i σ_i, is exact in `Int`.
/// For many overlaps with the same rows use ``PackedPatternMatrix`` (64 entries per word,
/// popcount arithmetic), and for Monte Carlo kernels ``PatternMatrix/transposed()`` (column i
/// contiguous).
public struct PatternMatrix: Sendable, Equatable {
    /// Number of patterns M (rows).
    public let count: Int
    /// Number of entries N of each pattern (columns).
    public let size: Int
    /// The M × N entries ±1, row-major.
    public let values: [Int8]

    /// Wraps M × N entries ±1 (row-major).
    /// - Throws: `BoltzmannError` when M < 1, N < 1, `values` does not hold M·N entries, or an
    ///   entry is not ±1.
    public init(count: Int, size: Int, values: [Int8]) throws(BoltzmannError) {
        guard count >= 1, size >= 1 else {
            throw BoltzmannError(
                "a pattern matrix needs at least one pattern of at least one entry, got \(count) × \(size)",
                fix: "pass M ≥ 1 patterns of N ≥ 1 entries", source: "patterns")
        }
        guard values.count == count * size else {
            throw BoltzmannError(
                "\(values.count) entries given for \(count) patterns of \(size) entries (\(count * size) expected)",
                fix: "pass the M × N entries row-major", source: "patterns")
        }
        if let bad = values.firstIndex(where: { $0 != 1 && $0 != -1 }) {
            throw BoltzmannError(
                "pattern \(bad / size), entry \(bad % size) is \(values[bad]); entries must be ±1",
                fix: "map binary data to ±1 (e.g. 2x − 1 for 0/1 data)", source: "patterns")
        }
        self.init(validatedCount: count, size: size, values: values)
    }

    /// Wraps entries already known to be M × N values ±1 (library-internal constructors).
    @usableFromInline
    init(validatedCount count: Int, size: Int, values: [Int8]) {
        precondition(count >= 1 && size >= 1 && values.count == count * size, "PatternMatrix: bad shape")
        self.count = count
        self.size = size
        self.values = values
    }

    /// A matrix with one pattern (a single configuration, a teacher).
    public init(pattern: [Int8]) throws(BoltzmannError) {
        try self.init(count: 1, size: pattern.count, values: pattern)
    }

    /// Entry i of pattern a.
    @inlinable
    public subscript(pattern a: Int, site i: Int) -> Int8 {
        values[a &* size &+ i]
    }

    /// Pattern a as an array of N entries ±1.
    public func pattern(_ a: Int) -> [Int8] {
        precondition((0..<count).contains(a), "PatternMatrix.pattern: no pattern \(a)")
        return Array(values[(a * size)..<((a + 1) * size)])
    }

    /// The integer overlap S_a = Σ_i η^a_i σ_i of pattern a with a configuration (exact).
    /// - Precondition: `spins.count == size` (a programmer error otherwise).
    public func overlap(pattern a: Int, with spins: [Int8]) -> Int {
        precondition(spins.count == size, "PatternMatrix.overlap: \(spins.count) spins for N = \(size)")
        return values.withUnsafeBufferPointer { eta in
            spins.withUnsafeBufferPointer { sigma in
                var sum = 0
                let row = a * size
                for i in 0..<size { sum &+= Int(eta[row &+ i]) &* Int(sigma[i]) }
                return sum
            }
        }
    }

    /// All M integer overlaps S_a = η^a·σ with one configuration.
    public func overlaps(with spins: [Int8]) -> [Int] {
        (0..<count).map { overlap(pattern: $0, with: spins) }
    }

    /// The N × M transpose, row-major: entry (i, a) = η^a_i, so the column i of the patterns is
    /// contiguous. This is the layout of the Monte Carlo kernels, which read one column per
    /// flip attempt.
    public func transposed() -> [Int8] {
        var result = [Int8](repeating: 0, count: count * size)
        let m = count
        let n = size
        values.withUnsafeBufferPointer { eta in
            result.withUnsafeMutableBufferPointer { out in
                // Blocks of 64 × 64 keep both the reads and the writes in cache.
                let block = 64
                var a0 = 0
                while a0 < m {
                    let a1 = Swift.min(m, a0 + block)
                    var i0 = 0
                    while i0 < n {
                        let i1 = Swift.min(n, i0 + block)
                        for a in a0..<a1 {
                            for i in i0..<i1 { out[i &* m &+ a] = eta[a &* n &+ i] }
                        }
                        i0 = i1
                    }
                    a0 = a1
                }
            }
        }
        return result
    }

    /// c_i = Σ_a η^a_i, the N column sums.
    public var columnSums: [Int] {
        var sums = [Int](repeating: 0, count: size)
        values.withUnsafeBufferPointer { eta in
            for a in 0..<count {
                let row = a * size
                for i in 0..<size { sums[i] &+= Int(eta[row &+ i]) }
            }
        }
        return sums
    }

    /// The rows `range` as a new matrix (e.g. the first M′ examples of a larger set).
    public func rows(_ range: Range<Int>) -> PatternMatrix {
        precondition(!range.isEmpty && range.lowerBound >= 0 && range.upperBound <= count,
                     "PatternMatrix.rows: \(range) outside 0..<\(count)")
        return PatternMatrix(
            validatedCount: range.count, size: size,
            values: Array(values[(range.lowerBound * size)..<(range.upperBound * size)]))
    }
}
