import Foundation
import Testing

import BoltzmannCore

@Suite("JSON result encoding")
struct ResultJSONTests {
    struct Point: Codable, Equatable {
        var alpha: Double
        var freeEntropy: Double
        var overlaps: [Float]
        var converged: Bool
        var note: String?
    }

    struct Sweep: Codable {
        var zeta: Int
        var points: [Point]
        var path: String
    }

    static let sweep = Sweep(
        zeta: 1,
        points: [
            Point(alpha: 0.1, freeEntropy: .nan, overlaps: [.infinity, 0.25], converged: false, note: nil),
            Point(alpha: 2, freeEntropy: -.infinity, overlaps: [], converged: true, note: "a/b"),
        ],
        path: "runs/2024")

    @Test("non-finite numbers become strings; keys are sorted; slashes are not escaped")
    func encodesNonFinite() throws {
        let text = try ResultJSON.string(Self.sweep)
        #expect(text.contains("\"freeEntropy\" : \"NaN\""))
        #expect(text.contains("\"freeEntropy\" : \"-Infinity\""))
        #expect(text.contains("\"Infinity\""))
        #expect(text.contains("\"path\" : \"runs/2024\""))
        #expect(text.contains("\"alpha\" : 0.1,"))
        let keys = ["\"path\"", "\"points\"", "\"zeta\""].map { text.range(of: $0)!.lowerBound }
        #expect(keys == keys.sorted())
        let inner = ["\"alpha\"", "\"converged\"", "\"freeEntropy\"", "\"overlaps\""].map {
            text.range(of: $0)!.lowerBound
        }
        #expect(inner == inner.sorted())
        #expect(text.hasPrefix("{\n  \""))
        // Foundation's own parser accepts the document, and sees the strings as strings.
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let points = parsed?["points"] as? [[String: Any]]
        #expect(points?.first?["freeEntropy"] as? String == "NaN")
    }

    @Test("encode/decode round trip restores NaN and infinities")
    func roundTrip() throws {
        let decoded = try ResultJSON.decode(Sweep.self, from: ResultJSON.encode(Self.sweep))
        #expect(decoded.points[0].freeEntropy.isNaN)
        #expect(decoded.points[0].overlaps == [.infinity, 0.25])
        #expect(decoded.points[1].freeEntropy == -.infinity)
        #expect(decoded.points[1] == Self.sweep.points[1])
        #expect(decoded.zeta == 1)
    }

    @Test("finite doubles round-trip exactly")
    func exactDoubles() throws {
        var bits = IOTestBits(state: 7)
        let values = (0..<500).map { _ in Double(bitPattern: bits.next()) }.filter(\.isFinite)
        let decoded = try ResultJSON.decode([Double].self, from: ResultJSON.encode(values))
        #expect(decoded.map(\.bitPattern) == values.map(\.bitPattern))
    }

    @Test("file round trip ends the file with a newline")
    func fileRoundTrip() throws {
        let folder = try IOScratchFolder()
        defer { folder.remove() }
        let url = folder.file("result.json")
        try ResultJSON.write(Self.sweep, to: url)
        let bytes = try Data(contentsOf: url)
        #expect(bytes.last == UInt8(ascii: "\n"))
        let restored = try ResultJSON.read(Sweep.self, from: url)
        #expect(restored.points[1] == Self.sweep.points[1])
    }

    @Test("decoding errors name the file and the entry")
    func decodingErrors() throws {
        let folder = try IOScratchFolder()
        defer { folder.remove() }
        let missing = try folder.write(
            #"{"zeta": 1, "path": "p", "points": [{"alpha": 1, "freeEntropy": 2, "overlaps": []}]}"#,
            named: "missing.json")
        expectBoltzmannError(containing: ["missing.json", "'converged' is missing at points[0]"]) {
            _ = try ResultJSON.read(Sweep.self, from: missing)
        }
        let mistyped = try folder.write(#"{"zeta": "one", "path": "p", "points": []}"#, named: "typed.json")
        expectBoltzmannError(containing: ["typed.json", "the entry zeta has the wrong type"]) {
            _ = try ResultJSON.read(Sweep.self, from: mistyped)
        }
        let broken = try folder.write(#"{"zeta": 1,"#, named: "broken.json")
        expectBoltzmannError(containing: ["broken.json", "cannot read Sweep", "not valid JSON"]) {
            _ = try ResultJSON.read(Sweep.self, from: broken)
        }
    }
}
