import ArgumentParser
import Boltzmann
import Foundation

/// `boltzmann demo` (what `make demo` runs): the Bayes-optimal p = 3 dense Hopfield student.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve and simulate the Nishimori-line p = 3 student; write demo.svg and demo.csv.",
        discussion: """
            The scenario of arXiv 2401.04191: a p = 3 teacher with one pattern at temperature T \
            emits M = α N²/6 examples; the student samples the posterior at the same T. The demo \
            locates the learning transitions, solves q*(T) at fixed α from replica theory, runs \
            Monte Carlo chains started at the teacher at a few temperatures, and plots both.
            """)

    @Option(help: "Folder for demo.svg and demo.csv.") var out: String = "out"
    @Option(help: "Load α.") var alpha: Double = 1
    @Option(help: "Number of spins N of the Monte Carlo.") var size: Int = 128
    @Option(help: "Measurement sweeps per chain.") var sweeps: Int = 300
    @Option(help: "Run seed.") var seed: UInt64 = 2024

    func run() throws {
        let start = Date()
        let p = 3
        print("Boltzmann \(BoltzmannVersion.current): dense p = \(p) teacher–student on the Nishimori line, α = \(alpha)")
        let transitions = try NishimoriLine(p: p).transitions()
        let tSpinodal = transitions.spinodalTemperature(alpha: alpha)
        let tThermodynamic = transitions.thermodynamicTemperature(alpha: alpha)
        print(String(format: "  learning transitions in c = α/T²: spinodal c = %.6f (T = %.4f), thermodynamic c = %.6f (T = %.4f)",
                     transitions.spinodalC, tSpinodal, transitions.thermodynamicC, tThermodynamic))

        var scenario = try DenseScenarioOptions.parse(["--p", "\(p)", "--nishimori"])
        scenario.form = "gardner"
        let simulation = try SimulationOptions.parse([
            "--size", "\(size)", "--chains", "16", "--sweeps", "\(sweeps)", "--seed", "\(seed)",
            "--initial", "teacher", "--threads", "\(ProcessInfo.processInfo.activeProcessorCount)",
        ])
        let lower = 0.5 * tThermodynamic
        let upper = 1.25 * tSpinodal
        let theoryValues = (0..<121).map { lower + (upper - lower) * Double($0) / 120 }
        let simulationValues = [0.6, 0.8, 0.95, 1.05, 1.15].map { $0 * tThermodynamic } + [1.1 * tSpinodal]
        print("  Monte Carlo: N = \(size), M = \(try DenseLoad.exampleCount(alpha: alpha, order: p, size: size)) examples, 16 chains from the teacher, \(sweeps) + \(sweeps) sweeps")
        let comparison = TheorySimulationComparison(
            scenario: scenario, simulation: simulation, sweep: .temperature, fixed: alpha,
            theoryValues: theoryValues, simulationValues: simulationValues.sorted(), observable: .qStar)
        var (figure, records) = try comparison.run { print($0) }
        figure.title = "Bayes-optimal p = 3 student, α = \(alpha): learning q^{*}(T)"
        let files = FigureOutput(folder: out, name: "demo")
        try files.write(figure: figure, records: records)
        print(String(format: "done in %.1f s", Date().timeIntervalSince(start)))
        print("figure: \(files.svgURL.path) (open it in a browser)")
        print("table:  \(files.csvURL.path)")
    }
}
