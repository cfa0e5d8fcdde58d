import Foundation
import Testing

import BoltzmannCore

/// The committed test files under `Fixtures/npy` and `Fixtures/csv`.
enum IOFixture {
    static func url(_ relativePath: String) throws -> URL {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return folder.appendingPathComponent(relativePath)
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(relativePath)))
    }
}

/// A fresh folder under the system's temporary folder; call `remove()` when done.
struct IOScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("boltzmann-io-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes `bytes` to a file called `name` and returns its URL.
    func write(_ bytes: [UInt8], named name: String) throws -> URL {
        let target = file(name)
        try Data(bytes).write(to: target)
        return target
    }

    func write(_ text: String, named name: String) throws -> URL {
        try write(Array(text.utf8), named: name)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Runs `body`, expects a `BoltzmannError`, and checks that its printed text contains every
/// string in `fragments` (case-sensitive). Returns the error for further checks.
@discardableResult
func expectBoltzmannError(
    containing fragments: [String], sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) -> BoltzmannError? {
    do {
        try body()
    } catch let error as BoltzmannError {
        for fragment in fragments {
            #expect(
                error.description.contains(fragment),
                "\"\(fragment)\" missing from: \(error.description)", sourceLocation: sourceLocation)
        }
        #expect(!error.fix.isEmpty, sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected a BoltzmannError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
    Issue.record("expected a BoltzmannError, but nothing was thrown", sourceLocation: sourceLocation)
    return nil
}

/// A deterministic stream of 64-bit values (SplitMix64, Steele, Lea & Flood 2014) for test data.
struct IOTestBits {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
