/// The element loop shared by the layers' mean and sampling kernels: for every entry (r, j) of a
/// row-major batch, `output[r, j] ← transform(inputs[r, j] + bias[j], output[r, j], j)`.
///
/// `transform` receives the field θ_j + I_rj, the current output entry (the uniform or normal
/// variate placed there before, or anything when unused) and the column (to read per-column
/// parameters). It is inlined, and the inner loop is branch-free for the layers' transforms, so
/// the compiler vectorises it.
@inline(__always)
func transformRows(
    rows: Int, columns: Int,
    inputs: UnsafePointer<Float>, bias: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
    _ transform: (_ field: Float, _ current: Float, _ column: Int) -> Float
) {
    for row in 0..<rows {
        let offset = row &* columns
        let input = inputs + offset
        let out = output + offset
        for column in 0..<columns {
            out[column] = transform(input[column] + bias[column], out[column], column)
        }
    }
}
