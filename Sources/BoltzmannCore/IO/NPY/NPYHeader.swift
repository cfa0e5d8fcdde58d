/// The header dictionary of a `.npy` file: element type, byte order, memory order and shape.
///
/// Written as the Python literal `{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }`
/// (NumPy's `numpy.lib.format`, "A Simple File Format for NumPy Arrays", NEP 1).
struct NPYHeader: Equatable {
    var dataType: NPYDataType
    /// Whether the file stores multi-byte values most significant byte first (`>`).
    var isBigEndian: Bool
    /// Whether the data is in Fortran (column-major, first index fastest) order.
    var isFortranOrder: Bool
    var shape: [Int]

    init(dataType: NPYDataType, isBigEndian: Bool, isFortranOrder: Bool, shape: [Int]) {
        self.dataType = dataType
        self.isBigEndian = isBigEndian
        self.isFortranOrder = isFortranOrder
        self.shape = shape
    }

    /// The dictionary literal as `numpy.save` writes it (little endian, C order), without padding.
    var literal: String {
        precondition(!isBigEndian && !isFortranOrder, "NPYHeader: only little-endian C order is written")
        return "{'descr': '\(dataType.littleEndianDescriptor)', 'fortran_order': False, "
            + "'shape': \(NPYArray.pythonTuple(shape)), }"
    }

    /// Parses the header text of the file `source`.
    ///
    /// - Throws: `BoltzmannError` when the text is not a dictionary literal, lacks one of the
    ///   keys `descr`, `fortran_order`, `shape`, has a malformed value, or names an element type
    ///   Boltzmann does not read (objects, strings, records, complex, float16, ...).
    init(parsing text: String, source: String) throws {
        let shownText = Self.excerpt(of: text)
        let rewrite = "write the array again with numpy.save (np.save(path, array))"
        let dictionary: [String: PythonLiteral]
        do {
            guard case .dictionary(let entries) = try PythonLiteral(parsing: text) else {
                throw BoltzmannError(
                    "the .npy header is not a dictionary: \"\(shownText)\"", fix: rewrite, source: source)
            }
            dictionary = entries
        } catch let error as PythonLiteral.SyntaxError {
            throw BoltzmannError(
                "the .npy header cannot be parsed (\(error.message) at character \(error.offset)): "
                    + "\"\(shownText)\"",
                fix: "the header is damaged; " + rewrite,
                source: source)
        }
        func missing(_ key: String) -> BoltzmannError {
            BoltzmannError(
                "the .npy header has no '\(key)' entry: \"\(shownText)\"",
                fix: "the header is damaged or not written by NumPy; " + rewrite, source: source)
        }
        guard let descr = dictionary["descr"] else { throw missing("descr") }
        guard let order = dictionary["fortran_order"] else { throw missing("fortran_order") }
        guard let shapeLiteral = dictionary["shape"] else { throw missing("shape") }

        guard case .boolean(let isFortranOrder) = order else {
            throw BoltzmannError(
                "the .npy header's 'fortran_order' is not True or False: \"\(shownText)\"",
                fix: "the header is damaged; " + rewrite, source: source)
        }
        var shape: [Int] = []
        guard case .tuple(let lengths) = shapeLiteral else {
            throw BoltzmannError(
                "the .npy header's 'shape' is not a tuple of lengths: \"\(shownText)\"",
                fix: "the header is damaged; " + rewrite, source: source)
        }
        for length in lengths {
            guard case .integer(let value) = length, value >= 0 else {
                throw BoltzmannError(
                    "the .npy header's 'shape' holds something other than a non-negative length: "
                        + "\"\(shownText)\"",
                    fix: "the header is damaged; " + rewrite, source: source)
            }
            shape.append(value)
        }
        let (dataType, isBigEndian) = try Self.parseDescriptor(descr, source: source)
        self.init(dataType: dataType, isBigEndian: isBigEndian, isFortranOrder: isFortranOrder, shape: shape)
    }

    /// The element type and byte order named by a `descr` entry such as `'<f8'` or `'|i1'`.
    private static func parseDescriptor(
        _ descr: PythonLiteral, source: String
    ) throws -> (NPYDataType, isBigEndian: Bool) {
        let supported = "Boltzmann reads \(NPYDataType.supportedList)"
        guard case .string(let descriptor) = descr else {
            throw BoltzmannError(
                "the array has a structured (record) element type with named fields; \(supported)",
                fix: "save each field as its own array, e.g. np.save('a.npy', records['a'])",
                source: source)
        }
        var code = Substring(descriptor)
        var isBigEndian = hostIsBigEndian
        switch code.first {
        case "<": isBigEndian = false; code.removeFirst()
        case ">": isBigEndian = true; code.removeFirst()
        case "|", "=": code.removeFirst()
        default: break
        }
        if let dataType = NPYDataType(typeCode: String(code)) {
            return (dataType, isBigEndian)
        }
        let fix: String
        switch code.first {
        case "O":
            fix = "the file holds pickled Python objects; convert to numbers before saving "
                + "(np.save(path, a.astype(np.float64)))"
        case "U", "S", "a":
            fix = "the file holds strings; parse them into numbers before saving"
        case "c":
            fix = "save the real and imaginary parts as two arrays (a.real, a.imag)"
        default:
            fix = "convert before saving, e.g. np.save(path, a.astype(np.float64))"
        }
        throw BoltzmannError(
            "the element type '\(descriptor)' is not supported; \(supported)", fix: fix, source: source)
    }

    static var hostIsBigEndian: Bool { 1.bigEndian == 1 }
}

extension NPYHeader {
    /// The header text for an error message: trailing padding removed, cut after 200 characters.
    fileprivate static func excerpt(of text: String) -> String {
        var trimmed = Substring(text)
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        return trimmed.count > 200 ? trimmed.prefix(200) + "…" : String(trimmed)
    }
}
