import Foundation
import Testing

import BoltzmannCore

@Suite("CSV reading")
struct CSVReadTests {
    @Test("header, quoted name, comments, blank lines and spaces")
    func fileWithHeader() throws {
        let table = try CSV.read(from: IOFixture.url("csv/with_header.csv"))
        #expect(table.columnNames == ["temperature", "energy, per spin", "magnetisation"])
        #expect(table.rowCount == 3)
        #expect(table.columnCount == 3)
        #expect(table.values == [0.5, -1.9875, 0.99, 1.0, -1.75, 0.875, 2.5, -0.5, 0.001])
        #expect(table.column(1) == [-1.9875, -1.75, -0.5])
        #expect(Array(table.row(2)) == [2.5, -0.5, 0.001])
        #expect(table[row: 1, column: 2] == 0.875)
        #expect(table.columnIndex(named: "magnetisation") == 2)
        #expect(table.columnIndex(named: "entropy") == nil)
    }

    @Test("semicolons, a byte-order mark and CRLF line ends")
    func semicolonFile() throws {
        let table = try CSV.read(
            from: IOFixture.url("csv/semicolon_bom_crlf.csv"), options: CSVReadOptions(delimiter: .semicolon))
        #expect(table.columnNames == ["x", "y"])
        #expect(table.values == [1, 2, -3.25, 400])
    }

    @Test("tab-separated without a header")
    func tabFile() throws {
        let table = try CSV.read(from: IOFixture.url("csv/no_header.tsv"), options: CSVReadOptions(delimiter: .tab))
        #expect(table.columnNames == nil)
        #expect(table.rowCount == 2)
        #expect(table.values == [1, 2, 3, 4, 5, 6])
    }

    @Test("gzip-compressed input is decompressed")
    func gzipFile() throws {
        let table = try CSV.read(from: IOFixture.url("csv/small.csv.gz"))
        #expect(table.columnNames == ["a", "b"])
        #expect(table.values == [1, 2, 3, 4.5])
    }

    @Test("a truncated gzip file names gzip's complaint")
    func truncatedGzip() throws {
        let url = try IOFixture.url("csv/truncated.csv.gz")
        expectBoltzmannError(containing: ["truncated.csv.gz", "damaged", "unexpected end of file"]) {
            _ = try CSV.read(from: url)
        }
    }

    /// The digits data set shipped in Data/: 1,797 rows of 64 pixels and a label. Reference
    /// figures from numpy.loadtxt: sum of all values 569788, sum of labels 8070, class counts below.
    @Test("the shipped digits.csv.gz reads with NumPy's figures")
    func digits() throws {
        let table = try CSV.read(from: URL(fileURLWithPath: Self.digitsPath))
        #expect(table.columnNames == nil)
        #expect(table.rowCount == 1797)
        #expect(table.columnCount == 65)
        #expect(table.values.reduce(0, +) == 569_788)
        let labels = table.column(64)
        #expect(labels.reduce(0, +) == 8070)
        let counts = (0..<10).map { digit in labels.filter { $0 == Double(digit) }.count }
        #expect(counts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        #expect(Array(table.row(0).prefix(8)) == [0, 0, 5, 13, 9, 1, 0, 0])
        #expect(table.values.max() == 16)
    }

    static var digitsPath: String {
        // <repository>/Tests/BoltzmannCoreTests/IO/this file → <repository>/Data
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Data/digits.csv.gz").path
    }

    @Test("header detection: automatic, forced present, forced absent")
    func headerDetection() throws {
        let numericHeader = "0,1,2\n3,4,5\n"
        let automatic = try CSV.parse(numericHeader, source: "t")
        #expect(automatic.columnNames == nil)
        #expect(automatic.rowCount == 2)
        let present = try CSV.parse(numericHeader, source: "t", options: CSVReadOptions(header: .present))
        #expect(present.columnNames == ["0", "1", "2"])
        #expect(present.values == [3, 4, 5])
        let named = try CSV.parse("x,2\n1,2\n", source: "t")
        #expect(named.columnNames == ["x", "2"])
        expectBoltzmannError(containing: ["named.csv", "line 1, column 1: 'x' is not a number", "header"]) {
            _ = try CSV.parse("x,y\n1,2\n", source: "named.csv", options: CSVReadOptions(header: .absent))
        }
    }

    @Test("comment lines can be turned off")
    func commentsOff() throws {
        let text = "#a,b\n1,2\n"
        #expect(try CSV.parse(text, source: "t").columnNames == nil)
        #expect(
            try CSV.parse(text, source: "t", options: CSVReadOptions(skipsCommentLines: false)).columnNames
                == ["#a", "b"])
    }

    @Test("non-finite values are refused by default and read when allowed")
    func nonFinite() throws {
        let text = "a,b,c\n1,nan,3\n-inf,Infinity,0\n"
        expectBoltzmannError(containing: ["nan.csv", "line 2, column 2: 'nan' is not a finite number", "nonFinite: .allow"]) {
            _ = try CSV.parse(text, source: "nan.csv")
        }
        let table = try CSV.parse(text, source: "nan.csv", options: CSVReadOptions(nonFinite: .allow))
        #expect(table.values[1].isNaN)
        #expect(table.values[3] == -.infinity)
        #expect(table.values[4] == .infinity)
        expectBoltzmannError(containing: ["line 1, column 2: '1e999' is beyond the range of Double"]) {
            _ = try CSV.parse("1,1e999\n", source: "big.csv", options: CSVReadOptions(nonFinite: .allow))
        }
    }

    /// Short decimals take an exact fast path (Clinger); every value must equal what
    /// `Double(_:)` (correctly rounded strtod) gives for the same text, bit for bit, including
    /// the edges of the fast path: 2⁵³ ± 1 significands, 10^±22 and 10^±23, and -0.
    @Test("fast-path parsing equals Double(_:) bit for bit")
    func fastPathMatchesDouble() throws {
        var fields = [
            "0", "-0", "+0", "-0.000", "0e5", "9007199254740992", "9007199254740993", "-9007199254740991",
            "1e22", "1e23", "1e-22", "1e-23", "123456789e-22", "0.1", "0.3", "2.675", "1.5E+3", "7.e2",
            "000123.4500", "4.35", "0.1000000000000000055511151231257827", "5e-324", "1.7976931348623157e308",
        ]
        var bits = IOTestBits(state: 99)
        for _ in 0..<3000 {
            let significand = bits.next() % 100_000_000_000
            let exponent = Int(bits.next() % 61) - 30
            let sign = bits.next() & 1 == 0 ? "" : "-"
            switch bits.next() % 3 {
            case 0: fields.append("\(sign)\(significand)e\(exponent)")
            case 1:
                let digits = String(significand)
                let point = Int(bits.next() % UInt64(digits.count + 1))
                fields.append(sign + digits.prefix(point) + "." + digits.dropFirst(point))
            default: fields.append("\(sign)\(significand % 100_000)")
            }
        }
        fields = fields.filter { $0 != "." && $0 != "-." }
        let text = fields.joined(separator: "\n") + "\n"
        let table = try CSV.parse(text, source: "t", options: CSVReadOptions(header: .absent))
        let expected = fields.map { Double($0)! }
        #expect(table.rowCount == fields.count)
        let mismatches = zip(fields, zip(table.values, expected)).filter { $1.0.bitPattern != $1.1.bitPattern }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map(\.0))")
    }

    @Test("rows exactly as Double(_:) parses them, including subnormals and hex")
    func numberSyntax() throws {
        let table = try CSV.parse("+1, .5,-0,1e-310,0x1p-3,4.9e-324\n", source: "t")
        #expect(table.values.map(\.bitPattern) == [1.0, 0.5, -0.0, Double(bitPattern: 0x0000_1268_8b70_e62b), 0.125, Double.leastNonzeroMagnitude].map(\.bitPattern))
    }
}

@Suite("CSV malformed files")
struct CSVMalformedTests {
    /// Writes `text` to a file called `name`, reads it, and expects `fragments` in the error
    /// (the file name always).
    func expectReadFailure(
        _ text: String, named name: String, options: CSVReadOptions = CSVReadOptions(), _ fragments: [String]
    ) throws {
        let folder = try IOScratchFolder()
        defer { folder.remove() }
        let url = try folder.write(text, named: name)
        let error = expectBoltzmannError(containing: [name] + fragments) {
            _ = try CSV.read(from: url, options: options)
        }
        #expect(error?.source == url.path)
    }

    @Test("a ragged row names its line, its field count and the expected one")
    func raggedRow() throws {
        try expectReadFailure(
            "# c\na,b,c,d\n1,2,3,4\n\n5,6,7\n", named: "ragged.csv", ["line 5 has 3 fields, but line 2 has 4"])
        try expectReadFailure("1,2\n3,4,5\n", named: "long.csv", ["line 2 has 3 fields, but line 1 has 2"])
    }

    @Test("a value that is not a number names line, column and text")
    func notANumber() throws {
        var lines = ["x,y,z"] + (2...16).map { "\($0),\($0 * 2),\($0 * 3)" }
        lines.append("1,2,abc")
        try expectReadFailure(
            lines.joined(separator: "\n") + "\n", named: "letters.csv", ["line 17, column 3: 'abc' is not a number"])
    }

    @Test("empty files and files without data rows")
    func emptyFiles() throws {
        try expectReadFailure("", named: "empty.csv", ["is empty"])
        try expectReadFailure("\n\n  \n", named: "blank.csv", ["only blank lines"])
        try expectReadFailure("# nothing\n\n", named: "comments.csv", ["only comments"])
        try expectReadFailure("a,b\n", named: "header.csv", ["header row but no data rows"])
    }

    @Test("empty fields")
    func emptyField() throws {
        try expectReadFailure("1,2,3\n4,,6\n", named: "hole.csv", ["line 2, column 2 is empty"])
        try expectReadFailure("1,2,3\n1,2,\n", named: "trailing.csv", ["line 2, column 3 is empty"])
    }

    @Test("quotes: unclosed, or followed by text")
    func badQuotes() throws {
        try expectReadFailure("\"a,b\n1,2\n", named: "open.csv", ["line 1, column 1: a quoted field is not closed"])
        try expectReadFailure("a,\"b\"c\n1,2\n", named: "after.csv", ["line 1, column 2: unexpected text after a closing quote"])
    }

    @Test("the wrong delimiter or decimal commas get a hint")
    func delimiterHints() throws {
        try expectReadFailure("x;y\n1;2\n", named: "semi.csv", ["line 2, column 1: '1;2' is not a number", "separated by ';'"])
        try expectReadFailure(
            "x;y\n1,5;2\n", named: "comma.csv", options: CSVReadOptions(delimiter: .semicolon),
            ["'1,5' is not a number", "decimal commas"])
    }

    @Test("NumPy and gzip data are recognised")
    func wrongKindOfData() throws {
        let npy = try IOFixture.url("npy/float64_5.npy")
        expectBoltzmannError(containing: ["float64_5.npy", "NumPy .npy file"]) { _ = try CSV.read(from: npy) }
        let gzip = try Data(contentsOf: IOFixture.url("csv/small.csv.gz"))
        expectBoltzmannError(containing: ["memory.csv.gz", "gzip-compressed"]) {
            _ = try CSV.parse(gzip, source: "memory.csv.gz")
        }
    }

    @Test("a missing file is named")
    func missingFile() throws {
        expectBoltzmannError(containing: ["/nonexistent/data.csv", "no such file"]) {
            _ = try CSV.read(from: URL(fileURLWithPath: "/nonexistent/data.csv"))
        }
    }
}
