import BoltzmannCore

/// The training examples of an RBM student, laid out for its Monte Carlo kernels, with the
/// student's inverse temperature β and number of hidden units P.
///
/// Both layouts of the M × N ±1 examples are kept: row-major (`examples[a * N + i]`, for the
/// overlaps σ^a·ξ_μ) and site-major (`examplesBySite[i * M + a]`, so that a weight flip at site
/// i reads σ^1_i … σ^M_i contiguously). Copies share storage (arrays are copy-on-write and never
/// mutated), so every chain of a run holds the same data without duplicating it.
public struct RBMStudentData: Sendable {
    /// Number of visible units N (weights per hidden unit).
    public let size: Int
    /// Number of examples M.
    public let exampleCount: Int
    /// Student hidden units P.
    public let hiddenCount: Int
    /// Student inverse temperature β.
    public let beta: Double
    /// The examples, row-major M × N, entries ±1.
    public let examples: [Int8]
    /// The examples, site-major N × M.
    public let examplesBySite: [Int8]

    /// - Throws: `BoltzmannError` when the example count is not M·N, an entry is not ±1,
    ///   N or P < 1, P > ``maxEnumeratedHidden``, M < 0, or β is not finite and positive.
    public init(examples: [Int8], exampleCount: Int, size: Int, hiddenCount: Int, beta: Double) throws(BoltzmannError) {
        guard size >= 1, hiddenCount >= 1, exampleCount >= 0 else {
            throw BoltzmannError(
                "the student needs N ≥ 1, P ≥ 1 and M ≥ 0 (got N = \(size), P = \(hiddenCount), M = \(exampleCount))",
                fix: "pass positive sizes", source: "student")
        }
        guard examples.count == exampleCount * size, examples.allSatisfy({ $0 == 1 || $0 == -1 }) else {
            throw BoltzmannError(
                "the examples must be \(exampleCount) × \(size) values ±1 (got \(examples.count) values)",
                fix: "pass spin (±1) examples, one row per example", source: "examples")
        }
        guard hiddenCount <= Self.maxEnumeratedHidden else {
            throw BoltzmannError(
                "the student's partition sum enumerates 2^P hidden states; P = \(hiddenCount) is above \(Self.maxEnumeratedHidden)",
                fix: "pass --hidden ≤ \(Self.maxEnumeratedHidden)", source: "hidden")
        }
        guard beta.isFinite, beta > 0 else {
            throw BoltzmannError("the student β = \(beta) must be finite and positive", fix: "pass T > 0", source: "temperature")
        }
        self.size = size
        self.exampleCount = exampleCount
        self.hiddenCount = hiddenCount
        self.beta = beta
        self.examples = examples
        var bySite = [Int8](repeating: 0, count: examples.count)
        for a in 0..<exampleCount {
            for i in 0..<size { bySite[i * exampleCount + a] = examples[a * size + i] }
        }
        self.examplesBySite = bySite
    }

    /// Number of hidden states 2^P enumerated by the partition sums.
    public var hiddenStateCount: Int { 1 << hiddenCount }

    /// Largest P whose 2^P hidden states the student's partition sums enumerate.
    public static let maxEnumeratedHidden = 16
}
