import Foundation

/// One value in a result: what a command prints and a results store keeps.
public enum ResultValue: Sendable, Equatable {
    case number(Double)
    case integer(Int)
    case text(String)
    case bool(Bool)
    case list([ResultValue])
    case null
}

extension ResultValue: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral, ExpressibleByBooleanLiteral
{
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

/// An ordered set of named values: one row of a table, one object in JSON, one line of CSV.
///
/// Keys keep the order in which they were added, so tables and CSV columns read in the order
/// the command author chose (`qStar`, `q`, `m`, …) rather than alphabetically.
public struct ResultRecord: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var values: [String: ResultValue] = [:]

    public init() {}

    public init(_ pairs: KeyValuePairs<String, ResultValue>) {
        for (key, value) in pairs { self[key] = value }
    }

    public subscript(key: String) -> ResultValue? {
        get { values[key] }
        set {
            if values[key] == nil, newValue != nil { keys.append(key) }
            if newValue == nil { keys.removeAll { $0 == key } }
            values[key] = newValue
        }
    }

    /// Appends the keys of `other` (overwriting equal keys in place).
    public mutating func merge(_ other: ResultRecord) {
        for key in other.keys { self[key] = other[key] }
    }
}
