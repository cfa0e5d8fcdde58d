import CLinearAlgebra
import RealModule

/// A real floating-point type for which OpenBLAS and LAPACKE provide routines: `Float` (the
/// `s`-prefixed routines) and `Double` (the `d`-prefixed ones).
///
/// Each requirement is a thin wrapper of one BLAS or LAPACK routine, so generic code such as
/// `Matrix<Scalar>` dispatches to single or double precision with no run-time cost. The wrappers
/// take row-major storage throughout; where the LAPACK routine is column-major, the wrapper
/// hands it the transposed view of the same memory (no copy) and its documentation says what the
/// memory holds on return.
///
/// Dimensions and strides are `Int` here and must fit in the 32-bit `blasint` of the Debian
/// OpenBLAS build (below 2³¹); a larger value traps on conversion. Pointers must be valid for the
/// extents the routine reads or writes; callers guarantee non-empty operands (an empty Swift
/// array has no base address). Reference: the BLAS and LAPACK user guides (Anderson et al.,
/// *LAPACK Users' Guide*, 3rd ed., SIAM 1999) and the CBLAS/LAPACKE headers.
public protocol BLASScalar: Real & BinaryFloatingPoint & Sendable {
    /// `?gemm`: C ← α·op(A)·op(B) + β·C with op(A) m×k, op(B) k×n, C m×n, row-major;
    /// `op(X) = Xᵀ` when the matching flag is set. With β = 0, C is not read (NaN in C is
    /// overwritten).
    static func blasGemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Self, a: UnsafePointer<Self>, lda: Int,
        b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)

    /// `?gemv`: y ← α·op(A)·x + β·y with A m×n row-major, `op(A) = Aᵀ` when `transpose`.
    static func blasGemv(
        transpose: Bool, m: Int, n: Int,
        alpha: Self, a: UnsafePointer<Self>, lda: Int,
        x: UnsafePointer<Self>, incx: Int,
        beta: Self, y: UnsafeMutablePointer<Self>, incy: Int)

    /// `?syrk` on the upper triangle: C ← α·A·Aᵀ + β·C (A n×k) or, when `transpose`,
    /// C ← α·Aᵀ·A + β·C (A k×n); C n×n row-major, only its upper triangle (i ≤ j) is touched.
    static func blasSyrkUpper(
        transpose: Bool, n: Int, k: Int,
        alpha: Self, a: UnsafePointer<Self>, lda: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)

    /// `?axpy`: y ← α·x + y over n strided elements.
    static func blasAxpy(
        n: Int, alpha: Self, x: UnsafePointer<Self>, incx: Int,
        y: UnsafeMutablePointer<Self>, incy: Int)

    /// `?dot`: Σᵢ xᵢ·yᵢ over n strided elements.
    static func blasDot(
        n: Int, x: UnsafePointer<Self>, incx: Int, y: UnsafePointer<Self>, incy: Int) -> Self

    /// `?scal`: x ← α·x over n strided elements.
    static func blasScal(n: Int, alpha: Self, x: UnsafeMutablePointer<Self>, incx: Int)

    /// `?nrm2`: the Euclidean norm (Σᵢ xᵢ²)^½, computed without overflow or underflow in the
    /// intermediate squares.
    static func blasNrm2(n: Int, x: UnsafePointer<Self>, incx: Int) -> Self

    /// `?trsv` with a lower-triangular, non-unit-diagonal n×n row-major L: x ← op(L)⁻¹·x, with
    /// op(L) = Lᵀ when `transpose`. The strict upper triangle of L is not read.
    static func blasTrsvLower(
        transpose: Bool, n: Int, l: UnsafePointer<Self>, ldl: Int,
        x: UnsafeMutablePointer<Self>, incx: Int)

    /// `cblas_?omatcopy` (an OpenBLAS extension): B ← Aᵀ for A `rows`×`columns` row-major,
    /// B `columns`×`rows` row-major. A and B must not overlap.
    static func blasTransposeCopy(
        rows: Int, columns: Int, a: UnsafePointer<Self>, lda: Int,
        b: UnsafeMutablePointer<Self>, ldb: Int)

    /// `?potrf`: Cholesky factorisation A = L·Lᵀ of the n×n row-major matrix in `a`, reading
    /// its lower triangle (i ≥ j) and overwriting it with L; the strict upper triangle is left
    /// as it was. Returns LAPACK's `info`: 0 on success, k > 0 when the leading minor of order
    /// k is not positive definite, k < 0 when argument −k was invalid.
    static func lapackPotrf(n: Int, a: UnsafeMutablePointer<Self>) -> Int

    /// `?syevd` (divide and conquer): eigenvalues of the symmetric n×n row-major matrix in `a`,
    /// reading its lower triangle (i ≥ j), into `values` in ascending order. With
    /// `computeVectors`, row i of `a` is overwritten by the unit eigenvector of `values[i]`
    /// (eigenvectors as rows); otherwise `a` is destroyed. Returns `info`: 0 on success, > 0
    /// when the algorithm failed to converge, < 0 for an invalid argument.
    static func lapackSyevd(
        computeVectors: Bool, n: Int, a: UnsafeMutablePointer<Self>,
        values: UnsafeMutablePointer<Self>) -> Int

    /// `?stev` (implicit QL/QR): eigenvalues of the symmetric tridiagonal matrix with diagonal
    /// `diagonal[0..<n]` and off-diagonal `offDiagonal[0..<n-1]`, written over `diagonal` in
    /// ascending order; `offDiagonal` is destroyed. With a non-nil `vectors` (n×n), row i
    /// receives the unit eigenvector of eigenvalue i (eigenvectors as rows). Returns `info`:
    /// 0 on success, > 0 when that many off-diagonals failed to converge, < 0 for an invalid
    /// argument. `offDiagonal` must point to at least one element even when n = 1.
    static func lapackStev(
        n: Int, diagonal: UnsafeMutablePointer<Self>, offDiagonal: UnsafeMutablePointer<Self>,
        vectors: UnsafeMutablePointer<Self>?) -> Int
}

// The LAPACK wrappers below are column-major calls on row-major memory: an n×n row-major buffer
// read column-major is the transpose of the matrix. For a symmetric matrix that is the matrix
// itself with the triangles swapped ('U' column-major = lower triangle row-major), and the
// column-major eigenvector matrix Z read row-major is Zᵀ, i.e. eigenvectors as rows. This avoids
// the transposing copies that LAPACKE's row-major path makes.

@inline(__always)
private func transposeFlag(_ transpose: Bool) -> CBLAS_TRANSPOSE {
    transpose ? CblasTrans : CblasNoTrans
}

/// A LAPACK option character ('U', 'V', 'N') as the C `char` LAPACKE takes.
@inline(__always)
private func option(_ character: Unicode.Scalar) -> CChar {
    CChar(bitPattern: UInt8(ascii: character))
}

extension Float: BLASScalar {
    public static func blasGemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeFlag(transposeA), transposeFlag(transposeB),
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb),
            beta, c, Int32(ldc))
    }

    public static func blasGemv(
        transpose: Bool, m: Int, n: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        x: UnsafePointer<Float>, incx: Int,
        beta: Float, y: UnsafeMutablePointer<Float>, incy: Int
    ) {
        cblas_sgemv(
            CblasRowMajor, transposeFlag(transpose), Int32(m), Int32(n), alpha, a, Int32(lda),
            x, Int32(incx), beta, y, Int32(incy))
    }

    public static func blasSyrkUpper(
        transpose: Bool, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_ssyrk(
            CblasRowMajor, CblasUpper, transposeFlag(transpose), Int32(n), Int32(k),
            alpha, a, Int32(lda), beta, c, Int32(ldc))
    }

    public static func blasAxpy(
        n: Int, alpha: Float, x: UnsafePointer<Float>, incx: Int,
        y: UnsafeMutablePointer<Float>, incy: Int
    ) {
        cblas_saxpy(Int32(n), alpha, x, Int32(incx), y, Int32(incy))
    }

    public static func blasDot(
        n: Int, x: UnsafePointer<Float>, incx: Int, y: UnsafePointer<Float>, incy: Int
    ) -> Float {
        cblas_sdot(Int32(n), x, Int32(incx), y, Int32(incy))
    }

    public static func blasScal(n: Int, alpha: Float, x: UnsafeMutablePointer<Float>, incx: Int) {
        cblas_sscal(Int32(n), alpha, x, Int32(incx))
    }

    public static func blasNrm2(n: Int, x: UnsafePointer<Float>, incx: Int) -> Float {
        cblas_snrm2(Int32(n), x, Int32(incx))
    }

    public static func blasTrsvLower(
        transpose: Bool, n: Int, l: UnsafePointer<Float>, ldl: Int,
        x: UnsafeMutablePointer<Float>, incx: Int
    ) {
        cblas_strsv(
            CblasRowMajor, CblasLower, transposeFlag(transpose), CblasNonUnit, Int32(n), l,
            Int32(ldl), x, Int32(incx))
    }

    public static func blasTransposeCopy(
        rows: Int, columns: Int, a: UnsafePointer<Float>, lda: Int,
        b: UnsafeMutablePointer<Float>, ldb: Int
    ) {
        cblas_somatcopy(
            CblasRowMajor, CblasTrans, Int32(rows), Int32(columns), 1, a, Int32(lda),
            b, Int32(ldb))
    }

    public static func lapackPotrf(n: Int, a: UnsafeMutablePointer<Float>) -> Int {
        Int(LAPACKE_spotrf(LAPACK_COL_MAJOR, option("U"), Int32(n), a, Int32(n)))
    }

    public static func lapackSyevd(
        computeVectors: Bool, n: Int, a: UnsafeMutablePointer<Float>,
        values: UnsafeMutablePointer<Float>
    ) -> Int {
        Int(LAPACKE_ssyevd(
            LAPACK_COL_MAJOR, option(computeVectors ? "V" : "N"), option("U"), Int32(n), a,
            Int32(n), values))
    }

    public static func lapackStev(
        n: Int, diagonal: UnsafeMutablePointer<Float>, offDiagonal: UnsafeMutablePointer<Float>,
        vectors: UnsafeMutablePointer<Float>?
    ) -> Int {
        Int(LAPACKE_sstev(
            LAPACK_COL_MAJOR, option(vectors == nil ? "N" : "V"), Int32(n), diagonal, offDiagonal,
            vectors, Int32(n)))
    }
}

extension Double: BLASScalar {
    public static func blasGemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int,
        b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dgemm(
            CblasRowMajor, transposeFlag(transposeA), transposeFlag(transposeB),
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb),
            beta, c, Int32(ldc))
    }

    public static func blasGemv(
        transpose: Bool, m: Int, n: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int,
        x: UnsafePointer<Double>, incx: Int,
        beta: Double, y: UnsafeMutablePointer<Double>, incy: Int
    ) {
        cblas_dgemv(
            CblasRowMajor, transposeFlag(transpose), Int32(m), Int32(n), alpha, a, Int32(lda),
            x, Int32(incx), beta, y, Int32(incy))
    }

    public static func blasSyrkUpper(
        transpose: Bool, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dsyrk(
            CblasRowMajor, CblasUpper, transposeFlag(transpose), Int32(n), Int32(k),
            alpha, a, Int32(lda), beta, c, Int32(ldc))
    }

    public static func blasAxpy(
        n: Int, alpha: Double, x: UnsafePointer<Double>, incx: Int,
        y: UnsafeMutablePointer<Double>, incy: Int
    ) {
        cblas_daxpy(Int32(n), alpha, x, Int32(incx), y, Int32(incy))
    }

    public static func blasDot(
        n: Int, x: UnsafePointer<Double>, incx: Int, y: UnsafePointer<Double>, incy: Int
    ) -> Double {
        cblas_ddot(Int32(n), x, Int32(incx), y, Int32(incy))
    }

    public static func blasScal(n: Int, alpha: Double, x: UnsafeMutablePointer<Double>, incx: Int) {
        cblas_dscal(Int32(n), alpha, x, Int32(incx))
    }

    public static func blasNrm2(n: Int, x: UnsafePointer<Double>, incx: Int) -> Double {
        cblas_dnrm2(Int32(n), x, Int32(incx))
    }

    public static func blasTrsvLower(
        transpose: Bool, n: Int, l: UnsafePointer<Double>, ldl: Int,
        x: UnsafeMutablePointer<Double>, incx: Int
    ) {
        cblas_dtrsv(
            CblasRowMajor, CblasLower, transposeFlag(transpose), CblasNonUnit, Int32(n), l,
            Int32(ldl), x, Int32(incx))
    }

    public static func blasTransposeCopy(
        rows: Int, columns: Int, a: UnsafePointer<Double>, lda: Int,
        b: UnsafeMutablePointer<Double>, ldb: Int
    ) {
        cblas_domatcopy(
            CblasRowMajor, CblasTrans, Int32(rows), Int32(columns), 1, a, Int32(lda),
            b, Int32(ldb))
    }

    public static func lapackPotrf(n: Int, a: UnsafeMutablePointer<Double>) -> Int {
        Int(LAPACKE_dpotrf(LAPACK_COL_MAJOR, option("U"), Int32(n), a, Int32(n)))
    }

    public static func lapackSyevd(
        computeVectors: Bool, n: Int, a: UnsafeMutablePointer<Double>,
        values: UnsafeMutablePointer<Double>
    ) -> Int {
        Int(LAPACKE_dsyevd(
            LAPACK_COL_MAJOR, option(computeVectors ? "V" : "N"), option("U"), Int32(n), a,
            Int32(n), values))
    }

    public static func lapackStev(
        n: Int, diagonal: UnsafeMutablePointer<Double>, offDiagonal: UnsafeMutablePointer<Double>,
        vectors: UnsafeMutablePointer<Double>?
    ) -> Int {
        Int(LAPACKE_dstev(
            LAPACK_COL_MAJOR, option(vectors == nil ? "N" : "V"), Int32(n), diagonal, offDiagonal,
            vectors, Int32(n)))
    }
}
