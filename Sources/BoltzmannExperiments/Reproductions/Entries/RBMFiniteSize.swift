import BoltzmannCore
import BoltzmannModels
import BoltzmannTheory

extension Reproduction {
    /// The Monte Carlo Mattis overlap of the binary student RBM (P = P* = 1, T = T* = 1) at
    /// growing N, against the RS values: in the learning phase it converges to the RS m, below
    /// α_crit it falls towards 0 like the random overlap ~ N^{−1/2}. The paper compares theory
    /// with simulations at one size; this is the finite-size check behind that comparison.
    public static let rbmFiniteSize = Reproduction(
        name: "rbm-finite-size",
        title: "RBM teacher–student, P = P* = 1, T = T* = 1: Monte Carlo m at growing N against RS",
        paper: PaperFigure(
            arXiv: "2410.16150",
            figure: "finite-size check of the Monte Carlo points against the RS m (the paper simulates one size)"),
        quickSpec: rbmFiniteSizeSpec(sizes: [50, 100, 200, 400], chains: 4, sweeps: 150, samples: 6),
        fullSpec: rbmFiniteSizeSpec(sizes: [100, 200, 400, 800, 1600], chains: 8, sweeps: 500, samples: 16),
        quickTime: "≈ 8 s",
        paperReports: """
            RS theory is exact for N → ∞: above α_crit = T⁴ = 1 the student's overlap m tends to the \
            RS value, below it m → 0 (at finite N the best-matching overlap of an unrelated \
            student is of order N^{−1/2}). The dashed lines mark the RS m at α = 2 and α = 3.
            """,
        recipe: { () throws(BoltzmannError) -> PlotRecipe in
            let references = try [2.0, 3.0].map { alpha throws(BoltzmannError) in
                ReferenceLine(.horizontal, at: try rbmFiniteSizeTheory(alpha: alpha), label: "RS m, α = \(NumberText.short(alpha))")
            }
            return .line(LinePlot(
                x: "size", y: "m", series: ["alpha"], logX: true, title: "RBM student at T = T^{*} = 1: m against N",
                references: references, yRange: -0.02...0.8))
        },
        measured: { summary in
            let rows = SummaryColumns(summary).rows
            let largest = rows.compactMap { SummaryColumns.number($0["size"]) }.max()
            let parts = [0.5, 2.0, 3.0].compactMap { alpha -> String? in
                guard let row = rows.first(where: {
                    SummaryColumns.number($0["alpha"]) == alpha && SummaryColumns.number($0["size"]) == largest
                }), let m = SummaryColumns.number(row["m"]), let error = SummaryColumns.number(row["mError"]) else { return nil }
                let theory = (try? rbmFiniteSizeTheory(alpha: alpha)).map(NumberText.short) ?? "–"
                return "α = \(NumberText.short(alpha)): m = \(NumberText.short(m)) ± \(NumberText.short(error)) (RS \(theory))"
            }
            return "This run at N = \(largest.map(NumberText.short) ?? "–"): " + parts.joined(separator: "; ") + "."
        })

    /// The RS m of the one-hidden-unit binary student on the Nishimori line at T = 1.
    static func rbmFiniteSizeTheory(alpha: Double) throws(BoltzmannError) -> Double {
        let scenario = try RBMTeacherStudentScenario(
            teacherHidden: 1, studentHidden: 1, correlation: 0, alpha: alpha, temperature: 1, teacherTemperature: nil,
            weights: .binary)
        let solution = try RBMTeacherStudentTheory.solve(scenario)
        return solution.equilibrium.largestOverlap
    }

    static func rbmFiniteSizeSpec(sizes: [Int], chains: Int, sweeps: Int, samples: Int) -> String {
        """
        name = "rbm-finite-size"
        description = "One-hidden-unit RBM student on the Nishimori line at T = 1: Monte Carlo m against N"
        scenario = "rbm.teacher-student.simulate"
        seed = 1615

        [parameters]
        temperature = 1.0
        chains = \(chains)
        sweeps = \(sweeps)
        samples = \(samples)

        [[sweep]]
        alpha = [0.5, 2.0, 3.0]

        [[sweep]]
        size = [\(sizes.map(String.init).joined(separator: ", "))]
        """
    }
}
