import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import Foundation
import Testing

@Suite struct AnnealedImportanceSamplingTests {
    /// A random machine with biases and weights large enough that log Z is far from log Z_0.
    static func machine(
        visible: RBMUnitKind, hidden: RBMUnitKind, visibleCount: Int = 10, hiddenCount: Int = 8,
        weightScale: Float, seed: UInt64
    ) throws -> RestrictedBoltzmannMachine {
        var random = RandomStream(seed: seed, stream: 99)
        func layer(_ kind: RBMUnitKind, _ count: Int) throws -> any RBMLayer {
            var parameters = ["bias": (0..<count).map { _ in Float(random.gaussian() * 0.5) }]
            if kind == .gaussian {
                parameters["precision"] = (0..<count).map { _ in Float(1 + random.uniform()) }
            }
            return try makeRBMLayer(kind: kind, count: count, parameters: parameters)
        }
        let base = RestrictedBoltzmannMachine.random(
            visible: visible, visibleCount: visibleCount, hidden: hidden, hiddenCount: hiddenCount,
            weightScale: weightScale, seed: seed)
        return try RestrictedBoltzmannMachine(
            visible: try layer(visible, visibleCount), hidden: try layer(hidden, hiddenCount), weights: base.weights)
    }

    /// AIS agrees with exact enumeration within its own error bar for every pairing of unit
    /// kinds, and the models are coupled strongly enough for log Z to differ from log Z_0.
    @Test(arguments: [
        (RBMUnitKind.bernoulli, RBMUnitKind.bernoulli, Float(1.0)),
        (.spin, .spin, 0.5),
        (.bernoulli, .spin, 0.6),
        (.spin, .bernoulli, 0.6),
        (.bernoulli, .gaussian, 0.4),
        (.gaussian, .bernoulli, 0.4),
        (.spin, .gaussian, 0.3),
        (.gaussian, .spin, 0.3),
    ])
    func agreesWithExactEnumeration(visible: RBMUnitKind, hidden: RBMUnitKind, weightScale: Float) throws {
        let rbm = try Self.machine(visible: visible, hidden: hidden, weightScale: weightScale, seed: 11)
        let exact = try ExactLogPartition.compute(rbm)
        let sampler = AnnealedImportanceSampling(chainCount: 200, schedule: .linear(steps: 1000), seed: 5)
        let estimate = try sampler.estimate(rbm)
        #expect(abs(exact - estimate.logZBase) > 1, "the model is too weakly coupled to test AIS")
        #expect(
            abs(estimate.logZ - exact) < 3 * estimate.standardError + 0.01,
            "\(visible)/\(hidden): AIS \(estimate.logZ) ± \(estimate.standardError), exact \(exact)")
        #expect(estimate.standardError < 0.1)
        #expect(estimate.effectiveSampleSize > 20)
        #expect(estimate.lowerBound < estimate.logZ && estimate.logZ < estimate.upperBound)
    }

    /// Tracking the hidden layer instead (visible units summed out) and a sigmoid ladder give the
    /// same log Z within the error bars.
    @Test func hiddenTrackingAndSigmoidLadderAgree() throws {
        let rbm = try Self.machine(visible: .bernoulli, hidden: .bernoulli, visibleCount: 12, hiddenCount: 16, weightScale: 0.5, seed: 3)
        let exact = try ExactLogPartition.compute(rbm)
        for sampler in [
            AnnealedImportanceSampling(chainCount: 200, schedule: .linear(steps: 1000), seed: 1, trackedLayer: .hidden),
            AnnealedImportanceSampling(chainCount: 200, schedule: .sigmoid(steps: 1000, steepness: 4), seed: 2),
        ] {
            let estimate = try sampler.estimate(rbm)
            #expect(abs(estimate.logZ - exact) < 3 * estimate.standardError + 0.01, "\(sampler.trackedLayer): \(estimate.logZ) vs \(exact)")
        }
    }

    /// With W = 0 every weight is exactly 1: log Z = log Z_0 exactly, zero error, full ESS.
    @Test func uncoupledMachineIsExact() throws {
        let coupled = try Self.machine(visible: .spin, hidden: .gaussian, weightScale: 0, seed: 4)
        let estimate = try AnnealedImportanceSampling(chainCount: 10, schedule: .linear(steps: 5), seed: 1).estimate(coupled)
        #expect(estimate.logWeights == [Double](repeating: 0, count: 10))
        #expect(abs(estimate.logZ - (try ExactLogPartition.compute(coupled))) < 1e-9)
        #expect(estimate.standardError == 0 && estimate.effectiveSampleSize == 10)
    }

    @Test func seededRunsAreBitIdentical() throws {
        let rbm = try Self.machine(visible: .bernoulli, hidden: .bernoulli, weightScale: 0.5, seed: 8)
        let sampler = AnnealedImportanceSampling(chainCount: 16, schedule: .linear(steps: 50), seed: 42)
        let first = try sampler.estimate(rbm)
        #expect(try sampler.estimate(rbm) == first)
        var other = sampler
        other.seed = 43
        #expect(try other.estimate(rbm).logWeights != first.logWeights)
    }

    /// Blocks of chains run side by side; the weights do not depend on the thread count (70
    /// chains: two full blocks and a partial one).
    @Test func threadCountDoesNotChangeTheResult() throws {
        let rbm = try Self.machine(visible: .spin, hidden: .bernoulli, weightScale: 0.5, seed: 9)
        let one = try AnnealedImportanceSampling(chainCount: 70, schedule: .linear(steps: 40), seed: 7, threads: 1).estimate(rbm)
        let two = try AnnealedImportanceSampling(chainCount: 70, schedule: .linear(steps: 40), seed: 7, threads: 2).estimate(rbm)
        let many = try AnnealedImportanceSampling(chainCount: 70, schedule: .linear(steps: 40), seed: 7, threads: 5).estimate(rbm)
        #expect(one.logWeights.count == 70 && Set(one.logWeights).count > 60)
        #expect(one == two && one == many)
        #expect(throws: BoltzmannError.self) { try AnnealedImportanceSampling(threads: 0).estimate(rbm) }
    }

    /// One visible and one hidden Bernoulli unit with coupling w and zero biases, annealed in a
    /// single step from β = 0 to 1 tracking v: each log weight is log((1 + e^{w v}) / 2) with
    /// v ∈ {0, 1}, and log Z_0 = 2 log 2. The summary statistics are checked against their
    /// definitions computed directly from those weights.
    @Test func summaryFollowsItsDefinitions() throws {
        let w: Float = 2
        let single = try RestrictedBoltzmannMachine(
            visible: BernoulliLayer(count: 1), hidden: BernoulliLayer(count: 1), weights: Matrix(rows: 1, columns: 1, elements: [w]))
        let run = try AnnealedImportanceSampling(chainCount: 64, schedule: .custom([0, 1]), seed: 3).estimate(single)
        #expect(run.stepCount == 1)
        #expect(Set(run.logWeights).count == 2)
        let weights = run.logWeights.map { Foundation.exp($0) }
        for value in run.logWeights {
            #expect(abs(value) < 1e-12 || abs(value - Foundation.log((1 + Foundation.exp(Double(w))) / 2)) < 1e-6)
        }
        let mean = weights.reduce(0, +) / 64
        let variance = weights.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 63
        #expect(abs(run.logZ - (run.logZBase + Foundation.log(mean))) < 1e-12)
        #expect(abs(run.standardError - (variance / 64).squareRoot() / mean) < 1e-12)
        #expect(abs(run.effectiveSampleSize - pow(weights.reduce(0, +), 2) / weights.reduce(0) { $0 + $1 * $1 }) < 1e-9)
        #expect(abs(run.upperBound - (run.logZBase + Foundation.log(mean + 3 * (variance / 64).squareRoot()))) < 1e-12)
        #expect(run.logZBase == 2 * Foundation.log(2.0))
    }

    @Test func badLaddersAndChainCountsThrow() throws {
        let rbm = try Self.machine(visible: .bernoulli, hidden: .bernoulli, weightScale: 0.1, seed: 1)
        for schedule in [AISSchedule.linear(steps: 0), .sigmoid(steps: 10, steepness: 0), .custom([0, 0.5]),
                         .custom([0, 0.7, 0.6, 1]), .custom([0.1, 1]), .custom([0, .nan, 1])] {
            #expect(throws: BoltzmannError.self) { try AnnealedImportanceSampling(schedule: schedule).estimate(rbm) }
        }
        #expect(throws: BoltzmannError.self) { try AnnealedImportanceSampling(chainCount: 1).estimate(rbm) }
        let ladder = try AISSchedule.sigmoid(steps: 100, steepness: 4).betas()
        #expect(ladder.first == 0 && ladder.last == 1 && ladder.count == 101)
        #expect(zip(ladder, ladder.dropFirst()).allSatisfy { $0 < $1 })
        // Denser at the ends than in the middle.
        #expect(ladder[1] - ladder[0] < ladder[51] - ladder[50])
    }
}
