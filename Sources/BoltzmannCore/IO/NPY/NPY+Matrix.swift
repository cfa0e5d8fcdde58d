import Foundation

extension NPYArray {
    /// A 2-d array holding `matrix` (shape `[rows, columns]`, C order), of element type
    /// float32 or float64 after `Scalar`.
    public init<Scalar: BLASScalar & NPYElement>(_ matrix: Matrix<Scalar>) {
        self.init(shape: [matrix.rows, matrix.columns], values: matrix.elements)
    }

    /// The 2-d array as a `Matrix<Scalar>`, converted as `asFloats()` / `asDoubles()` convert
    /// (exact from float32 to `Double` and for small integers; float64 rounds to `Float`).
    ///
    /// - Throws: `BoltzmannError` naming the file when the array does not have two axes.
    public func asMatrix<Scalar: BLASScalar & NPYElement>(
        of type: Scalar.Type = Scalar.self
    ) throws -> Matrix<Scalar> {
        guard shape.count == 2 else {
            throw BoltzmannError(
                "expected a matrix (2 axes), but this is a \(self)",
                fix: shape.count == 1
                    ? "reshape it in NumPy before saving: a.reshape(1, -1) for a row, a.reshape(-1, 1) for a column"
                    : "save the 2-d array that is meant (e.g. a.reshape(a.shape[0], -1))",
                source: source)
        }
        let converted: [Scalar]
        if let exact = values(as: Scalar.self) {
            converted = exact
        } else if Scalar.self == Float.self, let floats = asFloats() as? [Scalar] {
            converted = floats
        } else {
            converted = asDoubles().map { Scalar($0) }
        }
        return try Matrix(rows: shape[0], columns: shape[1], elements: converted)
    }
}

extension NPY {
    /// Reads the 2-d `.npy` file at `url` as a `Matrix<Scalar>` (converting the element type).
    ///
    /// - Throws: `BoltzmannError` naming the file when it is malformed or not 2-d.
    public static func readMatrix<Scalar: BLASScalar & NPYElement>(
        _ type: Scalar.Type = Scalar.self, from url: URL
    ) throws -> Matrix<Scalar> {
        try read(from: url).asMatrix(of: type)
    }

    /// Writes `matrix` to `url` as a 2-d float32 or float64 `.npy` file (as `numpy.save` would).
    public static func write<Scalar: BLASScalar & NPYElement>(_ matrix: Matrix<Scalar>, to url: URL) throws {
        try write(NPYArray(matrix), to: url)
    }
}
