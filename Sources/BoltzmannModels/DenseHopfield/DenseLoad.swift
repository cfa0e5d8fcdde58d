import BoltzmannCore

/// The load of a dense p-body Hopfield network: M = α N^{p−1} / p!.
///
/// With this normalisation α is an O(1) control parameter for every p (MODELS.md §1; Thériault
/// and Tantari, arXiv 2401.04191): the p-body network stores O(N^{p−1}) memories, and for p = 2 it
/// gives M = αN/2, the AGS load α_AGS = M/N = α/2.
public enum DenseLoad {
    /// M = round(α N^{p−1} / p!), the number of memories (or examples) at load α.
    ///
    /// Computed in `Double` (exact for every M below 2⁵³) and rounded half away from zero.
    /// - Throws: `BoltzmannError` when p < 2, N < 1, α is not finite and positive, or the
    ///   result is below 1 or above 2³¹ (more memories than any kernel here can hold).
    public static func exampleCount(alpha: Double, order p: Int, size n: Int) throws(BoltzmannError) -> Int {
        try validate(order: p, size: n)
        guard alpha.isFinite, alpha > 0 else {
            throw BoltzmannError("the load α = \(alpha) must be finite and positive",
                                 fix: "pass α > 0 (M = α N^{p−1}/p!)", source: "alpha")
        }
        let m = (alpha * scale(order: p, size: n)).rounded(.toNearestOrAwayFromZero)
        guard m >= 1 else {
            throw BoltzmannError(
                "α = \(alpha) with N = \(n), p = \(p) gives M = α N^{p−1}/p! < 1 memory",
                fix: "raise α or N, or give M directly", source: "alpha")
        }
        guard m <= Double(Int32.max) else {
            throw BoltzmannError(
                "α = \(alpha) with N = \(n), p = \(p) gives M ≈ \(m) memories, beyond 2³¹",
                fix: "lower α or N", source: "alpha")
        }
        return Int(m)
    }

    /// α = M p! / N^{p−1}, the load of M memories (the inverse of ``exampleCount(alpha:order:size:)``
    /// before rounding).
    public static func alpha(exampleCount m: Int, order p: Int, size n: Int) throws(BoltzmannError) -> Double {
        try validate(order: p, size: n)
        guard m >= 1 else {
            throw BoltzmannError("the number of memories must be at least 1, got \(m)", fix: "pass M ≥ 1", source: "M")
        }
        return Double(m) / scale(order: p, size: n)
    }

    /// N^{p−1} / p!.
    static func scale(order p: Int, size n: Int) -> Double {
        var value = 1.0
        for k in 1...p {
            value /= Double(k)
            if k < p { value *= Double(n) }
        }
        return value
    }

    static func validate(order p: Int, size n: Int) throws(BoltzmannError) {
        guard p >= 2 else {
            throw BoltzmannError("the interaction order p = \(p) must be at least 2",
                                 fix: "pass p ≥ 2 (p = 2 is the classic Hopfield model)", source: "p")
        }
        guard n >= 1 else {
            throw BoltzmannError("the number of spins N = \(n) must be at least 1", fix: "pass N ≥ 1", source: "N")
        }
    }
}
