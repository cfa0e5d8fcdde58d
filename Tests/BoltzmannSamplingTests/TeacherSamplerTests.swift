import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import Foundation
import Testing

@Suite("Teacher example samplers")
struct TeacherSamplerTests {
    /// The exact distribution of the overlap S = ξ*·σ by enumerating all 2^N configurations,
    /// with the energy recomputed from its definition (Krotov −N (S/N)^p; Gardner by the
    /// subsets i < j < k for p = 3).
    static func enumeratedOverlapDistribution(teacher: [Int8], p: Int, gardner: Bool, beta: Double) -> [Int: Double] {
        let n = teacher.count
        var weights: [Int: Double] = [:]
        for state in 0..<(1 << n) {
            let x = (0..<n).map { Double(((state >> $0) & 1) == 1 ? 1 : -1) * Double(teacher[$0]) }
            let s = Int(x.reduce(0, +))
            var energy: Double
            if gardner {
                var e3 = 0.0
                for i in 0..<n { for j in (i + 1)..<n { for k in (j + 1)..<n { e3 += x[i] * x[j] * x[k] } } }
                energy = -6 / Double(n * n) * e3
            } else {
                energy = -Double(n) * pow(Double(s) / Double(n), Double(p))
            }
            weights[s, default: 0] += exp(-beta * energy)
        }
        let z = weights.values.reduce(0, +)
        return weights.mapValues { $0 / z }
    }

    @Test("The exact sampler's P(S) is the enumerated distribution", arguments: [false, true])
    func exactDistribution(gardner: Bool) throws {
        var stream = RandomStream(seed: 91)
        let n = 12
        let teacher = try DenseTeacher.random(
            size: n, order: 3, form: gardner ? .gardner : .krotov(.power), temperature: 0.4, stream: &stream)
        let sampler = ExactTeacherSampler(teacher: teacher)
        let enumerated = Self.enumeratedOverlapDistribution(teacher: teacher.pattern, p: 3, gardner: gardner, beta: 1 / 0.4)
        for (s, p) in sampler.overlapDistribution {
            #expect(abs(p - (enumerated[s] ?? 0)) < 1e-12, "S = \(s)")
        }
        let mean = enumerated.reduce(0.0) { $0 + Double($1.key) * $1.value } / Double(n)
        #expect(abs(sampler.meanMagnetization - mean) < 1e-12)
    }

    @Test("Sampled examples reproduce P(S) and E[m], and are uniform within an overlap class")
    func sampledExamples() throws {
        var stream = RandomStream(seed: 92)
        let n = 6
        let teacher = try DenseTeacher.random(size: n, order: 3, form: .krotov(.power), temperature: 0.5, stream: &stream)
        let sampler = ExactTeacherSampler(teacher: teacher)
        let count = 60000
        let examples = try sampler.examples(count: count, stream: RandomStream(seed: 93))
        // Configuration frequencies against P(σ) = P(S)/C(N, k): total variation over the 64 states.
        var frequency = [Double](repeating: 0, count: 1 << n)
        var mSum = 0.0
        for a in 0..<count {
            var state = 0
            for i in 0..<n where examples[pattern: a, site: i] > 0 { state |= 1 << i }
            frequency[state] += 1
            mSum += Double(examples.overlap(pattern: a, with: teacher.pattern)) / Double(n)
        }
        let distribution = Dictionary(uniqueKeysWithValues: sampler.overlapDistribution.map { ($0.overlap, $0.probability) })
        func binomial(_ a: Int, _ b: Int) -> Double { (0..<b).reduce(1.0) { $0 * Double(a - $1) / Double($1 + 1) } }
        var distance = 0.0
        var chiSquare = 0.0
        for state in 0..<(1 << n) {
            let spins = (0..<n).map { ((state >> $0) & 1) == 1 ? Int8(1) : Int8(-1) }
            let s = zip(spins, teacher.pattern).reduce(0) { $0 + Int($1.0) * Int($1.1) }
            let exact = distribution[s]! / binomial(n, (n + s) / 2)
            distance += abs(frequency[state] / Double(count) - exact) / 2
            chiSquare += pow(frequency[state] - exact * Double(count), 2) / (exact * Double(count))
        }
        #expect(distance < 0.02, "total variation \(distance)")
        #expect(chiSquare < 63 + 5 * (2 * 63.0).squareRoot(), "χ² = \(chiSquare) with 63 degrees of freedom")
        // E[m] within 5 standard errors.
        let mean = mSum / Double(count)
        var variance = 0.0
        for (s, p) in sampler.overlapDistribution { variance += p * pow(Double(s) / Double(n) - sampler.meanMagnetization, 2) }
        #expect(abs(mean - sampler.meanMagnetization) < 5 * (variance / Double(count)).squareRoot())
    }

    @Test("The misaligned teacher is the paramagnetic mode of P(S)")
    func misalignedTeacher() throws {
        var stream = RandomStream(seed: 96)
        let n = 40
        let cold = try DenseTeacher.random(size: n, order: 3, form: .gardner, temperature: 1, stream: &stream)
        let equilibrium = ExactTeacherSampler(teacher: cold)
        let misaligned = ExactTeacherSampler(teacher: cold, phase: .misaligned)
        #expect(equilibrium.meanMagnetization > 0.9)
        #expect(abs(misaligned.meanMagnetization) < 0.2)
        // Same shape on a contiguous support around S ≈ 0, renormalised.
        let support = misaligned.probabilities.indices.filter { misaligned.probabilities[$0] > 0 }
        #expect(support.contains(n / 2))
        #expect(support.last! - support.first! + 1 == support.count)
        let ratio = misaligned.probabilities[n / 2] / equilibrium.probabilities[n / 2]
        for k in support {
            #expect(abs(misaligned.probabilities[k] / equilibrium.probabilities[k] - ratio) < 1e-9 * ratio)
        }
        #expect(abs(misaligned.probabilities.reduce(0, +) - 1) < 1e-12)
        // Examples drawn from it stay misaligned.
        let examples = try misaligned.examples(count: 200, stream: RandomStream(seed: 97))
        #expect(examples.overlaps(with: cold.pattern).allSatisfy { support.contains(($0 + n) / 2) })
        // A hot teacher has one mode: both phases coincide.
        let hot = try DenseTeacher.random(size: n, order: 3, form: .gardner, temperature: 5, stream: &stream)
        #expect(ExactTeacherSampler(teacher: hot, phase: .misaligned).probabilities == ExactTeacherSampler(teacher: hot).probabilities)
    }

    @Test("Teacher chains agree with the exact sampler in a paramagnetic and a retrieval teacher")
    func chainSampler() throws {
        var stream = RandomStream(seed: 94)
        let n = 40
        for (temperature, startAtTeacher) in [(3.0, false), (0.3, true)] {
            let teacher = try DenseTeacher.random(size: n, order: 3, form: .krotov(.power), temperature: temperature, stream: &stream)
            let exact = ExactTeacherSampler(teacher: teacher)
            let chains = try TeacherChainSampler(
                teacher: teacher, chains: 50, equilibrationSweeps: 50, decorrelationSweeps: 5, startAtTeacher: startAtTeacher,
                threads: 2)
            let count = 4000
            let examples = try chains.examples(count: count, stream: RandomStream(seed: 95))
            let m = examples.overlaps(with: teacher.pattern).map { Double($0) / Double(n) }
            let mean = m.reduce(0, +) / Double(count)
            var variance = 0.0
            for (s, p) in exact.overlapDistribution { variance += p * pow(Double(s) / Double(n) - exact.meanMagnetization, 2) }
            // Successive emissions of a chain are correlated: allow 4 times the independent error.
            #expect(abs(mean - exact.meanMagnetization) < 4 * 5 * (variance / Double(count)).squareRoot(),
                    "T* = \(temperature): chains \(mean), exact \(exact.meanMagnetization)")
            // Threads do not change the examples.
            var single = chains
            single.threads = 1
            #expect(try single.examples(count: 300, stream: RandomStream(seed: 95)) == (try chains.examples(count: 300, stream: RandomStream(seed: 95))))
        }
    }
}
