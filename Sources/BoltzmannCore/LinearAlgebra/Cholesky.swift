/// The Cholesky factorisation A = L·Lᵀ of a symmetric positive definite matrix, L lower
/// triangular with a positive diagonal (LAPACK `?potrf`, blocked right-looking algorithm).
///
/// Only the lower triangle of A (entries (i, j) with i ≥ j) is read; A is assumed symmetric.
/// Backward stable: the computed L is the exact factor of A + ΔA with
/// |ΔA| ≤ (n+1)·u·|L|·|Lᵀ| + O(u²) (Higham, *Accuracy and Stability of Numerical Algorithms*,
/// 2nd ed., Thm 10.3). A matrix that is not positive definite is reported by a thrown
/// `LinearAlgebraError.notPositiveDefinite` naming the first leading minor that failed.
///
///     let factor = try Cholesky(covariance)
///     let x = factor.solve(b)            // covariance · x = b
///     let logDet = factor.logDeterminant // log det(covariance)
public struct Cholesky<Scalar: BLASScalar>: Sendable {
    /// L: lower triangular with a positive diagonal and zeros above it, A = L·Lᵀ.
    public let lower: Matrix<Scalar>

    /// Factors the square matrix `a`.
    ///
    /// - Throws: `LinearAlgebraError.notPositiveDefinite(leadingMinor:)` when a leading minor
    ///   is not positive; `.nonFiniteInput` when the lower triangle holds NaN or infinity.
    public init(_ a: Matrix<Scalar>) throws(LinearAlgebraError) {
        precondition(a.isSquare, "Cholesky: the matrix is \(a.rows)×\(a.columns), not square")
        let n = a.rows
        var factor = a
        guard n > 0 else {
            lower = factor
            return
        }
        let info = factor.withUnsafeMutableBufferPointer { entries -> Int? in
            for i in 0..<n {
                for j in 0...i where !entries[i * n + j].isFinite {
                    return nil
                }
            }
            let info = Scalar.lapackPotrf(n: n, a: entries.baseAddress!)
            for i in 0..<n {
                for j in (i + 1)..<n {
                    entries[i * n + j] = 0
                }
            }
            return info
        }
        guard let info else { throw .nonFiniteInput(routine: "Cholesky (potrf)") }
        precondition(info >= 0, "potrf rejected argument \(-info); this is a bug in Cholesky")
        guard info == 0 else { throw .notPositiveDefinite(leadingMinor: info) }
        lower = factor
    }

    /// The order n of A.
    public var order: Int { lower.rows }

    /// log det A = 2·Σᵢ log Lᵢᵢ, without forming det A (which over- or underflows for large n).
    public var logDeterminant: Scalar {
        2 * lower.diagonal.reduce(0) { $0 + Scalar.log($1) }
    }

    /// The solution x of A·x = b, by forward substitution L·y = b and back substitution
    /// Lᵀ·x = y (BLAS `?trsv`). `b` must have n entries. Backward stable (Higham, Thm 10.4).
    public func solve(_ b: [Scalar]) -> [Scalar] {
        let n = order
        precondition(b.count == n, "Cholesky.solve: A is \(n)×\(n) but b has \(b.count) entries")
        guard n > 0 else { return b }
        var x = b
        lower.withUnsafeBufferPointer { l in
            x.withUnsafeMutableBufferPointer { x in
                Scalar.blasTrsvLower(
                    transpose: false, n: n, l: l.baseAddress!, ldl: n, x: x.baseAddress!, incx: 1)
                Scalar.blasTrsvLower(
                    transpose: true, n: n, l: l.baseAddress!, ldl: n, x: x.baseAddress!, incx: 1)
            }
        }
        return x
    }
}
