// Matrix–matrix and matrix–vector products through BLAS levels 2 and 3.
//
// Shapes are checked with `precondition` (a mismatch is a programmer error) and the message
// names both shapes. Empty dimensions are handled here, never passed to BLAS: a zero inner
// dimension k makes a product the zero matrix, so the result is β·C.

extension Matrix {
    /// The shape of op(A): (rows, columns) of A or of Aᵀ.
    @inlinable
    internal func shape(transposed: Bool) -> (rows: Int, columns: Int) {
        transposed ? (columns, rows) : (rows, columns)
    }

    /// Leading dimension of the row-major storage as BLAS wants it (at least 1).
    @inlinable
    internal var leadingDimension: Int { Swift.max(1, columns) }

    /// General matrix product, BLAS `?gemm`: C ← α·op(A)·op(B) + β·C, where op(X) is Xᵀ when the
    /// matching `transpose` flag is set and X otherwise.
    ///
    /// op(A) must be m×k, op(B) k×n and C m×n. With β = 0 (the default) C is overwritten
    /// without being read. No transposed copy is made: the flags go to BLAS. Accuracy: each
    /// entry carries the usual inner-product bound |error| ≤ k·u·(|op(A)|·|op(B)|)ᵢⱼ + O(u²)
    /// with u the unit round-off (Higham, *Accuracy and Stability of Numerical Algorithms*,
    /// 2nd ed., §3.5).
    @inlinable
    public static func gemm(
        _ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false,
        alpha: Scalar = 1, beta: Scalar = 0, into c: inout Matrix
    ) {
        let (m, k) = a.shape(transposed: transposeA)
        let (kB, n) = b.shape(transposed: transposeB)
        precondition(
            k == kB,
            "gemm: op(A) is \(m)×\(k) but op(B) is \(kB)×\(n); inner dimensions differ")
        precondition(
            c.rows == m && c.columns == n,
            "gemm: op(A)·op(B) is \(m)×\(n) but C is \(c.rows)×\(c.columns)")
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            c.scale(by: beta)
            return
        }
        let (lda, ldb, ldc) = (a.leadingDimension, b.leadingDimension, c.leadingDimension)
        a.withUnsafeBufferPointer { aEntries in
            b.withUnsafeBufferPointer { bEntries in
                c.withUnsafeMutableBufferPointer { cEntries in
                    Scalar.blasGemm(
                        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                        alpha: alpha, a: aEntries.baseAddress!, lda: lda,
                        b: bEntries.baseAddress!, ldb: ldb,
                        beta: beta, c: cEntries.baseAddress!, ldc: ldc)
                }
            }
        }
    }

    /// The product α·op(A)·op(B) as a new matrix (see `gemm` for shapes and accuracy).
    @inlinable
    public static func product(
        _ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false,
        alpha: Scalar = 1
    ) -> Matrix {
        var c = Matrix(
            rows: a.shape(transposed: transposeA).rows,
            columns: b.shape(transposed: transposeB).columns)
        gemm(a, transposeA: transposeA, b, transposeB: transposeB, alpha: alpha, into: &c)
        return c
    }

    /// The matrix product A·B; A's columns must match B's rows.
    @inlinable
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        product(a, b)
    }

    /// Matrix–vector product, BLAS `?gemv`: y ← α·op(A)·x + β·y, op(A) = Aᵀ when `transposeA`.
    ///
    /// x needs as many entries as op(A) has columns, y as many as op(A) has rows. With β = 0
    /// (the default) y is overwritten without being read.
    @inlinable
    public static func gemv(
        _ a: Matrix, transposeA: Bool = false, _ x: [Scalar],
        alpha: Scalar = 1, beta: Scalar = 0, into y: inout [Scalar]
    ) {
        let (m, n) = a.shape(transposed: transposeA)
        precondition(
            x.count == n, "gemv: op(A) is \(m)×\(n) but x has \(x.count) entries")
        precondition(
            y.count == m, "gemv: op(A) is \(m)×\(n) but y has \(y.count) entries")
        guard m > 0 else { return }
        guard n > 0 else {
            y.scale(by: beta)
            return
        }
        let lda = a.leadingDimension
        a.withUnsafeBufferPointer { aEntries in
            x.withUnsafeBufferPointer { xEntries in
                y.withUnsafeMutableBufferPointer { yEntries in
                    Scalar.blasGemv(
                        transpose: transposeA, m: a.rows, n: a.columns,
                        alpha: alpha, a: aEntries.baseAddress!, lda: lda,
                        x: xEntries.baseAddress!, incx: 1,
                        beta: beta, y: yEntries.baseAddress!, incy: 1)
                }
            }
        }
    }

    /// The vector α·op(A)·x as a new array (see `gemv`).
    @inlinable
    public static func product(
        _ a: Matrix, transposeA: Bool = false, _ x: [Scalar], alpha: Scalar = 1
    ) -> [Scalar] {
        var y = [Scalar](repeating: 0, count: a.shape(transposed: transposeA).rows)
        gemv(a, transposeA: transposeA, x, alpha: alpha, into: &y)
        return y
    }

    /// The matrix–vector product A·x; x needs `columns` entries.
    @inlinable
    public static func * (a: Matrix, x: [Scalar]) -> [Scalar] {
        product(a, x)
    }

    /// Symmetric rank-k update, BLAS `?syrk`: C ← α·op(A)·op(A)ᵀ + β·C, with op(A) = Aᵀ when
    /// `transposeA`; so A·Aᵀ (inner products of rows) by default and Aᵀ·A (inner products of
    /// columns) with `transposeA`.
    ///
    /// BLAS computes the upper triangle only, half the work of `gemm`; this function then copies
    /// it into the lower triangle, so C is returned full and exactly symmetric. When β ≠ 0, C must
    /// be symmetric on entry (only its upper triangle is read).
    @inlinable
    public static func syrk(
        _ a: Matrix, transposeA: Bool = false, alpha: Scalar = 1, beta: Scalar = 0,
        into c: inout Matrix
    ) {
        let (n, k) = a.shape(transposed: transposeA)
        precondition(
            c.rows == n && c.columns == n,
            "syrk: op(A)·op(A)ᵀ is \(n)×\(n) but C is \(c.rows)×\(c.columns)")
        guard n > 0 else { return }
        guard k > 0 else {
            c.scale(by: beta)
            return
        }
        let lda = a.leadingDimension
        a.withUnsafeBufferPointer { aEntries in
            c.withUnsafeMutableBufferPointer { cEntries in
                Scalar.blasSyrkUpper(
                    transpose: transposeA, n: n, k: k,
                    alpha: alpha, a: aEntries.baseAddress!, lda: lda,
                    beta: beta, c: cEntries.baseAddress!, ldc: n)
                for i in 1..<n {
                    for j in 0..<i {
                        cEntries[i &* n &+ j] = cEntries[j &* n &+ i]
                    }
                }
            }
        }
    }

    /// The Gram matrix α·op(A)·op(A)ᵀ as a new full symmetric matrix (see `syrk`):
    /// `gram(a)` is A·Aᵀ, `gram(a, transposeA: true)` is Aᵀ·A.
    @inlinable
    public static func gram(_ a: Matrix, transposeA: Bool = false, alpha: Scalar = 1) -> Matrix {
        let n = a.shape(transposed: transposeA).rows
        var c = Matrix(rows: n, columns: n)
        syrk(a, transposeA: transposeA, alpha: alpha, into: &c)
        return c
    }
}
