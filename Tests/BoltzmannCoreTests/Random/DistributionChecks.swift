import Foundation

/// Goodness-of-fit statistics used by the random-number and statistics tests.
///
/// Each check returns a statistic with a known null distribution, and the tests compare it with a
/// threshold whose false-alarm probability is below 10⁻³; the streams are seeded, so a passing test
/// passes every time, and a broken generator or estimator moves the statistic far past it.
enum DistributionChecks {
    /// √n · D, the scaled Kolmogorov–Smirnov distance between the sample and `cdf`.
    /// Under the null hypothesis P(√n D > 1.95) ≈ 0.001 (Kolmogorov distribution).
    static func kolmogorovSmirnov(_ samples: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = samples.sorted()
        let n = Double(sorted.count)
        var distance = 0.0
        for (index, value) in sorted.enumerated() {
            let model = cdf(value)
            distance = max(distance, Double(index + 1) / n - model, model - Double(index) / n)
        }
        return distance * n.squareRoot()
    }

    /// Largest acceptable √n · D (p ≈ 0.001).
    static let kolmogorovSmirnovThreshold = 1.95

    /// Pearson's χ² = Σ (Oᵢ − Eᵢ)²/Eᵢ.
    static func chiSquare(observed: [Int], expected: [Double]) -> Double {
        zip(observed, expected).reduce(0) { sum, pair in
            let difference = Double(pair.0) - pair.1
            return sum + difference * difference / pair.1
        }
    }

    /// χ² threshold with false-alarm probability ≈ 10⁻⁴ for `degreesOfFreedom` ≥ 20
    /// (Wilson–Hilferty: the cube root of χ²/k is normal with mean 1 − 2/(9k), variance 2/(9k)).
    static func chiSquareThreshold(degreesOfFreedom k: Int) -> Double {
        let kk = Double(k)
        let z = 3.72
        let base = 1 - 2 / (9 * kk) + z * (2 / (9 * kk)).squareRoot()
        return kk * base * base * base
    }

    /// Φ(x), the standard normal distribution function.
    static func normalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// Mean and unbiased variance, plain two-pass reference.
    static func meanAndVariance(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, squares / Double(values.count - 1))
    }

    /// Pearson correlation coefficient of two equally long series.
    static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let (mx, vx) = meanAndVariance(x)
        let (my, vy) = meanAndVariance(y)
        var covariance = 0.0
        for index in x.indices {
            covariance += (x[index] - mx) * (y[index] - my)
        }
        return covariance / Double(x.count - 1) / (vx * vy).squareRoot()
    }
}
