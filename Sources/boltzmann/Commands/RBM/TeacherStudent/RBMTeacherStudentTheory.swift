import ArgumentParser
import Boltzmann

/// `boltzmann rbm teacher-student theory`: the replica-symmetric order parameters at each (α, T).
struct RBMTeacherStudentTheoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theory",
        abstract: "Solve the RBM teacher–student replica equations at each (α, T) and say whether the student learns.",
        discussion: """
            A teacher RBM with P* binary patterns (uniform row correlation c) generates α·N examples \
            at temperature T*; a student RBM with P hidden units and binary or Gaussian weights \
            samples its weights from the posterior at temperature T. Prints the Mattis overlaps \
            m (a number for P = P* = 1, else the P* × P matrix as a list of rows), the replica \
            overlaps q, their conjugates mHat, qHat, the free entropy relative to the paramagnet, \
            and the phase ("learning" / "not learning"). For P = P* and (P = 1 or c = 0) the \
            scalar equations are solved; otherwise the general equations by enumeration of the \
            hidden states (P ≤ 4, P* ≤ 8). Several initialisations are tried and the stable \
            solution of largest free entropy is kept; non-convergence is reported (converged = false).

            Example: boltzmann rbm teacher-student theory --alpha 0.5:3:6 --temperature 1 --nishimori
            """)

    @Option(help: "Loads α = M/N ≥ 0: a list a,b,c, a range start:stop:count or log:start:stop:count.")
    var alpha: ParameterList
    @Option(help: "Student temperatures T > 0, in the same syntax.") var temperature: ParameterList
    @Option(help: "Teacher temperature T* > 0 (default: T* = T).") var teacherTemperature: Double?
    @Flag(help: "Bayes-optimal temperature: T* = T (the default when --teacher-temperature is absent).")
    var nishimori = false
    @Option(help: "Student weight prior: binary or gaussian.") var weights: String = "binary"
    @Option(help: "Teacher hidden units P* ≥ 1.") var teacherHidden: Int = 1
    @Option(help: "Student hidden units P ≥ 1 (default: P*).") var hidden: Int?
    @Option(help: "Correlation c ∈ [0, 1) between the teacher's patterns.") var correlation: Double = 0
    @Flag(help: "Also print every distinct fixed point found (one row each).") var candidates = false
    @OptionGroup var output: OutputOptions

    func run() throws {
        let alphas = try alpha.nonEmpty("alpha")
        let temperatures = try temperature.nonEmpty("temperature")
        guard let prior = RBMTeacherStudentScenario.Weights(rawValue: weights) else {
            throw BoltzmannError(
                "unknown weight prior '\(weights)'", fix: "pass --weights binary or --weights gaussian", source: "--weights")
        }
        if nishimori, teacherTemperature != nil {
            throw BoltzmannError(
                "--nishimori sets T* = T, so --teacher-temperature cannot also be given",
                fix: "drop one of --nishimori and --teacher-temperature", source: "--nishimori")
        }
        var records: [ResultRecord] = []
        for t in temperatures {
            for a in alphas {
                let scenario = try RBMTeacherStudentScenario(
                    teacherHidden: teacherHidden, studentHidden: hidden ?? teacherHidden, correlation: correlation,
                    alpha: a, temperature: t, teacherTemperature: teacherTemperature, weights: prior)
                let solution = try RBMTeacherStudentTheory.solve(scenario)
                var record = Self.record(solution.equilibrium, scenario: scenario)
                record["phase"] = .text(solution.phase)
                record["converged"] = .bool(solution.converged)
                record["iterations"] = .integer(solution.iterations)
                record["method"] = .text(solution.method.rawValue)
                records.append(record)
                if candidates {
                    for candidate in solution.candidates {
                        var row = Self.record(candidate, scenario: scenario)
                        row["initialisation"] = .text(candidate.initialisation.rawValue)
                        row["converged"] = .bool(candidate.converged)
                        row["iterations"] = .integer(candidate.iterations)
                        records.append(row)
                    }
                }
            }
        }
        output.emit(records)
    }

    /// One state as a record: matrices as lists of rows, or numbers when P = P* = 1.
    static func record(_ state: RBMTeacherStudentState, scenario: RBMTeacherStudentScenario) -> ResultRecord {
        let scalar = scenario.teacherHidden == 1 && scenario.studentHidden == 1
        func value(_ matrix: [[Double]]) -> ResultValue {
            if scalar, let x = matrix.first?.first { return .number(x) }
            return .list(matrix.map { .list($0.map { .number($0) }) })
        }
        var record = ResultRecord([
            "alpha": .number(scenario.alpha), "temperature": .number(scenario.temperature),
            "teacherTemperature": .number(scenario.teacherTemperature),
        ])
        record["m"] = value(state.m)
        record["q"] = value(state.q)
        record["mHat"] = value(state.mHat)
        record["qHat"] = value(state.qHat)
        record["freeEntropy"] = .number(state.freeEntropy)
        record["stable"] = .bool(state.stable)
        if let message = state.message { record["message"] = .text(message) }
        return record
    }
}
