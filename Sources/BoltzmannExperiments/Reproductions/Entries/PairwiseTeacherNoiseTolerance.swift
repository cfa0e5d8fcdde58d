import BoltzmannCore
import BoltzmannTheory

extension Reproduction {
    /// A p = 4 student learning from a p* = 2 teacher whose noise grows with N (the large-noise
    /// regime, T* = √(N T/2)): phases over (α, T).
    public static let pairwiseTeacherNoiseTolerance = Reproduction(
        name: "noise-tolerance-p2",
        title: "p* = 2 teacher, p = 4 student, extensive noise: phases over (α, T)",
        paper: PaperFigure(arXiv: "2401.04191", figure: "noise tolerance: p* = 2 teacher with a p = 4 student (phase diagram)"),
        quickSpec: pairwiseSpec(points: 32),
        fullSpec: pairwiseSpec(points: 160),
        quickTime: "≈ 2 s",
        paperReports: """
            A student with larger p than its p* = 2 teacher tolerates extensive noise: with a teacher \
            temperature T* = √(N T/2) growing with N, a p = 4 student still learns the teacher (gR, lR); \
            the RS equations are those of the p = 4 Nishimori line, so learning sets in at c = α/T² = c_sp \
            (local) and c_th (global), c_sp ≈ 1.0864 and c_th ≈ 1.3139 for p = 4.
            """,
        recipe: { () throws(BoltzmannError) -> PlotRecipe in
            let transitions = try NishimoriLine(p: 4).transitions()
            return .map(MapPlot(
                x: "alpha", y: "temperature", value: "phase", title: "p^{*} = 2 teacher, p = 4 student (T^{*} = √(NT/2))",
                references: [
                    ReferenceCurve(sampling: transitions.thermodynamicTemperature(alpha:), over: 0.01...4, label: "T = √(α/c_{th})"),
                    ReferenceCurve(sampling: transitions.spinodalTemperature(alpha:), over: 0.01...4, label: "T = √(α/c_{sp})"),
                ]))
        },
        measured: { summary in
            let rows = SummaryColumns(summary).rows
            func loads(_ phase: String) -> [Double] {
                rows.filter { $0["phase"] == .text(phase) }.compactMap { row in
                    guard let a = SummaryColumns.number(row["alpha"]), let t = SummaryColumns.number(row["temperature"]) else { return nil }
                    return a / (t * t)
                }
            }
            let global = loads("gR").min(), local = loads("lR").min()
            return "This run: global learning (gR) from c = α/T² = \(global.map(NumberText.short) ?? "–"), "
                + "local learning (lR) from c = \(local.map(NumberText.short) ?? "–") on the grid."
        })

    static func pairwiseSpec(points: Int) -> String {
        """
        name = "noise-tolerance-p2"
        description = "p = 4 student, p* = 2 teacher in the large-noise regime, phases over (alpha, T)"
        scenario = "dense.theory"

        [parameters]
        p = 4
        teacherP = 2
        regime = "large-noise"

        [[sweep]]
        temperature = { linear = [0.1, 2.0, \(points)] }

        [[sweep]]
        alpha = { linear = [0.1, 4.0, \(points)] }
        """
    }
}
