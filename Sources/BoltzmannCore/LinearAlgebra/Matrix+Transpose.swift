extension Matrix {
    /// The transpose Aᵀ, a `columns`×`rows` matrix with (Aᵀ)ᵢⱼ = Aⱼᵢ.
    ///
    /// Uses OpenBLAS's cache-blocked out-of-place copy (`cblas_?omatcopy`); O(rows·columns).
    /// Products with a transpose do not need it: pass `transposeA`/`transposeB` to `gemm`.
    @inlinable
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        guard rows > 0, columns > 0 else { return result }
        withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                Scalar.blasTransposeCopy(
                    rows: rows, columns: columns, a: source.baseAddress!, lda: columns,
                    b: target.baseAddress!, ldb: rows)
            }
        }
        return result
    }
}
