import BoltzmannCore
import Foundation
import Testing

@Suite("Random: distributions")
struct DistributionTests {
    @Test("uniform: range, moments, χ² on 1000 bins and Kolmogorov–Smirnov")
    func uniformDouble() {
        var stream = RandomStream(seed: 11, stream: 0)
        let n = 1_000_000
        let values = (0..<n).map { _ in stream.uniform() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        let (mean, variance) = DistributionChecks.meanAndVariance(values)
        // σ(mean) = √(1/12n) ≈ 2.9e-4; σ(variance) = √(1/180n) ≈ 7.5e-5.
        #expect(abs(mean - 0.5) < 5 * (1.0 / 12 / Double(n)).squareRoot())
        #expect(abs(variance - 1.0 / 12) < 5 * (1.0 / 180 / Double(n)).squareRoot())
        var counts = [Int](repeating: 0, count: 1000)
        for value in values { counts[Int(value * 1000)] += 1 }
        let chi2 = DistributionChecks.chiSquare(observed: counts, expected: [Double](repeating: Double(n) / 1000, count: 1000))
        #expect(chi2 < DistributionChecks.chiSquareThreshold(degreesOfFreedom: 999))
        let ks = DistributionChecks.kolmogorovSmirnov(Array(values.prefix(200_000))) { min(max($0, 0), 1) }
        #expect(ks < DistributionChecks.kolmogorovSmirnovThreshold)
    }

    @Test("uniform uses the top 53 bits and uniformFloat the top 24 bits of one draw")
    func uniformBitLayout() {
        var stream = RandomStream(seed: 12, stream: 3)
        var raw = stream
        for _ in 0..<100 {
            #expect(stream.uniform() == Double(raw.next() >> 11) / 9_007_199_254_740_992)
            #expect(stream.uniformFloat() == Float(raw.next() >> 40) / 16_777_216)
        }
    }

    @Test("uniformFloat: range, moments and χ²")
    func uniformFloat() {
        var stream = RandomStream(seed: 13, stream: 0)
        let n = 500_000
        let values = (0..<n).map { _ in stream.uniformFloat() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        let (mean, _) = DistributionChecks.meanAndVariance(values.map(Double.init))
        #expect(abs(mean - 0.5) < 5 * (1.0 / 12 / Double(n)).squareRoot())
        var counts = [Int](repeating: 0, count: 256)
        for value in values { counts[Int(value * 256)] += 1 }
        let chi2 = DistributionChecks.chiSquare(observed: counts, expected: [Double](repeating: Double(n) / 256, count: 256))
        #expect(chi2 < DistributionChecks.chiSquareThreshold(degreesOfFreedom: 255))
    }

    @Test("uniformIndex(below:) is uniform, in range, and follows Lemire's method exactly")
    func uniformIndex() {
        var stream = RandomStream(seed: 14, stream: 0)
        var reference = stream
        let bound = 37
        var counts = [Int](repeating: 0, count: bound)
        let n = 370_000
        for _ in 0..<n {
            let index = stream.uniformIndex(below: bound)
            // Plain reference: reject the low words below 2⁶⁴ mod bound, take the high word.
            var expected = -1
            while expected < 0 {
                let product = reference.next().multipliedFullWidth(by: UInt64(bound))
                if product.low >= (0 &- UInt64(bound)) % UInt64(bound) { expected = Int(product.high) }
            }
            #expect(index == expected)
            counts[index] += 1
        }
        let chi2 = DistributionChecks.chiSquare(observed: counts, expected: [Double](repeating: Double(n) / Double(bound), count: bound))
        #expect(chi2 < DistributionChecks.chiSquareThreshold(degreesOfFreedom: bound - 1))
        // A bound just above 2⁶² rejects about a quarter of the draws: still in range and even.
        let huge = Int.max / 2 + 12_345
        var upperHalf = 0
        for _ in 0..<10_000 {
            let index = stream.uniformIndex(below: huge)
            #expect(index >= 0 && index < huge)
            if index >= huge / 2 { upperHalf += 1 }
        }
        #expect(abs(upperHalf - 5000) < 5 * 50)
        #expect(stream.uniformIndex(below: 1) == 0)
    }

    @Test("gaussian: moments, kurtosis, Kolmogorov–Smirnov against Φ, χ² in 120 bins, tail mass")
    func gaussianDistribution() {
        var stream = RandomStream(seed: 15, stream: 0)
        let n = 2_000_000
        var values = [Double](repeating: 0, count: n)
        stream.fillGaussian(&values)
        let (mean, variance) = DistributionChecks.meanAndVariance(values)
        let fourth = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) * ($1 - mean) * ($1 - mean) } / Double(n)
        let kurtosis = fourth / (variance * variance)
        // σ(mean) = 1/√n, σ(variance) = √(2/n), σ(kurtosis) ≈ √(24/n).
        #expect(abs(mean) < 5 / Double(n).squareRoot())
        #expect(abs(variance - 1) < 5 * (2 / Double(n)).squareRoot())
        #expect(abs(kurtosis - 3) < 5 * (24 / Double(n)).squareRoot())
        let ks = DistributionChecks.kolmogorovSmirnov(values, cdf: DistributionChecks.normalCDF)
        #expect(ks < DistributionChecks.kolmogorovSmirnovThreshold)
        // 120 bins of width 0.05 on [−3, 3] plus the two tails: resolves the wedges of each layer.
        var counts = [Int](repeating: 0, count: 122)
        for value in values {
            let bin = value < -3 ? 0 : (value >= 3 ? 121 : 1 + min(119, Int((value + 3) / 0.05)))
            counts[bin] += 1
        }
        var expected = [Double](repeating: 0, count: 122)
        expected[0] = Double(n) * DistributionChecks.normalCDF(-3)
        expected[121] = expected[0]
        for bin in 1...120 {
            let low = -3 + Double(bin - 1) * 0.05
            expected[bin] = Double(n) * (DistributionChecks.normalCDF(low + 0.05) - DistributionChecks.normalCDF(low))
        }
        let chi2 = DistributionChecks.chiSquare(observed: counts, expected: expected)
        #expect(chi2 < DistributionChecks.chiSquareThreshold(degreesOfFreedom: 121))
        // Beyond the Ziggurat's tail start r = 3.654: mass 2(1 − Φ(r)) ≈ 2.58e-4, from the tail method.
        let r = 3.6541528853610088
        let tailCount = values.reduce(0) { $0 + (abs($1) > r ? 1 : 0) }
        let tailExpected = Double(n) * 2 * DistributionChecks.normalCDF(-r)
        #expect(abs(Double(tailCount) - tailExpected) < 5 * tailExpected.squareRoot())
        let farTail = values.reduce(0) { $0 + (abs($1) > 4.5 ? 1 : 0) }
        let farExpected = Double(n) * 2 * DistributionChecks.normalCDF(-4.5)
        #expect(abs(Double(farTail) - farExpected) < 5 * farExpected.squareRoot() + 1)
    }

    @Test("rademacher: ±1 only, frequency within 5σ, no serial correlation of neighbouring bits")
    func rademacherFrequencies() {
        var stream = RandomStream(seed: 16, stream: 0)
        let n = 1_000_000
        let values = (0..<n).map { _ in stream.rademacher() }
        #expect(values.allSatisfy { $0 == 1 || $0 == -1 })
        let sum = values.reduce(0) { $0 + Int($1) }
        #expect(abs(sum) < 5 * Int(Double(n).squareRoot()))
        var lagged = 0
        for index in 1..<n { lagged += Int(values[index]) * Int(values[index - 1]) }
        #expect(abs(lagged) < 5 * Int(Double(n).squareRoot()))
        // Bits are taken lowest first from one draw: 64 values per draw.
        var fresh = RandomStream(seed: 16, stream: 1)
        var raw = fresh
        let word = raw.next()
        for bit in 0..<64 {
            #expect(fresh.rademacher() == ((word >> UInt64(bit)) & 1 == 1 ? 1 : -1))
        }
        #expect(fresh.next() == raw.next())
    }

    @Test("bernoulli: frequencies within 5σ for several p, exact edge cases")
    func bernoulliFrequencies() {
        var stream = RandomStream(seed: 17, stream: 0)
        let n = 200_000
        for p in [0.001, 0.1, 0.5, 0.77, 0.999] {
            let hits = (0..<n).reduce(0) { count, _ in count + (stream.bernoulli(p) ? 1 : 0) }
            let sigma = (Double(n) * p * (1 - p)).squareRoot()
            #expect(abs(Double(hits) - Double(n) * p) < 5 * sigma, "p = \(p)")
        }
        for _ in 0..<1000 {
            #expect(stream.bernoulli(0) == false)
            #expect(stream.bernoulli(1) == true)
            #expect(stream.bernoulli(-2) == false)
            #expect(stream.bernoulli(.nan) == false)
        }
    }
}
