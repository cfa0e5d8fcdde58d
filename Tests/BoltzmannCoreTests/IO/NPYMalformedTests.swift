import Foundation
import Testing

import BoltzmannCore

/// Damaged and hand-made `.npy` files: each must fail with a message that names the file and
/// the problem.
@Suite("NPY malformed files")
struct NPYMalformedTests {
    /// A `.npy` file assembled by hand: magic, version, little-endian header length, the
    /// header text padded with spaces to a 64-byte boundary and ended by a newline, then `data`.
    static func handMade(header: String, version: (UInt8, UInt8) = (1, 0), data: [UInt8]) -> [UInt8] {
        let lengthBytes = version.0 == 1 ? 2 : 4
        let preamble = 8 + lengthBytes
        var text = Array(header.utf8)
        while (preamble + text.count + 1) % 64 != 0 { text.append(UInt8(ascii: " ")) }
        text.append(UInt8(ascii: "\n"))
        var bytes: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, version.0, version.1]
        for k in 0..<lengthBytes { bytes.append(UInt8((text.count >> (8 * k)) & 0xff)) }
        return bytes + text + data
    }

    static let goodHeader = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }"
    static let sixteenBytes = [UInt8](repeating: 0, count: 16)

    /// Writes `bytes` to a file named `name` and expects reading it to fail with `fragments`
    /// (the file name is always expected in the message).
    func expectReadFailure(_ bytes: [UInt8], named name: String, _ fragments: [String]) throws {
        let folder = try IOScratchFolder()
        defer { folder.remove() }
        let url = try folder.write(bytes, named: name)
        let error = expectBoltzmannError(containing: [name] + fragments) { _ = try NPY.read(from: url) }
        #expect(error?.source == url.path)
    }

    @Test("the hand-made builder produces a readable file (control)")
    func handMadeControl() throws {
        let values: [Double] = [1.5, -2]
        let data = values.flatMap { value in (0..<8).map { UInt8((value.bitPattern >> (8 * UInt64($0))) & 0xff) } }
        let array = try NPY.decode(Data(Self.handMade(header: Self.goodHeader, data: data)), source: "control")
        #expect(array.values(as: Double.self) == values)
        let version2 = try NPY.decode(
            Data(Self.handMade(header: Self.goodHeader, version: (2, 0), data: data)), source: "v2")
        #expect(version2.values(as: Double.self) == values)
    }

    @Test("truncated files: inside the preamble, inside the header, inside the data")
    func truncatedFiles() throws {
        let full = try IOFixture.bytes("npy/float64_5.npy")  // 128-byte header block + 40 data bytes
        #expect(full.count == 168)
        try expectReadFailure([], named: "empty.npy", ["is empty"])
        try expectReadFailure(Array(full[0..<4]), named: "cut4.npy", ["truncated", "preamble"])
        try expectReadFailure(Array(full[0..<9]), named: "cut9.npy", ["truncated", "ends after 9 bytes"])
        try expectReadFailure(
            Array(full[0..<60]), named: "cut60.npy",
            ["header is truncated", "announces a 118-byte header", "ends 50 bytes after"])
        try expectReadFailure(
            Array(full[0..<165]), named: "cut165.npy",
            ["data is truncated", "holds 37 bytes", "expects 40", "shape (5,) of float64"])
        try expectReadFailure(
            Array(full[0..<128]), named: "nodata.npy", ["data is truncated", "holds 0 bytes", "expects 40"])
        try expectReadFailure(
            full + full, named: "twice.npy", ["holds 208 bytes", "expects 40", "168 bytes too many", "np.savez"])
    }

    @Test("not a .npy file: text, zip archive, unknown version")
    func wrongKindOfFile() throws {
        try expectReadFailure(
            Array("x,y\n1,2\n".utf8), named: "table.npy", ["not a .npy file", "starts with \"x,y\\x0a1,\"", "CSV"])
        try expectReadFailure([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 0, 0], named: "arrays.npz", [".npz"])
        try expectReadFailure(
            Self.handMade(header: Self.goodHeader, version: (4, 0), data: Self.sixteenBytes),
            named: "v4.npy", ["version 4.0 is not supported", "1.0, 2.0 and 3.0"])
    }

    @Test(
        "malformed header dictionaries",
        arguments: [
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (2,}", "cannot be parsed"),
            ("{'descr': '<f8', 'fortran_order': false, 'shape': (2,), }", "unknown name 'false'"),
            ("{'descr': '<f8' 'fortran_order': False}", "expected '}'"),
            ("{'descr: '<f8', 'fortran_order': False, 'shape': (2,), }", "cannot be parsed"),
            ("['<f8', False, (2,)]", "not a dictionary"),
            ("{'descr': '<f8', 'fortran_order': False, }", "no 'shape' entry"),
            ("{'fortran_order': False, 'shape': (2,), }", "no 'descr' entry"),
            ("{'descr': '<f8', 'shape': (2,), }", "no 'fortran_order' entry"),
            ("{'descr': '<f8', 'fortran_order': 'no', 'shape': (2,), }", "'fortran_order' is not True or False"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': 2, }", "'shape' is not a tuple"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (-2,), }", "non-negative length"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': ('2',), }", "non-negative length"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }", "too large"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 8), }",
             "more elements than memory"),
            ("{'descr': '<q9', 'fortran_order': False, 'shape': (2,), }", "'<q9' is not supported"),
        ])
    func malformedHeader(header: String, phrase: String) throws {
        try expectReadFailure(
            Self.handMade(header: header, data: Self.sixteenBytes), named: "bad-header.npy", [phrase])
    }

    @Test("a version 3.0 header must be UTF-8")
    func version3NeedsUTF8() throws {
        var bytes = Self.handMade(
            header: "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", version: (3, 0),
            data: Self.sixteenBytes)
        bytes[13] = 0xff  // inside 'descr'
        try expectReadFailure(bytes, named: "latin.npy", ["not valid UTF-8"])
    }

    @Test("Python 2 headers (long integers, extra whitespace) are accepted")
    func lenientHeaders() throws {
        let header = "{ \"descr\" : \"<f8\" , \"fortran_order\" : False , \"shape\" : ( 2L , ) }"
        let array = try NPY.decode(Data(Self.handMade(header: header, data: Self.sixteenBytes)), source: "py2")
        #expect(array.shape == [2])
        #expect(array.asDoubles() == [0, 0])
    }

    @Test("a missing file or a folder is named with the fix")
    func missingFile() throws {
        let folder = try IOScratchFolder()
        defer { folder.remove() }
        expectBoltzmannError(containing: ["nothing-here.npy", "no such file"]) {
            _ = try NPY.read(from: folder.file("nothing-here.npy"))
        }
        expectBoltzmannError(containing: ["is a folder"]) { _ = try NPY.read(from: folder.url) }
    }
}
