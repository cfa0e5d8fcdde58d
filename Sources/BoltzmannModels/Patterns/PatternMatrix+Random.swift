import BoltzmannCore

extension PatternMatrix {
    /// M independent patterns with i.i.d. entries ±1 of probability ½ each (random memories,
    /// random teachers).
    ///
    /// The entries are `stream.fillRademacher` in row-major order, one random bit per entry.
    /// - Throws: `BoltzmannError` when M < 1 or N < 1.
    public static func random(count: Int, size: Int, stream: inout RandomStream) throws(BoltzmannError) -> PatternMatrix {
        guard count >= 1, size >= 1 else {
            throw BoltzmannError(
                "random patterns need M ≥ 1 and N ≥ 1, got M = \(count), N = \(size)",
                fix: "pass a positive number of patterns and of entries", source: "patterns")
        }
        let (total, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow else {
            throw BoltzmannError("M × N = \(count) × \(size) overflows", fix: "use fewer patterns", source: "patterns")
        }
        var values = [Int8](repeating: 0, count: total)
        stream.fillRademacher(&values)
        return PatternMatrix(validatedCount: count, size: size, values: values)
    }

    /// M noisy copies of a pattern ξ (the "r-noise" examples of teacher–student studies):
    ///
    ///     η^a_i = ξ_i χ^a_i,   P(χ = +1) = (1 + r)/2,   P(χ = −1) = (1 − r)/2,
    ///
    /// independently for every a and i, so E[η^a_i ξ_i] = r and the overlap of an example with
    /// ξ is r N ± √((1 − r²) N). r = 1 gives exact copies, r = 0 unrelated random patterns.
    ///
    /// Each entry uses one `bernoulli((1 + r)/2)` draw from `stream`, in row-major order.
    /// - Throws: `BoltzmannError` when r ∉ [−1, 1], M < 1 or the pattern is not ±1.
    public static func noisyCopies(
        of pattern: [Int8], count: Int, correlation r: Double, stream: inout RandomStream
    ) throws(BoltzmannError) -> PatternMatrix {
        guard r >= -1, r <= 1 else {
            throw BoltzmannError(
                "the example correlation r = \(r) is outside [−1, 1]",
                fix: "pass r with P(example bit = teacher bit) = (1 + r)/2 in [0, 1]", source: "r")
        }
        let teacher = try PatternMatrix(pattern: pattern)
        guard count >= 1 else {
            throw BoltzmannError("the number of examples must be at least 1, got \(count)",
                                 fix: "pass M ≥ 1", source: "examples")
        }
        let n = teacher.size
        let keep = (1 + r) / 2
        var values = [Int8](repeating: 0, count: count * n)
        values.withUnsafeMutableBufferPointer { out in
            for a in 0..<count {
                for i in 0..<n {
                    let xi = pattern[i]
                    out[a &* n &+ i] = stream.bernoulli(keep) ? xi : -xi
                }
            }
        }
        return PatternMatrix(validatedCount: count, size: n, values: values)
    }
}
