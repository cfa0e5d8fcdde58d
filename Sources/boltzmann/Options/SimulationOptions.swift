import ArgumentParser
import Boltzmann

extension UpdateRule: ExpressibleByArgument {}
extension DenseKernelChoice: ExpressibleByArgument {}

/// Monte Carlo settings shared by `dense simulate`, `dense compare` and the demo.
struct SimulationOptions: ParsableArguments {
    @Option(help: "Number of spins (student weights) N.") var size: Int = 256
    @Option(help: "Independent chains L per disorder sample.") var chains: Int = 16
    @Option(help: "Measurement sweeps per chain.") var sweeps: Int = 200
    @Option(help: "Equilibration sweeps before measuring (default: as many as --sweeps).")
    var equilibration: Int?
    @Option(help: "Disorder samples (independent teachers and example sets).") var samples: Int = 1
    @Option(help: "Run seed; with a task index it fixes every random draw.") var seed: UInt64 = 1
    @Option(help: "Initial condition: random, teacher or example.") var initial: String = "random"
    @Option(help: "Update rule: heat-bath, metropolis or zero-temperature.") var rule: UpdateRule = .heatBath
    @Option(help: "Kernel: automatic, overlap, cubic-tensor or reference.") var kernel: DenseKernelChoice = .automatic
    @Option(help: "Threads over chains (results are identical for any value).") var threads: Int = 2
    @Option(help: "Examples: exact-teacher (default, exact samples of the teacher) or noise:R (r-noise copies).")
    var examples: String = "exact-teacher"

    func validate() throws {
        guard size >= 3 else { throw ValidationError("--size \(size) is too small; use N ≥ 3") }
        guard chains >= 1, sweeps >= 1, samples >= 1, threads >= 1 else {
            throw ValidationError("--chains, --sweeps, --samples and --threads must be at least 1")
        }
        if let equilibration, equilibration < 0 { throw ValidationError("--equilibration must be ≥ 0") }
    }

    func monteCarlo(seed: UInt64? = nil) throws -> DenseMonteCarlo {
        try DenseMonteCarlo(
            chains: chains, sweeps: sweeps, equilibrationSweeps: equilibration, rule: rule,
            initialCondition: DenseSimulationScenario.initialCondition(named: initial), kernel: kernel, threads: threads,
            seed: seed ?? self.seed)
    }

    /// The Monte Carlo scenario for a theory scenario at size N (``DenseSimulationScenario``).
    func scenario(_ theory: DenseTeacherStudent) throws -> DenseTeacherStudentScenario {
        try DenseSimulationScenario.monteCarloScenario(
            theory, size: size, examples: DenseSimulationScenario.exampleSource(named: examples))
    }
}
