extension String {
    /// The string made safe for XML (SVG) and HTML character data and attribute values.
    ///
    /// Replaces the five characters with a meaning in XML (`&`, `<`, `>`, `"`, `'`) by their
    /// predefined entities, and drops the control characters that XML 1.0 forbids anywhere in a
    /// document (U+0000–U+001F except tab, line feed and carriage return, and U+FFFE/U+FFFF), so
    /// that any user-supplied label yields a well-formed document. Source: XML 1.0 (5th ed.) §2.2
    /// (`Char` production) and §4.6 (predefined entities).
    public var xmlEscaped: String {
        // Fast path: coordinates, path data and most labels need no change.
        let needsWork = utf8.contains { byte in
            byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0xEF
        }
        if !needsWork { return self }
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20: continue
            case "\u{FFFE}", "\u{FFFF}": continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
