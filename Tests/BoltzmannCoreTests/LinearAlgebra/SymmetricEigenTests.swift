import Testing
import BoltzmannCore

@Suite("Symmetric eigen-decomposition (syevd)")
struct SymmetricEigenTests {
    /// max_j ‖A·v_j − λ_j·v_j‖₂ computed with plain loops, and max |VᵀV − I|.
    private func residuals(
        _ a: Matrix<Double>, _ values: [Double], _ vectors: Matrix<Double>
    ) -> (eigen: Double, orthonormality: Double) {
        let n = a.rows
        var worstResidual = 0.0
        for j in 0..<n {
            var squared = 0.0
            for i in 0..<n {
                var av = 0.0
                for l in 0..<n { av += a[i, l] * vectors[l, j] }
                let r = av - values[j] * vectors[i, j]
                squared += r * r
            }
            worstResidual = max(worstResidual, squared.squareRoot())
        }
        let vtv = LinearAlgebraReference.product(vectors, transposeA: true, vectors, transposeB: false)
        let identity = (0..<n).map { i in (0..<n).map { j in i == j ? 1.0 : 0.0 } }
        return (worstResidual, LinearAlgebraReference.maxDifference(Matrix<Double>(rows: n, columns: n) { vtv[$0][$1] }, identity))
    }

    @Test("random symmetric matrices: residuals below 1e-10, orthonormal vectors, ascending values",
          arguments: [50, 200])
    func randomSymmetric(n: Int) throws {
        let a = LinearAlgebraReference.randomSymmetric(order: n, seed: UInt64(n))
        let (values, vectors) = try SymmetricEigen.decompose(a)
        #expect(values.count == n && vectors.rows == n && vectors.columns == n)
        let (eigen, orthonormality) = residuals(a, values, vectors)
        #expect(eigen < 1e-10)
        #expect(orthonormality < 1e-12)
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 })
        // Invariants: Σλ = trace A and Σλ² = ‖A‖_F².
        let trace = (0..<n).reduce(0.0) { $0 + a[$1, $1] }
        #expect(abs(values.reduce(0, +) - trace) < 1e-10)
        let frobeniusSquared = a.elements.reduce(0.0) { $0 + $1 * $1 }
        #expect(abs(values.reduce(0.0) { $0 + $1 * $1 } - frobeniusSquared) < 1e-9)
        // eigenvalues(of:) runs the cheaper no-vector path and must agree.
        let valuesOnly = try SymmetricEigen.eigenvalues(of: a)
        #expect(LinearAlgebraReference.maxDifference(valuesOnly, values) < 1e-11)
    }

    @Test("matches numpy.linalg.eigvalsh on a fixed matrix, reading only the lower triangle")
    func numpyFixture() throws {
        var a = try Matrix<Double>([
            [4, 1, -2, 0.5, 0], [1, 5, 0, 1, -1], [-2, 0, 6, 2, 0.25], [0.5, 1, 2, 7, 3],
            [0, -1, 0.25, 3, 8],
        ])
        let numpy = [2.097451356941701, 3.1007757140434067, 6.569695951889857, 7.212664191914889, 11.019412785210143]
        for i in 0..<5 {
            for j in (i + 1)..<5 { a[i, j] = 1000 }  // garbage above the diagonal is ignored
        }
        #expect(LinearAlgebraReference.maxDifference(try SymmetricEigen.eigenvalues(of: a), numpy) < 1e-13)
        #expect(LinearAlgebraReference.maxDifference(try SymmetricEigen.decompose(a).values, numpy) < 1e-13)
    }

    @Test("dense discrete Laplacian has eigenvalues 2 − 2cos(kπ/(n+1))")
    func laplacian() throws {
        let n = 30
        let a = Matrix<Double>(rows: n, columns: n) { i, j in i == j ? 2 : (abs(i - j) == 1 ? -1 : 0) }
        let values = try SymmetricEigen.eigenvalues(of: a)
        let exact = (1...n).map { 2 - 2 * Double.cos(Double($0) * .pi / Double(n + 1)) }
        #expect(LinearAlgebraReference.maxDifference(values, exact) < 1e-13)
    }

    @Test("Float decomposition has single-precision residuals")
    func float() throws {
        let n = 60
        let d = LinearAlgebraReference.randomSymmetric(order: n, seed: 99)
        let a = Matrix<Float>(rows: n, columns: n) { Float(d[$0, $1]) }
        let (values, vectors) = try SymmetricEigen.decompose(a)
        let av = Matrix.product(a, vectors)
        var worst: Float = 0
        for j in 0..<n {
            for i in 0..<n { worst = max(worst, abs(av[i, j] - values[j] * vectors[i, j])) }
        }
        #expect(worst < 1e-4)
    }

    @Test("empty, 1×1 and non-finite inputs")
    func edgeCases() throws {
        #expect(try SymmetricEigen.eigenvalues(of: Matrix<Double>(rows: 0, columns: 0)).isEmpty)
        let one = try SymmetricEigen.decompose(Matrix<Double>(diagonal: [-3]))
        #expect(one.values == [-3] && abs(one.vectors[0, 0]) == 1)
        #expect(throws: LinearAlgebraError.nonFiniteInput(routine: "SymmetricEigen (syevd)")) {
            try SymmetricEigen.decompose(Matrix<Double>(diagonal: [1, .infinity]))
        }
    }
}
