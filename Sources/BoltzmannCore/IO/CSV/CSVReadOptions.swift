/// The character that separates the values of a row in a CSV file.
public enum CSVDelimiter: Character, Sendable, CaseIterable {
    case comma = ","
    case semicolon = ";"
    case tab = "\t"

    /// The delimiter as an ASCII byte.
    var byte: UInt8 {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: UInt8(ascii: "\t")
        }
    }

    /// How the delimiter is named in messages: "','", "';'", "tab".
    var displayName: String { self == .tab ? "tab" : "'\(rawValue)'" }
}

/// How `CSV.read` interprets a numeric CSV file.
///
/// Defaults: comma-separated; header row detected automatically; lines whose first non-blank
/// character is `#` skipped; NaN and infinities refused.
public struct CSVReadOptions: Sendable, Equatable {
    /// Whether the first record (first line that is neither blank nor a comment) names the columns.
    public enum HeaderRow: Sendable, Equatable {
        /// The first record is a header when at least one of its fields is not a number
        /// (e.g. `x,y,label`). A header made only of numbers (`0,1,2`) cannot be told apart from
        /// data: pass `.present` for such files.
        case automatic
        /// The first record is a header.
        case present
        /// Every record is data.
        case absent
    }

    /// What to do with `nan`, `inf`, `-inf` (and `infinity`, any case) in the data.
    public enum NonFiniteValues: Sendable, Equatable {
        /// Throw, naming the line and column: the default, since a NaN in training data is
        /// almost always a missing value that would silently poison every result.
        case reject
        /// Read them as `Double.nan` and `±Double.infinity`.
        case allow
    }

    public var delimiter: CSVDelimiter
    public var header: HeaderRow
    /// Whether lines whose first non-blank character is `#` are skipped. Comments after values
    /// on the same line are not supported.
    public var skipsCommentLines: Bool
    public var nonFinite: NonFiniteValues

    public init(
        delimiter: CSVDelimiter = .comma, header: HeaderRow = .automatic,
        skipsCommentLines: Bool = true, nonFinite: NonFiniteValues = .reject
    ) {
        self.delimiter = delimiter
        self.header = header
        self.skipsCommentLines = skipsCommentLines
        self.nonFinite = nonFinite
    }
}
