import BoltzmannCore

/// Correlated pairs for testing estimators of R = ⟨x⟩/⟨y⟩ against the delta method:
/// x ~ N(2, 1), y = 4 + ½(x − 2) + (√3/2) ξ, so σ_x = σ_y = 1 and σ_xy = ½.
struct RatioOfMeans {
    var x: [Double]
    var y: [Double]

    init(count: Int, seed: UInt64) {
        var generator = RandomStream(seed: seed, stream: 0)
        x = (0..<count).map { _ in 2 + generator.gaussian() }
        y = x.map { 4 + 0.5 * ($0 - 2) + 0.75.squareRoot() * generator.gaussian() }
    }

    /// Delta method from the sample moments: with R = x̄/ȳ,
    /// Var(R) ≈ (s_x² − 2R s_xy + R² s_y²)/(n ȳ²), bias(R) ≈ (R s_y² − s_xy)/(n ȳ²).
    var deltaMethod: (ratio: Double, standardError: Double, bias: Double) {
        let n = Double(x.count)
        let (mx, vx) = DistributionChecks.meanAndVariance(x)
        let (my, vy) = DistributionChecks.meanAndVariance(y)
        var covariance = 0.0
        for index in x.indices { covariance += (x[index] - mx) * (y[index] - my) }
        covariance /= n - 1
        let ratio = mx / my
        let variance = (vx - 2 * ratio * covariance + ratio * ratio * vy) / (n * my * my)
        return (ratio, variance.squareRoot(), (ratio * vy - covariance) / (n * my * my))
    }
}
