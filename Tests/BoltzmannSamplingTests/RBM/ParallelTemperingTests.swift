import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import Foundation
import Testing

/// Parallel tempering against exact enumeration on a machine small enough to list every joint
/// state: each replica must sample its own tempered distribution p_β(v, h) ∝
/// exp(aᵀv + bᵀh + β vᵀWh), which holds only if sweeps and exchanges both satisfy detailed balance.
@Suite("Parallel tempering samples the exact tempered distributions")
struct ParallelTemperingTests {
    static let weights: [[Float]] = [[2.5, -2], [2, -1.5], [-2, 2.5]]
    static let visibleBias: [Float] = [-1, -0.5, 0.5]
    static let hiddenBias: [Float] = [-0.5, 0.3]

    static func machine() throws -> RestrictedBoltzmannMachine {
        try RestrictedBoltzmannMachine(
            visible: BernoulliLayer(bias: visibleBias), hidden: BernoulliLayer(bias: hiddenBias),
            weights: Matrix(weights))
    }

    /// p_β over the 2^(3+2) joint states, index v_code·4 + h_code, by direct enumeration in Double.
    static func exactDistribution(beta: Double) -> [Double] {
        var weightsOfStates: [Double] = []
        for vCode in 0..<8 {
            for hCode in 0..<4 {
                var logWeight = 0.0
                for i in 0..<3 where (vCode >> i) & 1 == 1 {
                    logWeight += Double(visibleBias[i])
                    for j in 0..<2 where (hCode >> j) & 1 == 1 { logWeight += beta * Double(weights[i][j]) }
                }
                for j in 0..<2 where (hCode >> j) & 1 == 1 { logWeight += Double(hiddenBias[j]) }
                weightsOfStates.append(Foundation.exp(logWeight))
            }
        }
        let total = weightsOfStates.reduce(0, +)
        return weightsOfStates.map { $0 / total }
    }

    @Test("Every replica's histogram matches p_β; swap rates lie strictly between 0 and 1")
    func replicasSampleTemperedDistributions() throws {
        let rbm = try Self.machine()
        let betas: [Float] = [0.2, 0.5, 1]
        let chains = 2000
        var random = RandomStream(seed: 12)
        var sampler = try RBMParallelTempering(rbm, betas: betas, chains: chains, random: &random)
        for _ in 0..<30 { sampler.step(rbm, random: &random) }
        sampler.resetCounters()
        var counts = [[Double]](repeating: [Double](repeating: 0, count: 32), count: betas.count)
        let steps = 150
        for _ in 0..<steps {
            sampler.step(rbm, random: &random)
            for (k, replica) in sampler.replicas.enumerated() {
                for chain in 0..<chains {
                    var code = 0
                    for i in 0..<3 where replica.visible[chain, i] == 1 { code |= 1 << (i + 2) }
                    for j in 0..<2 where replica.hidden[chain, j] == 1 { code |= 1 << j }
                    counts[k][code] += 1
                }
            }
        }
        for (k, beta) in betas.enumerated() {
            let exact = Self.exactDistribution(beta: Double(beta))
            let total = Double(steps * chains)
            let distance = 0.5 * zip(counts[k], exact).map { abs($0 / total - $1) }.reduce(0, +)
            #expect(distance < 0.015, "β = \(beta): total variation distance \(distance)")
        }
        let rates = sampler.acceptanceRates
        #expect(rates.count == 2)
        #expect(rates.allSatisfy { $0 > 0.05 && $0 < 0.99 }, "swap acceptance \(rates)")
        #expect(sampler.modelSamples.visible.rows == chains)
    }

    @Test("The acceptance ratio favours moving the larger coupling vᵀWh to the larger β")
    func acceptanceSign() {
        // Lower replica holds C = 3, upper holds C = 1: exchanging puts C = 3 at β = 1, log ratio
        // (1 − 0.5)(3 − 1) = 1 > 0, always accepted; the reverse has log ratio −1.
        #expect(ReplicaExchange.logAcceptanceRatio(lowerBeta: 0.5, upperBeta: 1, lowerCoupling: 3, upperCoupling: 1) == 1)
        #expect(ReplicaExchange.logAcceptanceRatio(lowerBeta: 0.5, upperBeta: 1, lowerCoupling: 1, upperCoupling: 3) == -1)
    }

    @Test("Invalid ladders are refused")
    func invalidLadders() throws {
        for ladder: [Float] in [[], [0.5], [0.3, 0.2, 1], [0.5, 0.5, 1], [-0.1, 1], [0.5, .nan, 1]] {
            #expect(throws: BoltzmannError.self) { try ReplicaExchange(betas: ladder) }
        }
        var random = RandomStream(seed: 1)
        #expect(throws: BoltzmannError.self) {
            try RBMParallelTempering(try Self.machine(), betas: [0.5, 1], chains: 0, random: &random)
        }
        #expect(try ReplicaExchange(betas: [0, 1]).replicaCount == 2)
    }
}
