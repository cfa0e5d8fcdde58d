import BoltzmannCore
import BoltzmannSampling

/// How parallel tempering chooses its coupling scales β₁ < … < β_K = 1.
///
/// - `explicit(βs)`: the given ladder (strictly increasing, in [0, 1], ending at 1).
/// - `geometric(count: K, minimum: β_min)`: β_k = β_min^{(K−k)/(K−1)}, k = 1…K, so the ratio
///   of neighbours is constant (the usual first choice: equal swap rates when the interaction
///   energy's heat capacity is constant; Kofke, J. Chem. Phys. 117, 6911 (2002)).
/// - `adaptive(count: K, minimum: β_min)`: starts geometric; after each epoch the inner β are
///   moved towards equal swap acceptance (`equalisingAcceptance`). β₁ = β_min and β_K = 1 stay.
public enum TemperatureLadder: Sendable, Codable, Equatable {
    case explicit([Float])
    case geometric(count: Int, minimum: Float)
    case adaptive(count: Int, minimum: Float)

    /// The initial ladder.
    ///
    /// - Throws: `BoltzmannError` for fewer than 2 replicas, β_min outside (0, 1), or an invalid
    ///   explicit ladder.
    public func initialBetas() throws(BoltzmannError) -> [Float] {
        switch self {
        case .explicit(let betas):
            try ReplicaExchange.validate(betas)
            guard betas.count >= 2 else {
                throw BoltzmannError(
                    "a tempering ladder needs at least 2 β values, got \(betas.count)",
                    fix: "give e.g. [0.5, 1], or use plain PCD", source: "ladder")
            }
            return betas
        case .geometric(let count, let minimum), .adaptive(let count, let minimum):
            guard count >= 2 else {
                throw BoltzmannError(
                    "a tempering ladder needs at least 2 replicas, got \(count)",
                    fix: "give count ≥ 2, or use plain PCD", source: "ladder")
            }
            guard minimum.isFinite, minimum > 0, minimum < 1 else {
                throw BoltzmannError(
                    "the smallest β of a geometric ladder must lie in (0, 1), got \(minimum)",
                    fix: "give e.g. minimum: 0.2", source: "ladder")
            }
            return (0..<count).map { k in
                k == count - 1 ? 1 : Float.pow(minimum, Float(count - 1 - k) / Float(count - 1))
            }
        }
    }

    /// Whether the ladder is re-spaced after each epoch.
    public var isAdaptive: Bool {
        if case .adaptive = self { return true }
        return false
    }

    /// A ladder re-spaced towards equal swap acceptance, moving each inner β a fraction
    /// `damping` of the way to its target.
    ///
    /// For nearby β the log acceptance of a swap is −Δβ²·Var(C)/2 to leading order, so
    /// d_k = √(−ln A_k) is proportional to Δβ_k·σ_C: a "thermodynamic length" of the interval
    /// (Kofke 2002). The target ladder splits the total length Σ d_k into K − 1 equal parts,
    /// assuming the length is spread uniformly over each current interval (piecewise-linear
    /// interpolation of β against cumulative length). A_k is clamped to [10⁻³, 0.999], and a pair
    /// that was never attempted (NaN) leaves the ladder unchanged. The ends stay fixed; the result
    /// increases strictly.
    public static func equalisingAcceptance(
        betas: [Float], acceptance: [Double], damping: Double = 0.5
    ) -> [Float] {
        precondition(acceptance.count == betas.count - 1, "one acceptance rate per adjacent pair")
        guard betas.count > 2, acceptance.allSatisfy({ $0.isFinite }) else { return betas }
        let lengths = acceptance.map { (-Double.log(Swift.min(Swift.max($0, 1e-3), 0.999))).squareRoot() }
        var cumulative = [0.0]
        for length in lengths { cumulative.append(cumulative.last! + length) }
        let total = cumulative.last!
        var result = betas
        var interval = 0
        for k in 1..<(betas.count - 1) {
            let target = total * Double(k) / Double(betas.count - 1)
            while interval < lengths.count - 1, cumulative[interval + 1] < target { interval += 1 }
            let fraction = (target - cumulative[interval]) / lengths[interval]
            let lower = Double(betas[interval])
            let upper = Double(betas[interval + 1])
            let goal = lower + fraction * (upper - lower)
            result[k] = Float(Double(betas[k]) + damping * (goal - Double(betas[k])))
        }
        // Moving each β a fraction of the way between increasing ladders keeps the order, but
        // Float rounding could tie two neighbours: keep the old ladder in that case.
        for k in 1..<result.count where result[k] <= result[k - 1] { return betas }
        return result
    }
}

