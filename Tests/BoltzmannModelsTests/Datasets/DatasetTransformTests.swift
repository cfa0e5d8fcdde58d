import BoltzmannCore
import Foundation
import Testing

import BoltzmannModels

@Suite struct DatasetTransformTests {
    static let values: [[Float]] = [[0, 7.99, 8, 16], [-1, 12, 3, 8.5]]

    @Test func thresholdsAtGreaterOrEqual() throws {
        let dataset = Dataset(samples: try Matrix(Self.values), labels: [1, 2], name: "t")
        let bernoulli = dataset.binarised(.threshold(8))
        #expect(bernoulli.samples == (try Matrix<Float>([[0, 0, 1, 1], [0, 1, 0, 1]])))
        #expect(bernoulli.labels == [1, 2])
        let spins = dataset.binarised(.spinThreshold(8))
        #expect(spins.samples == (try Matrix<Float>([[-1, -1, 1, 1], [-1, 1, -1, 1]])))
    }

    @Test func scalingMultipliesEveryValue() throws {
        let dataset = Dataset(samples: try Matrix(Self.values), name: "t")
        #expect(try dataset.scaled(by: 0.5).samples.elements == Self.values.joined().map { $0 * 0.5 })
        #expect(throws: BoltzmannError.self) { try dataset.scaled(by: 0) }
        #expect(throws: BoltzmannError.self) { try dataset.scaled(by: .infinity) }
    }

    @Test func splitIsASeededPartition() throws {
        let rows = (0..<50).map { [Float($0), Float(2 * $0)] }
        let dataset = Dataset(samples: try Matrix(rows), labels: Array(0..<50), name: "t")
        let (train, test) = try dataset.split(testFraction: 0.2, seed: 7)
        #expect(train.count == 40 && test.count == 10)
        // Every row lands in exactly one part, with its label and both values intact.
        let seen = (train.labels ?? []) + (test.labels ?? [])
        #expect(seen.sorted() == Array(0..<50))
        for part in [train, test] {
            for (row, label) in (part.labels ?? []).enumerated() {
                #expect(part.samples.row(row) == [Float(label), Float(2 * label)])
            }
        }
        // Reproducible from the seed, different for another seed, and actually shuffled.
        let again = try dataset.split(testFraction: 0.2, seed: 7)
        #expect(again.test == test && again.train == train)
        #expect(try dataset.split(testFraction: 0.2, seed: 8).test.labels != test.labels)
        #expect(test.labels != Array(0..<10))
        #expect(throws: BoltzmannError.self) { try dataset.split(testFraction: 1, seed: 1) }
        #expect(throws: BoltzmannError.self) { try dataset.split(testFraction: 0.001, seed: 1) }
    }

    /// Shape, class counts, pixel sum and last row checked against numpy's reading of the file
    /// (`np.loadtxt('Data/digits.csv.gz', delimiter=',')`).
    @Test func digitsMatchNumpy() throws {
        let digits = try Dataset.digits()
        #expect(digits.count == 1797 && digits.featureCount == 64)
        let labels = try #require(digits.labels)
        let counts = (0...9).map { digit in labels.filter { $0 == digit }.count }
        #expect(counts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        #expect(digits.samples.elements.reduce(0.0) { $0 + Double($1) } == 561_718)
        #expect(digits.binarised(.threshold(8)).samples.elements.reduce(0, +) == 37_151)
        #expect(digits.samples.row(1796) == [
            0, 0, 10, 14, 8, 1, 0, 0, 0, 2, 16, 14, 6, 1, 0, 0, 0, 0, 15, 15, 8, 15, 0, 0, 0, 0, 5, 16,
            16, 10, 0, 0, 0, 0, 12, 15, 15, 12, 0, 0, 0, 4, 16, 6, 4, 16, 6, 0, 0, 8, 16, 10, 8, 16, 8,
            0, 0, 1, 8, 12, 14, 12, 1, 0,
        ])
        #expect(labels[1796] == 8)
    }
}
