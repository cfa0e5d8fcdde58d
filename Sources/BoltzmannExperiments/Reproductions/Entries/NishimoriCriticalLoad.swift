import BoltzmannCore

extension Reproduction {
    /// The critical amount of data on the Nishimori line, c = α/T² at the spinodal and the
    /// thermodynamic learning transition, against the interaction order p.
    public static let nishimoriCriticalLoad = Reproduction(
        name: "nishimori-critical-load",
        title: "Nishimori line: critical load c = α/T² of the learning transitions against p",
        paper: PaperFigure(arXiv: "2401.04191", figure: "Nishimori line: critical amount of data (spinodal and thermodynamic c) against p"),
        quickSpec: criticalLoadSpec(orders: "[3, 4, 5, 6, 7, 8]"),
        fullSpec: criticalLoadSpec(orders: "[3, 4, 5, 6, 7, 8, 9, 10, 11, 12]"),
        quickTime: "< 1 s",
        paperReports: """
            On the Nishimori line the critical amount of data for learning depends on c = α/T² only; \
            for p = 3 the spinodal is at c_sp ≈ 1.0763 and the thermodynamic transition at c_th ≈ 1.1784 \
            (the learning transition is first order for every p ≥ 3).
            """,
        recipe: { () throws(BoltzmannError) -> PlotRecipe in
            .line(LinePlot(x: "p", y: "spinodalC", moreY: ["thermodynamicC"],
                           title: "Nishimori line: critical c = α/T^{2} of learning against p"))
        },
        measured: { summary in
            guard let row = SummaryColumns(summary).rows.first(where: { SummaryColumns.number($0["p"]) == 3 }),
                let spinodal = SummaryColumns.number(row["spinodalC"]), let thermodynamic = SummaryColumns.number(row["thermodynamicC"])
            else { return nil }
            return "This run, p = 3: c_sp = \(NumberText.short(spinodal)), c_th = \(NumberText.short(thermodynamic))."
        })

    static func criticalLoadSpec(orders: String) -> String {
        """
        name = "nishimori-critical-load"
        description = "Spinodal and thermodynamic learning transitions on the Nishimori line against p"
        scenario = "dense.transitions"

        [[sweep]]
        p = \(orders)
        """
    }
}
