/// A rectangular table of numbers, as read from or written to a numeric CSV file: `rowCount`
/// rows of `columnCount` values, stored row-major, with optional column names.
///
///     let digits = try CSV.read(from: URL(fileURLWithPath: "digits.csv.gz"))
///     let labels = digits.column(64)            // [Double], one per row
///     let firstImage = digits.row(0).dropLast() // 64 pixel values
public struct NumericTable: Sendable, Equatable {
    /// The header row's names, one per column, or `nil` when the file had no header.
    public let columnNames: [String]?
    /// The number of data rows.
    public let rowCount: Int
    /// The number of values in every row.
    public let columnCount: Int
    /// All values, row after row: the value at (row r, column c) is `values[r * columnCount + c]`.
    public let values: [Double]

    /// A table of `rowCount` × `columnCount` values stored row-major.
    ///
    /// - Precondition: `values.count == rowCount * columnCount`, and `columnNames`, if given,
    ///   has `columnCount` names.
    public init(rowCount: Int, columnCount: Int, values: [Double], columnNames: [String]? = nil) {
        precondition(rowCount >= 0 && columnCount >= 0, "NumericTable: negative size")
        precondition(
            values.count == rowCount * columnCount,
            "NumericTable: \(rowCount)×\(columnCount) needs \(rowCount * columnCount) values, got \(values.count)")
        precondition(
            columnNames.map { $0.count == columnCount } ?? true,
            "NumericTable: \(columnNames?.count ?? 0) column names for \(columnCount) columns")
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.values = values
        self.columnNames = columnNames
    }

    /// A table from its rows.
    ///
    /// - Precondition: all rows have the same length (and `columnNames`, if given, that many
    ///   names). With no rows, the column count is taken from `columnNames` (or is 0).
    public init(rows: [[Double]], columnNames: [String]? = nil) {
        let columnCount = rows.first?.count ?? columnNames?.count ?? 0
        precondition(
            rows.allSatisfy { $0.count == columnCount }, "NumericTable: rows of different lengths")
        self.init(
            rowCount: rows.count, columnCount: columnCount, values: rows.flatMap { $0 },
            columnNames: columnNames)
    }

    /// The value in row `row`, column `column` (both from 0).
    public subscript(row row: Int, column column: Int) -> Double {
        precondition(
            row >= 0 && row < rowCount && column >= 0 && column < columnCount,
            "NumericTable: (\(row), \(column)) is outside \(rowCount)×\(columnCount)")
        return values[row * columnCount + column]
    }

    /// The values of row `row` (from 0).
    public func row(_ row: Int) -> ArraySlice<Double> {
        precondition(row >= 0 && row < rowCount, "NumericTable: row \(row) is outside 0..<\(rowCount)")
        return values[(row * columnCount)..<((row + 1) * columnCount)]
    }

    /// The values of column `column` (from 0), one per row.
    public func column(_ column: Int) -> [Double] {
        precondition(
            column >= 0 && column < columnCount,
            "NumericTable: column \(column) is outside 0..<\(columnCount)")
        return (0..<rowCount).map { values[$0 * columnCount + column] }
    }

    /// The position of the first column called `name`, or `nil` (also when there is no header).
    public func columnIndex(named name: String) -> Int? {
        columnNames?.firstIndex(of: name)
    }
}
