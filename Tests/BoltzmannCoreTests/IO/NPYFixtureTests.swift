import Foundation
import Testing

import BoltzmannCore

/// Files written by NumPy 2.4 (`Fixtures/npy/make_npy_fixtures.py`), with their values spelled
/// out here independently.
@Suite("NPY files written by NumPy")
struct NPYFixtureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var expected: NPYArray
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(
            file: "float32_2x3.npy",
            expected: NPYArray(
                shape: [2, 3],
                values: [0.5, -1.25, Float(Double.pi), Float(1e30 as Double), -0.0, 7] as [Float])),
        Case(
            file: "float64_5.npy",
            expected: NPYArray(
                shape: [5], values: [0.1, -2.5e-300, Double.pi, 1e300, Double.leastNonzeroMagnitude])),
        Case(
            file: "int8_3x2.npy",
            expected: NPYArray(shape: [3, 2], values: [-128, 127, 0, -1, 5, -7] as [Int8])),
        Case(
            file: "int32_2x2x2.npy",
            expected: NPYArray(
                shape: [2, 2, 2],
                values: [Int32.min, Int32.max, 0, -1, 1, 65536, -65536, 123_456_789])),
        Case(file: "uint8_4.npy", expected: NPYArray(shape: [4], values: [0, 1, 128, 255] as [UInt8])),
        Case(
            file: "int64_3.npy",
            expected: NPYArray(shape: [3], values: [-(1 << 53), 1 << 53, 42] as [Int64])),
        Case(file: "bool_2x2.npy", expected: NPYArray(shape: [2, 2], values: [true, false, false, true])),
        Case(file: "float64_scalar.npy", expected: NPYArray(shape: [], values: [2.75])),
        Case(file: "float32_empty_0x3.npy", expected: NPYArray(shape: [0, 3], values: [Float]())),
        Case(
            file: "float64_bigendian_2x2.npy",
            // The last value is 1e-310, a subnormal, given by its bits.
            expected: NPYArray(
                shape: [2, 2],
                values: [1.5, -0.1, 2.718281828459045, Double(bitPattern: 0x0000_1268_8b70_e62b)])),
        Case(
            file: "int32_bigendian_3.npy",
            expected: NPYArray(shape: [3], values: [-2, 70000, Int32.max])),
        Case(
            file: "float64_version2_2x3.npy",
            expected: NPYArray(shape: [2, 3], values: [0, 0.125, 0.25, 0.375, 0.5, 0.625])),
        Case(
            file: "float32_version3_3.npy",
            expected: NPYArray(shape: [3], values: [1, -2, 0.25] as [Float])),
        // np.asfortranarray(np.arange(12).reshape(3, 4)): the same logical array, stored
        // column-major; reading must give back arange in C order.
        Case(
            file: "float64_fortran_3x4.npy",
            expected: NPYArray(shape: [3, 4], values: (0..<12).map(Double.init))),
        Case(
            file: "int32_fortran_2x3x4.npy",
            expected: NPYArray(shape: [2, 3, 4], values: (0..<24).map(Int32.init))),
    ]

    @Test("values, shape and type match NumPy's", arguments: cases)
    func readsNumPyFile(testCase: Case) throws {
        let array = try NPY.read(from: IOFixture.url("npy/" + testCase.file))
        #expect(array.shape == testCase.expected.shape)
        #expect(array.dataType == testCase.expected.dataType)
        #expect(npyBitPatterns(array.storage) == npyBitPatterns(testCase.expected.storage))
    }

    @Test("the Fortran-order file really is stored column-major")
    func fortranFileIsColumnMajor() throws {
        // Independent check of the fixture: the first data values in the file are column 0,
        // i.e. 0, 4, 8 (arange(12).reshape(3, 4)[:, 0]).
        let bytes = try IOFixture.bytes("npy/float64_fortran_3x4.npy")
        let dataOffset = 10 + (Int(bytes[8]) | Int(bytes[9]) << 8)
        let firstThree = (0..<3).map { k in
            Double(bitPattern: (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[dataOffset + 8 * k + $1]) << (8 * UInt64($1)) })
        }
        #expect(firstThree == [0, 4, 8])
    }

    @Test("conversions between element types")
    func conversions() throws {
        let int8 = try NPY.read(from: IOFixture.url("npy/int8_3x2.npy"))
        #expect(int8.asDoubles() == [-128, 127, 0, -1, 5, -7])
        #expect(try int8.asInt32s() == [-128, 127, 0, -1, 5, -7])
        let float64 = try NPY.read(from: IOFixture.url("npy/float64_5.npy"))
        #expect(float64.asFloats() == [0.1, -2.5e-300, Double.pi, 1e300, Double.leastNonzeroMagnitude].map { Float($0) })
        let bool = try NPY.read(from: IOFixture.url("npy/bool_2x2.npy"))
        #expect(try bool.asInt8s() == [1, 0, 0, 1])
        #expect(bool.asFloats() == [1, 0, 0, 1])
        let fortran = try NPY.read(from: IOFixture.url("npy/float64_fortran_3x4.npy"))
        #expect(try fortran.asInt8s() == (0..<12).map(Int8.init))
        let int64 = try NPY.read(from: IOFixture.url("npy/int64_3.npy"))
        #expect(int64.asDoubles() == [-9_007_199_254_740_992, 9_007_199_254_740_992, 42])
    }

    @Test("inexact integer conversions name the value, its index and the file")
    func inexactConversions() throws {
        let float64 = try NPY.read(from: IOFixture.url("npy/float64_5.npy"))
        expectBoltzmannError(containing: ["float64_5.npy", "0.1 at index [0]", "Int32"]) {
            _ = try float64.asInt32s()
        }
        let int32 = try NPY.read(from: IOFixture.url("npy/int32_2x2x2.npy"))
        expectBoltzmannError(containing: ["int32_2x2x2.npy", "-2147483648 at index [0, 0, 0]", "Int8"]) {
            _ = try int32.asInt8s()
        }
        let uint8 = try NPY.read(from: IOFixture.url("npy/uint8_4.npy"))
        expectBoltzmannError(containing: ["128 at index [2]", "astype(np.int8)"]) {
            _ = try uint8.asInt8s()
        }
        let int64 = try NPY.read(from: IOFixture.url("npy/int64_3.npy"))
        expectBoltzmannError(containing: ["-9007199254740992 at index [0]"]) { _ = try int64.asInt32s() }
    }

    @Test(
        "unsupported element types are refused with the supported list",
        arguments: [
            ("float16_2.npy", "'<f2' is not supported"),
            ("complex128_2.npy", "real and imaginary"),
            ("object_2.npy", "pickled Python objects"),
            ("structured_2.npy", "structured (record)"),
        ])
    func refusesUnsupportedTypes(file: String, phrase: String) throws {
        let url = try IOFixture.url("npy/" + file)
        expectBoltzmannError(containing: [file, phrase, "float32 (<f4)", "bool (|b1)"]) {
            _ = try NPY.read(from: url)
        }
    }
}
