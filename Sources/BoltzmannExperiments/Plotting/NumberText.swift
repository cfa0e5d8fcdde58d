import Foundation

/// Short decimal text for numbers in legends, captions and report tables.
enum NumberText {
    /// Up to six significant digits without trailing zeros (`0.5`, `1.07625`, `2e-07`); `nan`,
    /// `inf`, `-inf` for non-finite values.
    static func short(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(format: "%.6g", x)
    }

    /// A duration in seconds as `0.12 s`, `42.0 s`, `3 min 20 s` or `2 h 05 min`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "–" }
        if seconds < 10 { return String(format: "%.2f s", seconds) }
        if seconds < 120 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return String(format: "%d h %02d min", whole / 3600, (whole % 3600) / 60)
    }
}
