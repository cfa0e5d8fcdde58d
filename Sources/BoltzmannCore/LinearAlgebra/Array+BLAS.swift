// Vectors in BoltzmannCore are plain `[Float]` / `[Double]` arrays: they already have value
// semantics, contiguous storage and every collection algorithm, so a wrapper type would add
// conversions and nothing else. This file gives them the BLAS level-1 operations. Length
// mismatches are programmer errors and trap with a message.

extension Array where Element: BLASScalar {
    /// The inner product Σᵢ xᵢ·yᵢ (BLAS `?dot`); `other` must have the same count.
    /// Accuracy: |error| ≤ n·u·Σᵢ|xᵢ·yᵢ| + O(u²) (Higham, *Accuracy and Stability of Numerical
    /// Algorithms*, 2nd ed., §3.1). The empty inner product is 0.
    @inlinable
    public func dot(_ other: [Element]) -> Element {
        precondition(
            count == other.count, "dot: vectors have \(count) and \(other.count) entries")
        guard !isEmpty else { return 0 }
        return withUnsafeBufferPointer { x in
            other.withUnsafeBufferPointer { y in
                Element.blasDot(n: x.count, x: x.baseAddress!, incx: 1, y: y.baseAddress!, incy: 1)
            }
        }
    }

    /// y ← α·x + y in place (BLAS `?axpy`), with `self` as y; `x` must have the same count.
    @inlinable
    public mutating func addScaled(_ x: [Element], by alpha: Element) {
        precondition(count == x.count, "axpy: vectors have \(count) and \(x.count) entries")
        guard !isEmpty else { return }
        x.withUnsafeBufferPointer { source in
            withUnsafeMutableBufferPointer { target in
                Element.blasAxpy(
                    n: source.count, alpha: alpha, x: source.baseAddress!, incx: 1,
                    y: target.baseAddress!, incy: 1)
            }
        }
    }

    /// x ← α·x in place (BLAS `?scal`). With α = 0 every entry becomes 0, NaN included.
    @inlinable
    public mutating func scale(by alpha: Element) {
        guard !isEmpty, alpha != 1 else { return }
        guard alpha != 0 else {
            self = Array(repeating: 0, count: count)
            return
        }
        withUnsafeMutableBufferPointer { entries in
            Element.blasScal(n: entries.count, alpha: alpha, x: entries.baseAddress!, incx: 1)
        }
    }

    /// The Euclidean norm ‖x‖₂ = (Σᵢ xᵢ²)^½ (BLAS `?nrm2`, scaled so that the squares neither
    /// overflow nor underflow). The empty vector has norm 0.
    @inlinable
    public var euclideanNorm: Element {
        guard !isEmpty else { return 0 }
        return withUnsafeBufferPointer { x in
            Element.blasNrm2(n: x.count, x: x.baseAddress!, incx: 1)
        }
    }
}
