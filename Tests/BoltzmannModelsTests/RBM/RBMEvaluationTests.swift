import BoltzmannCore
import Foundation
import Testing
import BoltzmannModels

@Suite("RBM evaluation: pseudo-likelihood, reconstruction error, log-likelihood")
struct RBMEvaluationTests {
    @Test("Pseudo-likelihood equals (1/V) Σ_i log p(v_i | v_−i) from brute-force marginals", arguments: [RBMUnitKind.bernoulli, .spin])
    func pseudoLikelihoodBruteForce(visibleKind: RBMUnitKind) throws {
        let rbm = RBMReference.machine(visible: visibleKind, visibleCount: 5, hidden: .bernoulli, hiddenCount: 3, seed: 14)
        let states = rbm.visible.unitStates!
        let data: [[Float]] = [
            [states[1], states[0], states[1], states[1], states[0]],
            [states[0], states[0], states[0], states[0], states[0]],
            [states[1], states[1], states[0], states[1], states[1]],
        ]
        var expected = 0.0
        for v in data {
            for i in 0..<5 {
                let logWeights = states.map { x -> Double in
                    var changed = v
                    changed[i] = x
                    return -RBMReference.freeEnergy(rbm, v: changed)
                }
                expected += -RBMReference.freeEnergy(rbm, v: v) - RBMReference.logSumExp(logWeights)
            }
        }
        expected /= Double(data.count * 5)
        let value = try pseudoLikelihood(rbm, data: RBMReference.matrix(data, columns: 5))
        #expect(rbmClose(value, expected, 1e-6), "\(value) vs \(expected)")
        #expect(value < 0)
    }

    @Test("Pseudo-likelihood with Gaussian hidden units matches free-energy differences of the closed form")
    func pseudoLikelihoodGaussianHidden() throws {
        var random = RandomStream(seed: 8)
        let patterns = try PatternMatrix.random(count: 2, size: 6, stream: &random)
        let rbm = try RestrictedBoltzmannMachine.hopfield(patterns: patterns, beta: 2)
        let network = try DenseHopfieldNetwork(memories: patterns, order: 2, form: .krotov(.power))
        let sigma: [Int8] = patterns.pattern(0)
        // log p(σ_i | σ_−i) from the Hopfield energies β·E_H = β·H_Krotov/2 of σ and of σ with spin i flipped.
        var expected = 0.0
        for i in 0..<6 {
            var flipped = sigma
            flipped[i] = -flipped[i]
            let own = -2 * 0.5 * (try network.energy(sigma))
            let other = -2 * 0.5 * (try network.energy(flipped))
            expected += own - RBMReference.logSumExp([own, other])
        }
        let value = try pseudoLikelihood(rbm, data: RBMReference.matrix([sigma.map(Float.init)], columns: 6))
        #expect(rbmClose(value, expected / 6, 1e-6))
    }

    @Test("Pseudo-likelihood refuses Gaussian visible units, empty and invalid data")
    func pseudoLikelihoodRefusals() {
        let gaussian = RestrictedBoltzmannMachine.random(visible: .gaussian, visibleCount: 3, hidden: .bernoulli, hiddenCount: 2, seed: 1)
        #expect(throws: BoltzmannError.self) { try pseudoLikelihood(gaussian, data: Matrix(rows: 1, columns: 3)) }
        let binary = RestrictedBoltzmannMachine.random(visible: .bernoulli, visibleCount: 3, hidden: .bernoulli, hiddenCount: 2, seed: 1)
        #expect(throws: BoltzmannError.self) { try pseudoLikelihood(binary, data: Matrix(rows: 0, columns: 3)) }
        #expect(throws: BoltzmannError.self) { try pseudoLikelihood(binary, data: Matrix(rows: 1, columns: 3, repeating: 0.5)) }
    }

    @Test("Reconstruction error is the mean squared error of E[v | E[h | v]] computed directly")
    func reconstruction() {
        let rbm = RBMReference.machine(visible: .bernoulli, visibleCount: 6, hidden: .spin, hiddenCount: 4, seed: 6)
        let data: [[Float]] = [[1, 0, 1, 1, 0, 0], [0, 1, 1, 0, 0, 1]]
        let theta = rbm.visible.parameters["bias"]!.map(Double.init), phi = rbm.hidden.parameters["bias"]!.map(Double.init)
        var sum = 0.0
        for v in data {
            var hiddenMeans: [Double] = []
            for j in 0..<4 {
                var field = phi[j]
                for i in 0..<6 { field += Double(v[i]) * Double(rbm.weights[i, j]) }
                hiddenMeans.append(tanh(field))
            }
            for i in 0..<6 {
                var field = theta[i]
                for j in 0..<4 { field += hiddenMeans[j] * Double(rbm.weights[i, j]) }
                let reconstructed = 1 / (1 + exp(-field))
                let difference = Double(v[i]) - reconstructed
                sum += difference * difference
            }
        }
        let value = reconstructionError(rbm, data: RBMReference.matrix(data, columns: 6))
        #expect(abs(value - sum / 12) < 1e-6)
        #expect(reconstructionError(rbm, data: Matrix(rows: 0, columns: 6)).isNaN)
    }

    @Test("With the exact log Z, p(v) = exp(log-likelihood of v) sums to 1 over all v")
    func logLikelihoodNormalised() throws {
        let rbm = RBMReference.machine(visible: .spin, visibleCount: 6, hidden: .bernoulli, hiddenCount: 4, seed: 10)
        let logZ = try ExactLogPartition.compute(rbm)
        let all = RBMReference.allStates(count: 6, values: [-1, 1])
        var total = 0.0
        for v in all { total += exp(logLikelihood(rbm, data: RBMReference.matrix([v], columns: 6), logZ: logZ)) }
        #expect(abs(total - 1) < 1e-6)
        let batch = logLikelihood(rbm, data: RBMReference.matrix(Array(all.prefix(5)), columns: 6), logZ: logZ)
        let separate = all.prefix(5).map { logLikelihood(rbm, data: RBMReference.matrix([$0], columns: 6), logZ: logZ) }
        #expect(abs(batch - separate.reduce(0, +) / 5) < 1e-9)
    }
}
