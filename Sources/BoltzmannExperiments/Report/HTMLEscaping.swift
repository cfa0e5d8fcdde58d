extension String {
    /// The string made safe as HTML text or a quoted attribute value: `&`, `<`, `>`, `"` and `'`
    /// become character references (HTML Living Standard §13.1.4 "escaping a string").
    var htmlEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
