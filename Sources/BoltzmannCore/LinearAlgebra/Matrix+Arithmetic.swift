// Entry-wise linear combinations of matrices through BLAS level 1 on the contiguous storage.
// Shapes must match exactly (a programmer error otherwise, trapping with a message).

extension Matrix {
    /// self ← α·x + self (BLAS `?axpy` over all entries); `x` must have the same shape.
    @inlinable
    public mutating func addScaled(_ x: Matrix, by alpha: Scalar) {
        precondition(
            rows == x.rows && columns == x.columns,
            "addScaled: shapes \(rows)×\(columns) and \(x.rows)×\(x.columns) differ")
        storage.addScaled(x.storage, by: alpha)
    }

    /// self ← α·self (BLAS `?scal`). With α = 0 every entry becomes 0, NaN included.
    @inlinable
    public mutating func scale(by alpha: Scalar) {
        storage.scale(by: alpha)
    }

    /// The Frobenius norm ‖A‖_F = (Σᵢⱼ Aᵢⱼ²)^½ (BLAS `?nrm2` over all entries).
    @inlinable
    public var frobeniusNorm: Scalar { storage.euclideanNorm }

    /// Entry-wise sum; the shapes must match.
    @inlinable
    public static func + (a: Matrix, b: Matrix) -> Matrix {
        var sum = a
        sum.addScaled(b, by: 1)
        return sum
    }

    /// Entry-wise difference; the shapes must match.
    @inlinable
    public static func - (a: Matrix, b: Matrix) -> Matrix {
        var difference = a
        difference.addScaled(b, by: -1)
        return difference
    }

    /// Adds `b` entry-wise; the shapes must match.
    @inlinable
    public static func += (a: inout Matrix, b: Matrix) {
        a.addScaled(b, by: 1)
    }

    /// Subtracts `b` entry-wise; the shapes must match.
    @inlinable
    public static func -= (a: inout Matrix, b: Matrix) {
        a.addScaled(b, by: -1)
    }

    /// Every entry multiplied by `factor`.
    @inlinable
    public static func * (factor: Scalar, a: Matrix) -> Matrix {
        var scaled = a
        scaled.scale(by: factor)
        return scaled
    }

    /// Multiplies every entry by `factor`.
    @inlinable
    public static func *= (a: inout Matrix, factor: Scalar) {
        a.scale(by: factor)
    }
}
