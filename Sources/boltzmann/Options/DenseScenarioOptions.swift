import ArgumentParser
import Boltzmann

/// The dense (p-body) Hopfield teacher–student scenario, shared by `dense` subcommands.
struct DenseScenarioOptions: ParsableArguments {
    @Option(name: .customLong("p"), help: "Student interaction order p ≥ 2.")
    var p: Int

    @Option(name: .customLong("teacher-p"), help: "Teacher order p*; omit for the direct model (random patterns).")
    var teacherP: Int?

    @Option(help: "Teacher temperature T* (dataset noise); with --nishimori it equals T.")
    var teacherTemperature: Double?

    @Flag(help: "Bayes-optimal student: p* = p and T* = T.")
    var nishimori = false

    @Option(help: "Hamiltonian form: gardner, krotov or krotov-rectified.")
    var form: String = "gardner"

    @Option(help: "Regime of a p* = 2 teacher: large-noise or finite-noise.")
    var regime: String?

    func validate() throws {
        guard p >= 2 else { throw ValidationError("--p \(p) is invalid: the interaction order must be at least 2") }
        if let teacherP, teacherP < 2 {
            throw ValidationError("--teacher-p \(teacherP) is invalid: the teacher order must be at least 2")
        }
        if let t = teacherTemperature, !(t > 0) {
            throw ValidationError("--teacher-temperature \(t) is invalid: it must be positive")
        }
    }

    func hopfieldForm() throws -> DenseHopfieldForm { try DenseTeacherStudent.form(named: form) }

    /// The theory scenario at (α, T).
    func scenario(alpha: Double, temperature: Double) throws -> DenseTeacherStudent {
        var pairwise: PairwiseTeacherRegime?
        if let regime {
            switch regime.lowercased() {
            case "large-noise", "largenoise": pairwise = .largeNoise
            case "finite-noise", "finitenoise": pairwise = .finiteNoise
            default: throw ValidationError("unknown --regime \(regime); use large-noise or finite-noise")
            }
        }
        return try DenseTeacherStudent(
            p: p, teacherP: nishimori ? (teacherP ?? p) : teacherP, alpha: alpha, temperature: temperature,
            teacherTemperature: nishimori ? nil : teacherTemperature, nishimori: nishimori,
            form: hopfieldForm(), pairwiseRegime: pairwise)
    }
}
