import Foundation

/// Reading and writing NumPy `.npy` files.
///
/// Format (NumPy's `numpy.lib.format`, NEP 1 "A Simple File Format for NumPy Arrays"):
/// the magic string `\x93NUMPY`, a major and minor version byte, the header length as a
/// little-endian integer (2 bytes in version 1.0, 4 bytes in 2.0 and 3.0), the header, a Python
/// dictionary literal (Latin-1 in 1.0/2.0, UTF-8 in 3.0) padded with spaces and ended by `\n`,
/// then the raw values.
///
/// **Reading** accepts versions 1.0, 2.0 and 3.0, little- and big-endian data (converted to the
/// machine's order), and Fortran-order arrays, which are transposed in memory into C order so
/// that an `NPYArray` is always row-major with the shape NumPy reports. The element types of
/// `NPYDataType` are read; objects (pickles), strings, records, complex and float16 are refused
/// with an error that names the supported types.
///
/// **Writing** produces exactly what `numpy.save` writes on a little-endian machine: version
/// 1.0, header padded so the data starts at a multiple of 64 bytes, C order, little endian.
///
/// Every malformed input (wrong magic, unknown version, cut header, unparsable dictionary,
/// data shorter or longer than shape × element size) throws a `BoltzmannError` whose `source`
/// is the file path and whose message says what is wrong and how to fix it.
public enum NPY {
    /// `\x93NUMPY`, the first six bytes of every `.npy` file.
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]

    /// Reads the `.npy` file at `url`.
    ///
    /// - Throws: `BoltzmannError` naming the file when it is missing, unreadable or malformed.
    public static func read(from url: URL) throws -> NPYArray {
        let data = try FileAccess.contents(of: url, kind: ".npy array")
        return try decode(data, source: url.path)
    }

    /// Writes `array` to `url` as `numpy.save` would (version 1.0, little endian, C order),
    /// replacing any existing file atomically.
    ///
    /// - Throws: `BoltzmannError` naming the file when the folder is missing or not writable.
    public static func write(_ array: NPYArray, to url: URL) throws {
        try FileAccess.write(encode(array), to: url, kind: ".npy array")
    }

    /// Decodes the bytes of a `.npy` file; `source` names the data in errors.
    public static func decode(_ data: Data, source: String) throws -> NPYArray {
        try data.withUnsafeBytes { bytes in try decode(bytes, source: source) }
    }

    /// The bytes of a `.npy` file holding `array`, identical to `numpy.save`'s output.
    public static func encode(_ array: NPYArray) -> Data {
        let header = NPYHeader(
            dataType: array.dataType, isBigEndian: false, isFortranOrder: false, shape: array.shape)
        let headerText = Array(header.literal.utf8)
        let preambleLength = magic.count + 4  // magic, version 1.0, 2-byte header length
        let unpadded = preambleLength + headerText.count + 1  // + "\n"
        let dataOffset = (unpadded + 63) / 64 * 64
        let headerLength = dataOffset - preambleLength
        // NumPy caps arrays at 64 axes, so a version 1.0 header (≤ 65535 bytes) always suffices.
        precondition(headerLength <= Int(UInt16.max), "NPY.encode: \(array.shape.count) axes is too many")

        var bytes = [UInt8]()
        bytes.reserveCapacity(dataOffset + array.count * array.dataType.byteWidth)
        bytes.append(contentsOf: magic)
        bytes.append(contentsOf: [1, 0, UInt8(headerLength & 0xff), UInt8(headerLength >> 8)])
        bytes.append(contentsOf: headerText)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: dataOffset - unpadded))
        bytes.append(UInt8(ascii: "\n"))
        array.storage.withUnsafeRawBytes { values in bytes.append(contentsOf: values) }
        if NPYHeader.hostIsBigEndian {
            bytes.withUnsafeMutableBytes { all in
                reverseByteOrder(
                    UnsafeMutableRawBufferPointer(rebasing: all[dataOffset...]),
                    width: array.dataType.byteWidth)
            }
        }
        return Data(bytes)
    }

    // MARK: - Decoding

    private static func decode(_ bytes: UnsafeRawBufferPointer, source: String) throws -> NPYArray {
        let rewrite = "write the array again with numpy.save (np.save(path, array))"
        let size = bytes.count
        let leading = min(size, magic.count)
        guard size > 0 else {
            throw BoltzmannError(
                "the .npy file is empty (0 bytes)", fix: "the save was interrupted; " + rewrite,
                source: source)
        }
        guard bytes.prefix(leading).elementsEqual(magic.prefix(leading)) else {
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                throw BoltzmannError(
                    "this is a zip archive (.npz, several arrays), not a single .npy array",
                    fix: "extract the arrays first (unzip it, or in NumPy: "
                        + "for k, v in np.load(path).items(): np.save(k + '.npy', v))",
                    source: source)
            }
            let found = bytes.prefix(magic.count).map { byte in
                (0x20..<0x7f).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + hex(byte)
            }.joined()
            throw BoltzmannError(
                "not a .npy file: it starts with \"\(found)\" instead of the magic string \"\\x93NUMPY\"",
                fix: "pass a file written by numpy.save; text data belongs in a CSV file", source: source)
        }
        guard size >= magic.count + 2 else {
            throw BoltzmannError(
                "the .npy file is truncated: it ends after \(size) bytes, inside the format preamble",
                fix: "the file was cut short; " + rewrite, source: source)
        }
        let (major, minor) = (bytes[6], bytes[7])
        let lengthFieldSize: Int
        switch (major, minor) {
        case (1, 0): lengthFieldSize = 2
        case (2, 0), (3, 0): lengthFieldSize = 4
        default:
            throw BoltzmannError(
                ".npy format version \(major).\(minor) is not supported (1.0, 2.0 and 3.0 are)",
                fix: "write the array with a standard NumPy (np.save) or force a version with "
                    + "np.lib.format.write_array(f, array, version=(1, 0))",
                source: source)
        }
        let headerStart = magic.count + 2 + lengthFieldSize
        guard size >= headerStart else {
            throw BoltzmannError(
                "the .npy file is truncated: it ends after \(size) bytes, inside the format preamble",
                fix: "the file was cut short; " + rewrite, source: source)
        }
        var headerLength = 0
        for position in (magic.count + 2)..<headerStart {
            headerLength |= Int(bytes[position]) << (8 * (position - magic.count - 2))
        }
        let headerEnd = headerStart + headerLength
        guard headerEnd <= size else {
            throw BoltzmannError(
                "the .npy header is truncated: the preamble announces a \(headerLength)-byte header, "
                    + "but the file ends \(size - headerStart) bytes after the preamble",
                fix: "the file was cut short; " + rewrite, source: source)
        }
        let headerBytes = UnsafeRawBufferPointer(rebasing: bytes[headerStart..<headerEnd])
        let headerText: String
        if major == 3 {
            guard let text = String(bytes: headerBytes, encoding: .utf8) else {
                throw BoltzmannError(
                    "the .npy header (format 3.0) is not valid UTF-8",
                    fix: "the header is damaged; " + rewrite, source: source)
            }
            headerText = text
        } else {
            headerText = String(String.UnicodeScalarView(headerBytes.map { Unicode.Scalar($0) }))
        }
        let header = try NPYHeader(parsing: headerText, source: source)

        let shapeText = NPYArray.pythonTuple(header.shape)
        var count = 1
        var overflow = false
        for length in header.shape where !overflow {
            (count, overflow) = count.multipliedReportingOverflow(by: length)
        }
        let width = header.dataType.byteWidth
        let (byteCount, byteOverflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow && !byteOverflow else {
            throw BoltzmannError(
                "the .npy header's shape \(shapeText) has more elements than memory can address",
                fix: "the header is damaged; " + rewrite, source: source)
        }
        let available = size - headerEnd
        let what = "shape \(shapeText) of \(header.dataType) (\(width) bytes each)"
        if available < byteCount {
            throw BoltzmannError(
                "the .npy data is truncated: the file holds \(available) bytes after the header, "
                    + "but \(what) expects \(byteCount)",
                fix: "the file was cut short (interrupted save or copy); " + rewrite, source: source)
        }
        if available > byteCount {
            throw BoltzmannError(
                "the .npy file holds \(available) bytes after the header, but \(what) expects "
                    + "\(byteCount): \(available - byteCount) bytes too many",
                fix: "save one array per file (several np.save calls into one open file append "
                    + "arrays; use np.savez for several arrays), or " + rewrite,
                source: source)
        }
        let values = UnsafeRawBufferPointer(rebasing: bytes[headerEnd..<size])
        let swap = header.isBigEndian != NPYHeader.hostIsBigEndian
        var storage = loadStorage(values, dataType: header.dataType, count: count, swapBytes: swap)
        if header.isFortranOrder && header.shape.count > 1 {
            storage = storage.reorderedFromFortranOrder(shape: header.shape)
        }
        return NPYArray(shape: header.shape, storage: storage, source: source)
    }

    private static func loadStorage(
        _ bytes: UnsafeRawBufferPointer, dataType: NPYDataType, count: Int, swapBytes: Bool
    ) -> NPYArray.Storage {
        switch dataType {
        case .float32: .float32(load(bytes, count: count, swapBytes: swapBytes))
        case .float64: .float64(load(bytes, count: count, swapBytes: swapBytes))
        case .int8: .int8(load(bytes, count: count, swapBytes: false))
        case .int32: .int32(load(bytes, count: count, swapBytes: swapBytes))
        case .uint8: .uint8(load(bytes, count: count, swapBytes: false))
        case .int64: .int64(load(bytes, count: count, swapBytes: swapBytes))
        // Any byte other than 0 is true, as in NumPy; copying raw bytes into Bool would not be safe.
        case .bool: .bool(bytes.map { $0 != 0 })
        }
    }

    /// `count` values of a trivial type (every bit pattern valid) copied from `bytes`.
    private static func load<Element>(
        _ bytes: UnsafeRawBufferPointer, count: Int, swapBytes: Bool
    ) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            let destination = UnsafeMutableRawBufferPointer(buffer)
            if count > 0 { destination.copyMemory(from: bytes) }
            if swapBytes {
                reverseByteOrder(
                    UnsafeMutableRawBufferPointer(rebasing: destination[0..<bytes.count]),
                    width: MemoryLayout<Element>.size)
            }
            initialized = count
        }
    }

    /// Reverses the bytes of each consecutive `width`-byte group (big ↔ little endian).
    private static func reverseByteOrder(_ bytes: UnsafeMutableRawBufferPointer, width: Int) {
        guard width > 1 else { return }
        var start = 0
        while start + width <= bytes.count {
            var (low, high) = (start, start + width - 1)
            while low < high {
                bytes.swapAt(low, high)
                low += 1
                high -= 1
            }
            start += width
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xf)]])
    }
}

extension NPYArray.Storage {
    /// Calls `body` with the values' bytes in memory (machine byte order).
    func withUnsafeRawBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        switch self {
        case .float32(let values): try values.withUnsafeBytes(body)
        case .float64(let values): try values.withUnsafeBytes(body)
        case .int8(let values): try values.withUnsafeBytes(body)
        case .int32(let values): try values.withUnsafeBytes(body)
        case .uint8(let values): try values.withUnsafeBytes(body)
        case .int64(let values): try values.withUnsafeBytes(body)
        case .bool(let values): try values.withUnsafeBytes(body)  // Bool is one byte, 0 or 1
        }
    }

    /// The same values rearranged from Fortran order (first index fastest) into C order
    /// (last index fastest) for an array of `shape`.
    func reorderedFromFortranOrder(shape: [Int]) -> Self {
        switch self {
        case .float32(let values): .float32(Self.cOrder(fromFortranOrder: values, shape: shape))
        case .float64(let values): .float64(Self.cOrder(fromFortranOrder: values, shape: shape))
        case .int8(let values): .int8(Self.cOrder(fromFortranOrder: values, shape: shape))
        case .int32(let values): .int32(Self.cOrder(fromFortranOrder: values, shape: shape))
        case .uint8(let values): .uint8(Self.cOrder(fromFortranOrder: values, shape: shape))
        case .int64(let values): .int64(Self.cOrder(fromFortranOrder: values, shape: shape))
        case .bool(let values): .bool(Self.cOrder(fromFortranOrder: values, shape: shape))
        }
    }

    /// Walks the C-order positions in sequence while tracking the matching Fortran offset
    /// `Σ_k index[k] · Π_{j<k} shape[j]`, updated incrementally like an odometer.
    private static func cOrder<Element>(fromFortranOrder values: [Element], shape: [Int]) -> [Element] {
        guard !values.isEmpty else { return values }
        var fortranStride = [Int](repeating: 1, count: shape.count)
        for axis in shape.indices.dropFirst() {
            fortranStride[axis] = fortranStride[axis - 1] * shape[axis - 1]
        }
        var index = [Int](repeating: 0, count: shape.count)
        var fortranOffset = 0
        var result = [Element]()
        result.reserveCapacity(values.count)
        for _ in 0..<values.count {
            result.append(values[fortranOffset])
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                fortranOffset += fortranStride[axis]
                if index[axis] < shape[axis] { break }
                fortranOffset -= fortranStride[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return result
    }
}
