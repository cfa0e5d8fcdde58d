import BoltzmannCore
import Foundation
import Testing
import BoltzmannModels

@Suite("Restricted Boltzmann machine")
struct RestrictedBoltzmannMachineTests {
    static let kindPairs: [(RBMUnitKind, RBMUnitKind)] = discreteUnitKinds.flatMap { v in discreteUnitKinds.map { (v, $0) } }

    @Test("F(v) and F(h) equal brute-force sums over the other layer (V=5, H=3)", arguments: 0..<4)
    func freeEnergiesBruteForce(pair: Int) {
        let (visibleKind, hiddenKind) = Self.kindPairs[pair]
        let rbm = RBMReference.machine(visible: visibleKind, visibleCount: 5, hidden: hiddenKind, hiddenCount: 3, seed: 21)
        let visibleStates = RBMReference.allStates(count: 5, values: rbm.visible.unitStates!)
        let hiddenStates = RBMReference.allStates(count: 3, values: rbm.hidden.unitStates!)
        for beta: Float in [1, 0.4] {
            let visibleFree = rbm.freeEnergy(visible: RBMReference.matrix(visibleStates, columns: 5), beta: beta)
            for (index, v) in visibleStates.enumerated() {
                let expected = -RBMReference.logSumExp(hiddenStates.map { -RBMReference.energy(rbm, v: v, h: $0, beta: Double(beta)) })
                #expect(rbmClose(visibleFree[index], expected, 1e-6), "\(visibleKind)-\(hiddenKind) v=\(v)")
            }
            let hiddenFree = rbm.freeEnergy(hidden: RBMReference.matrix(hiddenStates, columns: 3), beta: beta)
            for (index, h) in hiddenStates.enumerated() {
                let expected = -RBMReference.logSumExp(visibleStates.map { -RBMReference.energy(rbm, v: $0, h: h, beta: Double(beta)) })
                #expect(rbmClose(hiddenFree[index], expected, 1e-6), "\(visibleKind)-\(hiddenKind) h=\(h)")
            }
        }
    }

    @Test("energy(visible:hidden:) follows the definition for every kind pair, β included", arguments: RBMUnitKind.allCases)
    func energyDefinition(hiddenKind: RBMUnitKind) {
        let rbm = RBMReference.machine(visible: .gaussian, visibleCount: 5, hidden: hiddenKind, hiddenCount: 3, seed: 4)
        let v: [[Float]] = [[0.5, -1, 2, 0, 1], [1, 1, -0.25, 3, -2]]
        let h: [[Float]] = hiddenKind == .bernoulli ? [[1, 0, 1], [0, 1, 1]] : (hiddenKind == .spin ? [[1, -1, 1], [-1, 1, 1]] : [[0.3, -2, 1], [1, 0.5, -1]])
        let energies = rbm.energy(visible: RBMReference.matrix(v, columns: 5), hidden: RBMReference.matrix(h, columns: 3), beta: 0.7)
        for row in 0..<2 {
            #expect(rbmClose(energies[row], RBMReference.energy(rbm, v: v[row], h: h[row], beta: 0.7), 1e-6))
        }
    }

    @Test("p(h|v) and p(v|h) from the layers equal brute-force ratios of exp(−E)", arguments: 0..<4)
    func conditionals(pair: Int) {
        let (visibleKind, hiddenKind) = Self.kindPairs[pair]
        let rbm = RBMReference.machine(visible: visibleKind, visibleCount: 4, hidden: hiddenKind, hiddenCount: 3, seed: 8)
        let visibleStates = RBMReference.allStates(count: 4, values: rbm.visible.unitStates!)
        let hiddenStates = RBMReference.allStates(count: 3, values: rbm.hidden.unitStates!)
        let beta: Float = 0.8
        // E[h_j | v] from the layer vs Σ_h h_j e^{−E(v,h)} / Σ_h e^{−E(v,h)}.
        var fields = Matrix<Float>(rows: 0, columns: 0)
        var means = Matrix<Float>(rows: 0, columns: 0)
        rbm.hiddenInputs(RBMReference.matrix(visibleStates, columns: 4), beta: beta, into: &fields)
        rbm.hidden.mean(inputs: fields, into: &means)
        for (index, v) in visibleStates.enumerated() {
            let weights = hiddenStates.map { exp(-RBMReference.energy(rbm, v: v, h: $0, beta: Double(beta))) }
            let total = weights.reduce(0, +)
            for j in 0..<3 {
                var weighted = 0.0
                for (state, weight) in zip(hiddenStates, weights) { weighted += Double(state[j]) * weight }
                let expected = weighted / total
                #expect(abs(Double(means[index, j]) - expected) < 1e-6)
            }
        }
        rbm.visibleInputs(RBMReference.matrix(hiddenStates, columns: 3), beta: beta, into: &fields)
        rbm.visible.mean(inputs: fields, into: &means)
        for (index, h) in hiddenStates.enumerated() {
            let weights = visibleStates.map { exp(-RBMReference.energy(rbm, v: $0, h: h, beta: Double(beta))) }
            let total = weights.reduce(0, +)
            for i in 0..<4 {
                var weighted = 0.0
                for (state, weight) in zip(visibleStates, weights) { weighted += Double(state[i]) * weight }
                let expected = weighted / total
                #expect(abs(Double(means[index, i]) - expected) < 1e-6)
            }
        }
    }

    @Test("Gaussian hidden units: F(v) equals −log ∫ e^{−E(v,h)} dh by quadrature (H = 1)")
    func gaussianHiddenFreeEnergy() {
        let rbm = RBMReference.machine(visible: .bernoulli, visibleCount: 4, hidden: .gaussian, hiddenCount: 1, seed: 2)
        let v: [[Float]] = [[1, 0, 1, 1], [0, 0, 0, 0], [1, 1, 1, 1]]
        let free = rbm.freeEnergy(visible: RBMReference.matrix(v, columns: 4))
        for row in 0..<3 {
            let integral = AdaptiveQuadrature.integrateOverRealLine { h in
                exp(-RBMReference.energy(rbm, v: v[row].map(Double.init), h: [h]))
            }
            #expect(rbmClose(free[row], -log(integral.value), 1e-6))
        }
    }

    @Test("init refuses mismatched and non-finite weights")
    func initValidation() {
        #expect(throws: BoltzmannError.self) {
            try RestrictedBoltzmannMachine(visible: BernoulliLayer(count: 3), hidden: SpinLayer(count: 2), weights: Matrix(rows: 2, columns: 3))
        }
        var weights = Matrix<Float>(rows: 3, columns: 2)
        weights[1, 1] = .nan
        #expect(throws: BoltzmannError.self) {
            try RestrictedBoltzmannMachine(visible: BernoulliLayer(count: 3), hidden: SpinLayer(count: 2), weights: weights)
        }
    }

    @Test("random(...) is seeded, has the requested kinds and weight scale")
    func randomMachine() {
        let a = RestrictedBoltzmannMachine.random(visible: .spin, visibleCount: 40, hidden: .gaussian, hiddenCount: 50, weightScale: 0.1, seed: 3)
        let b = RestrictedBoltzmannMachine.random(visible: .spin, visibleCount: 40, hidden: .gaussian, hiddenCount: 50, weightScale: 0.1, seed: 3)
        #expect(a.weights == b.weights)
        #expect(a.visible.kind == .spin && a.hidden.kind == .gaussian)
        #expect(a.hidden.parameters["precision"]! == [Float](repeating: 1, count: 50))
        let elements = a.weights.elements.map(Double.init)
        let rms = (elements.reduce(0.0) { (sum: Double, x: Double) -> Double in sum + x * x } / Double(elements.count)).squareRoot()
        #expect(abs(rms - 0.1) < 0.005)
    }
}
