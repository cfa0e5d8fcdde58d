import Foundation

extension CSV {
    /// Writes `table` to `url` as CSV: the header row (if the table has column names), then one
    /// line per row, each value as `exactText(_:)`. Replaces an existing file atomically.
    ///
    /// - Throws: `BoltzmannError` naming the file when the folder is missing or not writable.
    public static func write(
        _ table: NumericTable, to url: URL, delimiter: CSVDelimiter = .comma
    ) throws {
        try FileAccess.write(Data(encode(table, delimiter: delimiter).utf8), to: url, kind: "CSV")
    }

    /// The CSV text of `table`, every line ended by `\n`. Line breaks inside column names
    /// become spaces, since a CSV record must fit on one line to be read back.
    public static func encode(_ table: NumericTable, delimiter: CSVDelimiter = .comma) -> String {
        let separator = String(delimiter.rawValue)
        var text = ""
        if let names = table.columnNames {
            text += names.map { quotedIfNeeded($0, delimiter: delimiter) }.joined(separator: separator)
            text += "\n"
        }
        for row in 0..<table.rowCount {
            for (column, value) in table.row(row).enumerated() {
                if column > 0 { text += separator }
                text += exactText(value)
            }
            text += "\n"
        }
        return text
    }

    /// The shortest text that `Double(_:)` reads back as exactly `value`.
    ///
    /// Integers of magnitude below 2⁵³ are written without a fraction (`16`, `-3`); everything
    /// else uses Swift's shortest round-trip representation (`0.1`, `1e-05`,
    /// `1.2345678901234568e+17`, `-0.0`, `nan`, `inf`, `-inf`), which is exact by construction
    /// (Steele & White / Ryu-style shortest digits).
    public static func exactText(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 0x1p53,
            !(value == 0 && value.sign == .minus)
        {
            return String(Int64(value))
        }
        return value.description
    }

    /// `name` on one line, double-quoted (inner quotes doubled) when it holds the delimiter, a
    /// quote, or blanks at either end that reading would otherwise trim.
    private static func quotedIfNeeded(_ name: String, delimiter: CSVDelimiter) -> String {
        let name = String(name.map { $0.isNewline ? " " : $0 })
        let needsQuotes =
            name.contains(delimiter.rawValue) || name.contains("\"")
            || name.first?.isWhitespace == true || name.last?.isWhitespace == true
        guard needsQuotes else { return name }
        return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
