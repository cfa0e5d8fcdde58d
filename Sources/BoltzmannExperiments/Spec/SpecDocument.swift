import BoltzmannCore
import TOMLKit

/// A spec's TOML parsed into plain values, before any meaning is given to its keys: what the
/// spec hash is computed from and what two specs are compared by.
struct SpecDocument: Sendable, Equatable {
    /// A TOML value. Tables are unordered (TOML gives no meaning to key order).
    indirect enum Value: Sendable, Equatable {
        case integer(Int)
        case number(Double)
        case text(String)
        case bool(Bool)
        case array([Value])
        case table([String: Value])
    }

    var root: [String: Value]
    /// The text as written, for error locations.
    var text: String
    /// What errors call the spec (usually its file name).
    var source: String

    /// Parses TOML text.
    ///
    /// - Throws: `BoltzmannError` giving the line and column of the first syntax error, or naming
    ///   a date/time value (specs have no use for them).
    init(text: String, source: String) throws(BoltzmannError) {
        self.text = text
        self.source = source
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let position = error.source.begin
            throw BoltzmannError(
                "the spec is not valid TOML at line \(position.line), column \(position.column): \(error.description)",
                fix: "correct the TOML at line \(position.line), column \(position.column) (see https://toml.io)",
                source: "\(source):\(position.line):\(position.column)")
        } catch {
            throw BoltzmannError("the spec could not be read as TOML: \(error)", fix: "check the file is TOML text", source: source)
        }
        root = try Self.convert(table, path: "", source: source, text: text)
    }

    private static func convert(_ table: TOMLTable, path: String, source: String, text: String) throws(BoltzmannError) -> [String: Value] {
        var result: [String: Value] = [:]
        for key in table.keys {
            guard let value = table[key] else { continue }
            result[key] = try convert(value, path: path.isEmpty ? key : "\(path).\(key)", source: source, text: text)
        }
        return result
    }

    private static func convert(_ value: TOMLValueConvertible, path: String, source: String, text: String) throws(BoltzmannError) -> Value {
        switch value.type {
        case .int: return .integer(value.int ?? 0)
        case .double: return .number(value.double ?? .nan)
        case .string: return .text(value.string ?? "")
        case .bool: return .bool(value.bool ?? false)
        case .table:
            guard let table = value.table else { return .table([:]) }
            return .table(try convert(table, path: path, source: source, text: text))
        case .array:
            guard let array = value.array else { return .array([]) }
            var items: [Value] = []
            for (index, item) in array.enumerated() {
                items.append(try convert(item, path: "\(path)[\(index)]", source: source, text: text))
            }
            return .array(items)
        case .date, .time, .dateTime:
            let key = String(path.split(separator: ".").last ?? Substring(path))
            let line = line(ofKey: key, in: text)
            throw BoltzmannError(
                "\(path) is a date or time; specs hold numbers, texts, booleans, lists and tables",
                fix: "quote the value if it is meant as text", source: line.map { "\(source):\($0)" } ?? source)
        }
    }

    /// The first line (1-based) on which `key` is assigned (`key =` or `"key" =`), if any: error
    /// messages point there, since TOMLKit reports positions only for syntax errors.
    static func line(ofKey key: String, in text: String) -> Int? {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line).drop { $0 == " " || $0 == "\t" }
            if rest.hasPrefix("\"\(key)\"") { rest = rest.dropFirst(key.count + 2) }
            else if rest.hasPrefix(key) { rest = rest.dropFirst(key.count) }
            else { continue }
            if rest.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("=") { return number + 1 }
        }
        return nil
    }

    /// `source:line` for a key, or `source` when the key cannot be found.
    func location(ofKey key: String) -> String {
        Self.line(ofKey: key, in: text).map { "\(source):\($0)" } ?? source
    }

    /// The canonical text of the document: JSON-like, keys sorted, integer-valued floats written
    /// as integers, other numbers in shortest round-trip form. Equal meaning ⇒ equal text.
    var canonicalText: String { Self.canonical(.table(root)) }

    static func canonical(_ value: Value) -> String {
        switch value {
        case .integer(let n): return "\(n)"
        case .number(let x):
            if x.rounded() == x, abs(x) < 9.0e15 { return "\(Int(x))" }
            return x.isNaN ? "nan" : "\(x)"
        case .text(let s): return jsonQuoted(s)
        case .bool(let b): return b ? "true" : "false"
        case .array(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .table(let table):
            return "{" + table.keys.sorted().map { jsonQuoted($0) + ":" + canonical(table[$0]!) }.joined(separator: ",") + "}"
        }
    }

    /// `s` as a JSON string literal (quotes, backslashes and control characters escaped).
    static func jsonQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// SHA-256 (hex) of the canonical text.
    var hash: String { SHA256.hex(canonicalText) }

    /// Every leaf as `path → canonical value`, e.g. `parameters.p → 3`, `sweep[0].alpha → [1,2]`
    /// (arrays of scalars are leaves; arrays of tables are indexed).
    func flattened() -> [String: String] {
        var leaves: [String: String] = [:]
        func visit(_ value: Value, _ path: String) {
            switch value {
            case .table(let table):
                if table.isEmpty { leaves[path] = "{}" }
                for (key, item) in table { visit(item, path.isEmpty ? key : "\(path).\(key)") }
            case .array(let items) where items.contains(where: { if case .table = $0 { return true } else { return false } }):
                for (index, item) in items.enumerated() { visit(item, "\(path)[\(index)]") }
            default:
                leaves[path] = Self.canonical(value)
            }
        }
        visit(.table(root), "")
        return leaves
    }

    /// The differences between this document and `other`, one line per key, sorted:
    /// `sweep[0].alpha: [1,2] → [1,2,3]`, `parameters.eta: added (0.5)`, `seed: removed (was 1)`.
    func differences(from other: SpecDocument) -> [String] {
        let old = other.flattened(), new = flattened()
        var lines: [String] = []
        for key in Set(old.keys).union(new.keys).sorted() {
            switch (old[key], new[key]) {
            case let (a?, b?) where a != b: lines.append("\(key): \(a) → \(b)")
            case let (nil, b?): lines.append("\(key): added (\(b))")
            case let (a?, nil): lines.append("\(key): removed (was \(a))")
            default: break
            }
        }
        return lines
    }
}
