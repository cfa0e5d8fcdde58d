/// Eigen-decomposition A = V·diag(λ)·Vᵀ of a real symmetric matrix, by LAPACK `?syevd`
/// (Householder tridiagonalisation, then Cuppen's divide and conquer).
///
/// Only the lower triangle of A (entries (i, j) with i ≥ j) is read; A is assumed symmetric.
/// Eigenvalues come in ascending order; eigenvector j is column j of `vectors`, of unit length,
/// its sign as LAPACK returns it (eigenvectors are defined up to sign, and up to a rotation
/// within a degenerate eigenspace). Accuracy: each computed λ is within O(n·u·‖A‖₂) of an exact
/// eigenvalue, residuals ‖A·v − λ·v‖ are O(n·u·‖A‖₂) and V is orthogonal to O(n·u)
/// (*LAPACK Users' Guide*, 3rd ed., §4.7). Cost O(n³), several times less without vectors.
public enum SymmetricEigen {
    /// Eigenvalues (ascending) and unit eigenvectors (as columns, `vectors[i, j]` is component i
    /// of eigenvector j) of the square symmetric matrix `a`.
    ///
    /// - Throws: `LinearAlgebraError.nonFiniteInput` when the lower triangle holds NaN or
    ///   infinity, `.didNotConverge` when LAPACK reports failure.
    public static func decompose<Scalar: BLASScalar>(
        _ a: Matrix<Scalar>
    ) throws(LinearAlgebraError) -> (values: [Scalar], vectors: Matrix<Scalar>) {
        var work = a
        let values = try solve(&work, computeVectors: true)
        // LAPACK left the eigenvectors as rows of `work`; the convention here is columns.
        return (values, work.transposed())
    }

    /// Eigenvalues only, in ascending order (cheaper than `decompose`).
    public static func eigenvalues<Scalar: BLASScalar>(
        of a: Matrix<Scalar>
    ) throws(LinearAlgebraError) -> [Scalar] {
        var work = a
        return try solve(&work, computeVectors: false)
    }

    /// Runs `?syevd` on `a` in place; with `computeVectors` the rows of `a` become eigenvectors.
    private static func solve<Scalar: BLASScalar>(
        _ a: inout Matrix<Scalar>, computeVectors: Bool
    ) throws(LinearAlgebraError) -> [Scalar] {
        precondition(
            a.isSquare, "SymmetricEigen: the matrix is \(a.rows)×\(a.columns), not square")
        let n = a.rows
        guard n > 0 else { return [] }
        var values = [Scalar](repeating: 0, count: n)
        let info = a.withUnsafeMutableBufferPointer { entries -> Int? in
            for i in 0..<n {
                for j in 0...i where !entries[i * n + j].isFinite {
                    return nil
                }
            }
            return values.withUnsafeMutableBufferPointer { values in
                Scalar.lapackSyevd(
                    computeVectors: computeVectors, n: n, a: entries.baseAddress!,
                    values: values.baseAddress!)
            }
        }
        guard let info else { throw .nonFiniteInput(routine: "SymmetricEigen (syevd)") }
        precondition(info >= 0, "syevd rejected argument \(-info); this is a bug in SymmetricEigen")
        guard info == 0 else { throw .didNotConverge(routine: "SymmetricEigen (syevd)", info: info) }
        return values
    }
}
