import Foundation
import BoltzmannCore
import BoltzmannModels

/// How the training examples of a teacher–student scenario are generated.
public enum ExampleSource: Sendable, Hashable, Codable {
    /// Exact independent samples of the teacher (``ExactTeacherSampler``) in the given phase;
    /// `.misaligned` (the default of the scenarios) is the paramagnetic teacher of the theory.
    case exactTeacher(ExactTeacherSampler.Phase)
    /// The paper's procedure: heat-bath chains of the teacher (``TeacherChainSampler``).
    case teacherChains(chains: Int, equilibrationSweeps: Int, decorrelationSweeps: Int)
    /// Noisy copies of the teacher, P(η_i = ξ*_i) = (1 + r)/2 (``BoltzmannModels/PatternMatrix/noisyCopies(of:count:correlation:stream:)``).
    case noisyCopies(correlation: Double)
}

/// A dense teacher–student problem specified by its control parameters, from which every
/// disorder sample (teacher pattern and examples) is generated reproducibly from a stream:
/// the ``DenseMonteCarlo`` counterpart of the theory's scenario (MODELS.md §2).
///
/// - teacher: order p*, form, temperature T*, a uniformly random pattern ξ*;
/// - examples: M = round(α N^{p−1}/p!) (the student's p), or M given directly, from
///   ``ExampleSource``;
/// - student: order p, form, temperature T.
///
/// The Nishimori line is p = p*, same form, T = T* (``nishimori(order:alpha:temperature:size:form:)``).
public struct DenseTeacherStudentScenario: Sendable, Hashable, Codable {
    public var order: Int
    public var teacherOrder: Int
    public var form: DenseHopfieldForm
    public var teacherForm: DenseHopfieldForm
    public var temperature: Double
    public var teacherTemperature: Double
    public var size: Int
    /// The number of examples M.
    public var exampleCount: Int
    public var exampleSource: ExampleSource

    /// - Throws: `BoltzmannError` for p, p* < 2, N < 3, M < 1, T < 0 or T* ≤ 0.
    public init(
        order: Int, teacherOrder: Int, form: DenseHopfieldForm = .gardner, teacherForm: DenseHopfieldForm = .gardner,
        temperature: Double, teacherTemperature: Double, size: Int, exampleCount: Int,
        exampleSource: ExampleSource = .exactTeacher(.misaligned)
    ) throws(BoltzmannError) {
        _ = try DenseInteraction(order: order, form: form, size: size)
        _ = try DenseInteraction(order: teacherOrder, form: teacherForm, size: size)
        guard size >= 3 else {
            throw BoltzmannError("N = \(size) is too small for a teacher–student run", fix: "use N ≥ 3", source: "N")
        }
        guard exampleCount >= 1 else {
            throw BoltzmannError("the number of examples must be at least 1, got \(exampleCount)", fix: "pass M ≥ 1", source: "M")
        }
        // The examples are stored as M × N bytes; refuse what cannot fit in memory instead of
        // letting the allocation abort the process.
        let exampleBytes = exampleCount.multipliedReportingOverflow(by: size)
        let memory = ProcessInfo.processInfo.physicalMemory
        guard !exampleBytes.overflow, UInt64(exampleBytes.partialValue) <= memory / 2 else {
            throw BoltzmannError(
                "M = \(exampleCount) examples of N = \(size) weights need \(Double(exampleCount) * Double(size) / 1e9) GB, "
                    + "more than half of this machine's \(Double(memory) / 1e9) GB",
                fix: "lower N or α (M = α N^{p−1}/p! grows as N^{p−1})", source: "N")
        }
        guard temperature >= 0, teacherTemperature > 0 else {
            throw BoltzmannError("temperatures need T ≥ 0 and T* > 0 (got T = \(temperature), T* = \(teacherTemperature))",
                                 fix: "pass valid temperatures", source: "T")
        }
        if case .noisyCopies(let r) = exampleSource, !(r >= -1 && r <= 1) {
            throw BoltzmannError("the example correlation r = \(r) is outside [−1, 1]", fix: "pass r in [−1, 1]", source: "r")
        }
        self.order = order
        self.teacherOrder = teacherOrder
        self.form = form
        self.teacherForm = teacherForm
        self.temperature = temperature
        self.teacherTemperature = teacherTemperature
        self.size = size
        self.exampleCount = exampleCount
        self.exampleSource = exampleSource
    }

    /// The Bayes-optimal student: p = p*, same form, T = T*, M = round(α N^{p−1}/p!), examples
    /// exact samples of the misaligned (paramagnetic) teacher, as in the theory.
    public static func nishimori(
        order p: Int, alpha: Double, temperature: Double, size n: Int, form: DenseHopfieldForm = .gardner
    ) throws(BoltzmannError) -> DenseTeacherStudentScenario {
        let m = try DenseLoad.exampleCount(alpha: alpha, order: p, size: n)
        return try DenseTeacherStudentScenario(
            order: p, teacherOrder: p, form: form, teacherForm: form, temperature: temperature,
            teacherTemperature: temperature, size: n, exampleCount: m)
    }

    /// α = M p!/N^{p−1} for the student's order.
    public var alpha: Double { (try? DenseLoad.alpha(exampleCount: exampleCount, order: order, size: size)) ?? .nan }

    /// One disorder sample: the teacher pattern from `stream.substream(0)`, the examples from
    /// `stream.substream(1)`.
    public func makeProblem(stream: RandomStream) throws(BoltzmannError) -> TeacherStudentProblem {
        var teacherStream = stream.substream(0)
        let teacher = try DenseTeacher.random(
            size: size, order: teacherOrder, form: teacherForm, temperature: teacherTemperature, stream: &teacherStream)
        let examples: PatternMatrix
        switch exampleSource {
        case .exactTeacher(let phase):
            examples = try ExactTeacherSampler(teacher: teacher, phase: phase).examples(count: exampleCount, stream: stream.substream(1))
        case .teacherChains(let chains, let equilibration, let decorrelation):
            examples = try TeacherChainSampler(
                teacher: teacher, chains: chains, equilibrationSweeps: equilibration, decorrelationSweeps: decorrelation
            ).examples(count: exampleCount, stream: stream.substream(1))
        case .noisyCopies(let r):
            var exampleStream = stream.substream(1)
            examples = try PatternMatrix.noisyCopies(of: teacher.pattern, count: exampleCount, correlation: r, stream: &exampleStream)
        }
        return try TeacherStudentProblem(
            teacherPattern: teacher.pattern, examples: examples, order: order, form: form, temperature: temperature)
    }
}
