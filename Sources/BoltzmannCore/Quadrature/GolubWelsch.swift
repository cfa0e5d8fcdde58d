/// The Golub–Welsch step shared by the Gauss rules: the nodes of an n-point Gauss rule for a
/// symmetric weight are the eigenvalues of its n×n Jacobi matrix, a symmetric tridiagonal matrix
/// with zero diagonal and off-diagonal entries b₁ … b_{n−1} taken from the three-term recurrence
/// x p_k = b_{k+1} p_{k+1} + b_k p_{k−1} of the orthonormal polynomials.
///
/// Only eigenvalues are computed (``TridiagonalEigen``, LAPACK `dstev` without vectors, O(n²)).
/// They are accurate to about nε‖J‖ in absolute terms, which the rules then polish by Newton's
/// method on the recurrence; the weights are computed from the recurrence too (see
/// ``GaussHermite``), because the classical weights — squared first eigenvector components —
/// carry an absolute error of about ε and so lose all relative accuracy for the tiny weights of
/// the outer nodes.
///
/// Source: G. H. Golub and J. H. Welsch, "Calculation of Gauss quadrature rules",
/// Math. Comp. 23 (1969) 221–230.
enum GolubWelsch {
    /// Eigenvalues, in ascending order, of the order×order symmetric tridiagonal matrix with
    /// zero diagonal and off-diagonal entries offDiagonal(1) … offDiagonal(order − 1).
    static func eigenvalues(order: Int, offDiagonal: (Int) -> Double) -> [Double] {
        precondition(order >= 1, "a Gauss rule needs at least one node")
        let diagonal = [Double](repeating: 0, count: order)
        let subDiagonal = (1..<order).map { offDiagonal($0) }
        do {
            return try TridiagonalEigen.eigenvalues(diagonal: diagonal, offDiagonal: subDiagonal)
        } catch {
            // A finite Jacobi matrix always converges (LAPACK allows 30n sweeps).
            preconditionFailure("Golub–Welsch eigenvalues failed for order \(order): \(error)")
        }
    }
}
