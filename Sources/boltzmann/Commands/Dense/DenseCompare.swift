import ArgumentParser
import Boltzmann
import Foundation

extension TheorySimulationComparison.Sweep: ExpressibleByArgument {}
extension TheorySimulationComparison.Observable: ExpressibleByArgument {}

/// `boltzmann dense compare`: theory against Monte Carlo on one figure.
struct DenseCompare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Plot an order parameter from theory against Monte Carlo points along a sweep.",
        discussion: """
            Solves the RS equations on a fine grid of the swept parameter and runs the Monte \
            Carlo at the --simulate values; writes compare.svg and compare.csv (theory rows and \
            Monte Carlo rows) to --out and prints the table. On the Nishimori line, starting the \
            chains at the teacher (--initial teacher) samples the posterior at equilibrium.

            Example: boltzmann dense compare --p 3 --nishimori --sweep temperature --alpha 1 --theory 0.3:1.2:91 --simulate 0.4,0.6,0.8,1.0 --size 128 --initial teacher
            """)

    @OptionGroup var scenario: DenseScenarioOptions
    @Option(help: "The swept parameter: temperature or alpha.") var sweep: TheorySimulationComparison.Sweep = .temperature
    @Option(help: "α when sweeping the temperature.") var alpha: Double?
    @Option(help: "T when sweeping α.") var temperature: Double?
    @Option(help: "Theory grid of the swept parameter (list, start:stop:count or log:…).") var theory: ParameterList
    @Option(name: .customLong("simulate"), help: "Monte Carlo values of the swept parameter.") var simulateValues: ParameterList
    @Option(help: "Order parameter: qStar, q or m.") var observable: TheorySimulationComparison.Observable = .qStar
    @OptionGroup var simulation: SimulationOptions
    @Option(help: "Folder for compare.svg and compare.csv.") var out: String = "out"
    @OptionGroup var output: OutputOptions

    func validate() throws {
        switch sweep {
        case .temperature where alpha == nil: throw ValidationError("sweeping the temperature needs a fixed --alpha")
        case .alpha where temperature == nil: throw ValidationError("sweeping α needs a fixed --temperature")
        default: break
        }
    }

    func run() throws {
        let comparison = TheorySimulationComparison(
            scenario: scenario, simulation: simulation, sweep: sweep,
            fixed: (sweep == .temperature ? alpha : temperature) ?? .nan,
            theoryValues: try theory.nonEmpty("theory"), simulationValues: try simulateValues.nonEmpty("simulate"),
            observable: observable)
        let (figure, records) = try comparison.run { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let files = FigureOutput(folder: out, name: "compare")
        try files.write(figure: figure, records: records)
        output.emit(records)
        files.announce()
    }
}
