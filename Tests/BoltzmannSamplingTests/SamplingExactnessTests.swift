import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import Foundation
import Testing

@Suite("Single-flip dynamics sample the right distribution")
struct SamplingExactnessTests {
    /// The exact Boltzmann distribution of all 2^N states (state bits: bit i set ⇔ σ_i = +1).
    static func boltzmann(_ network: DenseHopfieldNetwork, beta: Double) throws -> [Double] {
        let n = network.size
        var weights = [Double]()
        for state in 0..<(1 << n) {
            let spins = (0..<n).map { (state >> $0) & 1 == 1 ? Int8(1) : Int8(-1) }
            weights.append(-beta * (try network.energy(spins)))
        }
        let top = weights.max()!
        let w = weights.map { exp($0 - top) }
        let z = w.reduce(0, +)
        return w.map { $0 / z }
    }

    static func totalVariation(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + abs($1.0 - $1.1) } / 2
    }

    @Test("Heat bath and Metropolis on N = 8, p = 3 sample the exact Boltzmann distribution")
    func exactDistribution() throws {
        var stream = RandomStream(seed: 71)
        let n = 8
        let memories = try PatternMatrix.random(count: 5, size: n, stream: &stream)
        let network = try DenseHopfieldNetwork(memories: memories, order: 3, form: .krotov(.power))
        let beta = 0.35
        let exact = try Self.boltzmann(network, beta: beta)
        // The test has power: a 20 % error in β moves the distribution far more than the tolerance.
        #expect(Self.totalVariation(exact, try Self.boltzmann(network, beta: 1.2 * beta)) > 0.06)
        let chains = 32
        let sweeps = 40000
        let interval = 4
        for rule in [UpdateRule.heatBath, .metropolis] {
            var kernel = try OverlapDenseKernel(
                network: network, spins: try PatternMatrix.random(count: chains, size: n, stream: &stream).values)
            var streams = (0..<chains).map { RandomStream(seed: 72, stream: UInt64($0)) }
            for _ in 0..<50 { _ = kernel.sweep(beta: beta, rule: rule, streams: &streams) }
            var counts = [Double](repeating: 0, count: 1 << n)
            for sweep in 1...sweeps {
                _ = kernel.sweep(beta: beta, rule: rule, streams: &streams)
                if sweep % interval != 0 { continue }
                let spins = kernel.spins
                for l in 0..<chains {
                    var state = 0
                    for i in 0..<n where spins[l * n + i] > 0 { state |= 1 << i }
                    counts[state] += 1
                }
            }
            let total = counts.reduce(0, +)
            let empirical = counts.map { $0 / total }
            let distance = Self.totalVariation(empirical, exact)
            // Statistical TV for 3.2·10⁵ weakly correlated samples over 256 states is ≈ 0.01.
            #expect(distance < 0.03, "\(rule): total variation \(distance)")
            // χ² per cell over the states with expected count ≥ 20: ≈ 1 for independent samples,
            // measured 0.9–1.1 here (every 4th sweep); a biased kernel gives ≫ 1.6.
            var chiSquare = 0.0
            var cells = 0
            for s in 0..<(1 << n) where exact[s] * total >= 20 {
                chiSquare += (counts[s] - exact[s] * total) * (counts[s] - exact[s] * total) / (exact[s] * total)
                cells += 1
            }
            #expect(chiSquare / Double(cells) < 1.6, "\(rule): χ²/cells = \(chiSquare / Double(cells))")
        }
    }

    @Test("Zero-temperature dynamics never raises the energy")
    func zeroTemperature() throws {
        var stream = RandomStream(seed: 81)
        let n = 60
        let memories = try PatternMatrix.random(count: 400, size: n, stream: &stream)
        for form in [DenseHopfieldForm.gardner, .krotov(.power), .krotov(.rectifiedPower)] {
            let network = try DenseHopfieldNetwork(memories: memories, order: 3, form: form)
            let chains = 4
            var kernel = try OverlapDenseKernel(network: network, spins: try PatternMatrix.random(count: chains, size: n, stream: &stream).values)
            var streams = (0..<chains).map { RandomStream(seed: 3, stream: UInt64($0)) }
            var previous = (0..<chains).map { kernel.energy(chain: $0) }
            var flips = 0
            for _ in 0..<500 {
                let accepted = kernel.sweep(beta: .infinity, rule: .zeroTemperature, streams: &streams)
                flips += accepted
                let energies = (0..<chains).map { kernel.energy(chain: $0) }
                for l in 0..<chains { #expect(energies[l] <= previous[l], "\(form) chain \(l)") }
                previous = energies
                if accepted == 0 { break }
            }
            #expect(flips > 0)
            // At the end every chain is a local minimum: no single flip lowers the energy.
            for l in 0..<chains {
                for i in 0..<n { #expect(kernel.energyChange(chain: l, site: i) >= 0) }
            }
            #expect(streams == (0..<chains).map { RandomStream(seed: 3, stream: UInt64($0)) }, "T = 0 draws nothing")
        }
    }
}
