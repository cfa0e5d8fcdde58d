import BoltzmannCore

extension Reproduction {
    /// The critical load α_crit = T⁴/λ_max(D·C) on the Nishimori line against the teacher's pattern
    /// correlation c, one curve per number of teacher hidden units P* = P.
    public static let rbmCriticalLoadCorrelation = Reproduction(
        name: "rbm-critical-load",
        title: "RBM teacher–student, Nishimori line, T = 1: critical load α_crit against the pattern correlation c",
        paper: PaperFigure(arXiv: "2410.16150", figure: "critical amount of data against the correlation of the teacher's patterns, for several numbers of patterns"),
        quickSpec: rbmCriticalLoadSpec(correlations: 19, hidden: "[1, 2, 3, 5]"),
        fullSpec: rbmCriticalLoadSpec(correlations: 91, hidden: "[1, 2, 3, 4, 5, 6, 8]"),
        quickTime: "< 1 s",
        paperReports: """
            The critical amount of data needed to learn the teacher's patterns decreases with both \
            their number and their correlation; without correlations it is α_crit = T⁴ whatever the \
            number of patterns.
            """,
        recipe: { () throws(BoltzmannError) -> PlotRecipe in
            .line(LinePlot(x: "correlation", y: "alphaCritical", series: ["teacherHidden"],
                           title: "Nishimori line, T = 1: α_{crit} against correlation c"))
        },
        measured: { summary in
            let rows = SummaryColumns(summary).rows
            func value(hidden: Double, correlation: Double) -> String {
                rows.first {
                    SummaryColumns.number($0["teacherHidden"]) == hidden
                        && abs((SummaryColumns.number($0["correlation"]) ?? .nan) - correlation) < 1e-9
                }.flatMap { SummaryColumns.number($0["alphaCritical"]) }.map(NumberText.short) ?? "–"
            }
            return "This run: α_crit = \(value(hidden: 1, correlation: 0.5)) (P* = 1), "
                + "\(value(hidden: 3, correlation: 0.5)) (P* = 3) and \(value(hidden: 5, correlation: 0.5)) (P* = 5) at c = 0.5; "
                + "\(value(hidden: 5, correlation: 0)) for P* = 5 at c = 0."
        })

    static func rbmCriticalLoadSpec(correlations: Int, hidden: String) -> String {
        """
        name = "rbm-critical-load"
        description = "Critical load of the RBM teacher-student problem on the Nishimori line against pattern correlation"
        scenario = "rbm.critical-load"

        [parameters]
        temperature = 1.0

        [[sweep]]
        teacherHidden = \(hidden)

        [[sweep]]
        correlation = { linear = [0.0, 0.9, \(correlations)] }
        """
    }
}
