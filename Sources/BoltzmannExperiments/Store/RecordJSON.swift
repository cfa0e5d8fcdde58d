import BoltzmannCore

/// The JSON text the store keeps a ``ResultRecord`` as: an object whose keys keep the record's
/// order and whose values read back exactly, type included.
///
/// - `.number` is written in Swift's shortest round-trip form, which always has a `.` or an
///   exponent (`1.0`, `1e-05`), so it reads back as a number and not as an integer; the digits
///   reproduce the same `Double` bit for bit. Non-finite numbers are the strings `"NaN"`,
///   `"Infinity"`, `"-Infinity"` (the toolkit's JSON convention, ``ResultJSON``).
/// - `.integer` is written as digits, `.bool` as `true`/`false`, `.null` as `null`, `.list` as an
///   array.
/// - `.text` is a JSON string, except the three texts that spell non-finite numbers, which are
///   written `{"text": "NaN"}` so that they stay texts.
///
/// Foundation's `JSONSerialization` cannot tell `1.0` from `1` nor keep key order, hence this
/// small reader.
enum RecordJSON {
    static let nonFiniteTexts = [ResultJSON.nanText, ResultJSON.positiveInfinityText, ResultJSON.negativeInfinityText]

    static func encode(_ record: ResultRecord) -> String {
        "{" + record.keys.map { SpecDocument.jsonQuoted($0) + ":" + text(record[$0] ?? .null) }.joined(separator: ",") + "}"
    }

    /// One value's JSON text (also used as a canonical key for sweep points).
    static func text(_ value: ResultValue) -> String {
        switch value {
        case .number(let x):
            if x.isNaN { return "\"\(ResultJSON.nanText)\"" }
            if x.isInfinite { return x > 0 ? "\"\(ResultJSON.positiveInfinityText)\"" : "\"\(ResultJSON.negativeInfinityText)\"" }
            return "\(x)"
        case .integer(let n): return "\(n)"
        case .text(let s):
            return nonFiniteTexts.contains(s) ? "{\"text\":\(SpecDocument.jsonQuoted(s))}" : SpecDocument.jsonQuoted(s)
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return "[" + items.map(text).joined(separator: ",") + "]"
        case .null: return "null"
        }
    }

    /// Reads what ``encode(_:)`` writes.
    ///
    /// - Throws: `BoltzmannError` naming `source` when the text is not such an object.
    static func decode(_ json: String, source: String) throws(BoltzmannError) -> ResultRecord {
        var reader = Reader(bytes: Array(json.utf8))
        guard let record = reader.object(), reader.atEnd() else {
            throw BoltzmannError("the stored record is not valid JSON: \(json.prefix(80))",
                                 fix: "the store is damaged; rerun the task into a new store", source: source)
        }
        return record
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x0a, 0x0d, 0x09].contains(bytes[position]) { position += 1 }
        }

        mutating func atEnd() -> Bool {
            skipSpace()
            return position == bytes.count
        }

        mutating func consume(_ byte: UInt8) -> Bool {
            skipSpace()
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        mutating func object() -> ResultRecord? {
            guard consume(UInt8(ascii: "{")) else { return nil }
            var record = ResultRecord()
            if consume(UInt8(ascii: "}")) { return record }
            repeat {
                guard let key = string(), consume(UInt8(ascii: ":")), let value = value() else { return nil }
                record[key] = value
            } while consume(UInt8(ascii: ","))
            return consume(UInt8(ascii: "}")) ? record : nil
        }

        mutating func value() -> ResultValue? {
            skipSpace()
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                guard let s = string() else { return nil }
                switch s {
                case ResultJSON.nanText: return .number(.nan)
                case ResultJSON.positiveInfinityText: return .number(.infinity)
                case ResultJSON.negativeInfinityText: return .number(-.infinity)
                default: return .text(s)
                }
            case UInt8(ascii: "{"):
                // {"text": "NaN"}: a text that spells a non-finite number (read back as one inside).
                guard let wrapped = object(), wrapped.keys == ["text"], case .number(let x)? = wrapped["text"], !x.isFinite
                else { return nil }
                return .text(x.isNaN ? ResultJSON.nanText : (x > 0 ? ResultJSON.positiveInfinityText : ResultJSON.negativeInfinityText))
            case UInt8(ascii: "["):
                position += 1
                var items: [ResultValue] = []
                if consume(UInt8(ascii: "]")) { return .list(items) }
                repeat {
                    guard let item = value() else { return nil }
                    items.append(item)
                } while consume(UInt8(ascii: ","))
                return consume(UInt8(ascii: "]")) ? .list(items) : nil
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        mutating func literal(_ word: String, _ value: ResultValue) -> ResultValue? {
            let expected = Array(word.utf8)
            guard position + expected.count <= bytes.count, Array(bytes[position..<position + expected.count]) == expected else { return nil }
            position += expected.count
            return value
        }

        mutating func number() -> ResultValue? {
            let start = position
            var isInteger = true
            while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) {
                if "eE.".utf8.contains(bytes[position]) { isInteger = false }
                position += 1
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            if isInteger { return Int(text).map(ResultValue.integer) }
            return Double(text).map(ResultValue.number)
        }

        mutating func string() -> String? {
            guard consume(UInt8(ascii: "\"")) else { return nil }
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll(keepingCapacity: true)
            }
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    flush()
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { return nil }
                    let escape = bytes[position]
                    position += 1
                    flush()
                    switch escape {
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "u"):
                        guard position + 4 <= bytes.count,
                            let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16),
                            let scalar = Unicode.Scalar(code)
                        else { return nil }
                        position += 4
                        scalars.append(scalar)
                    default: scalars.append(Unicode.Scalar(escape))
                    }
                default:
                    raw.append(byte)
                }
            }
            return nil
        }
    }
}
