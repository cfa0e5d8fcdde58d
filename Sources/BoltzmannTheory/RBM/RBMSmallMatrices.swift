import BoltzmannCore
import RealModule

/// Products and spectral functions of the small (P ≤ 20) row-major square matrices of the RBM
/// theory. Spectral functions go through LAPACK `dsyevd` (``SymmetricEigen``); the matrices are
/// tiny, so plain loops are used for products.
enum RBMSmallMatrices {
    /// A·B for row-major A (r × k) and B (k × c).
    static func product(_ a: [Double], _ b: [Double], rows r: Int, inner k: Int, columns c: Int) -> [Double] {
        var result = [Double](repeating: 0, count: r * c)
        for i in 0..<r {
            for l in 0..<k {
                let a_il = a[i * k + l]
                if a_il == 0 { continue }
                for j in 0..<c { result[i * c + j] += a_il * b[l * c + j] }
            }
        }
        return result
    }

    /// Aᵀ for row-major A (r × c).
    static func transpose(_ a: [Double], rows r: Int, columns c: Int) -> [Double] {
        var result = [Double](repeating: 0, count: r * c)
        for i in 0..<r { for j in 0..<c { result[j * r + i] = a[i * c + j] } }
        return result
    }

    /// (A + Aᵀ)/2, to remove rounding asymmetry before a symmetric eigensolver.
    static func symmetrised(_ a: [Double], order n: Int) -> [Double] {
        var result = a
        for i in 0..<n { for j in 0..<n { result[i * n + j] = 0.5 * (a[i * n + j] + a[j * n + i]) } }
        return result
    }

    /// f(A) = V f(Λ) Vᵀ for symmetric A (n × n), or nil when LAPACK fails or A is not finite.
    static func spectralFunction(_ a: [Double], order n: Int, _ f: (Double) -> Double) -> (value: [Double], eigenvalues: [Double])? {
        let matrix = Matrix<Double>(rows: n, columns: n) { i, j in 0.5 * (a[i * n + j] + a[j * n + i]) }
        guard let (values, vectors) = try? SymmetricEigen.decompose(matrix) else { return nil }
        var result = [Double](repeating: 0, count: n * n)
        for k in 0..<n {
            let fk = f(values[k])
            for i in 0..<n {
                let vik = vectors[i, k] * fk
                for j in 0..<n { result[i * n + j] += vik * vectors[j, k] }
            }
        }
        return (result, values)
    }

    /// The positive semi-definite square root of symmetric A, negative eigenvalues (rounding, or an
    /// iterate outside the cone) clipped to 0.
    static func squareRoot(_ a: [Double], order n: Int) -> [Double]? {
        if n == 1 { return [max(a[0], 0).squareRoot()] }
        return spectralFunction(a, order: n) { max($0, 0).squareRoot() }?.value
    }

    /// Row-major n × n identity.
    static func identity(_ n: Int) -> [Double] {
        (0..<(n * n)).map { $0 / n == $0 % n ? 1 : 0 }
    }

    /// Rows of a row-major r × c matrix as a list of lists.
    static func rows(_ a: [Double], rows r: Int, columns c: Int) -> [[Double]] {
        (0..<r).map { i in Array(a[(i * c)..<((i + 1) * c)]) }
    }
}
