import CLinearAlgebra

/// Whether a fixed point x = Φ(x) attracts the damped iteration x ← x + γ(Φ(x) − x) for small
/// enough γ: every eigenvalue of the Jacobian ∂Φ at x has real part below 1 (up to `slack`,
/// so that a marginal point at a continuous transition counts as stable).
///
/// The Jacobian is taken by forward differences, step h = 1e−6·max(1, |x_j|) — forward, not
/// central, because the maps clip q to the positive semi-definite cone, where a backward step
/// would see a flat map. Eigenvalues of the (non-symmetric) Jacobian come from LAPACK `dgeev`.
enum RBMFixedPointStability {
    static func isAttracting(_ map: ([Double]) -> [Double], at x: [Double], image: [Double], slack: Double = 1e-6) -> Bool {
        let n = x.count
        guard n > 0 else { return true }
        // Column-major Jacobian for LAPACK.
        var jacobian = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var shifted = x
            let h = 1e-6 * max(1, abs(x[j]))
            shifted[j] += h
            let column = map(shifted)
            for i in 0..<n { jacobian[j * n + i] = (column[i] - image[i]) / h }
        }
        guard jacobian.allSatisfy(\.isFinite) else { return false }
        if n == 1 { return jacobian[0] < 1 + slack }
        var real = [Double](repeating: 0, count: n), imaginary = real
        var unusedLeft = [Double](repeating: 0, count: 1), unusedRight = [Double](repeating: 0, count: 1)
        let info = LAPACKE_dgeev(
            LAPACK_COL_MAJOR, Int8(UInt8(ascii: "N")), Int8(UInt8(ascii: "N")), Int32(n), &jacobian, Int32(n),
            &real, &imaginary, &unusedLeft, 1, &unusedRight, 1)
        guard info == 0 else { return false }
        return real.allSatisfy { $0 < 1 + slack }
    }
}
