import BoltzmannCore
import Testing

/// The `fill…` contract: a bulk fill produces exactly the values of the scalar calls, in order,
/// and leaves the stream where those calls would have left it.
@Suite("Random: bulk fills equal element-wise calls")
struct BulkFillTests {
    /// Odd lengths exercise the partial words of the Rademacher fill.
    private let lengths = [0, 1, 63, 64, 65, 1000, 4099]

    @Test("fillUniform (Double and Float)")
    func uniform() {
        for length in lengths {
            var bulk = RandomStream(seed: 21, stream: UInt64(length))
            var scalar = bulk
            var doubles = [Double](repeating: -1, count: length)
            bulk.fillUniform(&doubles)
            #expect(doubles == (0..<length).map { _ in scalar.uniform() })
            var floats = [Float](repeating: -1, count: length)
            bulk.fillUniform(&floats)
            #expect(floats == (0..<length).map { _ in scalar.uniformFloat() })
            #expect(bulk == scalar)
        }
    }

    @Test("fillGaussian (Double and Float)")
    func gaussian() {
        for length in lengths {
            var bulk = RandomStream(seed: 22, stream: UInt64(length))
            var scalar = bulk
            var doubles = [Double](repeating: .nan, count: length)
            bulk.fillGaussian(&doubles)
            #expect(doubles == (0..<length).map { _ in scalar.gaussian() })
            var floats = [Float](repeating: .nan, count: length)
            bulk.fillGaussian(&floats)
            #expect(floats == (0..<length).map { _ in Float(scalar.gaussian()) })
            #expect(bulk == scalar)
        }
    }

    @Test("fillRademacher, starting with a partly used bit reserve")
    func rademacher() {
        for length in lengths {
            for used in [0, 1, 37, 63] {
                var bulk = RandomStream(seed: 23, stream: UInt64(length))
                for _ in 0..<used { _ = bulk.rademacher() }
                var scalar = bulk
                var values = [Int8](repeating: 0, count: length)
                bulk.fillRademacher(&values)
                #expect(values == (0..<length).map { _ in scalar.rademacher() })
                #expect(bulk == scalar, "length \(length), reserve used \(used)")
            }
        }
    }

    @Test("fillBernoulli equals bernoulli(Double(p)) element by element")
    func bernoulli() {
        for length in lengths {
            var bulk = RandomStream(seed: 24, stream: UInt64(length))
            var scalar = bulk
            var probabilitySource = RandomStream(seed: 25, stream: UInt64(length))
            var probabilities = [Float](repeating: 0, count: length)
            probabilitySource.fillUniform(&probabilities)
            if length > 3 {
                probabilities[0] = 0
                probabilities[1] = 1
                probabilities[2] = 1e-30
            }
            var units = [Float](repeating: -1, count: length)
            bulk.fillBernoulli(&units, probabilities: probabilities)
            #expect(units == probabilities.map { scalar.bernoulli(Double($0)) ? 1 : 0 })
            #expect(bulk == scalar)
        }
    }
}
