/// A Swift type that can be the element of an `NPYArray`: `Float`, `Double`, `Int8`, `Int32`,
/// `UInt8`, `Int64` and `Bool`, one per `NPYDataType`.
///
/// Used by the generic initialiser `NPYArray(shape:values:)` and by `NPYArray.values(as:)`.
public protocol NPYElement: Sendable {
    /// The `.npy` element type this Swift type is stored as.
    static var npyDataType: NPYDataType { get }
    /// Wraps values of this type into array storage.
    static func npyStorage(_ values: [Self]) -> NPYArray.Storage
    /// The values in `storage` if it holds exactly this type, otherwise `nil`.
    static func npyValues(in storage: NPYArray.Storage) -> [Self]?
}

extension Float: NPYElement {
    public static var npyDataType: NPYDataType { .float32 }
    public static func npyStorage(_ values: [Float]) -> NPYArray.Storage { .float32(values) }
    public static func npyValues(in storage: NPYArray.Storage) -> [Float]? {
        if case .float32(let values) = storage { values } else { nil }
    }
}

extension Double: NPYElement {
    public static var npyDataType: NPYDataType { .float64 }
    public static func npyStorage(_ values: [Double]) -> NPYArray.Storage { .float64(values) }
    public static func npyValues(in storage: NPYArray.Storage) -> [Double]? {
        if case .float64(let values) = storage { values } else { nil }
    }
}

extension Int8: NPYElement {
    public static var npyDataType: NPYDataType { .int8 }
    public static func npyStorage(_ values: [Int8]) -> NPYArray.Storage { .int8(values) }
    public static func npyValues(in storage: NPYArray.Storage) -> [Int8]? {
        if case .int8(let values) = storage { values } else { nil }
    }
}

extension Int32: NPYElement {
    public static var npyDataType: NPYDataType { .int32 }
    public static func npyStorage(_ values: [Int32]) -> NPYArray.Storage { .int32(values) }
    public static func npyValues(in storage: NPYArray.Storage) -> [Int32]? {
        if case .int32(let values) = storage { values } else { nil }
    }
}

extension UInt8: NPYElement {
    public static var npyDataType: NPYDataType { .uint8 }
    public static func npyStorage(_ values: [UInt8]) -> NPYArray.Storage { .uint8(values) }
    public static func npyValues(in storage: NPYArray.Storage) -> [UInt8]? {
        if case .uint8(let values) = storage { values } else { nil }
    }
}

extension Int64: NPYElement {
    public static var npyDataType: NPYDataType { .int64 }
    public static func npyStorage(_ values: [Int64]) -> NPYArray.Storage { .int64(values) }
    public static func npyValues(in storage: NPYArray.Storage) -> [Int64]? {
        if case .int64(let values) = storage { values } else { nil }
    }
}

extension Bool: NPYElement {
    public static var npyDataType: NPYDataType { .bool }
    public static func npyStorage(_ values: [Bool]) -> NPYArray.Storage { .bool(values) }
    public static func npyValues(in storage: NPYArray.Storage) -> [Bool]? {
        if case .bool(let values) = storage { values } else { nil }
    }
}
