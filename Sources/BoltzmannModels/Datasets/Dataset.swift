import BoltzmannCore

/// A data set for unsupervised training: one sample per row of `samples`, with an optional
/// integer label per sample (kept for plots and per-class checks, never used by RBM training).
///
///     let digits = try Dataset.digits()                    // 1797 × 64, pixel values 0…16
///     let binary = digits.binarised(.threshold(8))          // pixel ≥ 8 → 1, else 0
///     let (train, test) = try binary.split(testFraction: 0.2, seed: 1)
///
/// Loading from files (`.csv`, `.csv.gz`, `.npy`, IDX) is `DatasetLoader`; every loader
/// guarantees finite values and labels that match the rows.
public struct Dataset: Sendable, Equatable {
    /// The samples, one per row (`count` × `featureCount`).
    public var samples: Matrix<Float>
    /// One integer label per row, or nil when the data set has none.
    public var labels: [Int]?
    /// A short name for messages and plots: the file name, or e.g. "digits".
    public var name: String

    /// A data set of `samples` (one per row) with optional `labels`.
    ///
    /// - Precondition: `labels`, when given, has one entry per row (a programmer error
    ///   otherwise; loaders check file input and throw).
    public init(samples: Matrix<Float>, labels: [Int]? = nil, name: String) {
        precondition(
            labels.map { $0.count == samples.rows } ?? true,
            "Dataset: \(labels?.count ?? 0) labels for \(samples.rows) samples")
        self.samples = samples
        self.labels = labels
        self.name = name
    }

    /// The number of samples (rows).
    public var count: Int { samples.rows }

    /// The number of values per sample (columns).
    public var featureCount: Int { samples.columns }

    /// The samples at `indices`, in that order, with their labels.
    ///
    /// - Precondition: every index is in `0..<count`.
    public func selecting(_ indices: [Int]) -> Dataset {
        let width = featureCount
        var selected = Matrix<Float>(rows: indices.count, columns: width)
        samples.withUnsafeBufferPointer { source in
            selected.withUnsafeMutableBufferPointer { target in
                for (row, index) in indices.enumerated() {
                    precondition(index >= 0 && index < count, "Dataset: row \(index) outside 0..<\(count)")
                    for column in 0..<width {
                        target[row * width + column] = source[index * width + column]
                    }
                }
            }
        }
        return Dataset(samples: selected, labels: labels.map { all in indices.map { all[$0] } }, name: name)
    }
}
