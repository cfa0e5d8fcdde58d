import BoltzmannCore
import BoltzmannTheory

extension Reproduction {
    /// The phase diagram of the direct model (random patterns, no teacher), p = 3, over (α, T),
    /// with the Nishimori-line learning transitions of the teacher–student problem drawn on top.
    public static let directPhaseDiagram = Reproduction(
        name: "direct-phase-diagram",
        title: "Direct model (random patterns), p = 3: phases over (α, T)",
        paper: PaperFigure(arXiv: "2401.04191", figure: "phase diagram of the direct p-body model with random patterns"),
        quickSpec: directSpec(points: 32),
        fullSpec: directSpec(points: 160),
        quickTime: "≈ 2 s",
        paperReports: """
            The direct p-body model has retrieval of a stored pattern (eR) at small load and low \
            temperature, a spin glass (SG) and a paramagnet (P); the paper finds that the \
            paramagnet → ferromagnet transition of the teacher–student problem on the Nishimori line \
            coincides with the paramagnet → spin-glass transition of this model. The dashed and dotted \
            lines are the Nishimori-line learning transitions T = √(α/c) at c_th ≈ 1.1784 and c_sp ≈ 1.0763; \
            the toolkit's glass is the 1RSB one (OneStepGlass), whose condensation is at c_th.
            """,
        recipe: { () throws(BoltzmannError) -> PlotRecipe in
            let transitions = try NishimoriLine(p: 3).transitions()
            return .map(MapPlot(
                x: "alpha", y: "temperature", value: "phase", title: "Direct model, p = 3: phases",
                references: [
                    ReferenceCurve(sampling: transitions.thermodynamicTemperature(alpha:), over: 0.01...3, label: "T = √(α/c_{th})"),
                    ReferenceCurve(sampling: transitions.spinodalTemperature(alpha:), over: 0.01...3, label: "T = √(α/c_{sp})"),
                ]))
        },
        measured: { summary in
            let rows = SummaryColumns(summary).rows
            var counts: [String: Int] = [:]
            for row in rows { counts[SummaryColumns.label(row["phase"]), default: 0] += 1 }
            let largestRetrieval = rows.filter { $0["phase"] == .text("eR") }.compactMap { SummaryColumns.number($0["alpha"]) }.max()
            // The P → SG boundary along each temperature row, as c = α/T² at the midpoint of the step.
            var byTemperature: [Double: [(alpha: Double, phase: String)]] = [:]
            for row in rows {
                guard let t = SummaryColumns.number(row["temperature"]), let a = SummaryColumns.number(row["alpha"]) else { continue }
                byTemperature[t, default: []].append((a, SummaryColumns.label(row["phase"])))
            }
            var boundary: [Double] = []
            for (t, cells) in byTemperature {
                let sorted = cells.sorted { $0.alpha < $1.alpha }
                for (left, right) in zip(sorted, sorted.dropFirst()) where left.phase == "P" && right.phase == "SG" {
                    boundary.append(0.5 * (left.alpha + right.alpha) / (t * t))
                }
            }
            boundary.sort()
            let median = boundary.isEmpty ? "–" : NumberText.short(boundary[boundary.count / 2])
            return "This run: grid cells per phase " + counts.keys.sorted().map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ")
                + "; retrieval up to α = \(largestRetrieval.map(NumberText.short) ?? "–") on the grid; "
                + "P → SG boundary at c = α/T² ≈ \(median) (median over \(boundary.count) temperature rows; c_th = 1.1784)."
        })

    static func directSpec(points: Int) -> String {
        """
        name = "direct-phase-diagram"
        description = "Phases of the direct p = 3 model (random patterns) over (alpha, T)"
        scenario = "dense.theory"

        [parameters]
        p = 3

        [[sweep]]
        temperature = { linear = [0.05, 1.5, \(points)] }

        [[sweep]]
        alpha = { linear = [0.05, 3.0, \(points)] }
        """
    }
}
