/// Formatting of coordinates and lengths in SVG attributes.
enum SVGNumber {
    /// `value` rounded to two decimals (1/100 px, far below what a screen or printer resolves),
    /// with trailing zeros dropped: `12.5`, `3`, `-0.25`. Non-finite values, which only a bug
    /// upstream could produce, are written as `0` so the document stays valid.
    static func format(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "0" }
        let hundredths = Int((value * 100).rounded())
        if hundredths == 0 { return "0" }
        let magnitude = hundredths.magnitude
        var text = hundredths < 0 ? "-" : ""
        text += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return text
    }
}
