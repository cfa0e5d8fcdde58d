import ArgumentParser
import Boltzmann

/// `boltzmann rbm teacher-student simulate`: Monte Carlo of the RBM student at finite N.
struct RBMTeacherStudentSimulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Monte Carlo of the RBM student at finite size: the Mattis matrix with error bars.",
        discussion: """
            Draws a teacher RBM (P* binary patterns with correlation c), M = round(α N) exact \
            examples at T*, then runs L chains of the student posterior at T: Metropolis single \
            weight flips for binary weights, Metropolis-adjusted Langevin for Gaussian weights. \
            Prints m (mean matched |Mattis overlap|), the aligned Mattis matrix mMatrix (P* × P, \
            row-major, matched pairs on the diagonal), q (matched overlap between chains), with \
            errors across chains and disorder samples, the acceptance and the speed. \
            `equilibrated` compares the two halves of the measurement.

            Example: boltzmann rbm teacher-student simulate --alpha 3 --temperature 1 --size 200 --chains 8 --samples 4 --sweeps 200 --seed 1
            """)

    @Option(help: "Load α ≥ 0 (M = round(α N) examples).") var alpha: Double
    @Option(help: "Student temperature T > 0.") var temperature: Double
    @Option(help: "Teacher temperature T* > 0 (default: T, the Nishimori line).") var teacherTemperature: Double?
    @Option(help: "Teacher hidden units (patterns) P*.") var teacherHidden: Int = 1
    @Option(help: "Student hidden units P (default: P*).") var hidden: Int?
    @Option(help: "Correlation c ∈ [0, 1) between the teacher's patterns.") var correlation: Double = 0
    @Option(help: "Student weights: binary (±1, Metropolis) or gaussian (N(0,1) prior, Langevin).")
    var weights: String = "binary"
    @Option(help: "Number of visible units N.") var size: Int = 200
    @Option(help: "Disorder samples (independent teachers and example sets).") var samples: Int = 1
    @Option(help: "Independent student chains L per disorder sample.") var chains: Int = 8
    @Option(help: "Measurement sweeps per chain (a sweep proposes N·P flips, or one Langevin step).")
    var sweeps: Int = 200
    @Option(help: "Equilibration sweeps before measuring (default: as many as --sweeps).") var equilibration: Int?
    @Option(help: "Sweeps between measurements.") var interval: Int = 1
    @Option(help: "Initial weights: random or teacher (informed start).") var start: String = "random"
    @Option(help: "Langevin step size ε for gaussian weights (default 2/√(1+αβ²)·(NP)^(−1/6)).") var stepSize: Double?
    @Option(help: "Run seed; with a sample and chain index it fixes every random draw.") var seed: UInt64 = 1
    @Option(help: "Threads over chains (results are identical for any value).") var threads: Int = 2
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard size >= 2 else { throw ValidationError("--size \(size) is too small; use N ≥ 2") }
        guard chains >= 1, sweeps >= 1, samples >= 1, threads >= 1, interval >= 1 else {
            throw ValidationError("--chains, --sweeps, --samples, --interval and --threads must be at least 1")
        }
        if let equilibration, equilibration < 0 { throw ValidationError("--equilibration must be ≥ 0") }
        guard RBMTeacherStudentScenario.Weights(rawValue: weights) != nil else {
            throw ValidationError("unknown --weights \(weights); use binary or gaussian")
        }
        guard RBMTeacherStudentMonteCarlo.Start(rawValue: start) != nil else {
            throw ValidationError("unknown --start \(start); use random or teacher")
        }
    }

    func run() throws {
        let scenario = try RBMTeacherStudentScenario(
            teacherHidden: teacherHidden, studentHidden: hidden ?? teacherHidden, correlation: correlation, alpha: alpha,
            temperature: temperature, teacherTemperature: teacherTemperature,
            weights: RBMTeacherStudentScenario.Weights(rawValue: weights) ?? .binary)
        let monteCarlo = try RBMTeacherStudentMonteCarlo(
            chains: chains, sweeps: sweeps, equilibrationSweeps: equilibration, measurementInterval: interval,
            start: RBMTeacherStudentMonteCarlo.Start(rawValue: start) ?? .random, stepSize: stepSize, threads: threads,
            seed: seed)
        output.emit(try monteCarlo.run(scenario, size: size, disorderSamples: samples).record)
    }
}
