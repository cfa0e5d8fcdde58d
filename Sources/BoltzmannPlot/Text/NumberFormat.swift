import Foundation

/// Number labels as a typesetter would write them: no floating-point noise, a true minus sign
/// (U+2212), and powers of ten written as `10^{k}` markup (rendered as a superscript).
public enum NumberFormat {
    /// The minus sign used in labels (U+2212), as wide as `+`, unlike the hyphen.
    public static let minus = "\u{2212}"

    /// The shortest decimal that shows `value` to `significantDigits` significant digits.
    ///
    /// Rounds to `significantDigits` (default 12, below the ~15.9 digits a Double holds, so
    /// representation noise such as 0.1 + 0.2 = 0.30000000000000004 rounds away) and drops
    /// trailing zeros: `0.3`, `12`, `−2.5`. Magnitudes below 10⁻⁴ or from 10⁶ on are written
    /// in scientific form, `1.5×10^{−7}`, or `10^{8}` when the mantissa is 1. Zero (of either
    /// sign) is `0`; infinities are `∞`/`−∞`; NaN is `NaN`.
    public static func compact(_ value: Double, significantDigits: Int = 12) -> String {
        precondition(significantDigits >= 1 && significantDigits <= 17, "significant digits must be 1…17")
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? minus + "∞" : "∞" }
        if value == 0 { return "0" }
        let (mantissa, exponent) = decimalParts(value, significantDigits: significantDigits)
        if exponent >= -4 && exponent < 6 {
            let decimals = max(0, significantDigits - 1 - exponent)
            return typeset(trimmingZeros(String(format: "%.\(decimals)f", value)))
        }
        let mantissaText = trimmingZeros(mantissa)
        let power = "10^{\(typeset(String(exponent)))}"
        switch mantissaText {
        case "1": return power
        case "-1": return minus + power
        default: return typeset(mantissaText) + "\u{00D7}" + power
        }
    }

    /// Labels for evenly spaced tick values that are multiples of `step`, each complete in
    /// itself.
    ///
    /// Every label gets the same number of decimals, the fewest that resolve `step`, as in
    /// journals: step 0.2 gives `0.0`, `0.2`, …, `1.0`; step 5 gives `−5`, `0`, `5`. When the
    /// largest magnitude (or the step, if larger) is at least 10⁵ or below 10⁻³ the labels
    /// become `m×10^{k}` (see `scaledTickLabels`), and zero stays `0`.
    public static func tickLabels(_ values: [Double], step: Double) -> [String] {
        let (labels, exponent) = scaledTickLabels(values, step: step)
        guard let exponent else { return labels }
        return zip(values, labels).map { value, label in
            abs(value) < step * 1e-6 ? "0" : label + "\u{00D7}10^{\(typeset(String(exponent)))}"
        }
    }

    /// Tick labels sharing one power of ten, for an axis that shows the factor ×10^k once
    /// (at its end) instead of on every tick.
    ///
    /// When the largest magnitude (or the step, if larger) is at least 10⁵ or below 10⁻³,
    /// returns the mantissas value/10^k, with k the exponent of that magnitude, and k;
    /// otherwise the plain labels and nil. 0, 2×10⁵, …, 1.2×10⁶ give `0.0`, `0.2`, …, `1.2`
    /// and 6. Decimals as in `tickLabels`; values within 10⁻⁶ steps of zero are zero.
    public static func scaledTickLabels(_ values: [Double], step: Double) -> (labels: [String], exponent: Int?) {
        precondition(step > 0 && step.isFinite, "tick step must be positive")
        let largest = max(values.map(abs).max() ?? 0, step)
        let exponent = Int(Foundation.floor(Foundation.log10(largest)))
        let scientific = largest >= 1e5 || largest < 1e-3
        let scale = scientific ? Foundation.pow(10, Double(exponent)) : 1
        let decimals = decimalsResolving(step / scale)
        let labels = values.map { value in fixed(abs(value) < step * 1e-6 ? 0 : value / scale, decimals: decimals) }
        return (labels, scientific ? exponent : nil)
    }

    /// The fewest decimals (at most 15) that write every multiple of `step` exactly:
    /// 0.2 → 1, 0.05 → 2, 2.5 → 1, 20 → 0.
    static func decimalsResolving(_ step: Double) -> Int {
        for decimals in 0..<15 {
            let scaled = step * Foundation.pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) <= 1e-9 * max(scaled, 1) { return decimals }
        }
        return 15
    }

    /// `value` with `decimals` decimals, a true minus sign, and no negative zero.
    private static func fixed(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            text.removeFirst()
        }
        return typeset(text)
    }

    /// Mantissa text (with `significantDigits` digits) and decimal exponent of `value`, read
    /// from C's `%e` conversion so that rounding up (9.99… → 10) renormalises the exponent.
    private static func decimalParts(_ value: Double, significantDigits: Int) -> (String, Int) {
        let scientific = String(format: "%.\(significantDigits - 1)e", value)
        let parts = scientific.split(separator: "e")
        return (String(parts[0]), Int(parts[1]) ?? 0)
    }

    /// Drops trailing zeros after a decimal point, and the point itself if nothing follows.
    private static func trimmingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed = trimmed.dropLast() }
        if trimmed.last == "." { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// Replaces the ASCII hyphen used as a sign by the typographic minus.
    private static func typeset(_ text: String) -> String {
        text.replacingOccurrences(of: "-", with: minus)
    }
}
