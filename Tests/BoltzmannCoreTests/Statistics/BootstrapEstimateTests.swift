import BoltzmannCore
import Testing

@Suite("Statistics: bootstrap")
struct BootstrapEstimateTests {
    @Test("error of the mean of iid data: √((n−1)/n) s/√n within the replica noise 1/√(2R)")
    func meanError() throws {
        var data = RandomStream(seed: 501, stream: 0)
        let n = 5000
        let samples = (0..<n).map { _ in data.gaussian() }
        var generator = RandomStream(seed: 501, stream: 1)
        let replicaCount = 2000
        let bootstrap = try BootstrapEstimate(samples: samples, replicaCount: replicaCount, using: &generator)
        let plain = try MeanEstimate(samples: samples)
        let expected = plain.standardError * (Double(n - 1) / Double(n)).squareRoot()
        #expect(abs(bootstrap.standardError / expected - 1) < 4 / (2 * Double(replicaCount)).squareRoot())
        #expect(bootstrap.value == plain.mean)
        #expect(abs(bootstrap.bias) < 4 * expected / Double(replicaCount).squareRoot())
        let interval = try #require(try bootstrap.percentileInterval(coverage: 0.95))
        #expect(interval.contains(plain.mean))
        #expect(abs((interval.upperBound - interval.lowerBound) / (2 * 1.96 * expected) - 1) < 0.1)
        #expect(throws: BoltzmannError.self) { try bootstrap.percentileInterval(coverage: 1) }
        let broken = BootstrapEstimate(value: 0, standardError: 0, bias: 0, replicas: [1, .nan, 2], blockCount: 2)
        #expect(try broken.percentileInterval(coverage: 0.5) == nil)
    }

    @Test("seeded: the same stream gives the same replicas, another substream different ones")
    func deterministic() throws {
        let samples = (0..<200).map { Double($0 % 17) }
        var first = RandomStream(seed: 502).substream(4)
        var second = RandomStream(seed: 502).substream(4)
        var other = RandomStream(seed: 502).substream(5)
        let a = try BootstrapEstimate(samples: samples, replicaCount: 100, using: &first)
        let b = try BootstrapEstimate(samples: samples, replicaCount: 100, using: &second)
        let c = try BootstrapEstimate(samples: samples, replicaCount: 100, using: &other)
        #expect(a == b)
        #expect(a.replicas != c.replicas)
        #expect(first == second)
    }

    @Test("ratio of correlated means: error agrees with the delta method")
    func ratio() throws {
        let data = RatioOfMeans(count: 20_000, seed: 503)
        var generator = RandomStream(seed: 503, stream: 1)
        let replicaCount = 2000
        let bootstrap = try BootstrapEstimate(series: [data.x, data.y], replicaCount: replicaCount, using: &generator) {
            $0[0] / $0[1]
        }
        #expect(abs(bootstrap.standardError / data.deltaMethod.standardError - 1) < 4 / (2 * Double(replicaCount)).squareRoot())
    }

    @Test("block bootstrap of an AR(1) chain recovers the correlated error √(2τ/n)")
    func blockBootstrap() throws {
        let series = AutoregressiveSeries.make(rho: 0.9, count: 1 << 18, seed: 504)
        var generator = RandomStream(seed: 504, stream: 1)
        let bootstrap = try BootstrapEstimate(samples: series, blockSize: 512, replicaCount: 1000, using: &generator)
        let exact = (2 * AutoregressiveSeries.tau(rho: 0.9) / Double(series.count)).squareRoot()
        // Blocks of 512 ≈ 54 τ: bias ≈ −τ/(2·512) ≈ −1 %; 512 blocks: ±3 % noise; replicas: ±2 %.
        #expect(abs(bootstrap.standardError / exact - 1) < 0.15)
    }

    @Test("bad input throws instead of trapping")
    func badInput() {
        var generator = RandomStream(seed: 505)
        #expect(throws: BoltzmannError.self) { try BootstrapEstimate(samples: [1, 2, 3], replicaCount: 1, using: &generator) }
        #expect(throws: BoltzmannError.self) { try BootstrapEstimate(samples: [1], using: &generator) }
        #expect(throws: BoltzmannError.self) { try BootstrapEstimate(series: [[1, 2], [1]], using: &generator) { $0[0] } }
    }
}
