import BoltzmannCore
import Foundation

/// The IDX format of the MNIST files (Y. LeCun, C. Cortes and C. J. C. Burges,
/// "The MNIST database of handwritten digits", http://yann.lecun.com/exdb/mnist/).
///
/// Layout: a 4-byte magic number — two zero bytes, a type code, the number of axes d — then d
/// axis lengths as big-endian 32-bit unsigned integers, then the values in C order, big-endian.
/// Type codes: 0x08 unsigned byte, 0x09 signed byte, 0x0B int16, 0x0C int32, 0x0D float32,
/// 0x0E float64. MNIST images are `0x00000803` (N × 28 × 28 unsigned bytes) and labels
/// `0x00000801` (N unsigned bytes).
///
/// The parser checks the magic, that the header is complete and that the file holds exactly
/// the announced number of values, and reports each problem with the file and the fix.
struct IDXFile {
    /// Length along each axis.
    var shape: [Int]
    /// The values in C order, converted to `Float` (exact for bytes and int16; int32 beyond
    /// ±2²⁴ and float64 round).
    var values: [Float]

    /// Element types by IDX type code: (name, bytes per value).
    private static let elementTypes: [UInt8: (name: String, width: Int)] = [
        0x08: ("unsigned byte", 1), 0x09: ("signed byte", 1), 0x0B: ("int16", 2),
        0x0C: ("int32", 4), 0x0D: ("float32", 4), 0x0E: ("float64", 8),
    ]

    /// Whether `data` starts like an IDX file: two zero bytes, a known type code, 1–4 axes.
    static func hasMagic(_ data: Data) -> Bool {
        guard data.count >= 4 else { return false }
        let bytes = Array(data.prefix(4))
        return bytes[0] == 0 && bytes[1] == 0 && elementTypes[bytes[2]] != nil && (1...4).contains(bytes[3])
    }

    /// Parses the bytes of an IDX file; `source` names it in errors.
    init(parsing data: Data, source: String) throws(BoltzmannError) {
        let format = "an IDX file (MNIST format: magic 0x00000803 for images, 0x00000801 for labels)"
        guard data.count >= 4 else {
            throw BoltzmannError(
                "the IDX file is \(data.count) bytes long, shorter than its 4-byte magic number",
                fix: "the file was cut short; download it again", source: source)
        }
        let bytes = [UInt8](data)
        let magicText = bytes.prefix(4).map { Self.hex($0) }.joined()
        guard bytes[0] == 0, bytes[1] == 0, let element = Self.elementTypes[bytes[2]],
            (1...4).contains(bytes[3])
        else {
            throw BoltzmannError(
                "not an IDX file: its magic number is 0x\(magicText), not 0x000008NN with a known "
                    + "type code and 1–4 axes",
                fix: "pass \(format), decompressed or .gz; text data belongs in a CSV file",
                source: source)
        }
        let axisCount = Int(bytes[3])
        let headerLength = 4 + 4 * axisCount
        guard bytes.count >= headerLength else {
            throw BoltzmannError(
                "the IDX header is truncated: magic 0x\(magicText) announces \(axisCount) axis lengths "
                    + "(\(headerLength) header bytes) but the file has \(bytes.count) bytes",
                fix: "the file was cut short; download it again", source: source)
        }
        var shape: [Int] = []
        var count = 1
        for axis in 0..<axisCount {
            let offset = 4 + 4 * axis
            let length = Int(Self.bigEndianUInt32(bytes, at: offset))
            shape.append(length)
            let (product, overflow) = count.multipliedReportingOverflow(by: length)
            guard !overflow else {
                throw BoltzmannError(
                    "the IDX header's shape \(shape) has more values than memory can address",
                    fix: "the header is damaged; download the file again", source: source)
            }
            count = product
        }
        let expected = count * element.width
        let available = bytes.count - headerLength
        guard available == expected else {
            let shapeText = shape.map(String.init).joined(separator: " × ")
            throw BoltzmannError(
                "the IDX file holds \(available) bytes of data, but its header (\(shapeText) "
                    + "\(element.name) values) announces \(expected)"
                    + (available < expected ? ": the file is truncated" : ": there are extra bytes"),
                fix: available < expected
                    ? "the file was cut short; download or copy it again"
                    : "pass an unmodified IDX file (one array per file)",
                source: source)
        }
        let start = headerLength
        let values: [Float]
        switch bytes[2] {
        case 0x08: values = (0..<count).map { Float(bytes[start + $0]) }
        case 0x09: values = (0..<count).map { Float(Int8(bitPattern: bytes[start + $0])) }
        case 0x0B:
            values = (0..<count).map { index in
                let offset = start + 2 * index
                return Float(Int16(bitPattern: UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])))
            }
        case 0x0C: values = (0..<count).map { Float(Int32(bitPattern: Self.bigEndianUInt32(bytes, at: start + 4 * $0))) }
        case 0x0D: values = (0..<count).map { Float(bitPattern: Self.bigEndianUInt32(bytes, at: start + 4 * $0)) }
        default:
            values = (0..<count).map { index in
                let high = UInt64(Self.bigEndianUInt32(bytes, at: start + 8 * index))
                let low = UInt64(Self.bigEndianUInt32(bytes, at: start + 8 * index + 4))
                return Float(Double(bitPattern: high << 32 | low))
            }
        }
        self.shape = shape
        self.values = values
    }

    private static func bigEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    private static func hex(_ byte: UInt8) -> String {
        (byte < 16 ? "0" : "") + String(byte, radix: 16)
    }
}
