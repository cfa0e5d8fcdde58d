/// A one-line label with superscripts and subscripts, written in a small TeX-like markup.
///
/// `^{…}` raises its contents, `_{…}` lowers them; everything else, including a lone `^`, `_`
/// or an unmatched brace, is literal text (so `q* < 1 & T` or `file_name` stay as typed). Scripts
/// do not nest. Examples: `10^{−2}`, `T_{c}`, `α_{c}(p = 3)`.
///
/// Rendering uses `<tspan>` elements with relative `dy` shifts and a smaller font size, which
/// every SVG renderer supports (unlike `baseline-shift`, which older Firefox ignores).
struct RichText: Equatable {
    enum Position: Equatable {
        case baseline, superscript, `subscript`
    }

    struct Run: Equatable {
        var text: String
        var position: Position
    }

    /// Script size relative to the label's font size.
    static let scriptScale = 0.72
    /// Vertical shift of a superscript's baseline, in ems of the label font (negative is up).
    static let superscriptShift = -0.38
    /// Vertical shift of a subscript's baseline, in ems of the label font.
    static let subscriptShift = 0.22

    var runs: [Run]

    init(_ markup: String) {
        var runs: [Run] = []
        var literal = ""
        var rest = Substring(markup)
        while let first = rest.first {
            let isScriptMarker = (first == "^" || first == "_") && rest.dropFirst().first == "{"
            if isScriptMarker, let close = rest.firstIndex(of: "}") {
                let contentStart = rest.index(rest.startIndex, offsetBy: 2)
                if !literal.isEmpty {
                    runs.append(Run(text: literal, position: .baseline))
                    literal = ""
                }
                let content = String(rest[contentStart..<close])
                if !content.isEmpty {
                    runs.append(Run(text: content, position: first == "^" ? .superscript : .subscript))
                }
                rest = rest[rest.index(after: close)...]
            } else {
                literal.append(first)
                rest = rest.dropFirst()
            }
        }
        if !literal.isEmpty {
            runs.append(Run(text: literal, position: .baseline))
        }
        self.runs = runs
    }

    /// The text without markup, for `<title>` elements and accessibility.
    var plainText: String {
        runs.map(\.text).joined()
    }

    var isEmpty: Bool { runs.isEmpty }

    /// Estimated rendered width in pixels (see `TextMetrics`).
    func width(fontSize: Double) -> Double {
        runs.reduce(0) { total, run in
            let size = run.position == .baseline ? fontSize : fontSize * Self.scriptScale
            return total + TextMetrics.width(of: run.text, fontSize: size)
        }
    }

    /// The escaped contents of a `<text>` element: plain runs as character data, scripts as
    /// `<tspan>` elements whose `dy` moves the baseline and the next run's `dy` moves it back.
    func svgContent(fontSize: Double) -> String {
        var content = ""
        var currentShift = 0.0
        for run in runs {
            let shift: Double
            switch run.position {
            case .baseline: shift = 0
            case .superscript: shift = Self.superscriptShift * fontSize
            case .subscript: shift = Self.subscriptShift * fontSize
            }
            let escaped = run.text.xmlEscaped
            if run.position == .baseline && currentShift == 0 {
                content += escaped
                continue
            }
            var attributes = "dy=\"\(SVGNumber.format(shift - currentShift))\""
            if run.position != .baseline {
                attributes += " font-size=\"\(SVGNumber.format(fontSize * Self.scriptScale))\""
            }
            content += "<tspan \(attributes)>\(escaped)</tspan>"
            currentShift = shift
        }
        return content
    }
}
