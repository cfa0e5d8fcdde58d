import BoltzmannCore
import Foundation
import Testing
import BoltzmannModels

@Suite("Hopfield ↔ RBM correspondence")
struct HopfieldCorrespondenceTests {
    @Test("F(σ) of the Gaussian-hidden RBM equals β·E_Hopfield(σ) − (P/2) log 2π for random σ")
    func freeEnergyIsHopfieldEnergy() throws {
        var random = RandomStream(seed: 17)
        let patterns = try PatternMatrix.random(count: 5, size: 60, stream: &random)
        let beta = 1.7
        let rbm = try RestrictedBoltzmannMachine.hopfield(patterns: patterns, beta: beta)
        #expect(rbm.visible.kind == .spin && rbm.hidden.kind == .gaussian)
        // Independent reference: Krotov's form H = −N Σ m_μ² is twice E_Hopfield = −(1/2N) Σ S_μ².
        let network = try DenseHopfieldNetwork(memories: patterns, order: 2, form: .krotov(.power))
        var configurations: [[Int8]] = []
        for _ in 0..<20 {
            configurations.append((0..<60).map { _ in random.uniform() < 0.5 ? 1 : -1 })
        }
        configurations.append(patterns.pattern(2))
        let free = rbm.freeEnergy(visible: RBMReference.matrix(configurations.map { $0.map(Float.init) }, columns: 60))
        let offset = RestrictedBoltzmannMachine.hopfieldFreeEnergyOffset(patternCount: 5)
        #expect(abs(offset + 2.5 * log(2 * Double.pi)) < 1e-12)
        for (index, sigma) in configurations.enumerated() {
            let expected = beta * 0.5 * (try network.energy(sigma)) + offset
            #expect(rbmClose(free[index], expected, 2e-6), "σ #\(index): \(free[index]) vs \(expected)")
        }
    }

    @Test("β must be positive")
    func badBeta() throws {
        let patterns = try PatternMatrix(pattern: [1, -1, 1])
        #expect(throws: BoltzmannError.self) { try RestrictedBoltzmannMachine.hopfield(patterns: patterns, beta: 0) }
        #expect(throws: BoltzmannError.self) { try RestrictedBoltzmannMachine.hopfield(patterns: patterns, beta: .nan) }
    }
}
