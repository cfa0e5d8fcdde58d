import BoltzmannCore
import Foundation

/// The finished tasks of an experiment seen as a table: one row per task, one column per
/// parameter and per result (parameters first, in spec order, then results in the order the
/// scenario returns them). What every plot reads its data from.
///
/// A name that is both a parameter and a result keeps the parameter's value: the sweep point is
/// what the user asked for. Numbers, integers and booleans read as numbers (true = 1); text and
/// lists are *categorical* and only serve as series labels or phase names.
public struct SummaryColumns: Sendable {
    /// Column names, parameters first.
    public let names: [String]
    /// The parameter (input) columns.
    public let parameterNames: [String]
    /// The result (output) columns.
    public let resultNames: [String]
    /// One merged record per finished task, in task order.
    public let rows: [ResultRecord]

    public init(_ summary: ExperimentSummary) {
        var parameterNames: [String] = []
        var resultNames: [String] = []
        var seen = Set<String>()
        var rows: [ResultRecord] = []
        for task in summary.tasks {
            var row = task.parameters
            for key in task.parameters.keys where seen.insert(key).inserted { parameterNames.append(key) }
            for key in task.results.keys where row[key] == nil {
                row[key] = task.results[key]
                if seen.insert(key).inserted { resultNames.append(key) }
            }
            rows.append(row)
        }
        // The sweep axes come first even when no task has finished yet.
        let axes = summary.axes.filter { !seen.contains($0) }
        self.parameterNames = axes + parameterNames
        self.resultNames = resultNames
        self.names = self.parameterNames + resultNames
        self.rows = rows
    }

    /// The numeric value of `column` in `row`: numbers, integers and booleans; nil otherwise
    /// (text, lists, missing, null).
    public static func number(_ value: ResultValue?) -> Double? {
        switch value {
        case .number(let x): return x
        case .integer(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// The value as a short label for legends and tables: numbers with up to six significant
    /// digits, text as is.
    public static func label(_ value: ResultValue?) -> String {
        switch value {
        case .number(let x): return NumberText.short(x)
        case .integer(let n): return "\(n)"
        case .bool(let b): return b ? "true" : "false"
        case .text(let s): return s
        case .list(let items): return "[" + items.map { label($0) }.joined(separator: ", ") + "]"
        case .null, nil: return "–"
        }
    }

    /// Columns holding a number in at least one row and never text: what can go on an axis.
    public var numericNames: [String] {
        names.filter { name in
            var any = false
            for row in rows {
                guard let value = row[name] else { continue }
                if case .text = value { return false }
                if Self.number(value) != nil { any = true }
            }
            return any
        }
    }

    /// Columns holding text in at least one row (e.g. `phase`).
    public var textNames: [String] {
        names.filter { name in rows.contains { if case .text = $0[name] { return true } else { return false } } }
    }

    /// Columns whose value differs between rows: the sweep axes as they turned out.
    public var varyingNames: [String] {
        names.filter { name in
            guard let first = rows.first?[name] else { return false }
            return rows.contains { $0[name] != first }
        }
    }

    /// Checks that `name` is a column; otherwise throws an error listing the valid ones.
    public func require(_ name: String, role: String) throws(BoltzmannError) {
        guard names.contains(name) else {
            let known = names.isEmpty ? "(none: no task has finished)" : names.joined(separator: ", ")
            throw BoltzmannError(
                "unknown column \"\(name)\" for \(role)",
                fix: "use one of: \(known)", source: role)
        }
    }

    /// Checks that `name` is a numeric column (see `require`).
    public func requireNumeric(_ name: String, role: String) throws(BoltzmannError) {
        try require(name, role: role)
        guard numericNames.contains(name) else {
            throw BoltzmannError(
                "column \"\(name)\" holds text, it cannot go on the \(role)",
                fix: "use a numeric column: \(numericNames.joined(separator: ", "))", source: role)
        }
    }

    /// The error-bar column of `name` when the results have one: `<name>Error`.
    public func errorColumn(for name: String) -> String? {
        let candidate = name + "Error"
        return resultNames.contains(candidate) ? candidate : nil
    }

    /// The rows passing every filter.
    public func rows(matching filters: [ColumnFilter]) -> [ResultRecord] {
        rows.filter { row in filters.allSatisfy { $0.accepts(row) } }
    }
}
