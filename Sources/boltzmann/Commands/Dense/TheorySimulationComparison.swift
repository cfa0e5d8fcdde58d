import Boltzmann
import Foundation

/// Theory curve and Monte Carlo points of one order parameter along a swept control parameter:
/// what `dense compare` and `boltzmann demo` compute, plot and tabulate.
struct TheorySimulationComparison {
    enum Sweep: String, CaseIterable { case temperature, alpha }
    enum Observable: String, CaseIterable {
        case qStar, q, m

        func theory(_ point: OrderParameters) -> Double {
            switch self { case .qStar: point.qStar; case .q: point.q; case .m: point.m }
        }
        func simulation(_ result: DenseMonteCarloResult) -> (value: Double, error: Double) {
            switch self {
            case .qStar: (result.qStar, result.qStarError)
            case .q: (result.q, result.qError)
            case .m: (result.m, result.mError)
            }
        }
        var label: String {
            switch self { case .qStar: "q^{*}"; case .q: "q"; case .m: "m" }
        }
    }

    var scenario: DenseScenarioOptions
    var simulation: SimulationOptions
    var sweep: Sweep
    var fixed: Double
    var theoryValues: [Double]
    var simulationValues: [Double]
    var observable: Observable

    func point(_ value: Double) throws -> DenseTeacherStudent {
        switch sweep {
        case .temperature: try scenario.scenario(alpha: fixed, temperature: value)
        case .alpha: try scenario.scenario(alpha: value, temperature: fixed)
        }
    }

    /// Solves the theory on `theoryValues`, simulates on `simulationValues` (task k uses
    /// `RandomStream(seed:, stream: k)` through the Monte Carlo seed), and returns the figure
    /// and the table (theory rows, then Monte Carlo rows).
    func run(progress: (String) -> Void) throws -> (figure: Figure, records: [ResultRecord]) {
        let solver = RSSolver()
        var records: [ResultRecord] = []
        var branch: [Double] = []
        var equilibrium: [Double] = []
        for value in theoryValues {
            let solution = try solver.solve(try point(value))
            branch.append(observable.theory(solution.orderParameters))
            equilibrium.append(observable.theory(solution.equilibrium))
            records.append(ResultRecord([
                "source": "theory", sweep.rawValue: .number(value),
                observable.rawValue: .number(observable.theory(solution.orderParameters)),
                "\(observable.rawValue)Equilibrium": .number(observable.theory(solution.equilibrium)),
                "phase": .text(solution.phase.abbreviation), "converged": .bool(solution.converged),
            ]))
        }
        var measured: [(value: Double, error: Double)] = []
        for (k, value) in simulationValues.enumerated() {
            let problem = try simulation.scenario(try point(value))
            let taskSeed = simulation.seed &* 1_000_003 &+ UInt64(k)
            let result = try simulation.monteCarlo(seed: taskSeed).run(problem, disorderSamples: simulation.samples)
            let (mean, error) = observable.simulation(result)
            measured.append((mean, error))
            var record = ResultRecord(["source": "monteCarlo", sweep.rawValue: .number(value)])
            record.merge(result.record)
            records.append(record)
            progress(String(format: "  %@ = %.4g: %@ = %.4f ± %.4f (%.0f sweeps/s, %@)",
                            sweep.rawValue, value, observable.rawValue, mean, error, result.sweepsPerSecond,
                            result.equilibrated ? "equilibrated" : "NOT equilibrated: halves disagree"))
        }
        var figure = Figure(title: title)
        figure.xAxis = Axis(label: sweep == .temperature ? "T" : "α")
        figure.yAxis = Axis(label: observable.label)
        if !theoryValues.isEmpty { figure.add(.line(x: theoryValues, y: branch, label: "RS theory")) }
        if zip(branch, equilibrium).contains(where: { abs($0 - $1) > 1e-9 }) {
            figure.add(.line(x: theoryValues, y: equilibrium, label: "RS equilibrium (largest free entropy)", style: .dashed))
        }
        if !simulationValues.isEmpty {
            figure.add(.points(x: simulationValues, y: measured.map(\.value), yError: measured.map(\.error),
                               label: "Monte Carlo from \(simulation.initial), N = \(simulation.size)"))
        }
        return (figure, records)
    }

    var title: String {
        let fixedText = sweep == .temperature ? "α = \(fixed)" : "T = \(fixed)"
        return "p = \(scenario.p)\(scenario.nishimori ? ", Nishimori line" : ""), \(fixedText)"
    }
}
