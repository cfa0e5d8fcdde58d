import BoltzmannCore
import RealModule

/// The teacher of the RBM teacher–student problem (arXiv 2410.16150, MODELS.md §3): an RBM with
/// N spin visible units σ, P* spin hidden units τ, binary patterns ξ* ∈ {±1}^{N×P*}, weights
/// W = β* ξ*/√N and zero biases,
///
///     P(σ, τ | ξ*) ∝ exp((β*/√N) Σ_{iμ} σ_i ξ*_{iμ} τ_μ).
///
/// ## Exact examples
/// Summing out the visible layer gives the hidden marginal
///
///     p(τ) ∝ Π_i 2 cosh(β* x_i(τ)/√N),   x_i(τ) = Σ_μ ξ*_{iμ} τ_μ ∈ {−P*, …, P*},
///
/// and given τ the visible units are independent, P(σ_i = +1 | τ) = sigmoid(2β* x_i(τ)/√N).
/// ``sampleExamples(count:stream:)`` enumerates the 2^{P*} hidden states once (Gray-code order,
/// O(N) per state), then draws each example exactly: τ by inverting the cumulative p(τ) (one
/// uniform), then σ | τ (N uniforms). The examples are exact, independent equilibrium samples —
/// no burn-in, no autocorrelation — which block Gibbs sampling of the same RBM only approaches.
/// Practical up to P* = ``maxEnumeratedHidden``.
///
/// Hidden state t ∈ 0..<2^{P*} encodes τ_μ = +1 when bit μ of t is set, −1 otherwise
/// (``hiddenSpin(state:unit:)``); the student's partition sums use the same encoding.
public struct RBMTeacher: Sendable, Equatable {
    /// Number of visible units N.
    public let size: Int
    /// Number of hidden units (patterns) P*.
    public let hiddenCount: Int
    /// Teacher temperature T* = 1/β*.
    public let temperature: Double
    /// The patterns ξ*, site-major N × P*: `patterns[i * P* + μ]` = ξ*_{iμ} ∈ {±1}.
    public let patterns: [Int8]

    /// Largest P* whose 2^{P*} hidden states ``sampleExamples(count:stream:)`` enumerates.
    public static let maxEnumeratedHidden = 20

    /// A teacher with given patterns.
    ///
    /// - Throws: `BoltzmannError` when the pattern count is not N·P*, an entry is not ±1,
    ///   N or P* < 1, or T* is not finite and positive.
    public init(patterns: [Int8], size: Int, hiddenCount: Int, temperature: Double) throws(BoltzmannError) {
        guard size >= 1, hiddenCount >= 1 else {
            throw BoltzmannError(
                "the teacher needs N ≥ 1 visible and P* ≥ 1 hidden units (got N = \(size), P* = \(hiddenCount))",
                fix: "pass positive sizes", source: "teacher")
        }
        guard patterns.count == size * hiddenCount, patterns.allSatisfy({ $0 == 1 || $0 == -1 }) else {
            throw BoltzmannError(
                "the teacher's patterns must be \(size) × \(hiddenCount) entries ±1 (got \(patterns.count) entries)",
                fix: "pass N·P* values in {−1, +1}, site-major", source: "teacher")
        }
        guard temperature.isFinite, temperature > 0 else {
            throw BoltzmannError(
                "the teacher temperature T* = \(temperature) must be finite and positive",
                fix: "pass T* > 0", source: "teacher")
        }
        self.size = size
        self.hiddenCount = hiddenCount
        self.temperature = temperature
        self.patterns = patterns
    }

    /// The teacher of a scenario at size N: P* patterns with row correlations
    /// C = (1 − c)·I + c·11ᵀ (``CorrelatedPatterns``), drawn from `stream`.
    public init(scenario: RBMTeacherStudentScenario, size: Int, stream: inout RandomStream) throws(BoltzmannError) {
        guard size >= 1 else {
            throw BoltzmannError("the size N = \(size) must be at least 1", fix: "pass --size ≥ 1", source: "size")
        }
        let patterns = try CorrelatedPatterns.sample(
            rows: size, correlation: scenario.correlationMatrix, order: scenario.teacherHidden, stream: &stream)
        try self.init(patterns: patterns, size: size, hiddenCount: scenario.teacherHidden,
                      temperature: scenario.teacherTemperature)
    }

    /// β* = 1/T*.
    public var beta: Double { 1 / temperature }

    /// The teacher as a ``RestrictedBoltzmannMachine``: spin visible and hidden layers with zero
    /// biases and weights W = β* ξ*/√N (N × P*, in `Float`), so that p(v, h) ∝ exp(vᵀWh) is the
    /// teacher's law — what block Gibbs sampling of the examples runs on.
    public func machine() -> RestrictedBoltzmannMachine {
        let scale = beta / Double(size).squareRoot()
        var weights = Matrix<Float>(rows: size, columns: hiddenCount)
        weights.withUnsafeMutableBufferPointer { entries in
            for index in entries.indices { entries[index] = Float(scale * Double(patterns[index])) }
        }
        do {
            return try RestrictedBoltzmannMachine(visible: SpinLayer(count: size), hidden: SpinLayer(count: hiddenCount), weights: weights)
        } catch {
            preconditionFailure("RBMTeacher.machine: finite N × P* weights always fit the layers (\(error))")
        }
    }

    /// Pattern μ, ξ*_μ ∈ {±1}^N.
    public func pattern(_ mu: Int) -> [Int8] {
        (0..<size).map { patterns[$0 * hiddenCount + mu] }
    }

    /// τ_μ ∈ {±1} of hidden state `state` (bit μ set ↔ +1).
    @inlinable
    public static func hiddenSpin(state: Int, unit: Int) -> Int {
        (state >> unit) & 1 == 1 ? 1 : -1
    }

    /// log p(τ) + const for every hidden state, Σ_i ln 2cosh(β* x_i(τ)/√N), computed in Gray-code
    /// order (each state differs from the previous one in one unit, so x_i changes by ±2 ξ*_{iμ}):
    /// O(N·2^{P*}) after an O(N·P*) start.
    ///
    /// - Precondition: P* ≤ ``maxEnumeratedHidden``.
    public func hiddenLogWeights() -> [Double] {
        precondition(hiddenCount <= Self.maxEnumeratedHidden, "hiddenLogWeights: P* = \(hiddenCount) is too large to enumerate")
        let p = hiddenCount
        let scale = beta / Double(size).squareRoot()
        let table = (0...(2 * p)).map { log2Cosh(scale * Double($0 - p)) }
        var fields = (0..<size).map { i in (0..<p).reduce(0) { $0 - Int(patterns[i * p + $1]) } } // τ = all −1 (state 0)
        var weights = [Double](repeating: 0, count: 1 << p)
        var state = 0
        weights[0] = fields.reduce(0) { $0 + table[$1 + p] }
        for step in 1..<(1 << p) {
            let unit = step.trailingZeroBitCount
            state ^= 1 << unit
            let sign = Self.hiddenSpin(state: state, unit: unit)   // new τ_unit
            var sum = 0.0
            for i in 0..<size {
                fields[i] += 2 * sign * Int(patterns[i * p + unit])
                sum += table[fields[i] + p]
            }
            weights[state] = sum
        }
        return weights
    }

    /// The normalised hidden marginal p(τ), indexed by hidden state.
    public func hiddenDistribution() -> [Double] {
        let logWeights = hiddenLogWeights()
        let top = logWeights.max()!
        let weights = logWeights.map { Double.exp($0 - top) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// `count` exact independent examples σ^a ~ P(σ | ξ*), row-major `count` × N, values ±1.
    ///
    /// Each example draws one uniform (its hidden state) then N uniforms (its visible units, in
    /// site order) from `stream`.
    /// - Throws: `BoltzmannError` when count < 0 or P* > ``maxEnumeratedHidden``.
    public func sampleExamples(count: Int, stream: inout RandomStream) throws(BoltzmannError) -> [Int8] {
        guard count >= 0 else {
            throw BoltzmannError("the number of examples M = \(count) must be ≥ 0", fix: "pass α ≥ 0", source: "examples")
        }
        guard hiddenCount <= Self.maxEnumeratedHidden else {
            throw BoltzmannError(
                "exact example sampling enumerates 2^P* hidden states; P* = \(hiddenCount) is above \(Self.maxEnumeratedHidden)",
                fix: "use fewer teacher hidden units", source: "teacher-hidden")
        }
        let p = hiddenCount
        let n = size
        var cumulative = hiddenDistribution()
        for t in 1..<cumulative.count { cumulative[t] += cumulative[t - 1] }
        let scale = 2 * beta / Double(n).squareRoot()
        let upProbability = (0...(2 * p)).map { 1 / (1 + Double.exp(-scale * Double($0 - p))) }
        var examples = [Int8](repeating: 0, count: count * n)
        for a in 0..<count {
            let u = stream.uniform() * cumulative[cumulative.count - 1]
            var low = 0
            var high = cumulative.count - 1
            while low < high {   // first state with cumulative > u
                let middle = (low + high) / 2
                if cumulative[middle] > u { high = middle } else { low = middle + 1 }
            }
            let state = low
            for i in 0..<n {
                var field = 0
                for mu in 0..<p { field += Self.hiddenSpin(state: state, unit: mu) * Int(patterns[i * p + mu]) }
                examples[a * n + i] = stream.uniform() < upProbability[field + p] ? 1 : -1
            }
        }
        return examples
    }
}
