import BoltzmannCore
import RealModule

/// Binary patterns with prescribed correlations between their components, by the arcsine law.
///
/// Each row r ∈ {±1}^P (one visible site of an RBM teacher, holding the P pattern entries
/// ξ_{i1} … ξ_{iP}) is drawn independently as r = sign(L g), g ~ N(0, I_P), with L Lᵀ = S and
///
///     S = sin(π C / 2)   (elementwise).
///
/// For two standard Gaussians x, y with correlation ρ, E[sign x · sign y] = (2/π) arcsin ρ
/// (Sheppard's formula: P(sign x ≠ sign y) = arccos(ρ)/π), so choosing the Gaussian correlation
/// ρ_{μν} = sin(π C_{μν}/2) gives E[r_μ r_ν] = C_{μν} exactly, with E[r_μ] = 0. The diagonal
/// C_{μμ} = 1 maps to S_{μμ} = 1.
///
/// Not every correlation matrix C of ±1 variables is reachable this way: S must be positive
/// definite. For the uniform C = (1 − c)·I + c·11ᵀ of arXiv 2410.16150 (MODELS.md §3),
/// S = (1 − s)·I + s·11ᵀ with s = sin(πc/2) ∈ [0, 1) for c ∈ [0, 1), which always is.
///
/// Cost: one P × P Cholesky factorisation, then P Gaussians and P(P+1)/2 multiply–adds per row.
/// Source: W. F. Sheppard, Phil. Trans. R. Soc. A 192, 101 (1899); the construction is the
/// "NORTA"/dichotomised-Gaussian method (Emrich & Piedmonte, Am. Stat. 45, 302 (1991)).
public enum CorrelatedPatterns {
    /// The Gaussian correlation matrix S = sin(π C / 2) (row-major P × P) whose signs have
    /// correlation matrix C.
    public static func gaussianCorrelation(_ correlation: [Double], order: Int) -> [Double] {
        precondition(correlation.count == order * order, "gaussianCorrelation: C must be \(order) × \(order)")
        return correlation.map { Double.sin(Double.pi * $0 / 2) }
    }

    /// `rows` independent rows of P = `order` binary entries with E[r_μ r_ν] = C_{μν}, row-major
    /// (`rows` × P), drawing P Gaussians per row from `stream` in row order.
    ///
    /// - Throws: `BoltzmannError` when C is not a symmetric P × P matrix with unit diagonal and
    ///   off-diagonal entries in [−1, 1], or when sin(πC/2) is not positive definite (no
    ///   dichotomised Gaussian realises that C).
    public static func sample(
        rows: Int, correlation: [Double], order: Int, stream: inout RandomStream
    ) throws(BoltzmannError) -> [Int8] {
        precondition(rows >= 0 && order >= 1, "CorrelatedPatterns.sample: rows ≥ 0 and order ≥ 1")
        let factor = try choleskyFactor(correlation, order: order)
        var patterns = [Int8](repeating: 0, count: rows * order)
        var gaussians = [Double](repeating: 0, count: order)
        for row in 0..<rows {
            stream.fillGaussian(&gaussians)
            for mu in 0..<order {
                var x = 0.0
                for nu in 0...mu { x += factor[mu * order + nu] * gaussians[nu] }
                patterns[row * order + mu] = x >= 0 ? 1 : -1
            }
        }
        return patterns
    }

    /// The lower Cholesky factor L (row-major) of sin(πC/2), after checking C.
    static func choleskyFactor(_ correlation: [Double], order: Int) throws(BoltzmannError) -> [Double] {
        guard correlation.count == order * order else {
            throw BoltzmannError(
                "the correlation matrix has \(correlation.count) entries, a \(order) × \(order) matrix needs \(order * order)",
                fix: "pass a square matrix with one row per pattern", source: "correlation")
        }
        for mu in 0..<order {
            guard correlation[mu * order + mu] == 1 else {
                throw BoltzmannError(
                    "the correlation matrix must have a unit diagonal (C[\(mu)][\(mu)] = \(correlation[mu * order + mu]))",
                    fix: "±1 entries have E[ξ²] = 1; set the diagonal to 1", source: "correlation")
            }
            for nu in 0..<order {
                let value = correlation[mu * order + nu]
                guard value.isFinite, abs(value) <= 1, value == correlation[nu * order + mu] else {
                    throw BoltzmannError(
                        "the correlation matrix must be symmetric with entries in [−1, 1] (C[\(mu)][\(nu)] = \(value))",
                        fix: "pass a symmetric matrix of correlations", source: "correlation")
                }
            }
        }
        let gaussian = gaussianCorrelation(correlation, order: order)
        do {
            let matrix = try Matrix<Double>(rows: order, columns: order, elements: gaussian)
            return try Cholesky(matrix).lower.elements
        } catch {
            throw BoltzmannError(
                "no Gaussian vector has sign correlations C: sin(πC/2) is not positive definite",
                fix: "use a smaller correlation, e.g. the uniform C = (1 − c)I + c·11ᵀ with c in [0, 1)",
                source: "correlation")
        }
    }
}
