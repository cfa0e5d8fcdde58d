import BoltzmannCore

/// A stationary AR(1) process with unit variance, the test bed of the correlated-data estimators:
///
///     x₀ = ξ₀,   xₜ₊₁ = ρ xₜ + √(1 − ρ²) ξₜ₊₁,   ξ ~ N(0, 1) from a RandomStream.
///
/// Its autocorrelation is ρ(t) = ρ^|t|, so exactly
/// τ_int = 1/2 + Σₜ≥₁ ρᵗ = (1 + ρ)/(2(1 − ρ)), and the variance of the mean of n samples is
/// 2 τ_int/n to leading order in 1/n.
enum AutoregressiveSeries {
    static func make(rho: Double, count: Int, seed: UInt64, stream: UInt64 = 0) -> [Double] {
        var generator = RandomStream(seed: seed, stream: stream)
        var noise = [Double](repeating: 0, count: count)
        generator.fillGaussian(&noise)
        let scale = (1 - rho * rho).squareRoot()
        var series = noise
        for index in 1..<count {
            series[index] = rho * series[index - 1] + scale * noise[index]
        }
        return series
    }

    static func tau(rho: Double) -> Double {
        (1 + rho) / (2 * (1 - rho))
    }
}
