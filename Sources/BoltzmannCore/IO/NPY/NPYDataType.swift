/// The element types of a `.npy` file that Boltzmann reads and writes.
///
/// NumPy names an element type by a *descriptor*: a byte-order character (`<` little endian,
/// `>` big endian, `|` not applicable, `=` native) followed by a kind letter and a byte width,
/// e.g. `<f8` for little-endian float64. Boltzmann writes little-endian descriptors and reads
/// either byte order. Other NumPy types (float16, complex, strings, objects, records) are refused
/// with an error naming this list.
public enum NPYDataType: String, Sendable, CaseIterable, Equatable, CustomStringConvertible {
    case float32
    case float64
    case int8
    case int32
    case uint8
    case int64
    case bool

    /// Bytes per element.
    public var byteWidth: Int {
        switch self {
        case .int8, .uint8, .bool: 1
        case .float32, .int32: 4
        case .float64, .int64: 8
        }
    }

    /// NumPy's type code without the byte order: `f4`, `f8`, `i1`, `i4`, `u1`, `i8`, `b1`.
    public var typeCode: String {
        switch self {
        case .float32: "f4"
        case .float64: "f8"
        case .int8: "i1"
        case .int32: "i4"
        case .uint8: "u1"
        case .int64: "i8"
        case .bool: "b1"
        }
    }

    /// The descriptor Boltzmann writes: `|` for one-byte types, `<` (little endian) otherwise,
    /// exactly as `numpy.save` spells it on a little-endian machine.
    public var littleEndianDescriptor: String {
        (byteWidth == 1 ? "|" : "<") + typeCode
    }

    /// The type with NumPy type code `code` (`f8`, `i4`, ...), or `nil` if Boltzmann does not
    /// support it.
    public init?(typeCode code: String) {
        guard let match = Self.allCases.first(where: { $0.typeCode == code }) else { return nil }
        self = match
    }

    public var description: String { rawValue }

    /// "float32 (<f4), float64 (<f8), ...": the supported list, for error messages.
    static var supportedList: String {
        allCases.map { "\($0) (\($0.littleEndianDescriptor))" }.joined(separator: ", ")
    }
}
