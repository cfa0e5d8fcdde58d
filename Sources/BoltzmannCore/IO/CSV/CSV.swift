import Foundation

/// Reading and writing numeric CSV files: one row of numbers per line, all rows equally long,
/// optionally a header row of column names.
///
/// **Reading** (`read(from:options:)`): lines end in `\n` or `\r\n`; a UTF-8 byte-order mark is
/// ignored; blank lines and (by default) lines starting with `#` are skipped; spaces around
/// values are ignored; fields may be double-quoted (`"x, y"`, with `""` for a quote) but may not
/// span lines. Numbers are anything Swift's `Double(_:)` accepts (`3`, `-2.5e-3`, `.5`,
/// `0x1p-3`), parsed with correct rounding, so text written with 17 significant digits or by
/// `exactText(_:)` reads back to the identical `Double`. A file starting with the gzip magic
/// bytes (`.csv.gz`) is decompressed first by the system's `gzip` (see `GzipDecompression`).
///
/// Errors name the file, the physical line (from 1, counting blank and comment lines) and the
/// column (from 1): "line 17, column 3: 'abc' is not a number", "line 5 has 3 fields, but
/// line 1 has 4", empty fields, NaN/infinity (refused unless `options.nonFinite == .allow`),
/// values beyond Double's range, and files with no data rows.
///
/// **Writing** (`write(_:to:delimiter:)`): an optional header (names quoted when needed), then
/// one line per row with each value as its shortest exact text, so a write/read round trip
/// reproduces every `Double` bit for bit, including `nan` and `±inf`.
public enum CSV {
    /// Reads the numeric CSV file (optionally gzip-compressed) at `url`.
    ///
    /// - Throws: `BoltzmannError` naming the file (and line and column) when it is missing,
    ///   damaged, empty, ragged or holds a value that is not a number.
    public static func read(from url: URL, options: CSVReadOptions = CSVReadOptions()) throws -> NumericTable {
        var data = try FileAccess.contents(of: url, kind: "CSV")
        if GzipDecompression.isGzip(data) {
            data = try GzipDecompression.decompressedContents(ofFileAt: url)
        }
        return try parse(data, source: url.path, options: options)
    }

    /// Parses numeric CSV text held in memory; `source` names it in errors.
    public static func parse(
        _ text: String, source: String, options: CSVReadOptions = CSVReadOptions()
    ) throws -> NumericTable {
        try parse(Data(text.utf8), source: source, options: options)
    }

    /// Parses the bytes of a numeric CSV file (UTF-8 or ASCII, not compressed); `source` names
    /// it in errors.
    public static func parse(
        _ data: Data, source: String, options: CSVReadOptions = CSVReadOptions()
    ) throws -> NumericTable {
        if GzipDecompression.isGzip(data) {
            throw BoltzmannError(
                "this data is gzip-compressed, and in-memory CSV parsing does not decompress",
                fix: "read it from its file with CSV.read(from:), which decompresses .gz files",
                source: source)
        }
        if data.starts(with: NPY.magic) {
            throw BoltzmannError(
                "this is a NumPy .npy file, not a CSV file",
                fix: "read it with NPY.read(from:) (or pass it where a .npy file is expected)",
                source: source)
        }
        return try data.withUnsafeBytes { bytes in
            var parser = CSVParser(bytes: bytes, source: source, options: options)
            return try parser.parseTable()
        }
    }
}

/// One field of a CSV line: a byte range of the file (blanks trimmed) or, for a quoted field,
/// its unquoted text.
private enum CSVField {
    case unquoted(Range<Int>)
    case quoted(String)
}

/// The state of one pass over a CSV file's bytes.
private struct CSVParser {
    let bytes: UnsafeRawBufferPointer
    let source: String
    let options: CSVReadOptions
    let delimiter: UInt8
    /// Fields of the current line, reused between lines.
    var fields: [CSVField] = []
    var lineNumber = 0
    /// The line of the first record (header or data), once seen.
    var firstRecordLine = 0

    init(bytes: UnsafeRawBufferPointer, source: String, options: CSVReadOptions) {
        self.bytes = bytes
        self.source = source
        self.options = options
        self.delimiter = options.delimiter.byte
    }

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")

    mutating func parseTable() throws -> NumericTable {
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // UTF-8 byte-order mark
        var columnNames: [String]?
        var columnCount: Int?
        var values: [Double] = []
        var rowCount = 0
        var sawComment = false

        while position < bytes.count {
            var end = position
            while end < bytes.count && bytes[end] != Self.newline { end += 1 }
            var contentEnd = end
            if contentEnd > position && bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            let line = position..<contentEnd
            position = end + 1
            lineNumber += 1

            guard let first = line.first(where: { !isBlank(bytes[$0]) }) else { continue }
            if options.skipsCommentLines && bytes[first] == UInt8(ascii: "#") {
                sawComment = true
                continue
            }
            try splitFields(of: line)

            guard let expected = columnCount else {
                columnCount = fields.count
                firstRecordLine = lineNumber
                let isHeader: Bool
                switch options.header {
                case .present: isHeader = true
                case .absent: isHeader = false
                case .automatic: isHeader = fields.contains { parsedNumber($0) == nil }
                }
                if isHeader {
                    columnNames = fields.map(text)
                    continue
                }
                try appendRow(to: &values)
                rowCount += 1
                continue
            }
            guard fields.count == expected else {
                throw error(
                    "line \(lineNumber) has \(fields.count) field\(fields.count == 1 ? "" : "s"), "
                        + "but line \(firstRecordLine) has \(expected)",
                    fix: "every row needs the same number of values separated by "
                        + "\(options.delimiter.displayName); fix or remove line \(lineNumber)"
                        + delimiterHint(for: fields.map(text)))
            }
            try appendRow(to: &values)
            rowCount += 1
        }

        guard rowCount > 0, let columnCount else {
            let what: String
            if columnNames != nil {
                what = "holds a header row but no data rows"
            } else if bytes.isEmpty {
                what = "is empty"
            } else {
                what = sawComment ? "holds only comments and blank lines" : "holds only blank lines"
            }
            throw error("the CSV file \(what)", fix: "pass a file with at least one row of numbers")
        }
        return NumericTable(
            rowCount: rowCount, columnCount: columnCount, values: values, columnNames: columnNames)
    }

    private mutating func appendRow(to values: inout [Double]) throws {
        for (offset, field) in fields.enumerated() {
            values.append(try number(from: field, column: offset + 1))
        }
    }

    /// The field's text: its bytes decoded as UTF-8, or the unquoted content.
    private func text(_ field: CSVField) -> String {
        switch field {
        case .unquoted(let range):
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        case .quoted(let text):
            text
        }
    }

    /// The field's value as `Double(_:)` reads it (exact fast path for short decimals first).
    private func parsedNumber(_ field: CSVField) -> Double? {
        if case .unquoted(let range) = field,
            let value = DecimalFastPath.value(of: UnsafeRawBufferPointer(rebasing: bytes[range]))
        {
            return value
        }
        return Double(text(field))
    }

    private func number(from field: CSVField, column: Int) throws -> Double {
        if let value = parsedNumber(field), value.isFinite { return value }
        let place = "line \(lineNumber), column \(column)"
        let fieldText = text(field)
        guard !fieldText.isEmpty else {
            throw error(
                "\(place) is empty",
                fix: "fill in the missing value (write nan for an unknown value and allow "
                    + "non-finite values), or remove the row")
        }
        guard let value = Double(fieldText) else {
            throw error(
                "\(place): '\(fieldText)' is not a number",
                fix: "correct or remove that value" + delimiterHint(for: [fieldText])
                    + (lineNumber == firstRecordLine && options.header == .absent
                        ? "; if line \(lineNumber) names the columns, read it as a header" : ""))
        }
        let lowered = fieldText.lowercased()
        guard lowered.contains("nan") || lowered.contains("inf") else {
            throw error(
                "\(place): '\(fieldText)' is beyond the range of Double (about ±1.8e308)",
                fix: "rescale the data, or correct the value")
        }
        guard options.nonFinite == .allow else {
            throw error(
                "\(place): '\(fieldText)' is not a finite number, and NaN/infinity are refused by default",
                fix: "fill in or drop the missing value, or allow non-finite values "
                    + "(CSVReadOptions(nonFinite: .allow)) if the file is meant to hold them")
        }
        return value
    }

    /// A suggestion when a field looks as if the file used another delimiter or decimal commas.
    private func delimiterHint(for fields: [String]) -> String {
        for candidate in CSVDelimiter.allCases where candidate != options.delimiter {
            if fields.contains(where: { $0.contains(candidate.rawValue) }) {
                if candidate == .comma && options.delimiter == .semicolon {
                    return " (decimal commas such as 1,5 are not supported: write 1.5)"
                }
                return " (the file seems to be separated by \(candidate.displayName): "
                    + "choose that delimiter)"
            }
        }
        return ""
    }

    /// Splits the line's bytes at the delimiter into `fields`, trimming blanks and unquoting.
    private mutating func splitFields(of line: Range<Int>) throws {
        fields.removeAll(keepingCapacity: true)
        var position = line.lowerBound
        while true {
            while position < line.upperBound && isBlank(bytes[position]) { position += 1 }
            if position < line.upperBound && bytes[position] == Self.quote {
                position = try appendQuotedField(startingAt: position, in: line)
            } else {
                var end = position
                while end < line.upperBound && bytes[end] != delimiter { end += 1 }
                var trimmedEnd = end
                while trimmedEnd > position && isBlank(bytes[trimmedEnd - 1]) { trimmedEnd -= 1 }
                fields.append(.unquoted(position..<trimmedEnd))
                position = end
            }
            // `position` is now at a delimiter or the end of the line.
            if position >= line.upperBound { return }
            position += 1
        }
    }

    /// Reads the quoted field starting at the opening quote; returns the position just after it.
    private mutating func appendQuotedField(startingAt opening: Int, in line: Range<Int>) throws -> Int {
        var content = [UInt8]()
        var position = opening + 1
        while true {
            guard position < line.upperBound else {
                throw error(
                    "line \(lineNumber), column \(fields.count + 1): a quoted field is not closed",
                    fix: "add the closing quote (\"); values spanning several lines are not supported")
            }
            let byte = bytes[position]
            position += 1
            if byte == Self.quote {
                if position < line.upperBound && bytes[position] == Self.quote {
                    content.append(Self.quote)  // "" inside quotes is one quote
                    position += 1
                    continue
                }
                break
            }
            content.append(byte)
        }
        while position < line.upperBound && isBlank(bytes[position]) { position += 1 }
        guard position >= line.upperBound || bytes[position] == delimiter else {
            throw error(
                "line \(lineNumber), column \(fields.count + 1): unexpected text after a closing quote",
                fix: "put the whole value inside the quotes, and double any quote within it (\"\")")
        }
        fields.append(.quoted(String(decoding: content, as: UTF8.self)))
        return position
    }

    private func isBlank(_ byte: UInt8) -> Bool {
        (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) && byte != delimiter
    }

    private func error(_ problem: String, fix: String) -> BoltzmannError {
        BoltzmannError(problem, fix: fix, source: source)
    }
}
