import BoltzmannCore
import RealModule

/// The teacher's effective prior over its hidden states, p*(τ*) ∝ exp(½ β*² τ*ᵀ C τ*) on
/// τ* ∈ {±1}^{P*}, enumerated exactly (MODELS.md §3).
///
/// Origin: summing the teacher's visible units out of exp((β*/√N) Σ_{iμ} σ_i ξ*_{iμ} τ*_μ)
/// gives Π_i 2 cosh((β*/√N) Σ_μ ξ*_{iμ} τ*_μ) = 2^N exp(½ β*² τ*ᵀ C τ* + O(1/N)) with
/// C_{μν} = Σ_i ξ*_{iμ} ξ*_{iν}/N, so an example is drawn by first drawing τ* from p* and then
/// σ with the weak field β* ξ* τ*/√N. With C = I, p* is uniform.
///
/// Cost and limits: 2^{P*} states (P* ≤ ``maximumUnits``); weights are formed relative to the
/// largest exponent, so no overflow for any β*.
public struct RBMTeacherHiddenPrior: Sendable {
    /// Largest P* enumerated (2^20 states).
    public static let maximumUnits = 20

    /// P*.
    public let units: Int
    /// p*(τ*) for τ* = state(k), k = 0 ..< 2^{P*}.
    public let probabilities: [Double]
    /// D_{μν} = ⟨τ*_μ τ*_ν⟩ under p* (row-major P* × P*; D_μμ = 1).
    public let secondMoment: [Double]

    /// The prior for the correlation matrix `correlation` (row-major P* × P*, symmetric) at
    /// teacher inverse temperature `teacherBeta`.
    /// - Throws: `BoltzmannError` when P* exceeds ``maximumUnits`` or the inputs are not finite.
    public init(units: Int, correlation: [Double], teacherBeta: Double) throws(BoltzmannError) {
        precondition(units >= 1 && correlation.count == units * units, "C must be P* × P*")
        guard units <= Self.maximumUnits else {
            throw BoltzmannError(
                "P* = \(units) teacher hidden units need 2^\(units) states enumerated; the limit is "
                    + "\(Self.maximumUnits)",
                fix: "use at most \(Self.maximumUnits) teacher hidden units", source: "--teacher-hidden")
        }
        guard teacherBeta.isFinite, correlation.allSatisfy(\.isFinite) else {
            throw BoltzmannError("the teacher prior needs finite β* and C", fix: "pass finite values")
        }
        self.units = units
        let count = 1 << units
        var exponents = [Double](repeating: 0, count: count)
        for k in 0..<count {
            var quadratic = 0.0
            for mu in 0..<units {
                let a = Self.spin(k, mu)
                for nu in 0..<units { quadratic += a * correlation[mu * units + nu] * Self.spin(k, nu) }
            }
            exponents[k] = 0.5 * teacherBeta * teacherBeta * quadratic
        }
        let top = exponents.max() ?? 0
        var weights = exponents.map { Double.exp($0 - top) }
        let total = weights.reduce(0, +)
        for k in 0..<count { weights[k] /= total }
        probabilities = weights
        var moment = [Double](repeating: 0, count: units * units)
        for k in 0..<count {
            for mu in 0..<units {
                for nu in 0..<units { moment[mu * units + nu] += weights[k] * Self.spin(k, mu) * Self.spin(k, nu) }
            }
        }
        secondMoment = moment
    }

    /// Spin μ of enumerated state k: +1 if bit μ of k is set, else −1.
    @inlinable
    public static func spin(_ state: Int, _ unit: Int) -> Double {
        (state >> unit) & 1 == 1 ? 1 : -1
    }
}

/// The distribution of one row (ξ*_{i1}, …, ξ*_{iP*}) of the teacher's patterns under the
/// arcsine-law construction of MODELS.md §3: ξ* = sign(g) with g Gaussian of unit variances and
/// correlation ρ = sin(πc/2), which gives E ξ*_μ ξ*_ν = (2/π) arcsin ρ = c for μ ≠ ν.
///
/// For the uniform correlation c, g_μ = √ρ u + √(1 − ρ) e_μ with u, e_μ iid N(0, 1), so
///
///     P(ξ* = x) = E_u Π_μ Φ(x_μ k u),   k = √(ρ/(1 − ρ)),  Φ(y) = 1 − H(y),
///
/// one Gaussian integral per sign pattern, done by ``AdaptiveQuadrature`` (to 1e−14). For
/// c = 0 the rows are uniform on {±1}^{P*}.
public enum RBMTeacherRowDistribution {
    /// P(row = state(k)) for k = 0 ..< 2^{P*} (bit μ of k set ⇔ ξ*_μ = +1).
    public static func probabilities(units: Int, correlation c: Double) -> [Double] {
        precondition(units >= 1 && units <= RBMTeacherHiddenPrior.maximumUnits && c >= 0 && c < 1)
        let count = 1 << units
        guard c > 0 else { return [Double](repeating: 1 / Double(count), count: count) }
        let rho = Double.sin(Double.pi * c / 2)
        let k = (rho / (1 - rho)).squareRoot()
        // Only the number of +1 entries matters (exchangeable rows).
        var byPositives = [Double](repeating: 0, count: units + 1)
        for positives in 0...units {
            byPositives[positives] = AdaptiveQuadrature.gaussianExpectation { u in
                let up = 1 - gaussianTail(k * u), down = gaussianTail(k * u)
                return Double.pow(up, positives) * Double.pow(down, units - positives)
            }.value
        }
        return (0..<count).map { byPositives[$0.nonzeroBitCount] }
    }
}
