/// Estimates of how wide a line of text is once rendered, for layout without a font engine.
///
/// The advance widths are those of Helvetica (Adobe's font metrics, in thousandths of an em) for
/// printable ASCII; other characters count as 0.6 em, except the minus sign and the times sign
/// (0.584 em, as `+`). Browsers fall back to Arial (same widths) or to DejaVu Sans (about 8 %
/// wider), so `safety` widens every estimate by that much: layout then errs on the roomy side.
enum TextMetrics {
    /// Helvetica advance widths for U+0020 (space) through U+007E (tilde), in 1/1000 em.
    private static let asciiAdvances: [Double] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space … /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 … ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ … O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P … _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` … o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p … ~
    ]

    /// Factor by which estimates are widened to cover fallback fonts wider than Helvetica.
    static let safety = 1.08

    /// Estimated advance width, in pixels, of `text` set in a sans-serif font of `fontSize` px.
    static func width(of text: String, fontSize: Double) -> Double {
        var thousandths = 0.0
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            if value >= 0x20 && value <= 0x7E {
                thousandths += asciiAdvances[value - 0x20]
            } else if scalar == "\u{2212}" || scalar == "\u{00D7}" {
                thousandths += 584
            } else {
                thousandths += 600
            }
        }
        return thousandths / 1000 * fontSize * safety
    }
}
