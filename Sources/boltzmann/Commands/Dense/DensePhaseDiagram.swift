import ArgumentParser
import Boltzmann
import Foundation

/// `boltzmann dense phase-diagram`: phases over an (α, T) grid with the transition lines.
struct DensePhaseDiagram: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase-diagram",
        abstract: "Phases over an (α, T) grid, with the transition lines, as a table and an SVG.",
        discussion: """
            Every grid point is solved as `dense theory` does; the figure colours the phases \
            (gR, lR, eR, SG, P) and draws the transition lines the solver located (on the \
            Nishimori line: the spinodal and thermodynamic learning transitions).

            Example: boltzmann dense phase-diagram --p 3 --nishimori --alphas 0.05:4:60 --temperatures 0.1:2:60 --out out
            """)

    @OptionGroup var scenario: DenseScenarioOptions
    @Option(help: "Loads α: a list a,b,c, a range start:stop:count or log:start:stop:count.")
    var alphas: ParameterList
    @Option(help: "Temperatures T > 0, in the same syntax.") var temperatures: ParameterList
    @Option(help: "Folder for phase-diagram.svg and phase-diagram.csv.") var out: String = "out"
    @OptionGroup var output: OutputOptions

    func run() throws {
        let alphaValues = try alphas.nonEmpty("alphas")
        let temperatureValues = try temperatures.nonEmpty("temperatures")
        let template = try scenario.scenario(alpha: alphaValues[0], temperature: temperatureValues[0])
        let diagram = try PhaseDiagram.compute(template: template, alphas: alphaValues, temperatures: temperatureValues)
        let records = diagram.points.map { point in
            ResultRecord([
                "alpha": .number(point.alpha), "temperature": .number(point.temperature),
                "phase": .text(point.phase.abbreviation), "qStar": .number(point.qStar),
                "q": .number(point.q), "m": .number(point.m), "freeEntropy": .number(point.freeEntropy),
                "converged": .bool(point.converged),
            ])
        }
        var figure = Figure(title: "Phase diagram, p = \(scenario.p)\(scenario.nishimori ? ", Nishimori line" : "")")
        figure.xAxis = Axis(label: "α")
        figure.yAxis = Axis(label: "T")
        let phases = diagram.temperatures.indices.map { i in
            diagram.alphas.indices.map { j in diagram.point(alpha: j, temperature: i).phase.abbreviation }
        }
        figure.add(PhaseMap(x: diagram.alphas, y: diagram.temperatures, phases: phases, order: Phase.allCases.map(\.abbreviation)))
        let styles: [LineStyle] = [.dashed, .solid, .dotted, .dashDot]
        for (k, line) in diagram.lines.enumerated() {
            figure.add(.line(x: line.points.map(\.alpha), y: line.points.map(\.temperature), label: line.name,
                             style: styles[k % styles.count], color: .black))
        }
        let files = FigureOutput(folder: out, name: "phase-diagram")
        try files.write(figure: figure, records: records)
        if !diagram.converged {
            FileHandle.standardError.write(Data("warning: some grid points did not converge (converged = false in the table)\n".utf8))
        }
        output.emit(records)
        files.announce()
    }
}
