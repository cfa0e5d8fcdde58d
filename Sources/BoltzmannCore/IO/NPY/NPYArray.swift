/// An n-dimensional array as stored in a NumPy `.npy` file: a shape, an element type, and the
/// values in C (row-major) order, last index fastest.
///
/// A 0-d array (`shape == []`) holds one value; an array with a zero in its shape holds none.
///
///     let weights = try NPY.read(from: url)          // e.g. shape [784, 500], float32
///     let w = weights.asDoubles()                     // converted, row-major
///     let spins = try NPY.read(from: spinsURL).asInt8s()  // throws if a value is not ±1-like
public struct NPYArray: Sendable, Equatable, CustomStringConvertible {
    /// The values, one case per supported element type, in C order.
    public enum Storage: Sendable, Equatable {
        case float32([Float])
        case float64([Double])
        case int8([Int8])
        case int32([Int32])
        case uint8([UInt8])
        case int64([Int64])
        case bool([Bool])
    }

    /// Length along each axis; `[]` for a 0-d (scalar) array.
    public let shape: [Int]
    /// The values in C order; their count is the product of `shape`.
    public let storage: Storage
    /// The file the array was read from, named in conversion errors. Not part of equality.
    public var source: String?

    /// An array of `shape` holding `storage` in C order.
    ///
    /// - Precondition: the shape has no negative lengths and its product equals the number of
    ///   stored values (a programmer error otherwise; file input is checked by `NPY.decode`).
    public init(shape: [Int], storage: Storage, source: String? = nil) {
        precondition(shape.allSatisfy { $0 >= 0 }, "NPYArray: negative length in shape \(shape)")
        let count = shape.reduce(1, *)
        precondition(
            count == storage.count,
            "NPYArray: shape \(shape) needs \(count) values, storage holds \(storage.count)")
        self.shape = shape
        self.storage = storage
        self.source = source
    }

    /// An array of `shape` holding `values` in C order, with the element type of `Element`.
    public init<Element: NPYElement>(shape: [Int], values: [Element], source: String? = nil) {
        self.init(shape: shape, storage: Element.npyStorage(values), source: source)
    }

    /// The element type.
    public var dataType: NPYDataType { storage.dataType }

    /// The number of values: the product of `shape` (1 for a 0-d array).
    public var count: Int { storage.count }

    /// The stored values if the element type is exactly `Element`, without conversion;
    /// otherwise `nil`.
    public func values<Element: NPYElement>(as type: Element.Type) -> [Element]? {
        Element.npyValues(in: storage)
    }

    /// The values as `Double`, in C order.
    ///
    /// Exact for every type except `int64` values beyond ±2⁵³, which round to the nearest
    /// `Double`. Booleans become 0 and 1.
    public func asDoubles() -> [Double] {
        switch storage {
        case .float64(let values): values
        case .float32(let values): values.map { Double($0) }
        case .int8(let values): values.map { Double($0) }
        case .int32(let values): values.map { Double($0) }
        case .uint8(let values): values.map { Double($0) }
        case .int64(let values): values.map { Double($0) }
        case .bool(let values): values.map { $0 ? 1 : 0 }
        }
    }

    /// The values as `Float`, in C order.
    ///
    /// `float64` values and integers beyond ±2²⁴ round to the nearest `Float` (values beyond
    /// Float's range become ±infinity). Booleans become 0 and 1.
    public func asFloats() -> [Float] {
        switch storage {
        case .float32(let values): values
        case .float64(let values): values.map { Float($0) }
        case .int8(let values): values.map { Float($0) }
        case .int32(let values): values.map { Float($0) }
        case .uint8(let values): values.map { Float($0) }
        case .int64(let values): values.map { Float($0) }
        case .bool(let values): values.map { $0 ? 1 : 0 }
        }
    }

    /// The values as `Int32`, in C order, converted exactly.
    ///
    /// - Throws: `BoltzmannError` naming the first value (and its index) that is not an integer
    ///   in Int32's range, e.g. 0.5, NaN or 2³¹.
    public func asInt32s() throws -> [Int32] {
        switch storage {
        case .int32(let values): return values
        case .int8(let values): return values.map { Int32($0) }
        case .uint8(let values): return values.map { Int32($0) }
        case .bool(let values): return values.map { $0 ? 1 : 0 }
        case .int64(let values): return try exactConversion(values) { Int32(exactly: $0) }
        case .float32(let values): return try exactConversion(values) { Int32(exactly: $0) }
        case .float64(let values): return try exactConversion(values) { Int32(exactly: $0) }
        }
    }

    /// The values as `Int8`, in C order, converted exactly (the natural type for ±1 spins).
    ///
    /// - Throws: `BoltzmannError` naming the first value (and its index) that is not an integer
    ///   in −128…127.
    public func asInt8s() throws -> [Int8] {
        switch storage {
        case .int8(let values): return values
        case .bool(let values): return values.map { $0 ? 1 : 0 }
        case .uint8(let values): return try exactConversion(values) { Int8(exactly: $0) }
        case .int32(let values): return try exactConversion(values) { Int8(exactly: $0) }
        case .int64(let values): return try exactConversion(values) { Int8(exactly: $0) }
        case .float32(let values): return try exactConversion(values) { Int8(exactly: $0) }
        case .float64(let values): return try exactConversion(values) { Int8(exactly: $0) }
        }
    }

    /// The position of the value at C-order offset `offset`, one index per axis.
    ///
    /// - Precondition: `0 <= offset < count`.
    public func index(ofOffset offset: Int) -> [Int] {
        precondition(offset >= 0 && offset < count, "NPYArray: offset \(offset) out of range")
        var remainder = offset
        var index = [Int](repeating: 0, count: shape.count)
        for axis in shape.indices.reversed() {
            index[axis] = remainder % shape[axis]
            remainder /= shape[axis]
        }
        return index
    }

    /// "float32 array of shape (2, 3)".
    public var description: String {
        "\(dataType) array of shape \(NPYArray.pythonTuple(shape))"
    }

    /// Two arrays are equal when their shapes and values are (so NaN ≠ NaN); `source` is ignored.
    public static func == (lhs: NPYArray, rhs: NPYArray) -> Bool {
        lhs.shape == rhs.shape && lhs.storage == rhs.storage
    }

    /// A shape as NumPy prints it: `()`, `(3,)`, `(2, 3)`.
    static func pythonTuple(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    private func exactConversion<Value, Target>(
        _ values: [Value], _ convert: (Value) -> Target?
    ) throws -> [Target] {
        var result = [Target]()
        result.reserveCapacity(values.count)
        for (offset, value) in values.enumerated() {
            guard let converted = convert(value) else {
                let position = index(ofOffset: offset).map(String.init).joined(separator: ", ")
                throw BoltzmannError(
                    "value \(value) at index [\(position)] of this \(self) is not an integer "
                        + "that fits in \(Target.self)",
                    fix: "convert the array in NumPy before saving it (e.g. "
                        + "np.save(path, np.rint(a).astype(np.\(String(describing: Target.self).lowercased())))), "
                        + "or read it as floating point",
                    source: source)
            }
            result.append(converted)
        }
        return result
    }
}

extension NPYArray.Storage {
    /// The element type of these values.
    public var dataType: NPYDataType {
        switch self {
        case .float32: .float32
        case .float64: .float64
        case .int8: .int8
        case .int32: .int32
        case .uint8: .uint8
        case .int64: .int64
        case .bool: .bool
        }
    }

    /// The number of values.
    public var count: Int {
        switch self {
        case .float32(let values): values.count
        case .float64(let values): values.count
        case .int8(let values): values.count
        case .int32(let values): values.count
        case .uint8(let values): values.count
        case .int64(let values): values.count
        case .bool(let values): values.count
        }
    }
}
