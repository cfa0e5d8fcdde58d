import BoltzmannCore
import BoltzmannSampling
import RealModule

/// A deliberately plain p = 3 single-spin-flip Monte Carlo for the tests of ``CubicTensorKernel``:
/// for every attempt it recomputes the overlaps S_a = η^a·σ from scratch and takes the energy
/// change as the difference of two from-scratch energies, in exact integers:
///
///     Krotov:  N² E = −Σ_a S_a³
///     Gardner: N² E = −Σ_a 6 e₃(η^a ∘ σ) = −Σ_a (S_a³ − (3N − 2) S_a)
///
/// (6e₃ = p₁³ − 3p₁p₂ + 2p₃ with p₁ = p₃ = S_a, p₂ = N for ±1 entries; checked against an
/// explicit triple sum in the tests). Sites are visited in the protocol's site-major order
/// (site i for chain 0, 1, …, then site i + 1) and decisions use the literal formulas with one
/// uniform per attempt (none at T = 0), independently of the kernel's shortcuts and chain-major
/// order.
struct CubicReference {
    let examples: [Int8]
    let exampleCount: Int
    let size: Int
    let form: CubicTensorKernel.Form

    /// N² E as an exact integer (the negated sum above).
    func energyNumerator(_ spins: ArraySlice<Int8>) -> Int64 {
        let n = size
        let first = spins.startIndex
        var total: Int64 = 0
        for a in 0..<exampleCount {
            var overlap: Int64 = 0
            for i in 0..<n { overlap += Int64(examples[a * n + i]) * Int64(spins[first + i]) }
            total += overlap * overlap * overlap
            if form == .gardner { total -= Int64(3 * n - 2) * overlap }
        }
        return -total
    }

    func energy(_ spins: ArraySlice<Int8>) -> Double {
        Double(energyNumerator(spins)) / Double(size * size)
    }

    /// Gardner energy by the definition, −(3!/N²) Σ_a Σ_{i<j<k} η_ai η_aj η_ak σ_i σ_j σ_k.
    func gardnerEnergyByTriples(_ spins: ArraySlice<Int8>) -> Double {
        let n = size
        let first = spins.startIndex
        var total: Int64 = 0
        for a in 0..<exampleCount {
            let row = a * n
            for i in 0..<n {
                for j in (i + 1)..<max(i + 1, n) {
                    for k in (j + 1)..<max(j + 1, n) {
                        total += Int64(examples[row + i] * spins[first + i]) * Int64(examples[row + j] * spins[first + j])
                            * Int64(examples[row + k] * spins[first + k])
                    }
                }
            }
        }
        return -6 * Double(total) / Double(n * n)
    }

    /// One sweep of every chain (spins L × N, chain-major), site-major. Returns accepted flips.
    func sweep(
        _ spins: inout [Int8], beta: Double, rule: UpdateRule, streams: inout [RandomStream]
    ) -> Int {
        let n = size
        let chains = spins.count / n
        var accepted = 0
        for i in 0..<n {
            for l in 0..<chains {
                let range = (l * n)..<((l + 1) * n)
                let before = energyNumerator(spins[range])
                spins[l * n + i] = -spins[l * n + i]
                let after = energyNumerator(spins[range])
                spins[l * n + i] = -spins[l * n + i]
                let deltaE = Double(after - before) / Double(n * n)
                let flip: Bool
                switch rule {
                case .heatBath:
                    let u = streams[l].uniform()
                    flip = u < 1 / (1 + Double.exp(beta * deltaE))
                case .metropolis:
                    let u = streams[l].uniform()
                    flip = u < Double.exp(-beta * deltaE)
                case .zeroTemperature:
                    flip = deltaE < 0
                }
                if flip {
                    spins[l * n + i] = -spins[l * n + i]
                    accepted += 1
                }
            }
        }
        return accepted
    }

    /// Mean |ΔE| over all single flips of the given chains: a temperature scale for the tests.
    func meanFlipEnergy(_ spins: [Int8]) -> Double {
        let n = size
        var spins = spins
        var total = 0.0
        for l in 0..<(spins.count / n) {
            let range = (l * n)..<((l + 1) * n)
            let before = energyNumerator(spins[range])
            for i in 0..<n {
                spins[l * n + i] = -spins[l * n + i]
                total += abs(Double(energyNumerator(spins[range]) - before))
                spins[l * n + i] = -spins[l * n + i]
            }
        }
        return total / Double(spins.count * n * n)
    }
}

/// Test data: random ±1 examples, or r-noise copies of a random teacher.
enum CubicTestData {
    static func randomSpins(_ count: Int, seed: UInt64, stream: UInt64) -> [Int8] {
        var random = RandomStream(seed: seed, stream: stream)
        return (0..<count).map { _ in random.rademacher() }
    }

    /// M r-noise copies of `teacher`: each bit kept with probability (1 + r)/2.
    static func noisyCopies(of teacher: [Int8], count m: Int, r: Double, seed: UInt64) -> [Int8] {
        var random = RandomStream(seed: seed, stream: 99)
        var examples = [Int8]()
        examples.reserveCapacity(m * teacher.count)
        for _ in 0..<m {
            for bit in teacher { examples.append(random.uniform() < (1 + r) / 2 ? bit : -bit) }
        }
        return examples
    }
}
