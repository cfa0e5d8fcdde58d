/// A value in the small subset of Python literal syntax that `.npy` headers are written in:
/// `{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }`.
///
/// The format stores its header as the `repr` of a Python dictionary (NumPy reads it back with
/// `ast.literal_eval`). This parser accepts dictionaries, tuples, lists, single- or
/// double-quoted strings, integers (with Python 2's `L` suffix), `True`, `False` and `None`,
/// with trailing commas, which covers every header NumPy has written.
enum PythonLiteral: Equatable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case none
    case tuple([PythonLiteral])
    case list([PythonLiteral])
    case dictionary([String: PythonLiteral])

    /// Why a text is not a literal of the supported subset, with the character offset.
    struct SyntaxError: Error, Equatable {
        var message: String
        var offset: Int
    }

    /// Parses `text`, which must hold exactly one literal, surrounded by optional whitespace.
    init(parsing text: String) throws(SyntaxError) {
        var parser = Parser(Array(text.unicodeScalars))
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.isAtEnd else {
            throw SyntaxError(message: "unexpected text after the literal", offset: parser.position)
        }
        self = value
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var isAtEnd: Bool { position >= scalars.count }
        var current: Unicode.Scalar? { isAtEnd ? nil : scalars[position] }

        mutating func skipWhitespace() {
            while let scalar = current, scalar.properties.isWhitespace { position += 1 }
        }

        func failure(_ message: String) -> SyntaxError {
            SyntaxError(message: message, offset: position)
        }

        mutating func parseValue() throws(SyntaxError) -> PythonLiteral {
            skipWhitespace()
            guard let scalar = current else { throw failure("the text ends where a value should be") }
            switch scalar {
            case "{": return try parseDictionary()
            case "(": return .tuple(try parseSequence(closing: ")"))
            case "[": return .list(try parseSequence(closing: "]"))
            case "'", "\"": return .string(try parseString())
            case "-", "+", "0"..."9": return .integer(try parseInteger())
            default:
                if scalar.properties.isAlphabetic { return try parseName() }
                throw failure("unexpected character '\(scalar)'")
            }
        }

        mutating func expect(_ scalar: Unicode.Scalar) throws(SyntaxError) {
            skipWhitespace()
            guard current == scalar else {
                let found = current.map { "'\($0)'" } ?? "the end of the text"
                throw failure("expected '\(scalar)' but found \(found)")
            }
            position += 1
        }

        mutating func parseDictionary() throws(SyntaxError) -> PythonLiteral {
            try expect("{")
            var entries: [String: PythonLiteral] = [:]
            while true {
                skipWhitespace()
                if current == "}" { position += 1; return .dictionary(entries) }
                guard case .string(let key) = try parseValue() else {
                    throw failure("dictionary keys must be strings")
                }
                try expect(":")
                entries[key] = try parseValue()
                skipWhitespace()
                if current == "," { position += 1; continue }
                try expect("}")
                return .dictionary(entries)
            }
        }

        mutating func parseSequence(closing: Unicode.Scalar) throws(SyntaxError) -> [PythonLiteral] {
            position += 1  // the opening bracket
            var items: [PythonLiteral] = []
            while true {
                skipWhitespace()
                if current == closing { position += 1; return items }
                items.append(try parseValue())
                skipWhitespace()
                if current == "," { position += 1; continue }
                try expect(closing)
                return items
            }
        }

        mutating func parseString() throws(SyntaxError) -> String {
            let quote = scalars[position]
            position += 1
            var result = String.UnicodeScalarView()
            while let scalar = current {
                position += 1
                if scalar == quote { return String(result) }
                if scalar == "\\" {
                    guard let escaped = current else { break }
                    position += 1
                    switch escaped {
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    case "\\", "'", "\"": result.append(escaped)
                    default: result.append("\\"); result.append(escaped)
                    }
                } else {
                    result.append(scalar)
                }
            }
            throw failure("a string is not closed (missing \(quote))")
        }

        mutating func parseInteger() throws(SyntaxError) -> Int {
            let start = position
            var negative = false
            if current == "-" || current == "+" {
                negative = current == "-"
                position += 1
            }
            var magnitude = 0
            var digits = 0
            while let scalar = current, ("0"..."9").contains(scalar) {
                let digit = Int(scalar.value - 48)
                let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(digit)
                guard !overflow1 && !overflow2 else {
                    position = start
                    throw failure("an integer is too large")
                }
                magnitude = sum
                digits += 1
                position += 1
            }
            guard digits > 0 else { throw failure("expected digits after the sign") }
            if current == "L" || current == "l" { position += 1 }  // Python 2 long suffix
            return negative ? -magnitude : magnitude
        }

        mutating func parseName() throws(SyntaxError) -> PythonLiteral {
            let start = position
            while let scalar = current, scalar.properties.isAlphabetic || scalar == "_" { position += 1 }
            let name = String(String.UnicodeScalarView(scalars[start..<position]))
            switch name {
            case "True": return .boolean(true)
            case "False": return .boolean(false)
            case "None": return .none
            default:
                position = start
                throw failure("unknown name '\(name)' (only True, False and None are allowed)")
            }
        }
    }
}
