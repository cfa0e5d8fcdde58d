/// Which column of a table (CSV or 2-d `.npy`) holds the samples' labels, if any.
///
/// The label column is removed from the samples and read as integers. The digits file
/// (`Data/digits.csv.gz`) keeps its label in the last column.
public enum LabelColumn: Sendable, Equatable, CustomStringConvertible {
    /// No labels: every column is a feature.
    case none
    case first
    case last
    /// The column at this position, counted from 0.
    case index(Int)

    /// Parses `none`, `first`, `last` or a column number (from 0); nil for anything else.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "none": self = .none
        case "first": self = .first
        case "last": self = .last
        default:
            guard let index = Int(text), index >= 0 else { return nil }
            self = .index(index)
        }
    }

    public var description: String {
        switch self {
        case .none: "none"
        case .first: "first"
        case .last: "last"
        case .index(let index): String(index)
        }
    }

    /// The column position in a table of `columnCount` columns, or nil for `.none`.
    func position(columnCount: Int) -> Int? {
        switch self {
        case .none: nil
        case .first: 0
        case .last: columnCount - 1
        case .index(let index): index
        }
    }
}
