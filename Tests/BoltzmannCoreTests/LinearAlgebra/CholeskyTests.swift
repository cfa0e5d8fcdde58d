import Testing
import BoltzmannCore

@Suite("Cholesky factorisation")
struct CholeskyTests {
    /// A fixed symmetric positive definite 5×5 matrix and its factor, log-determinant and the
    /// solution of A·x = (1, −2, 3, −4, 5), from numpy.linalg (cholesky, slogdet, solve).
    private let fixture: [[Double]] = [
        [4, 1, -2, 0.5, 0], [1, 5, 0, 1, -1], [-2, 0, 6, 2, 0.25], [0.5, 1, 2, 7, 3],
        [0, -1, 0.25, 3, 8],
    ]
    private let numpyFactor: [[Double]] = [
        [2.0, 0.0, 0.0, 0.0, 0.0],
        [0.5, 2.179449471770337, 0.0, 0.0, 0.0],
        [-1.0, 0.22941573387056174, 2.224268064117415, 0.0, 0.0],
        [0.25, 0.40147753427348304, 0.970159474774617, 2.41559648595926, 0.0],
        [0.0, -0.4588314677411235, 0.15972137694460156, 1.25404029056864, 2.488241490608974],
    ]
    private let numpyLogDeterminant = 8.130339744332442
    private let numpySolution = [
        1.1275001035239556, -0.09745055005728323, 1.3300941837941298, -1.5047229929005572,
        1.135524360336982,
    ]

    @Test("matches numpy's factor, log-determinant and solve on a fixed matrix")
    func numpyFixture() throws {
        let factor = try Cholesky(try Matrix<Double>(fixture))
        #expect(LinearAlgebraReference.maxDifference(factor.lower, numpyFactor) < 1e-14)
        #expect(abs(factor.logDeterminant - numpyLogDeterminant) < 1e-13)
        #expect(LinearAlgebraReference.maxDifference(factor.solve([1, -2, 3, -4, 5]), numpySolution) < 1e-13)
    }

    @Test("L·Lᵀ reconstructs a random SPD matrix; L is lower triangular with a positive diagonal",
          arguments: [1, 10, 50, 150])
    func reconstruction(n: Int) throws {
        let b = LinearAlgebraReference.randomMatrix(Double.self, rows: n, columns: n, seed: 61)
        var a = Matrix.gram(b)
        for i in 0..<n { a[i, i] += Double(n) }
        let l = try Cholesky(a).lower
        var upperIsZero = true
        for i in 0..<n {
            for j in (i + 1)..<n where l[i, j] != 0 { upperIsZero = false }
        }
        #expect(upperIsZero)
        #expect(l.diagonal.allSatisfy { $0 > 0 })
        let llt = LinearAlgebraReference.product(l, transposeA: false, l, transposeB: true)
        let scale = Double(n) * a.frobeniusNorm * .ulpOfOne
        #expect(LinearAlgebraReference.maxDifference(a, llt) < 10 * scale)
    }

    @Test("Float factors reconstruct to single precision")
    func float() throws {
        let n = 40
        let b = LinearAlgebraReference.randomMatrix(Float.self, rows: n, columns: n, seed: 62)
        var a = Matrix.gram(b, transposeA: true)
        for i in 0..<n { a[i, i] += Float(n) }
        let l = try Cholesky(a).lower
        let llt = LinearAlgebraReference.product(l, transposeA: false, l, transposeB: true)
        #expect(LinearAlgebraReference.maxDifference(a, llt) < Double(n) * Double(a.frobeniusNorm) * 1.2e-7)
    }

    @Test("only the lower triangle is read")
    func readsLowerTriangle() throws {
        var a = try Matrix<Double>(fixture)
        for i in 0..<5 {
            for j in (i + 1)..<5 { a[i, j] = .nan }
        }
        let factor = try Cholesky(a)
        #expect(LinearAlgebraReference.maxDifference(factor.lower, numpyFactor) < 1e-14)
    }

    @Test("an indefinite matrix is reported with the failing leading minor, not trapped")
    func indefiniteThrows() throws {
        // Leading minors: 1 > 0, then 1·1 − 2·2 = −3 < 0.
        let indefinite = try Matrix<Double>([[1, 2, 0], [2, 1, 0], [0, 0, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinor: 2)) {
            try Cholesky(indefinite)
        }
        // Positive semi-definite but singular: fails at order 2 as well.
        let singular = try Matrix<Float>([[1, 1], [1, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinor: 2)) {
            try Cholesky(singular)
        }
        let negative = Matrix<Double>(diagonal: [-1, 1])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinor: 1)) {
            try Cholesky(negative)
        }
    }

    @Test("NaN input is reported as non-finite")
    func nonFiniteThrows() throws {
        let a = try Matrix<Double>([[1, 0], [.nan, 1]])
        #expect(throws: LinearAlgebraError.nonFiniteInput(routine: "Cholesky (potrf)")) {
            try Cholesky(a)
        }
    }

    @Test("solve gives a small residual on a larger random system")
    func solveResidual() throws {
        let n = 120
        let b = LinearAlgebraReference.randomMatrix(Double.self, rows: n, columns: n, seed: 63)
        var a = Matrix.gram(b)
        for i in 0..<n { a[i, i] += 1 }
        let rhs = LinearAlgebraReference.randomVector(Double.self, count: n, seed: 64)
        let x = try Cholesky(a).solve(rhs)
        var residual = rhs
        Matrix.gemv(a, x, alpha: 1, beta: -1, into: &residual)
        #expect(residual.euclideanNorm < 1e-10 * a.frobeniusNorm * x.euclideanNorm)
    }
}
