import BoltzmannCore
import Foundation

/// One swept parameter of a spec: its name and the values it takes, in order.
///
/// Written in a `[[sweep]]` block as a list (`alpha = [0.5, 1, 2]`), a linear range
/// (`temperature = { linear = [0.2, 1.0, 5] }`: start, stop, count, both ends included) or a
/// logarithmic range (`alpha = { log = [0.1, 10, 9] }`: start, stop > 0). Range points are rounded
/// to 12 significant digits, so 0.1 + 0.05 is stored as 0.15, not 0.15000000000000002.
public struct SweepAxis: Sendable, Equatable {
    public var name: String
    public var values: [ResultValue]

    public init(name: String, values: [ResultValue]) {
        self.name = name
        self.values = values
    }

    /// Reads an axis from its spec value.
    static func parse(name: String, value: SpecDocument.Value, document: SpecDocument) throws(BoltzmannError) -> SweepAxis {
        let location = document.location(ofKey: name)
        switch value {
        case .array(let items):
            guard !items.isEmpty else {
                throw BoltzmannError(
                    "the sweep axis \(name) is empty", fix: "give \(name) at least one value, or move it to [parameters]",
                    source: location)
            }
            var values: [ResultValue] = []
            for item in items {
                switch item {
                case .integer(let n): values.append(.integer(n))
                case .number(let x): values.append(.number(x))
                case .text(let s): values.append(.text(s))
                case .bool(let b): values.append(.bool(b))
                case .array, .table:
                    throw BoltzmannError("the sweep axis \(name) holds a list or table as a value",
                                         fix: "list plain values: numbers, texts or booleans", source: location)
                }
            }
            return SweepAxis(name: name, values: values)
        case .table(let table):
            guard table.count == 1, let (scale, bounds) = table.first, scale == "linear" || scale == "log" else {
                throw BoltzmannError(
                    "the sweep axis \(name) is a table with keys \(table.keys.sorted()); a range has exactly one key",
                    fix: "write \(name) = { linear = [start, stop, count] } or { log = [start, stop, count] }", source: location)
            }
            guard case .array(let triple) = bounds, triple.count == 3,
                let start = number(triple[0]), let stop = number(triple[1]), case .integer(let count) = triple[2]
            else {
                throw BoltzmannError(
                    "the \(scale) range of \(name) must be [start, stop, count] with a whole count",
                    fix: "write \(name) = { \(scale) = [0.5, 2.0, 4] }", source: location)
            }
            guard count >= 1 else {
                throw BoltzmannError("the sweep axis \(name) is empty (count = \(count))",
                                     fix: "give the range a count of at least 1", source: location)
            }
            guard start.isFinite, stop.isFinite, scale == "linear" || (start > 0 && stop > 0) else {
                throw BoltzmannError("the \(scale) range of \(name) needs finite\(scale == "log" ? ", positive" : "") ends",
                                     fix: "use ends such as [0.1, 10, 9]", source: location)
            }
            return SweepAxis(name: name, values: Self.range(start, stop, count, log: scale == "log").map { .number($0) })
        default:
            throw BoltzmannError(
                "the sweep axis \(name) is a single value", fix: "write a list, \(name) = [1, 2], or move it to [parameters]",
                source: location)
        }
    }

    private static func number(_ value: SpecDocument.Value) -> Double? {
        switch value {
        case .integer(let n): return Double(n)
        case .number(let x): return x
        default: return nil
        }
    }

    /// `count` points from `start` to `stop` inclusive, evenly spaced (in log₁₀ for `log`),
    /// rounded to 12 significant digits.
    static func range(_ start: Double, _ stop: Double, _ count: Int, log: Bool) -> [Double] {
        guard count > 1 else { return [start] }
        let (a, b) = log ? (Foundation.log10(start), Foundation.log10(stop)) : (start, stop)
        return (0..<count).map { k in
            let t = a + (b - a) * Double(k) / Double(count - 1)
            let x = log ? Foundation.pow(10, t) : t
            return Double(String(format: "%.12g", x)) ?? x
        }
    }
}

/// A `[[sweep]]` block: axes that vary together (zipped); blocks are crossed with each other.
public struct SweepBlock: Sendable, Equatable {
    /// The block's axes, sorted by name (TOML tables are unordered); all have the same length.
    public var axes: [SweepAxis]

    public var count: Int { axes.first?.values.count ?? 0 }
}
