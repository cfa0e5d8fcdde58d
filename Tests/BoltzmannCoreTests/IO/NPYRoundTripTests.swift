import Foundation
import Testing

import BoltzmannCore

/// Every value's bits, widened to 64 bits, so NaN payloads and −0.0 are compared exactly.
func npyBitPatterns(_ storage: NPYArray.Storage) -> [UInt64] {
    switch storage {
    case .float32(let values): values.map { UInt64($0.bitPattern) }
    case .float64(let values): values.map { $0.bitPattern }
    case .int8(let values): values.map { UInt64(UInt8(bitPattern: $0)) }
    case .int32(let values): values.map { UInt64(UInt32(bitPattern: $0)) }
    case .uint8(let values): values.map { UInt64($0) }
    case .int64(let values): values.map { UInt64(bitPattern: $0) }
    case .bool(let values): values.map { $0 ? 1 : 0 }
    }
}

@Suite("NPY write/read round trip")
struct NPYRoundTripTests {
    static let shapes: [[Int]] = [[], [0], [7], [2, 3, 4], [0, 3], [3, 0, 2], [1, 1, 1, 1, 5]]

    /// Arbitrary bit patterns for every value (NaNs with payloads, subnormals, extremes).
    static func randomArray(_ dataType: NPYDataType, shape: [Int], seed: UInt64) -> NPYArray {
        var bits = IOTestBits(state: seed)
        let count = shape.reduce(1, *)
        let raw = (0..<count).map { _ in bits.next() }
        let storage: NPYArray.Storage =
            switch dataType {
            case .float32: .float32(raw.map { Float(bitPattern: UInt32(truncatingIfNeeded: $0)) })
            case .float64: .float64(raw.map { Double(bitPattern: $0) })
            case .int8: .int8(raw.map { Int8(truncatingIfNeeded: $0) })
            case .int32: .int32(raw.map { Int32(truncatingIfNeeded: $0) })
            case .uint8: .uint8(raw.map { UInt8(truncatingIfNeeded: $0) })
            case .int64: .int64(raw.map { Int64(bitPattern: $0) })
            case .bool: .bool(raw.map { $0 & 1 == 1 })
            }
        return NPYArray(shape: shape, storage: storage)
    }

    @Test("file round trip preserves shape, type and every bit", arguments: NPYDataType.allCases)
    func roundTrip(dataType: NPYDataType) throws {
        let folder = try IOScratchFolder()
        defer { folder.remove() }
        for (index, shape) in Self.shapes.enumerated() {
            let original = Self.randomArray(dataType, shape: shape, seed: UInt64(index) &* 977)
            let url = folder.file("\(dataType)-\(index).npy")
            try NPY.write(original, to: url)
            let restored = try NPY.read(from: url)
            #expect(restored.shape == shape)
            #expect(restored.dataType == dataType)
            #expect(npyBitPatterns(restored.storage) == npyBitPatterns(original.storage))
            #expect(restored.source == url.path)
        }
    }

    @Test("written layout: version 1.0, 64-byte aligned header ending in a newline, little endian")
    func writtenLayout() throws {
        for dataType in NPYDataType.allCases {
            for shape in Self.shapes {
                let array = Self.randomArray(dataType, shape: shape, seed: 5)
                let bytes = [UInt8](NPY.encode(array))
                #expect(Array(bytes[0..<8]) == [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
                let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
                let dataOffset = 10 + headerLength
                #expect(dataOffset % 64 == 0)
                #expect(bytes[dataOffset - 1] == UInt8(ascii: "\n"))
                #expect(bytes.count == dataOffset + array.count * dataType.byteWidth)
                // The first stored value, assembled from little-endian bytes, is the first value.
                if array.count > 0 {
                    var first: UInt64 = 0
                    for k in 0..<dataType.byteWidth {
                        first |= UInt64(bytes[dataOffset + k]) << (8 * UInt64(k))
                    }
                    #expect(first == npyBitPatterns(array.storage)[0])
                }
            }
        }
    }

    /// The writer reproduces, byte for byte, what numpy.save wrote for the same array.
    @Test(
        "encoding equals numpy.save's bytes",
        arguments: [
            "float32_2x3.npy", "float64_5.npy", "int8_3x2.npy", "int32_2x2x2.npy", "uint8_4.npy",
            "int64_3.npy", "bool_2x2.npy", "float64_scalar.npy", "float32_empty_0x3.npy",
        ])
    func matchesNumPyBytes(file: String) throws {
        let url = try IOFixture.url("npy/" + file)
        let array = try NPY.read(from: url)
        #expect([UInt8](NPY.encode(array)) == (try IOFixture.bytes("npy/" + file)))
    }

    @Test("generic initialiser and typed access")
    func typedAccess() {
        let array = NPYArray(shape: [2, 2], values: [Int32(1), -2, 3, -4])
        #expect(array.dataType == .int32)
        #expect(array.count == 4)
        #expect(array.values(as: Int32.self) == [1, -2, 3, -4])
        #expect(array.values(as: Double.self) == nil)
        #expect(array.asDoubles() == [1, -2, 3, -4])
        #expect(array.index(ofOffset: 3) == [1, 1])
        #expect(array.description == "int32 array of shape (2, 2)")
        #expect(NPYArray(shape: [], values: [2.5]).description == "float64 array of shape ()")
        #expect(NPYArray(shape: [3], values: [Int8(1), 2, 3]).description == "int8 array of shape (3,)")
    }

    @Test("writing into a missing folder names the path and the fix")
    func writeIntoMissingFolder() throws {
        let folder = try IOScratchFolder()
        defer { folder.remove() }
        let target = folder.url.appendingPathComponent("absent/out.npy")
        expectBoltzmannError(containing: ["absent/out.npy", "does not exist", "mkdir -p"]) {
            try NPY.write(NPYArray(shape: [1], values: [1.0]), to: target)
        }
    }
}
