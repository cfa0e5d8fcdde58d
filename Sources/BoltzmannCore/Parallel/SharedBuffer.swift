/// A fixed-size output array that parallel blocks write into at disjoint indices.
public final class SharedBuffer<Element>: @unchecked Sendable {
    public let pointer: UnsafeMutableBufferPointer<Element>

    public init(repeating value: Element, count: Int) {
        pointer = UnsafeMutableBufferPointer<Element>.allocate(capacity: count)
        pointer.initialize(repeating: value)
    }

    deinit {
        pointer.deinitialize()
        pointer.deallocate()
    }

    /// Writes element i; callers guarantee that no two threads write the same i.
    @inline(__always)
    public func write(_ value: Element, at i: Int) { pointer[i] = value }

    public var array: [Element] { Array(pointer) }
}
