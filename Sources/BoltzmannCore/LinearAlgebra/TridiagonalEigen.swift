/// Eigen-decomposition of a real symmetric tridiagonal matrix T = V·diag(λ)·Vᵀ, by LAPACK
/// `?stev` (implicit QL/QR with Wilkinson shifts; Pal–Walker–Kahan QR without vectors).
///
/// T has `diagonal` d₀…d₍ₙ₋₁₎ and the same `offDiagonal` e₀…e₍ₙ₋₂₎ above and below it:
/// Tᵢᵢ = dᵢ, Tᵢ,ᵢ₊₁ = Tᵢ₊₁,ᵢ = eᵢ. Eigenvalues come in ascending order; eigenvector j is
/// column j of `vectors`, of unit length, sign as LAPACK returns it. Accuracy: eigenvalues to
/// O(n·u·‖T‖₂) absolute, residuals O(n·u·‖T‖₂) (*LAPACK Users' Guide*, 3rd ed., §4.7).
///
/// Golub–Welsch quadrature uses this directly: for the Jacobi matrix of a weight w, the nodes
/// are the eigenvalues and the weights are μ₀·(vectors[0, j])², μ₀ = ∫w (Golub & Welsch,
/// *Math. Comp.* 23 (1969) 221–230).
public enum TridiagonalEigen {
    /// Eigenvalues (ascending) and unit eigenvectors (as columns, `vectors[i, j]` is component i
    /// of eigenvector j) of the symmetric tridiagonal matrix with the given diagonal (n entries)
    /// and off-diagonal (n − 1 entries; none when n ≤ 1).
    ///
    /// - Throws: `LinearAlgebraError.nonFiniteInput` for NaN or infinite entries,
    ///   `.didNotConverge` when the QL/QR iteration fails (LAPACK allows 30·n sweeps).
    public static func decompose<Scalar: BLASScalar>(
        diagonal: [Scalar], offDiagonal: [Scalar]
    ) throws(LinearAlgebraError) -> (values: [Scalar], vectors: Matrix<Scalar>) {
        let (values, eigenvectorRows) = try solve(
            diagonal: diagonal, offDiagonal: offDiagonal, computeVectors: true)
        // LAPACK returns the eigenvectors as rows; the convention here is columns.
        return (values, eigenvectorRows.transposed())
    }

    /// Eigenvalues only, in ascending order (O(n²) instead of O(n³) with vectors).
    public static func eigenvalues<Scalar: BLASScalar>(
        diagonal: [Scalar], offDiagonal: [Scalar]
    ) throws(LinearAlgebraError) -> [Scalar] {
        try solve(diagonal: diagonal, offDiagonal: offDiagonal, computeVectors: false).values
    }

    /// Runs `?stev`; with `computeVectors`, row i of `eigenvectorRows` is the eigenvector of
    /// `values[i]` (otherwise it is 0×0).
    private static func solve<Scalar: BLASScalar>(
        diagonal: [Scalar], offDiagonal: [Scalar], computeVectors: Bool
    ) throws(LinearAlgebraError) -> (values: [Scalar], eigenvectorRows: Matrix<Scalar>) {
        let n = diagonal.count
        precondition(
            offDiagonal.count == Swift.max(0, n - 1),
            "TridiagonalEigen: \(n) diagonal entries need \(Swift.max(0, n - 1)) off-diagonal "
                + "entries, got \(offDiagonal.count)")
        let vectorsSize = computeVectors ? n : 0
        var eigenvectorRows = Matrix<Scalar>(rows: vectorsSize, columns: vectorsSize)
        guard n > 0 else { return ([], eigenvectorRows) }
        guard diagonal.allSatisfy(\.isFinite), offDiagonal.allSatisfy(\.isFinite) else {
            throw .nonFiniteInput(routine: "TridiagonalEigen (stev)")
        }
        var values = diagonal
        // `?stev` destroys e; it must have an address even when n = 1.
        var work = offDiagonal.isEmpty ? [0] : offDiagonal
        let info = values.withUnsafeMutableBufferPointer { d in
            work.withUnsafeMutableBufferPointer { e in
                guard computeVectors else {
                    return Scalar.lapackStev(
                        n: n, diagonal: d.baseAddress!, offDiagonal: e.baseAddress!, vectors: nil)
                }
                return eigenvectorRows.withUnsafeMutableBufferPointer { z in
                    Scalar.lapackStev(
                        n: n, diagonal: d.baseAddress!, offDiagonal: e.baseAddress!,
                        vectors: z.baseAddress!)
                }
            }
        }
        precondition(info >= 0, "stev rejected argument \(-info); this is a bug in TridiagonalEigen")
        guard info == 0 else {
            throw .didNotConverge(routine: "TridiagonalEigen (stev)", info: info)
        }
        return (values, eigenvectorRows)
    }
}
