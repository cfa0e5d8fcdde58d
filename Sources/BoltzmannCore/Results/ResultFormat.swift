import Foundation

/// How results are printed: an aligned table for people, JSON or CSV for programs.
public enum ResultFormat: String, Sendable, CaseIterable {
    case table, json, csv

    /// Renders records in this format. JSON: one object for one record, an array otherwise;
    /// non-finite numbers become `null` (JSON has no NaN). CSV: the union of keys as the header,
    /// in first-seen order; numbers with full round-trip precision.
    public func render(_ records: [ResultRecord]) -> String {
        switch self {
        case .json:
            let objects = records.map { Self.jsonObject($0, indent: records.count == 1 ? "" : "  ") }
            return records.count == 1 ? objects[0] + "\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
        case .csv:
            let header = Self.columns(of: records)
            var lines = [header.map(Self.csvField).joined(separator: ",")]
            for record in records {
                lines.append(header.map { Self.csvField(record[$0].map(Self.plain) ?? "") }.joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .table:
            let header = Self.columns(of: records)
            if records.count == 1 {
                let width = header.map(\.count).max() ?? 0
                return header.map { key in
                    key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Self.human(records[0][key] ?? .null)
                }.joined(separator: "\n") + "\n"
            }
            let cells = records.map { record in header.map { Self.human(record[$0] ?? .null) } }
            let widths = header.indices.map { column in
                max(header[column].count, cells.map { $0[column].count }.max() ?? 0)
            }
            func line(_ row: [String]) -> String {
                zip(row, widths).map { cell, width in
                    String(repeating: " ", count: width - cell.count) + cell
                }.joined(separator: "  ")
            }
            return ([line(header)] + cells.map(line)).joined(separator: "\n") + "\n"
        }
    }

    static func columns(of records: [ResultRecord]) -> [String] {
        var seen = Set<String>()
        var order: [String] = []
        for record in records { for key in record.keys where seen.insert(key).inserted { order.append(key) } }
        return order
    }

    /// Shortest text that reads back to the same Double (Swift's `description` guarantees it).
    static func plain(_ value: ResultValue) -> String {
        switch value {
        case .number(let x): return x.isFinite ? "\(x)" : (x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf"))
        case .integer(let n): return "\(n)"
        case .text(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return items.map(plain).joined(separator: ";")
        case .null: return ""
        }
    }

    /// Six significant digits for reading at a terminal.
    static func human(_ value: ResultValue) -> String {
        switch value {
        case .number(let x):
            guard x.isFinite else { return plain(value) }
            if x == 0 { return "0" }
            let magnitude = abs(x)
            if magnitude >= 1e-4 && magnitude < 1e7 {
                var text = String(format: "%.6g", x)
                if text.contains("e") { text = String(format: "%.6f", x) }
                return text
            }
            return String(format: "%.5e", x)
        case .list(let items): return "[" + items.map(human).joined(separator: ", ") + "]"
        case .null: return "-"
        default: return plain(value)
        }
    }

    static func jsonValue(_ value: ResultValue) -> String {
        switch value {
        case .number(let x): return x.isFinite ? "\(x)" : "null"
        case .integer(let n): return "\(n)"
        case .text(let s): return jsonString(s)
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return "[" + items.map(jsonValue).joined(separator: ", ") + "]"
        case .null: return "null"
        }
    }

    static func jsonObject(_ record: ResultRecord, indent: String) -> String {
        let body = record.keys.map { "\(indent)  \(jsonString($0)): \(jsonValue(record[$0] ?? .null))" }
        return "\(indent){\n" + body.joined(separator: ",\n") + "\n\(indent)}"
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
