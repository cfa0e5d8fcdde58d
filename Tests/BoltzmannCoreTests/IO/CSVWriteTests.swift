import Foundation
import Testing

import BoltzmannCore

@Suite("CSV writing")
struct CSVWriteTests {
    @Test("shortest exact text for doubles")
    func exactText() {
        #expect(CSV.exactText(16) == "16")
        #expect(CSV.exactText(-3) == "-3")
        #expect(CSV.exactText(0) == "0")
        #expect(CSV.exactText(-0.0) == "-0.0")
        #expect(CSV.exactText(0.1) == "0.1")
        #expect(CSV.exactText(1e-5) == "1e-05")
        #expect(CSV.exactText(9_007_199_254_740_991) == "9007199254740991")
        #expect(CSV.exactText(9_007_199_254_740_992) == "9007199254740992.0")
        #expect(CSV.exactText(1e16) == "1e+16")
        #expect(CSV.exactText(.nan) == "nan")
        #expect(CSV.exactText(-.infinity) == "-inf")
    }

    @Test("encoded text: header quoting, delimiter, one line per row")
    func encodedText() {
        let table = NumericTable(
            rows: [[1, 0.25], [-2, 1e300]], columnNames: ["plain", "with, comma \"quoted\""])
        #expect(CSV.encode(table) == "plain,\"with, comma \"\"quoted\"\"\"\n1,0.25\n-2,1e+300\n")
        #expect(
            CSV.encode(table, delimiter: .tab)
                == "plain\t\"with, comma \"\"quoted\"\"\"\n1\t0.25\n-2\t1e+300\n")
        #expect(CSV.encode(NumericTable(rows: [[1]], columnNames: ["a;b"]), delimiter: .semicolon) == "\"a;b\"\n1\n")
        let multiline = NumericTable(rows: [[1]], columnNames: ["two\nlines"])
        #expect(CSV.encode(multiline) == "two lines\n1\n")
    }

    /// 2,000 doubles drawn from all bit patterns (subnormals, huge, tiny) plus NaNs,
    /// infinities and −0.0 survive write → read bit for bit (a NaN as some NaN: CSV text
    /// does not carry NaN payloads).
    @Test("write/read round trip is exact for every double", arguments: CSVDelimiter.allCases)
    func roundTrip(delimiter: CSVDelimiter) throws {
        var bits = IOTestBits(state: 2024)
        var values = (0..<2000).map { _ in Double(bitPattern: bits.next()) }
        values += [
            .nan, -.nan, Double(nan: 0x1234, signaling: false), .infinity, -.infinity, -0.0,
            .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1,
        ]
        values += [Double](repeating: 3, count: 200 - values.count % 200)
        let names = (0..<200).map { "c\($0)" }
        let table = NumericTable(
            rowCount: values.count / 200, columnCount: 200, values: values,
            columnNames: names.enumerated().map { $0.offset == 7 ? "  padded ; \"name\", " : $0.element })
        let folder = try IOScratchFolder()
        defer { folder.remove() }
        let url = folder.file("round-trip.csv")
        try CSV.write(table, to: url, delimiter: delimiter)
        let restored = try CSV.read(
            from: url, options: CSVReadOptions(delimiter: delimiter, nonFinite: .allow))
        #expect(restored.columnNames == table.columnNames)
        #expect(restored.rowCount == table.rowCount)
        #expect(restored.columnCount == 200)
        let same = zip(restored.values, table.values).allSatisfy { read, written in
            written.isNaN ? read.isNaN : read.bitPattern == written.bitPattern
        }
        #expect(same)
    }

    @Test("a table without header and without rows")
    func edgeTables() throws {
        let noHeader = NumericTable(rows: [[1, 2], [3, 4]])
        #expect(CSV.encode(noHeader) == "1,2\n3,4\n")
        let headerOnly = NumericTable(rows: [], columnNames: ["a", "b"])
        #expect(headerOnly.columnCount == 2)
        #expect(CSV.encode(headerOnly) == "a,b\n")
    }
}
