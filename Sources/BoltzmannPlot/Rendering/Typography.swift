/// Fonts and sizes shared by every figure: a generic sans-serif stack (no external fonts, so
/// the SVG is self-contained) at sizes that read like a journal figure at 640 px width.
enum Typography {
    static let fontFamily = "Helvetica, Arial, \"DejaVu Sans\", sans-serif"
    static let tickFontSize = 12.0
    static let labelFontSize = 14.0
    static let titleFontSize = 14.0
    static let legendFontSize = 12.0
    static let contourFontSize = 10.0
    /// Height of capitals above the baseline, as a fraction of the font size (Helvetica 0.72).
    static let capHeight = 0.72
    /// Depth below the baseline of descenders, as a fraction of the font size.
    static let descent = 0.21
}
