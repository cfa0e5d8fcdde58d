import BoltzmannCore
import BoltzmannTheory

extension Reproduction {
    /// q*(T) of the Bayes-optimal p = 3 student at α = 6: the RS curve with Monte Carlo points
    /// of chains started at the teacher, and the two learning transitions T = √(α/c).
    public static let nishimoriTemperatureCurve = Reproduction(
        name: "nishimori-q-temperature",
        title: "Nishimori line, p = 3, α = 6: learning q*(T), RS theory and Monte Carlo",
        paper: PaperFigure(arXiv: "2401.04191", figure: "Nishimori line: teacher overlap q* against temperature, RS theory with Monte Carlo points"),
        quickSpec: nishimoriSpec(temperatures: 25, size: 128, chains: 16, sweeps: 200),
        fullSpec: nishimoriSpec(temperatures: 49, size: 512, chains: 100, sweeps: 500),
        quickTime: "≈ 10 s",
        paperReports: """
            On the Nishimori line the learning transition is first order and depends on c = α/T² only: \
            a learning solution q* > 0 appears at the spinodal c_sp and becomes the equilibrium at \
            c_th > c_sp; for p = 3, c_sp ≈ 1.0763 and c_th ≈ 1.1784, i.e. at α = 6 T_sp ≈ 2.361 and \
            T_th ≈ 2.256. Monte Carlo started at the teacher follows the learning branch below T_sp and \
            falls to q* ≈ 0 above it.
            """,
        recipe: { () throws(BoltzmannError) -> PlotRecipe in
            let transitions = try NishimoriLine(p: 3).transitions()
            return .overlay(TheorySimulationOverlay(
                x: "temperature", y: "qStar", title: "Bayes-optimal p = 3 student, α = 6: q^{*}(T)",
                references: [
                    ReferenceLine(.vertical, at: transitions.thermodynamicTemperature(alpha: 6), label: "T_{th} (c = c_{th})"),
                    ReferenceLine(.vertical, at: transitions.spinodalTemperature(alpha: 6), label: "T_{sp} (c = c_{sp})"),
                ],
                yRange: -0.05...1.1, simulationLabel: "Monte Carlo (teacher start)"))
        },
        measured: { summary in
            guard let parts = summary.theoryAndSimulation() else { return nil }
            let transitions = NishimoriLine.standardTransitions(p: 3)
            let low = transitions.map { $0.thermodynamicTemperature(alpha: 6) } ?? .nan
            let high = transitions.map { $0.spinodalTemperature(alpha: 6) } ?? .nan
            let rows = SummaryColumns(parts.simulation).rows
            func mean(_ keep: (Double) -> Bool) -> String {
                let values = rows.compactMap { row -> Double? in
                    guard let t = SummaryColumns.number(row["temperature"]), keep(t) else { return nil }
                    return SummaryColumns.number(row["qStar"])
                }
                return values.isEmpty ? "–" : NumberText.short(values.reduce(0, +) / Double(values.count))
            }
            let jump = SummaryColumns(parts.theory).rows
                .filter { SummaryColumns.number($0["qStar"]).map { $0 > 0.05 } ?? false }
                .compactMap { SummaryColumns.number($0["temperature"]) }.max()
            return "This run: the RS q* is nonzero up to T = \(jump.map(NumberText.short) ?? "–") on the grid "
                + "(T_th = \(NumberText.short(low)), T_sp = \(NumberText.short(high))); Monte Carlo mean q* = \(mean { $0 < low }) "
                + "below T_th and \(mean { $0 > high }) above T_sp."
        })

    static func nishimoriSpec(temperatures: Int, size: Int, chains: Int, sweeps: Int) -> String {
        """
        name = "nishimori-q-temperature"
        description = "Bayes-optimal p = 3 student at alpha = 6: RS q*(T) and Monte Carlo from the teacher"
        scenario = "dense"
        run = ["theory", "simulation"]
        seed = 2024

        [parameters]
        p = 3
        nishimori = true
        alpha = 6.0
        size = \(size)
        chains = \(chains)
        sweeps = \(sweeps)
        initial = "teacher"

        [[sweep]]
        temperature = { linear = [1.8, 3.0, \(temperatures)] }
        """
    }
}

extension NishimoriLine {
    /// The transitions of the order-`p` Nishimori line, nil for an invalid p.
    static func standardTransitions(p: Int) -> NishimoriTransitions? {
        guard let line = try? NishimoriLine(p: p) else { return nil }
        return line.transitions()
    }
}
