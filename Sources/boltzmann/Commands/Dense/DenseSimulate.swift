import ArgumentParser
import Boltzmann

/// `boltzmann dense simulate`: Monte Carlo of the student at finite N.
struct DenseSimulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Monte Carlo of the student at finite size, with error bars.",
        discussion: """
            Draws a teacher and M = α N^{p−1}/p! examples, then runs L chains of the student \
            (the posterior over its weights). Prints q* (learning), q (between chains), m \
            (memorisation of the first example), mMax (largest overlap with any example), with \
            errors across chains and disorder samples, the acceptance rate and the speed. \
            `equilibrated` compares the two halves of the measurement.

            Example: boltzmann dense simulate --p 3 --alpha 2 --temperature 0.8 --nishimori --size 256 --chains 16 --sweeps 200 --seed 1
            """)

    @OptionGroup var scenario: DenseScenarioOptions
    @Option(help: "Load α > 0 (M = α N^{p−1}/p!).") var alpha: Double
    @Option(help: "Student temperature T ≥ 0 (0: zero-temperature dynamics).") var temperature: Double
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let theory = try scenario.scenario(alpha: alpha, temperature: temperature)
        let problem = try simulation.scenario(theory)
        let result = try simulation.monteCarlo().run(problem, disorderSamples: simulation.samples)
        output.emit(result.record)
    }
}
