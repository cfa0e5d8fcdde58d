import Foundation

/// Wall-clock seconds of one call of `body` (monotonic clock).
func benchSeconds(_ body: () -> Void) -> Double {
    let (whole, attoseconds) = ContinuousClock().measure(body).components
    return Double(whole) + Double(attoseconds) * 1e-18
}

/// `value` with `digits` decimals.
func benchFixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}

/// `value` as m.mmme±x.
func benchScientific(_ value: Double) -> String {
    value.isFinite ? String(format: "%.3e", value) : "\(value)"
}
