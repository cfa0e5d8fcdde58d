import BoltzmannCore
import Foundation
import Testing

import BoltzmannModels

@Suite struct DatasetLoaderTests {
    @Test func csvWithTheLabelInTheLastColumn() throws {
        let fixtures = try DatasetFixtures()
        let url = try fixtures.file("small.csv", text: "0,1,2,7\n3,4.5,-6,1\n")
        let dataset = try DatasetLoader.load(url, labelColumn: .last)
        #expect(dataset.samples == (try Matrix<Float>([[0, 1, 2], [3, 4.5, -6]])))
        #expect(dataset.labels == [7, 1])
        #expect(dataset.name == "small.csv")

        let first = try DatasetLoader.load(url, labelColumn: .first)
        #expect(first.labels == [0, 3])
        #expect(first.samples.row(1) == [4.5, -6, 1])
        let unlabelled = try DatasetLoader.load(url)
        #expect(unlabelled.labels == nil && unlabelled.featureCount == 4)
    }

    @Test func gzipCompressedCSVReadsLikeThePlainFile() throws {
        let fixtures = try DatasetFixtures()
        let plain = try fixtures.file("table.csv", text: "1,0,1\n0,0,1\n1,1,1\n")
        let compressed = try fixtures.gzipped(plain)
        #expect(try DatasetLoader.load(compressed).samples == (try DatasetLoader.load(plain).samples))
    }

    @Test func npyMatrixAndLabelsFile() throws {
        let fixtures = try DatasetFixtures()
        let samples = try Matrix<Float>([[1, 2], [3, 4], [5, 6]])
        let data = fixtures.folder.appendingPathComponent("x.npy")
        try NPY.write(samples, to: data)
        let labels = fixtures.folder.appendingPathComponent("y.npy")
        try NPY.write(NPYArray(shape: [3], values: [Int64(2), 0, 9]), to: labels)
        let dataset = try DatasetLoader.load(data, labels: labels)
        #expect(dataset.samples == samples)
        #expect(dataset.labels == [2, 0, 9])
    }

    @Test func idxImagesAndLabelsBuiltByteByByte() throws {
        let fixtures = try DatasetFixtures()
        // Three 2 × 3 unsigned-byte images (magic 0x00000803) and their labels (0x00000801).
        let pixels: [UInt8] = Array(0..<18).map { UInt8($0 * 14) }
        let images = try fixtures.file(
            "train-images-idx3-ubyte", bytes: DatasetFixtures.idxBytes(type: 0x08, shape: [3, 2, 3], payload: pixels))
        let labels = try fixtures.file(
            "train-labels-idx1-ubyte", bytes: DatasetFixtures.idxBytes(type: 0x08, shape: [3], payload: [5, 0, 4]))
        let dataset = try DatasetLoader.load(images, labels: labels)
        #expect(dataset.count == 3 && dataset.featureCount == 6)
        #expect(dataset.samples.elements == pixels.map { Float($0) })
        #expect(dataset.labels == [5, 0, 4])

        // The same file gzip-compressed, as MNIST is distributed.
        let compressed = try fixtures.gzipped(images)
        #expect(try DatasetLoader.load(compressed).samples == dataset.samples)

        // Big-endian float32 and int16 payloads.
        let floats: [Float] = [1.5, -2.25]
        let floatBytes = floats.flatMap { value -> [UInt8] in
            let bits = value.bitPattern
            return [UInt8(bits >> 24), UInt8((bits >> 16) & 0xff), UInt8((bits >> 8) & 0xff), UInt8(bits & 0xff)]
        }
        let floatFile = try fixtures.file("f.idx", bytes: DatasetFixtures.idxBytes(type: 0x0D, shape: [1, 2], payload: floatBytes))
        #expect(try DatasetLoader.load(floatFile).samples.elements == floats)
        let shortFile = try fixtures.file(
            "s.idx", bytes: DatasetFixtures.idxBytes(type: 0x0B, shape: [2, 1], payload: [0xff, 0xfe, 0x01, 0x00]))
        #expect(try DatasetLoader.load(shortFile).samples.elements == [-2, 256])
    }

    @Test func formatIsDetectedFromTheContentsWhenTheNameSaysNothing() throws {
        let fixtures = try DatasetFixtures()
        let idx = try fixtures.file("images.bin", bytes: DatasetFixtures.idxBytes(type: 0x08, shape: [2, 2], payload: [1, 2, 3, 4]))
        #expect(try DatasetLoader.load(idx).samples.elements == [1, 2, 3, 4])
        let npy = fixtures.folder.appendingPathComponent("array.dat")
        try NPY.write(try Matrix<Float>([[7, 8]]), to: npy)
        #expect(try DatasetLoader.load(npy).samples.elements == [7, 8])
        let csv = try fixtures.file("table.dat", text: "9,10\n")
        #expect(try DatasetLoader.load(csv).samples.elements == [9, 10])
    }

    /// Each bad file fails with a `BoltzmannError` that names the file and contains `expected`.
    @Test(arguments: [
        ("empty.csv", "", "empty"),
        ("ragged.csv", "1,2,3\n4,5\n", "line 2 has 2 fields"),
        ("word.csv", "1,2,3\n4,x,6\n", "line 2, column 2: 'x' is not a number"),
        ("nan.csv", "1,2\nnan,3\n", "not a finite number"),
        ("label.csv", "1,2,0.5\n", "not an integer"),
    ])
    func badCSVFails(name: String, text: String, expected: String) throws {
        let fixtures = try DatasetFixtures()
        let url = try fixtures.file(name, text: text)
        let error = try #require(throws: BoltzmannError.self) { try DatasetLoader.load(url, labelColumn: .last) }
        #expect(error.source == url.path)
        #expect(error.problem.contains(expected), "problem was: \(error.problem)")
        #expect(!error.fix.isEmpty)
    }

    @Test func badBinaryFilesFail() throws {
        let fixtures = try DatasetFixtures()
        func problem(_ url: URL, labels: URL? = nil) throws -> String {
            try #require(throws: BoltzmannError.self) { try DatasetLoader.load(url, labels: labels) }.problem
        }
        // NaN in a float .npy, located by row and column.
        let nanFile = fixtures.folder.appendingPathComponent("nan.npy")
        try NPY.write(try Matrix<Float>([[1, 2], [3, .nan]]), to: nanFile)
        #expect(try problem(nanFile).contains("row 2, column 2"))
        // An IDX file whose magic number has a wrong type code.
        let badMagic = try fixtures.file("bad-idx3-ubyte", bytes: [0, 0, 0x07, 3, 0, 0, 0, 1])
        #expect(try problem(badMagic).contains("magic number is 0x00000703"))
        // A CSV file passed under an IDX name.
        let text = try fixtures.file("text-idx3-ubyte", text: "1,2\n")
        #expect(try problem(text).contains("not an IDX file"))
        // Fewer bytes than the header announces, and more.
        let short = try fixtures.file("short-idx3-ubyte", bytes: DatasetFixtures.idxBytes(type: 0x08, shape: [2, 2, 2], payload: [1, 2, 3]))
        #expect(try problem(short).contains("truncated"))
        let long = try fixtures.file("long-idx1-ubyte", bytes: DatasetFixtures.idxBytes(type: 0x08, shape: [1], payload: [1, 2]))
        #expect(try problem(long).contains("extra bytes"))
        // Labels that do not match the samples in number.
        let images = try fixtures.file("i-idx3-ubyte", bytes: DatasetFixtures.idxBytes(type: 0x08, shape: [2, 1, 1], payload: [1, 2]))
        let labels = try fixtures.file("l-idx1-ubyte", bytes: DatasetFixtures.idxBytes(type: 0x08, shape: [3], payload: [1, 2, 3]))
        #expect(try problem(images, labels: labels).contains("3 labels"))
        // A missing file, a zero-sample IDX file and a damaged gzip file.
        #expect(try problem(fixtures.folder.appendingPathComponent("missing.csv")).contains("no such file"))
        let none = try fixtures.file("none-idx3-ubyte", bytes: DatasetFixtures.idxBytes(type: 0x08, shape: [0, 2, 2], payload: []))
        #expect(try problem(none).contains("no samples"))
        let damaged = try fixtures.file("damaged.csv.gz", bytes: [0x1f, 0x8b, 8, 0, 0, 0])
        #expect(try problem(damaged).contains("damaged"))
    }

    @Test func labelColumnOutsideTheTableFails() throws {
        let fixtures = try DatasetFixtures()
        let url = try fixtures.file("two.csv", text: "1,2\n")
        let error = try #require(throws: BoltzmannError.self) { try DatasetLoader.load(url, labelColumn: .index(5)) }
        #expect(error.problem.contains("outside the 2 columns"))
        #expect(LabelColumn("last") == .last && LabelColumn("3") == .index(3) && LabelColumn("-1") == nil)
    }
}
