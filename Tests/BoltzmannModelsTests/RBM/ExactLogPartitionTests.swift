import BoltzmannCore
import Foundation
import Testing
import BoltzmannModels

@Suite("Exact log-partition function")
struct ExactLogPartitionTests {
    static let kindPairs: [(RBMUnitKind, RBMUnitKind)] = discreteUnitKinds.flatMap { v in discreteUnitKinds.map { (v, $0) } }

    @Test("log Z equals brute force over all (v, h), enumerating either side", arguments: 0..<4)
    func discreteBruteForce(pair: Int) throws {
        let (visibleKind, hiddenKind) = Self.kindPairs[pair]
        for (visibleCount, hiddenCount) in [(5, 3), (3, 6)] {
            let rbm = RBMReference.machine(
                visible: visibleKind, visibleCount: visibleCount, hidden: hiddenKind, hiddenCount: hiddenCount, seed: 31)
            for beta in [1.0, 0.35] {
                let exact = try ExactLogPartition.compute(rbm, beta: beta)
                let reference = RBMReference.logPartition(rbm, beta: beta)
                #expect(rbmClose(exact, reference, 1e-6), "\(visibleKind)-\(hiddenKind) \(visibleCount)×\(hiddenCount) β=\(beta)")
            }
        }
    }

    @Test("Chunks smaller than the state count give the same log Z as one chunk")
    func chunking() throws {
        let rbm = RBMReference.machine(visible: .bernoulli, visibleCount: 9, hidden: .spin, hiddenCount: 12, seed: 5)
        let oneChunk = try ExactLogPartition.compute(rbm, chunkSize: 1 << 12)
        for chunk in [1, 7, 100, 511] {
            let chunked = try ExactLogPartition.compute(rbm, chunkSize: chunk)
            // Float sgemm rounding differs with the block shape; a lost or repeated state would
            // move log Z by ~1/512 here.
            #expect(rbmClose(chunked, oneChunk, 1e-7), "chunk \(chunk)")
        }
        #expect(rbmClose(oneChunk, RBMReference.logPartition(rbm), 1e-6))
    }

    @Test("Gaussian hidden units: log Z equals the Hopfield partition sum + (P/2) log 2π")
    func gaussianHiddenIsHopfield() throws {
        var random = RandomStream(seed: 3)
        let patterns = try PatternMatrix.random(count: 3, size: 10, stream: &random)
        let beta = 1.3
        let rbm = try RestrictedBoltzmannMachine.hopfield(patterns: patterns, beta: beta)
        let network = try DenseHopfieldNetwork(memories: patterns, order: 2, form: .krotov(.power))
        var terms: [Double] = []
        for index in 0..<(1 << 10) {
            let sigma: [Int8] = (0..<10).map { (index >> $0) & 1 == 1 ? 1 : -1 }
            terms.append(-beta * 0.5 * (try network.energy(sigma)))
        }
        let expected = RBMReference.logSumExp(terms) + 1.5 * log(2 * Double.pi)
        #expect(rbmClose(try ExactLogPartition.compute(rbm), expected, 1e-6))
    }

    @Test("Gaussian visible with a small discrete hidden layer: log Z matches quadrature over v")
    func gaussianVisible() throws {
        let rbm = RBMReference.machine(visible: .gaussian, visibleCount: 1, hidden: .spin, hiddenCount: 4, seed: 12)
        let hiddenStates = RBMReference.allStates(count: 4, values: [-1, 1])
        var total = 0.0
        for h in hiddenStates {
            total += AdaptiveQuadrature.integrateOverRealLine(
                { v in exp(-RBMReference.energy(rbm, v: [v], h: h.map(Double.init))) }, relativeTolerance: 1e-11
            ).value
        }
        #expect(rbmClose(try ExactLogPartition.compute(rbm), log(total), 1e-6))
    }

    @Test("Two Gaussian layers: the closed form matches the joint Gaussian integral")
    func bothGaussian() throws {
        let rbm = RBMReference.machine(visible: .gaussian, visibleCount: 3, hidden: .gaussian, hiddenCount: 2, weightScale: 0.3, seed: 9)
        let beta = 0.8
        // Independent route: the joint precision matrix of (v, h), n = V + H.
        let n = 5
        var joint = Matrix<Double>(rows: n, columns: n)
        let visiblePrecision = rbm.visible.parameters["precision"]!, hiddenPrecision = rbm.hidden.parameters["precision"]!
        for i in 0..<3 { joint[i, i] = Double(visiblePrecision[i]) }
        for j in 0..<2 { joint[3 + j, 3 + j] = Double(hiddenPrecision[j]) }
        for i in 0..<3 {
            for j in 0..<2 {
                joint[i, 3 + j] = -beta * Double(rbm.weights[i, j])
                joint[3 + j, i] = -beta * Double(rbm.weights[i, j])
            }
        }
        let bias = (rbm.visible.parameters["bias"]! + rbm.hidden.parameters["bias"]!).map(Double.init)
        let factor = try Cholesky(joint)
        let solution = factor.solve(bias)
        var quadratic = 0.0
        for (b, x) in zip(bias, solution) { quadratic += b * x }
        let expected = 0.5 * Double(n) * log(2 * Double.pi) - 0.5 * factor.logDeterminant + 0.5 * quadratic
        #expect(rbmClose(try ExactLogPartition.compute(rbm, beta: beta), expected, 1e-6))

        // V = H = 1 also against nested quadrature.
        let small = RBMReference.machine(visible: .gaussian, visibleCount: 1, hidden: .gaussian, hiddenCount: 1, weightScale: 0.5, seed: 1)
        let integral = AdaptiveQuadrature.integrateOverRealLine(
            { v in
                AdaptiveQuadrature.integrateOverRealLine(
                    { h in exp(-RBMReference.energy(small, v: [v], h: [h])) },
                    absoluteTolerance: 1e-13, relativeTolerance: 1e-10, maxSubdivisions: 400
                ).value
            }, absoluteTolerance: 1e-12, relativeTolerance: 1e-9, maxSubdivisions: 400)
        #expect(rbmClose(try ExactLogPartition.compute(small), log(integral.value), 1e-6))
    }

    @Test("Refuses models it cannot do exactly: unbounded Gaussian pairs and large layers")
    func refusals() {
        var rbm = RestrictedBoltzmannMachine.random(visible: .gaussian, visibleCount: 2, hidden: .gaussian, hiddenCount: 2, seed: 1)
        rbm.weights = Matrix(diagonal: [2, 0])
        #expect(throws: BoltzmannError.self) { try ExactLogPartition.compute(rbm) }
        let big = RestrictedBoltzmannMachine.random(visible: .bernoulli, visibleCount: 30, hidden: .gaussian, hiddenCount: 30, seed: 1)
        #expect(throws: BoltzmannError.self) { try ExactLogPartition.compute(big) }
        let bigDiscrete = RestrictedBoltzmannMachine.random(visible: .bernoulli, visibleCount: 30, hidden: .spin, hiddenCount: 26, seed: 1)
        #expect(throws: BoltzmannError.self) { try ExactLogPartition.compute(bigDiscrete) }
    }
}
