import Testing
import BoltzmannCore

/// Shapes (m, k, n) of op(A) m×k times op(B) k×n: square, non-square, thin, and sizes that are
/// not multiples of OpenBLAS's block sizes.
private let productShapes = [(1, 1, 1), (7, 13, 5), (1, 9, 4), (6, 1, 8), (65, 33, 47), (128, 64, 96)]
private let transposeFlags = [(false, false), (true, false), (false, true), (true, true)]

@Suite("BLAS products against triple loops")
struct MatrixProductTests {
    /// A matrix that op(·) turns into `rows`×`columns`.
    private func operand<S: BLASScalar>(
        _ type: S.Type, rows: Int, columns: Int, transposed: Bool, seed: UInt64
    ) -> Matrix<S> {
        transposed
            ? LinearAlgebraReference.randomMatrix(type, rows: columns, columns: rows, seed: seed)
            : LinearAlgebraReference.randomMatrix(type, rows: rows, columns: columns, seed: seed)
    }

    /// α·op(A)·op(B) + β·C against the reference for one precision; returns the largest error
    /// relative to the tolerance k·u (entries of A, B, C are bounded by 1 in magnitude).
    private func gemmError<S: BLASScalar>(
        _ type: S.Type, shape: (Int, Int, Int), flags: (Bool, Bool)
    ) -> Double {
        let (m, k, n) = shape
        let a = operand(type, rows: m, columns: k, transposed: flags.0, seed: 1)
        let b = operand(type, rows: k, columns: n, transposed: flags.1, seed: 2)
        let c0 = LinearAlgebraReference.randomMatrix(type, rows: m, columns: n, seed: 3)
        let (alpha, beta) = (S(0.75), S(-1.5))
        var c = c0
        Matrix.gemm(a, transposeA: flags.0, b, transposeB: flags.1, alpha: alpha, beta: beta, into: &c)
        let ab = LinearAlgebraReference.product(a, transposeA: flags.0, b, transposeB: flags.1)
        let expected = (0..<m).map { i in
            (0..<n).map { j in Double(alpha) * ab[i][j] + Double(beta) * Double(c0[i, j]) }
        }
        let tolerance = Double(k + 2) * Double(S.ulpOfOne) * 2
        return LinearAlgebraReference.maxDifference(c, expected) / tolerance
    }

    @Test("gemm with α, β and every transpose combination, Double", arguments: productShapes)
    func gemmDouble(shape: (Int, Int, Int)) {
        for flags in transposeFlags {
            #expect(gemmError(Double.self, shape: shape, flags: flags) < 1, "flags \(flags)")
        }
    }

    @Test("gemm with α, β and every transpose combination, Float", arguments: productShapes)
    func gemmFloat(shape: (Int, Int, Int)) {
        for flags in transposeFlags {
            #expect(gemmError(Float.self, shape: shape, flags: flags) < 1, "flags \(flags)")
        }
    }

    @Test("product and * allocate the result; a zero inner dimension gives β·C")
    func productConvenience() throws {
        let a = try Matrix<Double>([[1, 2, 3], [4, 5, 6]])
        let b = try Matrix<Double>([[1, 0], [0, 1], [1, 1]])
        #expect((a * b).elements == [4, 5, 10, 11])
        #expect(Matrix.product(a, transposeA: true, a, alpha: 2).elements
            == [34, 44, 54, 44, 58, 72, 54, 72, 90])
        var c = Matrix<Double>(rows: 2, columns: 2, repeating: .nan)
        Matrix.gemm(Matrix(rows: 2, columns: 0), Matrix(rows: 0, columns: 2), into: &c)
        #expect(c.elements == [0, 0, 0, 0])
        var d = Matrix<Double>(rows: 2, columns: 2, repeating: 3)
        Matrix.gemm(Matrix(rows: 2, columns: 0), Matrix(rows: 0, columns: 2), beta: 2, into: &d)
        #expect(d.elements == [6, 6, 6, 6])
    }

    @Test("gemm with β = 0 ignores NaN in C")
    func gemmBetaZeroOverwrites() {
        let a = LinearAlgebraReference.randomMatrix(Double.self, rows: 4, columns: 3, seed: 5)
        var c = Matrix<Double>(rows: 4, columns: 4, repeating: .nan)
        Matrix.gemm(a, a, transposeB: true, into: &c)
        #expect(c.elements.allSatisfy { $0.isFinite })
    }

    private func gemvError<S: BLASScalar>(_ type: S.Type, m: Int, n: Int, transposeA: Bool) -> Double {
        let a = LinearAlgebraReference.randomMatrix(type, rows: m, columns: n, seed: 21)
        let (rows, columns) = transposeA ? (n, m) : (m, n)
        let x = LinearAlgebraReference.randomVector(type, count: columns, seed: 22)
        let y0 = LinearAlgebraReference.randomVector(type, count: rows, seed: 23)
        var y = y0
        Matrix.gemv(a, transposeA: transposeA, x, alpha: 2, beta: 0.5, into: &y)
        let expected = (0..<rows).map { i in
            var sum = 0.0
            for j in 0..<columns {
                sum += LinearAlgebraReference.entry(a, transposed: transposeA, i, j) * Double(x[j])
            }
            return 2 * sum + 0.5 * Double(y0[i])
        }
        let tolerance = Double(columns + 2) * Double(S.ulpOfOne) * 4
        return LinearAlgebraReference.maxDifference(y, expected) / tolerance
    }

    @Test("gemv with and without transpose, Float and Double",
          arguments: [(1, 1), (5, 9), (9, 5), (70, 33), (1, 40)])
    func gemv(shape: (Int, Int)) {
        for transposeA in [false, true] {
            #expect(gemvError(Double.self, m: shape.0, n: shape.1, transposeA: transposeA) < 1)
            #expect(gemvError(Float.self, m: shape.0, n: shape.1, transposeA: transposeA) < 1)
        }
    }

    @Test("A·x and product(transposeA:) on a small exact case")
    func gemvConvenience() throws {
        let a = try Matrix<Float>([[1, 2], [3, 4], [5, 6]])
        #expect(a * [1, -1] == [-1, -1, -1])
        #expect(Matrix.product(a, transposeA: true, [1, 1, 1]) == [9, 12])
    }

    private func syrkError<S: BLASScalar>(_ type: S.Type, n: Int, k: Int, transposeA: Bool) -> Double {
        let a = transposeA
            ? LinearAlgebraReference.randomMatrix(type, rows: k, columns: n, seed: 31)
            : LinearAlgebraReference.randomMatrix(type, rows: n, columns: k, seed: 31)
        var c = LinearAlgebraReference.randomMatrix(type, rows: n, columns: n, seed: 32)
        c = c + c.transposed()  // symmetric on entry, as β ≠ 0 requires
        let c0 = c
        Matrix.syrk(a, transposeA: transposeA, alpha: -0.5, beta: 2, into: &c)
        let aat = LinearAlgebraReference.product(a, transposeA: transposeA, a, transposeB: !transposeA)
        let expected = (0..<n).map { i in
            (0..<n).map { j in -0.5 * aat[i][j] + 2 * Double(c0[i, j]) }
        }
        let tolerance = Double(k + 4) * Double(S.ulpOfOne) * 4
        return LinearAlgebraReference.maxDifference(c, expected) / tolerance
    }

    @Test("syrk returns the full symmetric α·op(A)·op(A)ᵀ + β·C, both forms",
          arguments: [(1, 1), (6, 11), (11, 6), (50, 20), (33, 70)])
    func syrk(shape: (Int, Int)) {
        for transposeA in [false, true] {
            #expect(syrkError(Double.self, n: shape.0, k: shape.1, transposeA: transposeA) < 1)
            #expect(syrkError(Float.self, n: shape.0, k: shape.1, transposeA: transposeA) < 1)
        }
    }

    @Test("gram is exactly symmetric and matches A·Aᵀ and Aᵀ·A")
    func gram() throws {
        let a = try Matrix<Double>([[1, 2, 3], [4, 5, 6]])
        #expect(Matrix.gram(a).elements == [14, 32, 32, 77])
        #expect(Matrix.gram(a, transposeA: true, alpha: 2).elements
            == [34, 44, 54, 44, 58, 72, 54, 72, 90])
        let big = LinearAlgebraReference.randomMatrix(Float.self, rows: 40, columns: 17, seed: 4)
        let g = Matrix.gram(big)
        #expect(g == g.transposed())
    }

    @Test("dot, axpy, scale and norm against plain loops", arguments: [1, 7, 100, 1000])
    func levelOne(count: Int) {
        let x = LinearAlgebraReference.randomVector(Double.self, count: count, seed: 41)
        let y = LinearAlgebraReference.randomVector(Double.self, count: count, seed: 42)
        let expectedDot = zip(x, y).reduce(0.0) { $0 + $1.0 * $1.1 }
        let tolerance = Double(count) * .ulpOfOne * 2
        #expect(abs(x.dot(y) - expectedDot) < tolerance)
        var z = y
        z.addScaled(x, by: -3)
        #expect(LinearAlgebraReference.maxDifference(z, zip(x, y).map { $1 - 3 * $0 }) < 1e-15)
        var w = x
        w.scale(by: 0.25)
        #expect(w == x.map { 0.25 * $0 })
        let expectedNorm = x.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(x.euclideanNorm - expectedNorm) < tolerance)

        let xf = LinearAlgebraReference.randomVector(Float.self, count: count, seed: 43)
        let yf = LinearAlgebraReference.randomVector(Float.self, count: count, seed: 44)
        let expectedDotF = zip(xf, yf).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        #expect(abs(Double(xf.dot(yf)) - expectedDotF) < Double(count) * Double(Float.ulpOfOne) * 2)
    }

    @Test("level-1 edge cases: empty vectors, scaling by 0 clears NaN, huge norms do not overflow")
    func levelOneEdgeCases() {
        let empty: [Double] = []
        #expect(empty.dot(empty) == 0 && empty.euclideanNorm == 0)
        var withNaN: [Double] = [.nan, 1]
        withNaN.scale(by: 0)
        #expect(withNaN == [0, 0])
        let huge: [Double] = [3e200, 4e200]
        #expect(abs(huge.euclideanNorm / 5e200 - 1) < 1e-15)
    }

    @Test("matrix sums, differences, scaling and Frobenius norm")
    func arithmetic() throws {
        let a = try Matrix<Double>([[1, 2], [3, 4]])
        let b = try Matrix<Double>([[0.5, -1], [2, 0]])
        #expect((a + b).elements == [1.5, 1, 5, 4])
        #expect((a - b).elements == [0.5, 3, 1, 4])
        #expect((2 * a).elements == [2, 4, 6, 8])
        var c = a
        c += b
        c -= a
        c *= 4
        #expect(c.elements == [2, -4, 8, 0])
        #expect(abs(a.frobeniusNorm - 30.0.squareRoot()) < 1e-15)
    }
}
