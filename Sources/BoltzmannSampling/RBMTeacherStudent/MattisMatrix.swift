/// The overlap matrix between two sets of patterns, m_{μν} = ξ*_μ·ξ_ν / N (rows: the first set,
/// e.g. the teacher's P* patterns; columns: the second, e.g. the student's P), and its greedy
/// matching — the learning measure of the RBM teacher–student problem (arXiv 2410.16150,
/// MODELS.md §3). Between two student chains the same construction gives q.
///
/// The posterior is invariant under permutations of the student's hidden units and under
/// ξ_ν → −ξ_ν (with τ_ν → −τ_ν), so the raw matrix is only defined up to a signed permutation of
/// its columns. ``greedyMatching()`` fixes both: repeatedly take the entry of largest |m| among
/// the rows and columns not yet used, pair its row and column, and remove them (ties go to the
/// smallest row, then column), until min(P*, P) pairs are formed. ``aligned()`` then reorders
/// and re-signs the columns so that the matched entries are positive and sit on the diagonal.
public struct MattisMatrix: Sendable, Equatable {
    /// One matched pair: row, column, and the sign s ∈ {±1} with s·m ≥ 0.
    public struct Match: Sendable, Equatable {
        public var row: Int
        public var column: Int
        public var sign: Double
        public init(row: Int, column: Int, sign: Double) {
            self.row = row
            self.column = column
            self.sign = sign
        }
    }

    /// Number of rows (first set of patterns, e.g. P*).
    public let rows: Int
    /// Number of columns (second set, e.g. P).
    public let columns: Int
    /// The entries, row-major.
    public let values: [Double]

    /// A matrix from its entries (row-major).
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "MattisMatrix: \(rows) × \(columns) needs \(rows * columns) values")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// m_{μν} = Σ_i a_{iμ} b_{iν} / N for site-major pattern sets a (N × `rows`) and
    /// b (N × `columns`).
    public init(_ a: [Double], rows: Int, _ b: [Double], columns: Int, size: Int) {
        precondition(a.count == size * rows && b.count == size * columns, "MattisMatrix: pattern sets must be N × P")
        var values = [Double](repeating: 0, count: rows * columns)
        for i in 0..<size {
            for mu in 0..<rows {
                let left = a[i * rows + mu]
                for nu in 0..<columns { values[mu * columns + nu] += left * b[i * columns + nu] }
            }
        }
        let inverse = 1 / Double(size)
        self.init(rows: rows, columns: columns, values: values.map { $0 * inverse })
    }

    /// Entry (μ, ν).
    public subscript(row: Int, column: Int) -> Double { values[row * columns + column] }

    /// The greedy matching, in the order the pairs were chosen (decreasing |m|).
    public func greedyMatching() -> [Match] {
        var rowFree = [Bool](repeating: true, count: rows)
        var columnFree = [Bool](repeating: true, count: columns)
        var matches: [Match] = []
        for _ in 0..<min(rows, columns) {
            var best = (row: -1, column: -1, size: -1.0)
            for mu in 0..<rows where rowFree[mu] {
                for nu in 0..<columns where columnFree[nu] {
                    let size = abs(self[mu, nu])
                    if size > best.size { best = (mu, nu, size) }
                }
            }
            rowFree[best.row] = false
            columnFree[best.column] = false
            matches.append(Match(row: best.row, column: best.column, sign: self[best.row, best.column] < 0 ? -1 : 1))
        }
        return matches
    }

    /// The mean of |m| over the matched pairs: the scalar learning measure m (or q).
    public func matchedMean() -> Double {
        let matches = greedyMatching()
        return matches.reduce(0) { $0 + abs(self[$1.row, $1.column]) } / Double(matches.count)
    }

    /// The matrix with its columns reordered and re-signed: column j holds the column matched
    /// to the j-th matched row in increasing row order, multiplied by its match sign (so the
    /// matched entries are ≥ 0, on the diagonal when columns ≥ rows); unmatched columns follow in
    /// their original order, each signed so that its largest-|m| entry is ≥ 0.
    public func aligned() -> MattisMatrix {
        let matches = greedyMatching().sorted { $0.row < $1.row }
        var order = matches.map { ($0.column, $0.sign) }
        let matched = Set(matches.map(\.column))
        for nu in 0..<columns where !matched.contains(nu) {
            var largest = 0.0
            for mu in 0..<rows where abs(self[mu, nu]) > abs(largest) { largest = self[mu, nu] }
            order.append((nu, largest < 0 ? -1 : 1))
        }
        var values = [Double](repeating: 0, count: rows * columns)
        for (j, (nu, sign)) in order.enumerated() {
            for mu in 0..<rows { values[mu * columns + j] = sign * self[mu, nu] }
        }
        return MattisMatrix(rows: rows, columns: columns, values: values)
    }
}
