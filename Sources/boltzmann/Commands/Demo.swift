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
    @Option(help: "Load α.") var alpha: Double = 6
    @Option(help: "Number of spins N of the Monte Carlo.") var size: Int = 256
    @Option(help: "Measurement sweeps per chain.") var sweeps: Int = 200
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
        func simulation(initial: String) throws -> SimulationOptions {
            try SimulationOptions.parse([
                "--size", "\(size)", "--chains", "16", "--sweeps", "\(sweeps)", "--seed", "\(seed)",
                "--initial", initial, "--threads", "\(ProcessInfo.processInfo.activeProcessorCount)",
            ])
        }
        // Temperatures from 0.75 T_th: on the Nishimori line the teacher has T* = T, and below
        // about T = 1.7 the p = 3 teacher itself orders, which the RS equations do not describe.
        let lower = 0.75 * tThermodynamic
        let upper = 1.3 * tSpinodal
        let theoryValues = (0..<131).map { lower + (upper - lower) * Double($0) / 130 }
        let between = (tThermodynamic + tSpinodal) / 2
        let simulationValues = [0.8 * tThermodynamic, 0.9 * tThermodynamic, 0.97 * tThermodynamic, between,
                                1.1 * tSpinodal, 1.25 * tSpinodal]
        print("  Monte Carlo: N = \(size), M = \(try DenseLoad.exampleCount(alpha: alpha, order: p, size: size)) examples, 16 chains, \(sweeps) + \(sweeps) sweeps")
        print("  chains started at the teacher (an equilibrium sample of the posterior on the Nishimori line):")
        let fromTeacher = TheorySimulationComparison(
            scenario: scenario, simulation: try simulation(initial: "teacher"), sweep: .temperature, fixed: alpha,
            theoryValues: theoryValues, simulationValues: simulationValues, observable: .qStar)
        var (figure, records) = try fromTeacher.run { print($0) }
        print("  chains started at random (the paramagnet; they must cross the barrier of the first-order transition):")
        let fromRandom = TheorySimulationComparison(
            scenario: scenario, simulation: try simulation(initial: "random"), sweep: .temperature, fixed: alpha,
            theoryValues: [], simulationValues: simulationValues, observable: .qStar)
        let (randomFigure, randomRecords) = try fromRandom.run { print($0) }
        for var series in randomFigure.series where series.marker != nil {
            series.marker = .openSquare
            figure.add(series)
        }
        records += randomRecords.map { record in
            var tagged = record
            tagged["initial"] = "random"
            return tagged
        }
        figure.title = "Bayes-optimal p = 3 student, α = \(alpha): learning q^{*}(T)"
        figure.yAxis = Axis(label: "q^{*}", range: -0.05...1.3)
        figure.legend = .topRight
        let files = FigureOutput(folder: out, name: "demo")
        try files.write(figure: figure, records: records)
        print(String(format: "done in %.1f s", Date().timeIntervalSince(start)))
        print("figure: \(files.svgURL.path) (open it in a browser)")
        print("table:  \(files.csvURL.path)")
    }
}
