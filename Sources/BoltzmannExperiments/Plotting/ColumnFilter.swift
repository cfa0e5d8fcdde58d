import Foundation
import BoltzmannCore

/// A condition `name=value` that keeps the rows of a summary where column `name` equals `value`:
/// numbers compare within a relative 1e-9 (so `alpha=0.1` matches the 0.1 a range produced),
/// text exactly. Used to fix the axes a plot does not show.
public struct ColumnFilter: Sendable, Hashable {
    public var column: String
    public var value: String

    public init(column: String, value: String) {
        self.column = column
        self.value = value
    }

    /// Parses `name=value`.
    /// - Throws: `BoltzmannError` when there is no `=` or either side is empty.
    public init(parsing text: String) throws(BoltzmannError) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw BoltzmannError(
                "the filter \"\(text)\" is not of the form name=value",
                fix: "write e.g. --where temperature=0.5", source: "--where")
        }
        self.init(column: parts[0].trimmingCharacters(in: .whitespaces), value: parts[1].trimmingCharacters(in: .whitespaces))
    }

    /// Whether `row` passes.
    public func accepts(_ row: ResultRecord) -> Bool {
        guard let cell = row[column] else { return false }
        if let wanted = Double(value), let number = SummaryColumns.number(cell) {
            return abs(number - wanted) <= 1e-9 * max(abs(wanted), abs(number), 1e-300) || number == wanted
        }
        return SummaryColumns.label(cell) == value
    }
}
