import Foundation

/// JSON encoding and decoding of results (solver outputs, sweep tables, run records) in one
/// fixed, diff-friendly style.
///
/// - Keys are sorted and the output is pretty-printed (two-space indent), so the same result
///   always produces the same bytes and version-control diffs stay small. Slashes are not
///   escaped. Dates are ISO 8601 strings.
/// - **Non-finite numbers.** JSON has no NaN or infinity, and `JSONEncoder` throws on them by
///   default. Results legitimately contain them (the free entropy of a solver that did not
///   converge, an overlap with no samples), so they are written as the strings `"NaN"`,
///   `"Infinity"` and `"-Infinity"`, for `Double` and `Float` alike. These are the spellings
///   Python's `float()`, JavaScript's `Number()` and Swift's `Double(_:)` all read back;
///   `decode` turns them back into the same values, so an encode/decode round trip is exact
///   (finite values are written with the shortest round-trip digits). Strings were preferred
///   over `null` because they keep NaN, +∞ and −∞ apart.
public enum ResultJSON {
    /// The strings that stand for non-finite numbers.
    public static let nanText = "NaN"
    public static let positiveInfinityText = "Infinity"
    public static let negativeInfinityText = "-Infinity"

    /// A `JSONEncoder` configured as described above.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: positiveInfinityText, negativeInfinity: negativeInfinityText,
            nan: nanText)
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// A `JSONDecoder` that reads what `makeEncoder()` writes.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: positiveInfinityText, negativeInfinity: negativeInfinityText,
            nan: nanText)
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// The JSON bytes of `value` (no trailing newline).
    ///
    /// - Throws: `BoltzmannError` if the value's `encode(to:)` itself throws.
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        do {
            return try makeEncoder().encode(value)
        } catch {
            throw BoltzmannError(
                "cannot encode \(Value.self) as JSON: \(describe(error))",
                fix: "this is a defect in the result type's Encodable conformance; please report it")
        }
    }

    /// The JSON text of `value` (no trailing newline), e.g. for printing.
    public static func string<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    /// Writes `value` as JSON, followed by a newline, to `url` (atomically).
    ///
    /// - Throws: `BoltzmannError` naming the file when the folder is missing or not writable.
    public static func write<Value: Encodable>(_ value: Value, to url: URL) throws {
        var data = try encode(value)
        data.append(UInt8(ascii: "\n"))
        try FileAccess.write(data, to: url, kind: "JSON result")
    }

    /// Decodes a `Value` from JSON bytes; `source` names the data in errors.
    ///
    /// - Throws: `BoltzmannError` saying where in the document (e.g. `points[3].q`) a value is
    ///   missing or has the wrong type, or that the text is not JSON.
    public static func decode<Value: Decodable>(
        _ type: Value.Type, from data: Data, source: String? = nil
    ) throws -> Value {
        do {
            return try makeDecoder().decode(type, from: data)
        } catch {
            throw BoltzmannError(
                "cannot read \(Value.self) from this JSON: \(describe(error))",
                fix: "pass a JSON file written by this version of Boltzmann, or correct the named entry",
                source: source)
        }
    }

    /// Reads a `Value` from the JSON file at `url`.
    public static func read<Value: Decodable>(_ type: Value.Type, from url: URL) throws -> Value {
        let data = try FileAccess.contents(of: url, kind: "JSON")
        return try decode(type, from: data, source: url.path)
    }

    /// A one-line account of an encoding or decoding error with its coding path.
    private static func describe(_ error: any Error) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text.isEmpty ? "the top level" : text
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "the entry '\(key.stringValue)' is missing at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context):
            return "the entry \(path(context.codingPath)) has the wrong type (\(context.debugDescription))"
        case DecodingError.valueNotFound(let type, let context):
            return "the entry \(path(context.codingPath)) is null where a value of type \(type) is needed"
        case DecodingError.dataCorrupted(let context):
            let place = context.codingPath.isEmpty ? "" : " at \(path(context.codingPath))"
            return context.debugDescription + place
        case EncodingError.invalidValue(let value, let context):
            return "\(value) at \(path(context.codingPath)): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}
