import BoltzmannCore

extension Reproduction {
    /// m(α) of a one-hidden-unit binary student RBM on the Nishimori line (T = T* = 1): the RS
    /// curve with Monte Carlo points of the Metropolis student started at random.
    public static let rbmLearningCurve = Reproduction(
        name: "rbm-m-alpha",
        title: "RBM teacher–student, P = P* = 1, T = T* = 1: learning m(α), RS theory and Monte Carlo",
        paper: PaperFigure(arXiv: "2410.16150", figure: "Nishimori line: Mattis overlap m against the load α, RS theory with Monte Carlo points"),
        quickSpec: rbmLearningCurveSpec(loads: 12, size: 200, chains: 4, sweeps: 200, samples: 4),
        fullSpec: rbmLearningCurveSpec(loads: 24, size: 1000, chains: 8, sweeps: 1000, samples: 10),
        quickTime: "≈ 5 s",
        paperReports: """
            With uncorrelated patterns (or one hidden unit) on the Nishimori line the student learns \
            only above the critical load α_crit = T⁴ (= 1 at T = 1), continuously, with m → 1 as α grows; \
            the curve does not depend on the numbers of hidden units of teacher and student.
            """,
        recipe: { () throws(BoltzmannError) -> PlotRecipe in
            .overlay(TheorySimulationOverlay(
                x: "alpha", y: "m", title: "RBM teacher–student, T = T^{*} = 1: m(α)",
                references: [ReferenceLine(.vertical, at: 1, label: "α_{crit} = T^{4}")],
                yRange: -0.05...1.05, simulationLabel: "Monte Carlo (random start)"))
        },
        measured: { summary in
            guard let parts = summary.theoryAndSimulation() else { return nil }
            let theory = SummaryColumns(parts.theory).rows
            let onset = theory
                .filter { SummaryColumns.number($0["m"]).map { $0 > 1e-3 } ?? false }
                .compactMap { SummaryColumns.number($0["alpha"]) }.min()
            let deviations = SummaryColumns(parts.simulation).rows.compactMap { row -> Double? in
                guard let alpha = SummaryColumns.number(row["alpha"]), alpha > 1,
                    let simulated = SummaryColumns.number(row["m"]),
                    let predicted = theory.first(where: { SummaryColumns.number($0["alpha"]) == alpha })
                        .flatMap({ SummaryColumns.number($0["m"]) })
                else { return nil }
                return abs(simulated - predicted)
            }
            let worst = deviations.max().map(NumberText.short) ?? "–"
            return "This run: the RS m is nonzero from α = \(onset.map(NumberText.short) ?? "–") on the grid "
                + "(α_crit = 1); above α_crit Monte Carlo differs from RS by at most \(worst)."
        })

    static func rbmLearningCurveSpec(loads: Int, size: Int, chains: Int, sweeps: Int, samples: Int) -> String {
        """
        name = "rbm-m-alpha"
        description = "One-hidden-unit RBM student on the Nishimori line at T = 1: RS m(alpha) and Monte Carlo"
        scenario = "rbm.teacher-student"
        run = ["theory", "simulation"]
        seed = 2410

        [parameters]
        temperature = 1.0
        size = \(size)
        chains = \(chains)
        sweeps = \(sweeps)
        samples = \(samples)

        [[sweep]]
        alpha = { linear = [0.25, 4.0, \(loads)] }
        """
    }
}
