import BoltzmannCore
import Foundation
import BoltzmannModels

/// Plain reference implementations for the RBM tests: everything here is written from the
/// definitions with nested loops over `[Float]` rows, independent of the sgemm code under test.
enum RBMReference {
    /// A small machine with random biases, precisions and weights (scale chosen so that the
    /// distributions are far from uniform but still well mixed).
    static func machine(
        visible: RBMUnitKind, visibleCount: Int, hidden: RBMUnitKind, hiddenCount: Int,
        weightScale: Float = 0.6, seed: UInt64
    ) -> RestrictedBoltzmannMachine {
        var rbm = RestrictedBoltzmannMachine.random(
            visible: visible, visibleCount: visibleCount, hidden: hidden, hiddenCount: hiddenCount,
            weightScale: weightScale, seed: seed)
        var random = RandomStream(seed: seed, stream: 1)
        rbm.visible.parameters = randomParameters(rbm.visible, random: &random)
        rbm.hidden.parameters = randomParameters(rbm.hidden, random: &random)
        return rbm
    }

    static func randomParameters(_ layer: any RBMLayer, random: inout RandomStream) -> [String: [Float]] {
        var result: [String: [Float]] = [:]
        for key in layer.parameters.keys.sorted() {
            result[key] = (0..<layer.unitCount).map { _ in
                key == "precision" ? Float(0.8 + random.uniform()) : Float(0.5 * random.gaussian())
            }
        }
        return result
    }

    /// All states of `count` units taking `values`, unit 0 fastest.
    static func allStates(count: Int, values: [Float]) -> [[Float]] {
        var result: [[Float]] = [[]]
        for _ in 0..<count {
            result = values.flatMap { value in result.map { $0 + [value] } }
        }
        return result
    }

    static func matrix(_ rows: [[Float]], columns: Int) -> Matrix<Float> {
        try! Matrix(rows: rows.count, columns: columns, elements: rows.flatMap { $0 })
    }

    /// −E_layer(x) from the parameters.
    static func negativeLayerEnergy(_ layer: any RBMLayer, _ x: [Float]) -> Double {
        negativeLayerEnergy(layer, x.map(Double.init))
    }

    /// −E_layer(x) from the parameters, for real-valued x (quadrature references).
    static func negativeLayerEnergy(_ layer: any RBMLayer, _ x: [Double]) -> Double {
        let bias = layer.parameters["bias"]!
        let precision = layer.parameters["precision"]
        var sum = 0.0
        for i in x.indices {
            sum += Double(bias[i]) * x[i]
            if let precision { sum -= 0.5 * Double(precision[i]) * x[i] * x[i] }
        }
        return sum
    }

    /// E(v, h) at coupling scale β from the definition.
    static func energy(_ rbm: RestrictedBoltzmannMachine, v: [Float], h: [Float], beta: Double = 1) -> Double {
        energy(rbm, v: v.map(Double.init), h: h.map(Double.init), beta: beta)
    }

    /// E(v, h) at coupling scale β for real-valued states.
    static func energy(_ rbm: RestrictedBoltzmannMachine, v: [Double], h: [Double], beta: Double = 1) -> Double {
        var coupling = 0.0
        for i in v.indices {
            for j in h.indices {
                coupling += v[i] * Double(rbm.weights[i, j]) * h[j]
            }
        }
        return -negativeLayerEnergy(rbm.visible, v) - negativeLayerEnergy(rbm.hidden, h) - beta * coupling
    }

    /// log Σ exp(terms), stable.
    static func logSumExp(_ terms: [Double]) -> Double {
        let top = terms.max()!
        var sum = 0.0
        for term in terms { sum += exp(term - top) }
        return top + log(sum)
    }

    /// Free energy of v by brute-force summation over the hidden states (discrete hidden layer).
    static func freeEnergy(_ rbm: RestrictedBoltzmannMachine, v: [Float], beta: Double = 1) -> Double {
        let hidden = allStates(count: rbm.hiddenCount, values: rbm.hidden.unitStates!)
        return -logSumExp(hidden.map { -energy(rbm, v: v, h: $0, beta: beta) })
    }

    /// log Z by brute force over all (v, h) of a fully discrete machine.
    static func logPartition(_ rbm: RestrictedBoltzmannMachine, beta: Double = 1) -> Double {
        let visible = allStates(count: rbm.visibleCount, values: rbm.visible.unitStates!)
        let hidden = allStates(count: rbm.hiddenCount, values: rbm.hidden.unitStates!)
        var terms: [Double] = []
        for v in visible {
            for h in hidden { terms.append(-energy(rbm, v: v, h: h, beta: beta)) }
        }
        return logSumExp(terms)
    }
}

/// |a − b| ≤ tolerance · max(1, |b|).
func rbmClose(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}

/// The discrete unit kinds, for parameterised tests.
let discreteUnitKinds: [RBMUnitKind] = [.bernoulli, .spin]
