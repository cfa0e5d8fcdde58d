import BoltzmannCore

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

/// `transformRows` over whole matrices, with the pointer plumbing done once for every layer:
/// `output` takes the shape of `inputs`, `prepare` first fills it with the variates the
/// transform reads (uniforms for discrete units, normals for Gaussian ones; nothing for means).
@inline(__always)
func transformRows(
    _ inputs: Matrix<Float>, bias: [Float], into output: inout Matrix<Float>,
    prepare: (UnsafeMutableBufferPointer<Float>) -> Void = { _ in },
    _ transform: (_ field: Float, _ current: Float, _ column: Int) -> Float
) {
    resize(&output, rows: inputs.rows, columns: inputs.columns)
    inputs.withUnsafeBufferPointer { input in
        bias.withUnsafeBufferPointer { theta in
            output.withUnsafeMutableBufferPointer { out in
                guard let inputBase = input.baseAddress, let outputBase = out.baseAddress, let thetaBase = theta.baseAddress
                else { return }
                prepare(out)
                transformRows(
                    rows: inputs.rows, columns: inputs.columns, inputs: inputBase, bias: thetaBase, output: outputBase, transform)
            }
        }
    }
}
