import BoltzmannCore

/// The shape and a 64-bit hash of a training matrix, saved with the training state so that a
/// resumed run refuses different data (which would silently break "resumed = uninterrupted").
///
/// Hash: each Float's bit pattern is folded in as h ← mix(h ⊕ bits) with the SplitMix64 finaliser
/// (a bijection), so any changed entry or order changes the hash except with probability ≈ 2⁻⁶⁴.
struct DataFingerprint: Sendable, Codable, Equatable {
    var rows: Int
    var columns: Int
    var hash: UInt64

    init(_ data: Matrix<Float>) {
        rows = data.rows
        columns = data.columns
        hash = data.withUnsafeBufferPointer { values in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for value in values {
                h = SplitMix64.mix(h ^ UInt64(value.bitPattern))
            }
            return h
        }
    }
}
