import BoltzmannCore

/// A tiny deterministic generator for the linear-algebra tests (SplitMix64, Steele, Lea &
/// Flood 2014), kept local so these tests do not depend on the library's Random module.
struct LinearAlgebraTestGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [−1, 1).
    mutating func symmetricUniform() -> Double {
        Double(next() >> 11) * 0x1p-52 - 1
    }
}

/// Plain-Swift references, written from the definitions with Double accumulation and no BLAS.
enum LinearAlgebraReference {
    static func randomMatrix<S: BLASScalar>(
        _: S.Type, rows: Int, columns: Int, seed: UInt64
    ) -> Matrix<S> {
        var generator = LinearAlgebraTestGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns) { _, _ in S(generator.symmetricUniform()) }
    }

    static func randomVector<S: BLASScalar>(_: S.Type, count: Int, seed: UInt64) -> [S] {
        var generator = LinearAlgebraTestGenerator(seed: seed)
        return (0..<count).map { _ in S(generator.symmetricUniform()) }
    }

    /// A random symmetric matrix with entries uniform in [−1, 1).
    static func randomSymmetric(order n: Int, seed: UInt64) -> Matrix<Double> {
        var a = randomMatrix(Double.self, rows: n, columns: n, seed: seed)
        for i in 0..<n {
            for j in 0..<i {
                a[i, j] = a[j, i]
            }
        }
        return a
    }

    /// Entry (i, j) of op(A), read through the subscript.
    static func entry<S: BLASScalar>(_ a: Matrix<S>, transposed: Bool, _ i: Int, _ j: Int) -> Double {
        Double(transposed ? a[j, i] : a[i, j])
    }

    /// op(A)·op(B) by the triple loop, in Double, as rows of entries.
    static func product<S: BLASScalar>(
        _ a: Matrix<S>, transposeA: Bool, _ b: Matrix<S>, transposeB: Bool
    ) -> [[Double]] {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        return (0..<m).map { i in
            (0..<n).map { j in
                var sum = 0.0
                for l in 0..<k {
                    sum += entry(a, transposed: transposeA, i, l) * entry(b, transposed: transposeB, l, j)
                }
                return sum
            }
        }
    }

    /// The largest |Mᵢⱼ − Rᵢⱼ|.
    static func maxDifference<S: BLASScalar>(_ m: Matrix<S>, _ reference: [[Double]]) -> Double {
        precondition(m.rows == reference.count)
        var largest = 0.0
        for i in 0..<m.rows {
            precondition(reference[i].count == m.columns)
            for j in 0..<m.columns {
                largest = max(largest, abs(Double(m[i, j]) - reference[i][j]))
            }
        }
        return largest
    }

    /// The largest |xᵢ − yᵢ|.
    static func maxDifference<S: BLASScalar>(_ x: [S], _ y: [Double]) -> Double {
        precondition(x.count == y.count)
        return zip(x, y).map { abs(Double($0) - $1) }.max() ?? 0
    }
}
