import BoltzmannCore

extension Reproduction {
    /// The critical fraction ε_c(α) of the example-substitution attack at T = 0 for students of
    /// order p = 3…6, from the closed form.
    public static let adversarialRobustness = Reproduction(
        name: "adversarial-epsilon",
        title: "Adversarial robustness at T = 0: critical attack fraction ε_c(α) for p = 3…6",
        paper: PaperFigure(arXiv: "2401.04191", figure: "zero-temperature adversarial robustness: critical ε_c against α"),
        quickSpec: robustnessSpec(points: 41),
        fullSpec: robustnessSpec(points: 161),
        quickTime: "< 1 s",
        paperReports: """
            Balancing the pull of the attacking example, p m^{p−1} with m = ε, against that of the \
            teacher, p αη q*^{p−1} with q* = 1 − ε, gives ε_c = a/(1 + a), a = (αη)^{1/(p−1)}; for \
            p = 4 and η = 1, ε_c = α^{1/3}/(1 + α^{1/3}), so ε_c = 1/2 at α = 1 and the student \
            resists larger attacks as α or p grows.
            """,
        recipe: { () throws(BoltzmannError) -> PlotRecipe in
            .line(LinePlot(x: "alpha", y: "epsilonCritical", series: ["p"], logX: true,
                           title: "Critical attack fraction ε_{c}(α) at T = 0", yRange: 0...1))
        },
        measured: { summary in
            guard let row = SummaryColumns(summary).rows.first(where: {
                SummaryColumns.number($0["p"]) == 4 && SummaryColumns.number($0["alpha"]) == 1
            }), let critical = SummaryColumns.number(row["epsilonCritical"]) else { return nil }
            return "This run: ε_c(α = 1, p = 4) = \(NumberText.short(critical))."
        })

    static func robustnessSpec(points: Int) -> String {
        """
        name = "adversarial-epsilon"
        description = "Closed-form critical attack fraction against the load, for p = 3 to 6"
        scenario = "dense.robustness"

        [parameters]
        eta = 1.0

        [[sweep]]
        p = [3, 4, 5, 6]

        [[sweep]]
        alpha = { log = [0.01, 100, \(points)] }
        """
    }
}
