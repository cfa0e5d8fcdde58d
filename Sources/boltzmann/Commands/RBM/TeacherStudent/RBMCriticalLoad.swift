import ArgumentParser
import Boltzmann

/// `boltzmann rbm teacher-student critical-load`: the load above which the student learns.
struct RBMCriticalLoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "critical-load",
        abstract: "Critical load α_crit = T²T*²/λ_max(D·C) at which the RBM student starts to learn.",
        discussion: """
            D_{μν} = ⟨τ*_μ τ*_ν⟩ under the teacher's hidden prior p*(τ*) ∝ exp(½ τ*ᵀCτ*/T*²) \
            (2^P states enumerated), C = (1 − c)I + c11ᵀ. On the Nishimori line (T* = T, the \
            default) α_crit = T⁴/λ_max; for P = 1 or c = 0, α_crit = T⁴. Accepts lists and \
            ranges of temperatures.

            Example: boltzmann rbm teacher-student critical-load --hidden 3 --correlation 0.4 --temperature 0.5:1.5:5
            """)

    @Option(help: "Teacher hidden units P* ≥ 1 (the student's count does not matter).") var hidden: Int = 1
    @Option(help: "Correlation c ∈ [0, 1) between the teacher's patterns.") var correlation: Double = 0
    @Option(help: "Temperatures T > 0: a list a,b,c, a range start:stop:count or log:start:stop:count.")
    var temperature: ParameterList
    @Option(help: "Teacher temperature T* > 0 (default: T* = T).") var teacherTemperature: Double?
    @OptionGroup var output: OutputOptions

    func run() throws {
        var records: [ResultRecord] = []
        for t in try temperature.nonEmpty("temperature") {
            let scenario = try RBMTeacherStudentScenario(
                teacherHidden: hidden, studentHidden: hidden, correlation: correlation, alpha: 0, temperature: t,
                teacherTemperature: teacherTemperature)
            let load = try RBMCriticalLoad.compute(scenario)
            records.append(ResultRecord([
                "hidden": .integer(hidden), "correlation": .number(correlation), "temperature": .number(t),
                "teacherTemperature": .number(scenario.teacherTemperature),
                "alphaCritical": .number(load.alphaCritical), "lambdaMax": .number(load.lambdaMax),
            ]))
        }
        output.emit(records)
    }
}
