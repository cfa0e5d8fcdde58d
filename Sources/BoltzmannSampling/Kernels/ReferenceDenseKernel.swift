import BoltzmannCore
import BoltzmannModels

/// The plain, obviously correct kernel: every flip attempt recomputes the energy of the chain
/// before and after the flip from the Hamiltonian, H(σ) = −Σ_μ Φ(ξ^μ·σ), with all overlaps
/// recomputed from scratch (O(M N) per attempt). For tests only.
///
/// For the integer forms the energy numerators Σ_μ φ(S_μ) are exact `Int64` sums, and
///
///     ΔE = (Σ_μ φ(S_μ) − Σ_μ φ(S′_μ)) / N^{p−1}
///
/// is that exact integer divided once: the same `Double` as the overlap kernels' cavity formula
/// (the two integers are equal, see ``BoltzmannModels/DenseInteraction``). Together with the
/// shared acceptance rule (``UpdateRule/accepts(energyChange:beta:stream:)``) and the same draws,
/// the trajectories of all kernels coincide exactly. When a numerator would overflow `Int64`,
/// or for the exponential form, ΔE is the difference of the two `Double` energies.
public struct ReferenceDenseKernel: DenseFlipKernel {
    /// The network whose energy is recomputed.
    public let network: DenseHopfieldNetwork
    public let size: Int
    public let chainCount: Int
    var spinState: [Int8]

    /// - Throws: `BoltzmannError` when `spins` is not L × N values ±1 with L ≥ 1.
    public init(network: DenseHopfieldNetwork, spins: [Int8]) throws(BoltzmannError) {
        let n = network.size
        try OverlapDenseKernel.validate(spins: spins, size: n)
        self.network = network
        self.size = n
        self.chainCount = spins.count / n
        self.spinState = spins
    }

    public var spins: [Int8] { spinState }

    public mutating func setSpins(_ spins: [Int8]) {
        precondition(spins.count == chainCount * size && spins.allSatisfy { $0 == 1 || $0 == -1 },
                     "ReferenceDenseKernel.setSpins: need \(chainCount) × \(size) values ±1")
        spinState = spins
    }

    public mutating func sweep(beta: Double, rule: UpdateRule, streams: inout [RandomStream]) -> Int {
        precondition(streams.count == chainCount, "ReferenceDenseKernel.sweep: one stream per chain")
        var accepted = 0
        for i in 0..<size {
            for l in 0..<chainCount {
                var chain = Array(spinState[(l * size)..<((l + 1) * size)])
                let before = energyParts(chain)
                chain[i] = -chain[i]
                let after = energyParts(chain)
                let deltaE: Double
                if let b = before.numerator, let a = after.numerator, case (let d, false) = b.subtractingReportingOverflow(a) {
                    deltaE = Double(d) / network.interaction.denominator
                } else {
                    deltaE = after.energy - before.energy
                }
                if rule.accepts(energyChange: deltaE, beta: beta, stream: &streams[l]) {
                    spinState[l * size + i] = -spinState[l * size + i]
                    accepted += 1
                }
            }
        }
        return accepted
    }

    public func energy(chain l: Int) -> Double {
        precondition((0..<chainCount).contains(l), "ReferenceDenseKernel.energy: no chain \(l)")
        return energyParts(Array(spinState[(l * size)..<((l + 1) * size)])).energy
    }

    /// H(σ) and, when exact, its integer numerator Σ_μ φ(S_μ) (H = −numerator/N^{p−1}).
    func energyParts(_ chain: [Int8]) -> (energy: Double, numerator: Int64?) {
        let interaction = network.interaction
        var numerator: Int64? = interaction.hasIntegerNumerators ? 0 : nil
        var real = 0.0
        for mu in 0..<network.memoryCount {
            let s = network.memories.overlap(pattern: mu, with: chain)
            real += interaction.overlapEnergy(s)
            if let current = numerator {
                if let phi = interaction.integerNumerator(s), case (let sum, false) = current.addingReportingOverflow(phi) {
                    numerator = sum
                } else {
                    numerator = nil
                }
            }
        }
        if let numerator { return (-Double(numerator) / interaction.denominator, numerator) }
        return (-real, nil)
    }
}
