/// A dense `rows`×`columns` matrix of `Float` or `Double`, stored row-major and contiguous:
/// entry (i, j) is `elements[i * columns + j]`.
///
/// `Matrix` is a value type; copies share storage until one of them is mutated (copy-on-write
/// through `Array`). Products, factorisations and decompositions go through OpenBLAS and LAPACKE
/// (see `Matrix+Products.swift`, `Cholesky`, `SymmetricEigen`, `TridiagonalEigen`).
///
/// Vectors are plain `[Scalar]` arrays; their BLAS level-1 operations (dot, axpy, scal, nrm2)
/// are in `Array+BLAS.swift`. A matrix row is `row(i)`, a column is `column(j)`.
///
/// Index and shape errors in this API (an entry outside the matrix, multiplying matrices whose
/// shapes do not match) are programmer errors and trap with a message through `precondition`.
/// Only the initialisers that take a flat or nested element list from outside throw
/// `BoltzmannError`, because their input may come from a file or a user.
public struct Matrix<Scalar: BLASScalar>: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    @usableFromInline
    internal var storage: [Scalar]

    @inlinable
    internal init(uncheckedRows rows: Int, columns: Int, storage: [Scalar]) {
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// The entries in row-major order, `rows * columns` of them.
    @inlinable
    public var elements: [Scalar] { storage }

    /// The number of entries, `rows * columns`.
    @inlinable
    public var count: Int { storage.count }

    /// Whether the matrix has as many rows as columns.
    @inlinable
    public var isSquare: Bool { rows == columns }

    /// A matrix with every entry equal to `value`. `rows` and `columns` must be non-negative.
    @inlinable
    public init(rows: Int, columns: Int, repeating value: Scalar = 0) {
        precondition(
            rows >= 0 && columns >= 0,
            "Matrix dimensions must be non-negative, got \(rows)×\(columns)")
        self.init(
            uncheckedRows: rows, columns: columns,
            storage: Array(repeating: value, count: rows * columns))
    }

    /// A matrix whose entry (i, j) is `entry(i, j)`, evaluated in row-major order.
    @inlinable
    public init(rows: Int, columns: Int, entry: (_ row: Int, _ column: Int) throws -> Scalar)
        rethrows
    {
        precondition(
            rows >= 0 && columns >= 0,
            "Matrix dimensions must be non-negative, got \(rows)×\(columns)")
        var storage: [Scalar] = []
        storage.reserveCapacity(rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                storage.append(try entry(i, j))
            }
        }
        self.init(uncheckedRows: rows, columns: columns, storage: storage)
    }

    /// A matrix over the given row-major entries.
    ///
    /// - Throws: `BoltzmannError` when a dimension is negative or `elements.count` is not
    ///   `rows * columns`.
    public init(rows: Int, columns: Int, elements: [Scalar]) throws(BoltzmannError) {
        guard rows >= 0, columns >= 0 else {
            throw BoltzmannError(
                "a matrix cannot have \(rows) rows and \(columns) columns",
                fix: "give non-negative dimensions")
        }
        let (expected, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, elements.count == expected else {
            throw BoltzmannError(
                "a \(rows)×\(columns) matrix needs \(overflow ? "more than Int.max" : "\(expected)") "
                    + "entries but \(elements.count) were given",
                fix: "pass exactly rows × columns entries in row-major order")
        }
        self.init(uncheckedRows: rows, columns: columns, storage: elements)
    }

    /// A matrix from a list of rows, all of the same length. An empty list gives a 0×0 matrix.
    ///
    /// - Throws: `BoltzmannError` when the rows have different lengths.
    public init(_ rowList: [[Scalar]]) throws(BoltzmannError) {
        let columns = rowList.first?.count ?? 0
        if let ragged = rowList.firstIndex(where: { $0.count != columns }) {
            throw BoltzmannError(
                "row \(ragged) has \(rowList[ragged].count) entries but row 0 has \(columns)",
                fix: "give every row of the matrix the same number of entries")
        }
        self.init(uncheckedRows: rowList.count, columns: columns, storage: rowList.flatMap { $0 })
    }

    /// The n×n identity matrix.
    @inlinable
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n {
            result.storage[i * n + i] = 1
        }
        return result
    }

    /// The square matrix with `diagonal` on its diagonal and zeros elsewhere.
    @inlinable
    public init(diagonal: [Scalar]) {
        let n = diagonal.count
        self.init(rows: n, columns: n)
        for i in 0..<n {
            storage[i * n + i] = diagonal[i]
        }
    }

    /// Entry (i, j). Traps when (i, j) is outside the matrix.
    @inlinable
    public subscript(row: Int, column: Int) -> Scalar {
        get {
            precondition(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "index (\(row), \(column)) outside a \(rows)×\(columns) matrix")
            return storage[row * columns + column]
        }
        set {
            precondition(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "index (\(row), \(column)) outside a \(rows)×\(columns) matrix")
            storage[row * columns + column] = newValue
        }
    }

    /// A copy of row i.
    @inlinable
    public func row(_ i: Int) -> [Scalar] {
        precondition(i >= 0 && i < rows, "row \(i) outside a \(rows)×\(columns) matrix")
        return Array(storage[(i * columns)..<((i + 1) * columns)])
    }

    /// Replaces row i with `values`, which must have `columns` entries.
    @inlinable
    public mutating func setRow(_ i: Int, to values: [Scalar]) {
        precondition(i >= 0 && i < rows, "row \(i) outside a \(rows)×\(columns) matrix")
        precondition(
            values.count == columns,
            "a row of a \(rows)×\(columns) matrix needs \(columns) entries, got \(values.count)")
        storage.replaceSubrange((i * columns)..<((i + 1) * columns), with: values)
    }

    /// A copy of column j.
    @inlinable
    public func column(_ j: Int) -> [Scalar] {
        precondition(j >= 0 && j < columns, "column \(j) outside a \(rows)×\(columns) matrix")
        return (0..<rows).map { storage[$0 * columns + j] }
    }

    /// The diagonal entries (i, i) for i < min(rows, columns).
    @inlinable
    public var diagonal: [Scalar] {
        (0..<min(rows, columns)).map { storage[$0 * columns + $0] }
    }

    /// Calls `body` with the row-major entries; the pointer is valid only inside `body`.
    @inlinable
    public func withUnsafeBufferPointer<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<Scalar>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try storage.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the mutable row-major entries (copying shared storage first); the
    /// pointer is valid only inside `body`.
    @inlinable
    public mutating func withUnsafeMutableBufferPointer<Result, Failure: Error>(
        _ body: (UnsafeMutableBufferPointer<Scalar>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try storage.withUnsafeMutableBufferPointer {
            (buffer: inout UnsafeMutableBufferPointer<Scalar>) throws(Failure) -> Result in
            try body(buffer)
        }
    }
}

extension Matrix: CustomStringConvertible {
    /// The shape, then the rows one per line, e.g. `Matrix<Double> 2×2\n[1.0, 2.0]\n[3.0, 4.0]`.
    /// At most the first 8 rows and 8 columns are shown; `…` marks the cut.
    public var description: String {
        let shown = 8
        var lines = ["Matrix<\(Scalar.self)> \(rows)×\(columns)"]
        for i in 0..<min(rows, shown) {
            var entries = (0..<min(columns, shown)).map { "\(storage[i * columns + $0])" }
            if columns > shown { entries.append("…") }
            lines.append("[" + entries.joined(separator: ", ") + "]")
        }
        if rows > shown { lines.append("…") }
        return lines.joined(separator: "\n")
    }
}
