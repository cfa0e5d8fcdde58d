import BoltzmannCore
import BoltzmannModels
import RealModule
import Testing

/// The exact example sampler of the RBM teacher against brute-force enumeration of the joint
/// law P(σ, τ) ∝ exp((β*/√N) σᵀξ*τ) over all visible and hidden states of tiny teachers.
@Suite struct RBMTeacherTests {
    static func teacher(size n: Int, hidden p: Int, temperature: Double, seed: UInt64) throws -> RBMTeacher {
        var stream = RandomStream(seed: seed)
        var patterns = [Int8](repeating: 0, count: n * p)
        stream.fillRademacher(&patterns)
        return try RBMTeacher(patterns: patterns, size: n, hiddenCount: p, temperature: temperature)
    }

    /// (β*/√N) σᵀξ*τ for visible state s and hidden state t (bit set ↔ +1).
    static func exponent(_ teacher: RBMTeacher, visible s: Int, hidden t: Int) -> Double {
        var sum = 0
        for i in 0..<teacher.size {
            let sigma = (s >> i) & 1 == 1 ? 1 : -1
            for mu in 0..<teacher.hiddenCount {
                let tau = (t >> mu) & 1 == 1 ? 1 : -1
                sum += sigma * Int(teacher.patterns[i * teacher.hiddenCount + mu]) * tau
            }
        }
        return teacher.beta / Double(teacher.size).squareRoot() * Double(sum)
    }

    @Test func hiddenMarginalMatchesEnumeration() throws {
        let teacher = try Self.teacher(size: 5, hidden: 3, temperature: 0.4, seed: 3)
        var brute = (0..<8).map { t in (0..<32).reduce(0.0) { $0 + Double.exp(Self.exponent(teacher, visible: $1, hidden: t)) } }
        let total = brute.reduce(0, +)
        brute = brute.map { $0 / total }
        for (exact, reference) in zip(teacher.hiddenDistribution(), brute) {
            #expect(abs(exact - reference) <= 1e-12 * max(1, reference), "\(exact) vs \(reference)")
        }
    }

    @Test func examplesFollowTheVisibleMarginal() throws {
        let n = 4
        let teacher = try Self.teacher(size: n, hidden: 2, temperature: 0.5, seed: 5)
        var visible = (0..<16).map { s in (0..<4).reduce(0.0) { $0 + Double.exp(Self.exponent(teacher, visible: s, hidden: $1)) } }
        let total = visible.reduce(0, +)
        visible = visible.map { $0 / total }
        let count = 200_000
        var stream = RandomStream(seed: 9)
        let examples = try teacher.sampleExamples(count: count, stream: &stream)
        var histogram = [Int](repeating: 0, count: 16)
        for a in 0..<count {
            var s = 0
            for i in 0..<n where examples[a * n + i] == 1 { s |= 1 << i }
            histogram[s] += 1
        }
        for s in 0..<16 {
            let p = visible[s]
            let observed = Double(histogram[s]) / Double(count)
            #expect(abs(observed - p) <= 5 * (p * (1 - p) / Double(count)).squareRoot(), "state \(s): \(observed) vs \(p)")
        }
    }

    @Test func scenarioTeacherHasTheScenarioShape() throws {
        let scenario = try RBMTeacherStudentScenario(teacherHidden: 3, studentHidden: 2, correlation: 0.2, alpha: 1, temperature: 1.5)
        var stream = RandomStream(seed: 2)
        let teacher = try RBMTeacher(scenario: scenario, size: 50, stream: &stream)
        #expect(teacher.size == 50 && teacher.hiddenCount == 3 && teacher.temperature == 1.5)
        #expect(teacher.pattern(1).count == 50)
    }

    @Test func badTeachersAreRefused() {
        #expect(throws: BoltzmannError.self) { try RBMTeacher(patterns: [1, 0], size: 2, hiddenCount: 1, temperature: 1) }
        #expect(throws: BoltzmannError.self) { try RBMTeacher(patterns: [1, 1], size: 2, hiddenCount: 1, temperature: 0) }
        #expect(throws: BoltzmannError.self) { try RBMTeacher(patterns: [1, 1, 1], size: 2, hiddenCount: 1, temperature: 1) }
    }
}
