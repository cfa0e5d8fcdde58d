import Foundation

/// Tick marks for a base-10 logarithmic axis: labelled decades 10^k with minor ticks at
/// 2…9 × 10^k between them.
///
/// - Loose (`expandsRange: true`): the range widens to whole decades, [10⁻³, 50] → [10⁻³, 10²].
/// - When more than `maxLabels` decades would be labelled, every s-th decade is labelled
///   (s the smallest stride that fits, labels at exponents divisible by s) and the others get
///   minor ticks instead of the 2…9 subdivisions.
/// - A tight range holding fewer than two decades is labelled at 1, 2, 5 × 10^k instead, or,
///   when even those give fewer than two labels, at linear nice numbers within it.
/// Decade labels are `10^{k}` markup; the others are compact decimals (`NumberFormat.compact`).
public struct LogTicks: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    /// Labelled tick positions, ascending.
    public var major: [Double]
    /// Labels for `major`, in `RichText` markup (`10^{−2}`).
    public var labels: [String]
    /// Unlabelled tick positions, ascending.
    public var minor: [Double]

    /// - Precondition: `0 < lower < upper`, both finite; `maxLabels >= 2`.
    public init(covering lower: Double, _ upper: Double, maxLabels: Int = 8, expandsRange: Bool = true) {
        precondition(lower > 0 && upper.isFinite && lower < upper, "log tick range must be positive and increasing")
        precondition(maxLabels >= 2, "at least two labels")
        var lower = lower
        var upper = upper
        if expandsRange {
            lower = Self.decade(Int(Foundation.floor(Foundation.log10(lower) + 1e-9)))
            upper = Self.decade(Int(Foundation.ceil(Foundation.log10(upper) - 1e-9)))
        }
        self.lower = lower
        self.upper = upper
        let firstDecade = Int(Foundation.ceil(Foundation.log10(lower) - 1e-9))
        let lastDecade = Int(Foundation.floor(Foundation.log10(upper) + 1e-9))
        let inRange = { (value: Double) in value >= lower * (1 - 1e-12) && value <= upper * (1 + 1e-12) }

        if lastDecade - firstDecade + 1 >= 2 {
            let count = lastDecade - firstDecade + 1
            let stride = max(1, (count + maxLabels - 1) / maxLabels)
            var labelled = (firstDecade...lastDecade).filter { ((($0 % stride) + stride) % stride) == 0 }
            if labelled.count < 2 {
                labelled = Array(Swift.stride(from: firstDecade, through: lastDecade, by: stride))
            }
            major = labelled.map(Self.decade)
            labels = labelled.map { "10^{\(NumberFormat.compact(Double($0)))}" }
            if stride == 1 {
                minor = ((firstDecade - 1)...lastDecade).flatMap { exponent in
                    (2...9).map { Double($0) * Self.decade(exponent) }
                }.filter(inRange)
            } else {
                minor = (firstDecade...lastDecade).filter { !labelled.contains($0) }.map(Self.decade)
            }
            return
        }

        // Less than two decades: label 1, 2, 5 × 10^k.
        let lowDecade = Int(Foundation.floor(Foundation.log10(lower) + 1e-9))
        let highDecade = Int(Foundation.floor(Foundation.log10(upper) + 1e-9))
        let candidates = (lowDecade...highDecade).flatMap { exponent in
            (1...9).map { Double($0) * Self.decade(exponent) }
        }.filter(inRange)
        let oneTwoFive = candidates.filter { value in
            let leading = (value / Self.decade(Int(Foundation.floor(Foundation.log10(value) + 1e-9)))).rounded()
            return leading == 1 || leading == 2 || leading == 5
        }
        if oneTwoFive.count >= 2 {
            major = oneTwoFive
            labels = oneTwoFive.map { NumberFormat.compact($0) }
            minor = candidates.filter { !oneTwoFive.contains($0) }
        } else {
            let linear = LinearTicks(covering: lower, upper, target: 4, expandsRange: false)
            major = linear.values
            labels = linear.labels
            minor = []
        }
    }

    /// 10^k, exact for |k| ≤ 22 and correctly rounded beyond.
    static func decade(_ exponent: Int) -> Double {
        let power = Foundation.pow(10, Double(abs(exponent)))
        return exponent >= 0 ? power : 1 / power
    }
}
