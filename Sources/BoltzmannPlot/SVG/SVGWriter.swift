/// Writes SVG markup one element per line, escaping every attribute value and text.
struct SVGWriter {
    enum TextAnchor: String {
        case start, middle, end
    }

    private(set) var markup = ""

    init() {
        markup.reserveCapacity(1 << 16)
    }

    /// Opens `<name …>`; pair with `close(name)`.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        markup += "<\(name)\(Self.attributeList(attributes))>\n"
    }

    mutating func close(_ name: String) {
        markup += "</\(name)>\n"
    }

    /// A childless element `<name …/>`.
    mutating func element(_ name: String, _ attributes: [(String, String)]) {
        markup += "<\(name)\(Self.attributeList(attributes))/>\n"
    }

    /// An element holding plain text, escaped: `<title>q* &lt; 1</title>`.
    mutating func element(_ name: String, _ attributes: [(String, String)], text: String) {
        markup += "<\(name)\(Self.attributeList(attributes))>\(text.xmlEscaped)</\(name)>\n"
    }

    /// A filled `<rect>` (written directly: heat maps hold tens of thousands).
    mutating func rect(_ rect: PixelRect, fill: String, className: String) {
        markup += "<rect class=\"\(className)\" x=\"\(SVGNumber.format(rect.minX))\" y=\"\(SVGNumber.format(rect.minY))\" width=\"\(SVGNumber.format(rect.width))\" height=\"\(SVGNumber.format(rect.height))\" fill=\"\(fill.xmlEscaped)\"/>\n"
    }

    /// A `<text>` element at (`x`, `y`) (the baseline of the first run), optionally rotated by
    /// `rotation` degrees about that point.
    mutating func text(
        _ label: RichText, x: Double, y: Double, fontSize: Double, anchor: TextAnchor,
        rotation: Double? = nil, extra: [(String, String)] = []
    ) {
        var attributes: [(String, String)] = [
            ("x", SVGNumber.format(x)), ("y", SVGNumber.format(y)),
            ("font-size", SVGNumber.format(fontSize)),
        ]
        if anchor != .start {
            attributes.append(("text-anchor", anchor.rawValue))
        }
        if let rotation {
            attributes.append(
                ("transform", "rotate(\(SVGNumber.format(rotation)) \(SVGNumber.format(x)) \(SVGNumber.format(y)))"))
        }
        if label.runs.count > 1 {
            // Keep the spaces at the boundaries of runs, which default white-space handling
            // strips from each text chunk in some renderers (librsvg).
            attributes.append(("xml:space", "preserve"))
        }
        attributes += extra
        markup += "<text\(Self.attributeList(attributes))>\(label.svgContent(fontSize: fontSize))</text>\n"
    }

    private static func attributeList(_ attributes: [(String, String)]) -> String {
        var list = ""
        for (name, value) in attributes {
            list += " \(name)=\"\(value.xmlEscaped)\""
        }
        return list
    }
}
