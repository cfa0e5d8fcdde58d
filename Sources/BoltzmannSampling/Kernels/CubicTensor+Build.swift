import BoltzmannCore

extension CubicTensor {
    /// Examples converted per BLAS call (rows of the gathered block).
    static let blockRows = 2048

    /// Fills the pair rows with K_ijk and returns max |K| over distinct triples, or `nil` as soon
    /// as an entry does not fit in `Entry` (the caller then retries with a wider type).
    ///
    /// Method: with G = ηᵀη (N × N) and, for each k, the examples split by the sign of η_ak,
    ///
    ///     K_ijk = Σ_a η_ak η_ai η_aj = G_ij − 2 Σ_{a: η_ak = −1} η_ai η_aj
    ///                                = 2 Σ_{a: η_ak = +1} η_ai η_aj − G_ij,
    ///
    /// so slab k needs one `syrk` over the smaller of the two sets, restricted to columns
    /// i ≤ j < k (the triples i < j < k; the others follow by symmetry). Work:
    /// Σ_k min(M₊, M₋)·k² ≈ M·N³/3 · min(f, 1 − f) flops, plus one `syrk` of all M rows for G.
    ///
    /// Exactness: every BLAS operand is ±1 or an integer partial sum of at most M terms ±1, so
    /// the floating-point arithmetic is exact when M < 2²⁴ (`Float`) or M < 2⁵³ (`Double`); the
    /// combination G − 2S is done in `Int`. Each distinct triple i < j < k is written to its
    /// three pair rows (k, j)[i], (k, i)[j], (j, i)[k]; the entries (a, b)[a] and (a, b)[b]
    /// are zero.
    static func fill<Entry: FixedWidthInteger & SignedInteger>(
        _ entries: UnsafeMutablePointer<Entry>, examples: UnsafeBufferPointer<Int8>,
        exampleCount: Int, size: Int
    ) -> Int? {
        if exampleCount < 1 << 24 {
            return fill(entries, examples: examples, exampleCount: exampleCount, size: size, scalar: Float.self)
        }
        return fill(entries, examples: examples, exampleCount: exampleCount, size: size, scalar: Double.self)
    }

    private static func fill<Entry: FixedWidthInteger & SignedInteger, Scalar: BLASScalar>(
        _ entries: UnsafeMutablePointer<Entry>, examples: UnsafeBufferPointer<Int8>,
        exampleCount m: Int, size n: Int, scalar: Scalar.Type
    ) -> Int? {
        let eta = examples.baseAddress!
        // Zero the coincident-index entries of every row.
        for a in 1..<n {
            for b in 0..<a {
                let row = entries + rowOffset(a, b, size: n)
                row[a] = 0
                row[b] = 0
            }
        }
        let columns = transposed(eta, rows: m, columns: n)
        var gram = [Scalar](repeating: 0, count: n * n)
        var partial = [Scalar](repeating: 0, count: n * n)
        var block = [Scalar](repeating: 0, count: blockRows * n)
        let limit = Int(Entry.max)
        var largest = 0
        let fitted: Bool = gram.withUnsafeMutableBufferPointer { gramBuffer in
            partial.withUnsafeMutableBufferPointer { partialBuffer in
                block.withUnsafeMutableBufferPointer { blockBuffer in
                    columns.withUnsafeBufferPointer { columnBuffer in
                        let gram = gramBuffer.baseAddress!
                        let partial = partialBuffer.baseAddress!
                        let block = blockBuffer.baseAddress!
                        let columns = columnBuffer.baseAddress!
                        // G = ηᵀη, upper triangle.
                        var start = 0
                        while start < m {
                            let rows = min(blockRows, m - start)
                            convert(eta + start * n, count: rows * n, into: block)
                            Scalar.blasSyrkUpper(
                                transpose: true, n: n, k: rows, alpha: 1, a: block, lda: n,
                                beta: start == 0 ? 0 : 1, c: gram, ldc: n)
                            start += rows
                        }
                        for k in 2..<n {
                            let column = columns + k * m
                            var minusCount = 0
                            for a in 0..<m where column[a] < 0 { minusCount += 1 }
                            let useMinus = 2 * minusCount <= m
                            let selected: Int8 = useMinus ? -1 : 1
                            // S = Σ_{a selected} η_a[0..<k] η_a[0..<k]ᵀ, upper triangle, ldc = k.
                            for index in 0..<(k * k) { partial[index] = 0 }
                            var rows = 0
                            for a in 0..<m where column[a] == selected {
                                let source = eta + a * n
                                let target = block + rows * k
                                convert(source, count: k, into: target)
                                rows += 1
                                if rows == blockRows {
                                    Scalar.blasSyrkUpper(
                                        transpose: true, n: k, k: rows, alpha: 1, a: block, lda: k,
                                        beta: 1, c: partial, ldc: k)
                                    rows = 0
                                }
                            }
                            if rows > 0 {
                                Scalar.blasSyrkUpper(
                                    transpose: true, n: k, k: rows, alpha: 1, a: block, lda: k,
                                    beta: 1, c: partial, ldc: k)
                            }
                            let slab = rowOffset(k, 0, size: n)
                            for j in 1..<k {
                                let rowKJ = entries + slab + j * n
                                let rowJ = entries + rowOffset(j, 0, size: n)
                                for i in 0..<j {
                                    let g = integer(gram, i * n + j)
                                    let s = integer(partial, i * k + j)
                                    let value = useMinus ? g - 2 * s : 2 * s - g
                                    let magnitude = abs(value)
                                    if magnitude > limit { return false }
                                    if magnitude > largest { largest = magnitude }
                                    let entry = Entry(truncatingIfNeeded: value)
                                    rowKJ[i] = entry  // (k, j)[i]
                                    entries[slab + i * n + j] = entry  // (k, i)[j]
                                    rowJ[i * n + k] = entry  // (j, i)[k]
                                }
                            }
                        }
                        return true
                    }
                }
            }
        }
        return fitted ? largest : nil
    }

    /// ±1 values as `Float` or `Double` (concrete conversions; the generic ones are slow).
    @inline(__always)
    private static func convert<Scalar: BLASScalar>(
        _ source: UnsafePointer<Int8>, count: Int, into target: UnsafeMutablePointer<Scalar>
    ) {
        let raw = UnsafeMutableRawPointer(target)
        if Scalar.self == Float.self {
            let floats = raw.assumingMemoryBound(to: Float.self)
            for i in 0..<count { floats[i] = Float(source[i]) }
        } else {
            let doubles = raw.assumingMemoryBound(to: Double.self)
            for i in 0..<count { doubles[i] = Double(source[i]) }
        }
    }

    /// The exact integer held by a `Float` or `Double` element.
    @inline(__always)
    private static func integer<Scalar: BLASScalar>(_ values: UnsafeMutablePointer<Scalar>, _ index: Int) -> Int {
        let raw = UnsafeRawPointer(values)
        if Scalar.self == Float.self {
            return Int(raw.load(fromByteOffset: index &* 4, as: Float.self))
        }
        return Int(raw.load(fromByteOffset: index &* 8, as: Double.self))
    }

    /// The M × N row-major examples as N × M (column k of η contiguous).
    private static func transposed(_ eta: UnsafePointer<Int8>, rows m: Int, columns n: Int) -> [Int8] {
        [Int8](unsafeUninitializedCapacity: m * n) { buffer, initialized in
            let target = buffer.baseAddress!
            let tile = 64
            var a0 = 0
            while a0 < m {
                let a1 = min(a0 + tile, m)
                for i in 0..<n {
                    for a in a0..<a1 { target[i * m + a] = eta[a * n + i] }
                }
                a0 = a1
            }
            initialized = m * n
        }
    }
}
