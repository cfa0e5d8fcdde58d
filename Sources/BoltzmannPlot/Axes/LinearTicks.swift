import Foundation

/// Tick marks for a linear axis at "nice" numbers: multiples of a step 1, 2 or 5 × 10^k.
///
/// Among all such steps the one is chosen whose tick count is closest to `target`:
/// - *loose* (`expandsRange: true`, for axes ranged from data): the axis is widened to the
///   multiples of the step just outside the data, and the score |n − target|/target +
///   2·(1 − data span/axis span) also penalises axis space left empty. [0, 1] → 0, 0.2, …, 1;
///   [0.013, 0.87] → 0, 0.2, …, 1; [−3.2, 7.9] → −4, −2, …, 8.
/// - *tight* (`expandsRange: false`, for a range the user fixed or a heat map's extent): the
///   range stays, ticks are the multiples inside it, the score is |n − target| with ties going
///   to the larger step.
/// The scheme follows P. Heckbert, "Nice numbers for graph labels", Graphics Gems (1990),
/// with Heckbert's rounding replaced by an explicit search over candidate steps.
/// Tick values are computed as i·m·10^k in one correctly rounded operation, so they carry no
/// accumulated error (3 × 0.1 is produced as 3/10 = 0.3, not 0.30000000000000004).
public struct LinearTicks: Sendable, Equatable {
    /// Axis range: the data range widened to the outer ticks when loose, unchanged when tight.
    public var lower: Double
    public var upper: Double
    /// Distance between ticks, m × 10^k with m ∈ {1, 2, 5}.
    public var step: Double
    /// Tick positions, ascending.
    public var values: [Double]

    /// Labels for `values`, with the same number of decimals each (see `NumberFormat`).
    public var labels: [String] {
        NumberFormat.tickLabels(values, step: step)
    }

    /// - Precondition: `lower < upper`, both finite, `target >= 2`.
    public init(covering lower: Double, _ upper: Double, target: Int = 6, expandsRange: Bool = true) {
        precondition(lower.isFinite && upper.isFinite && lower < upper, "tick range must be finite and increasing")
        precondition(target >= 2, "at least two ticks")
        let span = upper - lower
        let decade = Int(Foundation.floor(Foundation.log10(span)))
        var best: (score: Double, step: NiceStep, first: Int, last: Int)?
        for exponent in (decade - 2)...(decade + 1) {
            for mantissa in [1, 2, 5] {
                let step = NiceStep(mantissa: mantissa, exponent: exponent)
                let size = step.value
                // Beyond 2⁵³ the multiples are no longer exact integers: skip such steps.
                guard max(abs(lower), abs(upper)) / size < 1e15 else { continue }
                let first: Int
                let last: Int
                let score: Double
                if expandsRange {
                    first = Int(Foundation.floor(lower / size + 1e-9))
                    last = Int(Foundation.ceil(upper / size - 1e-9))
                    let axisSpan = Double(last - first) * size
                    score = Double(abs(last - first + 1 - target)) / Double(target) + 2 * (1 - span / axisSpan)
                } else {
                    first = Int(Foundation.ceil(lower / size - 1e-9))
                    last = Int(Foundation.floor(upper / size + 1e-9))
                    guard last - first + 1 >= 2 else { continue }
                    score = Double(abs(last - first + 1 - target))
                }
                // Steps are visited in increasing size, so `<=` lets ties go to the larger step.
                if best == nil || score <= best!.score {
                    best = (score, step, first, last)
                }
            }
        }
        guard let best else {
            // Only reachable for ranges so narrow relative to their magnitude that no step
            // gives exact multiples: show the two ends.
            self.lower = lower
            self.upper = upper
            self.step = span
            self.values = [lower, upper]
            return
        }
        self.step = best.step.value
        self.values = (best.first...best.last).map { best.step.multiple($0) }
        self.lower = expandsRange ? best.step.multiple(best.first) : lower
        self.upper = expandsRange ? best.step.multiple(best.last) : upper
    }
}

/// A step m × 10^k whose multiples are computed exactly.
struct NiceStep {
    var mantissa: Int
    var exponent: Int

    var value: Double { multiple(1) }

    /// i·m·10^k as one correctly rounded operation (powers of ten up to 10²² are exact).
    func multiple(_ index: Int) -> Double {
        let integer = Double(index * mantissa)
        let power = Foundation.pow(10, Double(abs(exponent)))
        return exponent >= 0 ? integer * power : integer / power
    }
}
