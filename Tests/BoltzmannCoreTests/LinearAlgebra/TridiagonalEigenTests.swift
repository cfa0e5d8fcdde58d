import Testing
import BoltzmannCore

@Suite("Tridiagonal eigen-solver (stev)")
struct TridiagonalEigenTests {
    @Test("discrete Laplacian: eigenvalues 2 − 2cos(kπ/(n+1)), eigenvectors √(2/(n+1))·sin(jkπ/(n+1))",
          arguments: [2, 10, 100])
    func laplacian(n: Int) throws {
        let (values, vectors) = try TridiagonalEigen.decompose(
            diagonal: [Double](repeating: 2, count: n),
            offDiagonal: [Double](repeating: -1, count: n - 1))
        let h = Double.pi / Double(n + 1)
        let exact = (1...n).map { 2 - 2 * Double.cos(Double($0) * h) }
        #expect(LinearAlgebraReference.maxDifference(values, exact) < 1e-13)
        let normalisation = (2 / Double(n + 1)).squareRoot()
        var worst = 0.0
        for k in 0..<n {
            let sign: Double = vectors[0, k] < 0 ? -1 : 1  // eigenvectors are defined up to sign
            for j in 0..<n {
                let expected = normalisation * Double.sin(Double((j + 1) * (k + 1)) * h)
                worst = max(worst, abs(sign * vectors[j, k] - expected))
            }
        }
        #expect(worst < 1e-12)
        let valuesOnly = try TridiagonalEigen.eigenvalues(
            diagonal: [Double](repeating: 2, count: n), offDiagonal: [Double](repeating: -1, count: n - 1))
        #expect(LinearAlgebraReference.maxDifference(valuesOnly, exact) < 1e-13)
    }

    @Test("Golub–Welsch for 3-point Gauss–Hermite: nodes 0, ±√(3/2), weights √π·(1/6, 2/3, 1/6)")
    func gaussHermite() throws {
        // Jacobi matrix of the weight e^{−x²}: zero diagonal, off-diagonal √(k/2), μ₀ = √π.
        let (nodes, vectors) = try TridiagonalEigen.decompose(
            diagonal: [0.0, 0, 0], offDiagonal: [Double(0.5).squareRoot(), 1])
        let root = Double(1.5).squareRoot()
        #expect(LinearAlgebraReference.maxDifference(nodes, [-root, 0, root]) < 1e-15)
        let weights = (0..<3).map { Double.pi.squareRoot() * vectors[0, $0] * vectors[0, $0] }
        let exact = [1.0 / 6, 2.0 / 3, 1.0 / 6].map { $0 * Double.pi.squareRoot() }
        #expect(LinearAlgebraReference.maxDifference(weights, exact) < 1e-15)
    }

    @Test("Float solver, a non-constant diagonal, and agreement with the dense solver")
    func againstDense() throws {
        let n = 40
        let d = LinearAlgebraReference.randomVector(Double.self, count: n, seed: 71)
        let e = LinearAlgebraReference.randomVector(Double.self, count: n - 1, seed: 72)
        let dense = Matrix<Double>(rows: n, columns: n) { i, j in
            i == j ? d[i] : (abs(i - j) == 1 ? e[min(i, j)] : 0)
        }
        let denseValues = try SymmetricEigen.eigenvalues(of: dense)
        let (values, vectors) = try TridiagonalEigen.decompose(diagonal: d, offDiagonal: e)
        #expect(LinearAlgebraReference.maxDifference(values, denseValues) < 1e-13)
        let av = LinearAlgebraReference.product(dense, transposeA: false, vectors, transposeB: false)
        var worst = 0.0
        for j in 0..<n {
            for i in 0..<n { worst = max(worst, abs(av[i][j] - values[j] * vectors[i, j])) }
        }
        #expect(worst < 1e-13)
        let floatValues = try TridiagonalEigen.eigenvalues(
            diagonal: d.map { Float($0) }, offDiagonal: e.map { Float($0) })
        #expect(LinearAlgebraReference.maxDifference(floatValues, denseValues) < 1e-5)
    }

    @Test("n = 0 and n = 1, and non-finite input")
    func edgeCases() throws {
        let empty = try TridiagonalEigen.decompose(diagonal: [Double](), offDiagonal: [])
        #expect(empty.values.isEmpty && empty.vectors.count == 0)
        let one = try TridiagonalEigen.decompose(diagonal: [4.5], offDiagonal: [])
        #expect(one.values == [4.5] && one.vectors.elements == [1])
        #expect(throws: LinearAlgebraError.nonFiniteInput(routine: "TridiagonalEigen (stev)")) {
            try TridiagonalEigen.eigenvalues(diagonal: [1.0, 2], offDiagonal: [.nan])
        }
    }
}
