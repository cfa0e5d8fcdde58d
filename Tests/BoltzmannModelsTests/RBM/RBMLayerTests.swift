import BoltzmannCore
import Foundation
import Testing
import BoltzmannModels

@Suite("RBM layers")
struct RBMLayerTests {
    /// A few inputs per unit, including large fields where naive formulas overflow.
    static let inputRows: [[Float]] = [[0, 0, 0], [1.5, -2, 0.25], [-30, 40, 3], [100, -100, -0.5]]

    static func layer(_ kind: RBMUnitKind) -> any RBMLayer {
        switch kind {
        case .bernoulli: BernoulliLayer(bias: [0.3, -0.7, 1.1])
        case .spin: SpinLayer(bias: [0.3, -0.7, 1.1])
        case .gaussian: GaussianLayer(bias: [0.3, -0.7, 1.1], precision: [1, 0.5, 2.5])
        }
    }

    @Test("Γ of discrete units is log Σ_x exp(θx + Ix) summed directly", arguments: discreteUnitKinds)
    func discreteLogPartition(kind: RBMUnitKind) {
        let layer = Self.layer(kind)
        let inputs = RBMReference.matrix(Self.inputRows, columns: 3)
        let gamma = layer.logPartition(inputs: inputs)
        let bias = layer.parameters["bias"]!
        for (row, values) in Self.inputRows.enumerated() {
            var expected = 0.0
            for i in 0..<3 {
                let field = Double(bias[i]) + Double(values[i])
                expected += RBMReference.logSumExp(layer.unitStates!.map { field * Double($0) })
            }
            #expect(rbmClose(gamma[row], expected, 1e-12), "row \(row): \(gamma[row]) vs \(expected)")
        }
    }

    @Test("Γ of Gaussian units equals log ∫ exp(−γx²/2 + (θ+I)x) dx by adaptive quadrature")
    func gaussianLogPartitionByQuadrature() {
        let layer = Self.layer(.gaussian)
        let rows: [[Float]] = [[0, 0, 0], [1.5, -2, 0.25], [-3, 4, 3]]
        let gamma = layer.logPartition(inputs: RBMReference.matrix(rows, columns: 3))
        let bias = layer.parameters["bias"]!
        let precision = layer.parameters["precision"]!
        for (row, values) in rows.enumerated() {
            var expected = 0.0
            for i in 0..<3 {
                let field = Double(bias[i]) + Double(values[i])
                let gammaI = Double(precision[i])
                let integral = AdaptiveQuadrature.integrateOverRealLine { x in exp(-gammaI * x * x / 2 + field * x) }
                #expect(integral.converged)
                expected += log(integral.value)
            }
            #expect(rbmClose(gamma[row], expected, 1e-10), "row \(row): \(gamma[row]) vs \(expected)")
        }
    }

    @Test("Means are the derivative of Γ (central differences) for every kind", arguments: RBMUnitKind.allCases)
    func meansAreDerivativeOfLogPartition(kind: RBMUnitKind) {
        let layer = Self.layer(kind)
        let rows: [[Float]] = [[0, 0, 0], [1.5, -2, 0.25], [-3, 4, 3]]
        var means = Matrix<Float>(rows: 0, columns: 0)
        layer.mean(inputs: RBMReference.matrix(rows, columns: 3), into: &means)
        #expect(means.rows == 3 && means.columns == 3)
        let step: Float = 1.0 / 64
        for (row, values) in rows.enumerated() {
            for unit in 0..<3 {
                var up = values, down = values
                up[unit] += step
                down[unit] -= step
                let derivative = (layer.logPartition(inputs: RBMReference.matrix([up], columns: 3))[0]
                    - layer.logPartition(inputs: RBMReference.matrix([down], columns: 3))[0]) / (2 * Double(step))
                // Central difference error is ~ step²/6·Γ‴ ≤ 1e-4 here.
                #expect(abs(Double(means[row, unit]) - derivative) < 2e-4, "\(kind) row \(row) unit \(unit)")
            }
        }
    }

    @Test("Means of discrete units match the exact Boltzmann average to Float accuracy", arguments: discreteUnitKinds)
    func discreteMeansExact(kind: RBMUnitKind) {
        // Long rows (19 units: two full vectors of 8 and a tail of 3) with fields from −60 to 60.
        let count = 19
        let bias: [Float] = (0..<count).map { (unit: Int) -> Float in Float(unit) * 0.37 - 3 }
        let layer: any RBMLayer = kind == .spin ? SpinLayer(bias: bias) : BernoulliLayer(bias: bias)
        var rows: [[Float]] = []
        for r in 0..<5 {
            var row: [Float] = []
            for unit in 0..<count {
                let scale = Float(r * r) * 1.5
                row.append(scale * Float(unit % 5 - 2))
            }
            rows.append(row)
        }
        var means = Matrix<Float>(rows: 0, columns: 0)
        layer.mean(inputs: RBMReference.matrix(rows, columns: count), into: &means)
        for (row, values) in rows.enumerated() {
            for unit in 0..<count {
                let field = Double(bias[unit]) + Double(values[unit])
                let expected = kind == .spin ? tanh(field) : 1 / (1 + exp(-field))
                #expect(abs(Double(means[row, unit]) - expected) < 1e-6, "\(kind) field \(field)")
            }
        }
    }

    @Test("Sampled frequencies match the conditional probabilities within 5σ", arguments: RBMUnitKind.allCases)
    func sampledFrequencies(kind: RBMUnitKind) {
        let layer = Self.layer(kind)
        let fields: [Float] = [0.4, -1.2, 0.9]
        let rows = 40_000
        let inputs = RBMReference.matrix(Array(repeating: fields, count: rows), columns: 3)
        var states = Matrix<Float>(rows: 0, columns: 0)
        var random = RandomStream(seed: 11, stream: UInt64(kind.hashValue & 0xff))
        layer.sample(inputs: inputs, into: &states, random: &random)
        var means = Matrix<Float>(rows: 0, columns: 0)
        layer.mean(inputs: RBMReference.matrix([fields], columns: 3), into: &means)
        for unit in 0..<3 {
            let column = states.column(unit).map(Double.init)
            let average = column.reduce(0, +) / Double(rows)
            let expected = Double(means[0, unit])
            let variance: Double
            switch kind {
            case .bernoulli: variance = expected * (1 - expected)
            case .spin: variance = 1 - expected * expected
            case .gaussian: variance = 1 / Double(layer.parameters["precision"]![unit])
            }
            let sigma = (variance / Double(rows)).squareRoot()
            #expect(abs(average - expected) < 5 * sigma, "\(kind) unit \(unit): \(average) vs \(expected) ± \(sigma)")
            if let allowed = layer.unitStates {
                #expect(column.allSatisfy { allowed.contains(Float($0)) })
            } else {
                let secondMoment = column.reduce(0.0) { (sum: Double, x: Double) -> Double in sum + (x - expected) * (x - expected) } / Double(rows)
                // Var of the sample variance of a normal is 2σ⁴/n.
                #expect(abs(secondMoment - variance) < 5 * variance * (2 / Double(rows)).squareRoot())
            }
        }
    }

    @Test("Sampling is reproducible for a seed and consumes one draw per unit")
    func samplingReproducible() {
        let layer = Self.layer(.bernoulli)
        let inputs = RBMReference.matrix([[0.1, 0.2, 0.3], [1, -1, 0]], columns: 3)
        var first = Matrix<Float>(rows: 0, columns: 0)
        var second = Matrix<Float>(rows: 0, columns: 0)
        var a = RandomStream(seed: 5)
        var b = RandomStream(seed: 5)
        layer.sample(inputs: inputs, into: &first, random: &a)
        layer.sample(inputs: inputs, into: &second, random: &b)
        #expect(first == second)
        var c = RandomStream(seed: 5)
        for _ in 0..<6 { _ = c.next() }
        #expect(a.next() == c.next())
    }

    @Test("Negative energies and sufficient statistics follow the definitions", arguments: RBMUnitKind.allCases)
    func energiesAndStatistics(kind: RBMUnitKind) {
        let layer = Self.layer(kind)
        let rows: [[Float]] = kind == .gaussian
            ? [[0.5, -1, 2], [1, 1, -0.25]]
            : (kind == .spin ? [[1, -1, 1], [-1, -1, 1]] : [[1, 0, 1], [0, 0, 1]])
        let states = RBMReference.matrix(rows, columns: 3)
        let energies = layer.negativeEnergy(states)
        for (row, x) in rows.enumerated() {
            #expect(rbmClose(energies[row], RBMReference.negativeLayerEnergy(layer, x), 1e-12))
        }
        let statistics = layer.sufficientStatistics(states)
        #expect(Set(statistics.keys) == Set(layer.parameters.keys))
        for unit in 0..<3 {
            #expect(abs(statistics["bias"]![unit] - (rows[0][unit] + rows[1][unit]) / 2) < 1e-7)
            if kind == .gaussian {
                let expected = -(rows[0][unit] * rows[0][unit] + rows[1][unit] * rows[1][unit]) / 4
                #expect(abs(statistics["precision"]![unit] - expected) < 1e-6)
            }
        }
    }

    @Test("Bernoulli validation rejects 0.5, NaN, −1 and wrong column counts; accepts 0/1")
    func bernoulliValidation() throws {
        let layer = BernoulliLayer(count: 3)
        try layer.validate(RBMReference.matrix([[0, 1, 1], [1, 0, 0]], columns: 3), name: "data")
        for bad: Float in [0.5, .nan, -1, .infinity] {
            #expect(throws: BoltzmannError.self) {
                try layer.validate(RBMReference.matrix([[0, 1, 1], [1, bad, 0]], columns: 3), name: "data")
            }
        }
        do {
            try layer.validate(RBMReference.matrix([[0, 0.5, 1]], columns: 3), name: "digits.csv")
            Issue.record("0.5 was accepted")
        } catch {
            #expect(error.problem.contains("row 0, column 1"))
            #expect(error.source == "digits.csv")
        }
        #expect(throws: BoltzmannError.self) {
            try layer.validate(RBMReference.matrix([[0, 1]], columns: 2), name: "data")
        }
    }

    @Test("Spin validation rejects 0; Gaussian validation rejects NaN only")
    func otherValidation() throws {
        #expect(throws: BoltzmannError.self) {
            try SpinLayer(count: 2).validate(RBMReference.matrix([[1, 0]], columns: 2), name: "data")
        }
        try SpinLayer(count: 2).validate(RBMReference.matrix([[1, -1]], columns: 2), name: "data")
        try GaussianLayer(count: 2).validate(RBMReference.matrix([[0.3, -7]], columns: 2), name: "data")
        #expect(throws: BoltzmannError.self) {
            try GaussianLayer(count: 2).validate(RBMReference.matrix([[0.3, .nan]], columns: 2), name: "data")
        }
    }

    @Test("makeRBMLayer rebuilds each kind from its parameters and refuses bad ones")
    func makeLayer() throws {
        for kind in RBMUnitKind.allCases {
            let layer = Self.layer(kind)
            let rebuilt = try makeRBMLayer(kind: kind, count: 3, parameters: layer.parameters)
            #expect(rebuilt.kind == kind)
            #expect(rebuilt.parameters == layer.parameters)
        }
        #expect(throws: BoltzmannError.self) { try makeRBMLayer(kind: .bernoulli, count: 3, parameters: ["bias": [0, 0]]) }
        #expect(throws: BoltzmannError.self) { try makeRBMLayer(kind: .spin, count: 1, parameters: [:]) }
        #expect(throws: BoltzmannError.self) {
            try makeRBMLayer(kind: .gaussian, count: 1, parameters: ["bias": [0], "precision": [0]])
        }
        #expect(throws: BoltzmannError.self) {
            try makeRBMLayer(kind: .gaussian, count: 1, parameters: ["bias": [.nan], "precision": [1]])
        }
    }
}
