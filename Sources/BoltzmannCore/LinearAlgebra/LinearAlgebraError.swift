/// Why a factorisation or eigen-decomposition gave no result. These are reported outcomes of the
/// numbers involved (a matrix that is not positive definite, an iteration that did not converge),
/// so they are thrown, never trapped, and a caller can react, e.g. by adding a diagonal shift
/// and retrying a Cholesky factorisation.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Cholesky factorisation failed: the leading principal minor of this order (1-based, as
    /// LAPACK `?potrf` reports it) is not positive, so the matrix is not positive definite.
    case notPositiveDefinite(leadingMinor: Int)
    /// The input held NaN or ±infinity, for which no decomposition is defined.
    case nonFiniteInput(routine: String)
    /// The LAPACK iteration did not converge; `info` is LAPACK's count of unconverged
    /// off-diagonal elements (or, for `?syevd`, its failure code).
    case didNotConverge(routine: String, info: Int)

    public var description: String {
        switch self {
        case .notPositiveDefinite(let order):
            return "the matrix is not positive definite: its leading minor of order \(order) "
                + "is not positive (fix: check that it is symmetric positive definite, or add "
                + "a small multiple of the identity)"
        case .nonFiniteInput(let routine):
            return "\(routine): the input contains NaN or infinity (fix: find where the "
                + "non-finite value was produced upstream)"
        case .didNotConverge(let routine, let info):
            return "\(routine): LAPACK did not converge (info = \(info)) (fix: check the input "
                + "for extreme scales, or rescale it)"
        }
    }
}
