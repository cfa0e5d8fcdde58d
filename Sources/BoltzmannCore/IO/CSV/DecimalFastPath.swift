/// Exact conversion of short decimal numbers (`16`, `-0.875`, `2.5e-3`) to `Double` without
/// going through a `String`: Clinger's fast path.
///
/// A decimal `±m × 10^e` whose integer significand satisfies m ≤ 2⁵³ and whose exponent
/// satisfies |e| ≤ 22 is computed as one IEEE multiplication or division of two exactly
/// representable doubles (m and 10^|e|), which IEEE 754 rounds correctly, so the result is the
/// correctly rounded value, identical to `Double(_:)` (W. D. Clinger, "How to read floating
/// point numbers accurately", PLDI 1990). Everything else (17-digit values, large exponents,
/// hex, `nan`, `inf`) returns `nil`, and the caller falls back to `Double(_:)`.
///
/// Typical data files (pixel intensities, labels, spins, values printed with a few digits) are
/// entirely on the fast path, which parses several times faster than `Double(String)`.
enum DecimalFastPath {
    /// 10⁰ … 10²², every one exactly representable as a `Double`.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    private static let largestExactSignificand: UInt64 = 1 << 53

    /// The value of the decimal text in `bytes` (`[+-]digits[.digits][(e|E)[+-]digits]`), or
    /// `nil` when the text has another form or lies outside the exact range described above.
    static func value(of bytes: UnsafeRawBufferPointer) -> Double? {
        let count = bytes.count
        var position = 0
        var isNegative = false
        if position < count && (bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+")) {
            isNegative = bytes[position] == UInt8(ascii: "-")
            position += 1
        }
        var significand: UInt64 = 0
        var exponent = 0
        var digitCount = 0
        while position < count, let digit = digitValue(bytes[position]) {
            significand = significand * 10 + digit
            guard significand <= largestExactSignificand else { return nil }
            digitCount += 1
            position += 1
        }
        if position < count && bytes[position] == UInt8(ascii: ".") {
            position += 1
            while position < count, let digit = digitValue(bytes[position]) {
                significand = significand * 10 + digit
                guard significand <= largestExactSignificand else { return nil }
                exponent -= 1
                digitCount += 1
                position += 1
            }
        }
        guard digitCount > 0 else { return nil }
        if position < count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
            position += 1
            var exponentIsNegative = false
            if position < count && (bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+")) {
                exponentIsNegative = bytes[position] == UInt8(ascii: "-")
                position += 1
            }
            var written = 0
            var exponentDigits = 0
            while position < count, let digit = digitValue(bytes[position]) {
                written = written * 10 + Int(digit)
                guard written < 10_000 else { return nil }
                exponentDigits += 1
                position += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentIsNegative ? -written : written
        }
        guard position == count else { return nil }
        if significand == 0 { return isNegative ? -0.0 : 0.0 }
        guard exponent >= -22 && exponent <= 22 else { return nil }
        let exact = Double(significand)
        let value = exponent >= 0 ? exact * powersOfTen[exponent] : exact / powersOfTen[-exponent]
        return isNegative ? -value : value
    }

    private static func digitValue(_ byte: UInt8) -> UInt64? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? UInt64(byte - UInt8(ascii: "0")) : nil
    }
}
