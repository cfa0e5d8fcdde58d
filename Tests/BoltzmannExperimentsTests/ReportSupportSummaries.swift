import BoltzmannCore
import BoltzmannExperiments

/// Experiment summaries built by hand, with values from closed forms, so the plotting and report
/// tests know exactly what every figure must contain.
enum ReportSupportSummaries {
    /// A finished task with the given parameters and results.
    static func task(_ index: Int, _ parameters: ResultRecord, _ results: ResultRecord, seconds: Double = 0.01) -> FinishedTask {
        FinishedTask(index: index, parameters: parameters, seed: UInt64(1000 + index), results: results, wallSeconds: seconds)
    }

    static func summary(name: String = "test", scenario: String = "dense.theory", axes: [String], tasks: [FinishedTask],
                        planned: Int? = nil, spec: String = "name = \"test\"\n") -> ExperimentSummary {
        ExperimentSummary(
            name: name, specText: spec, specHash: "abc123", scenario: scenario, axes: axes,
            plannedTaskCount: planned ?? tasks.count, tasks: tasks,
            provenance: ResultRecord(["toolkitVersion": "0.1.0", "machine": "test <host>"]))
    }

    /// One axis (alpha, five values given in descending order), qStar = alpha/(1+alpha) with
    /// qStarError = 0.01·alpha, and a constant `converged` flag.
    static func oneAxis() -> ExperimentSummary {
        let alphas = [2.0, 1.5, 1.0, 0.5, 0.25]
        let tasks = alphas.enumerated().map { index, alpha in
            task(index, ["p": 3, "alpha": .number(alpha)],
                 ["qStar": .number(alpha / (1 + alpha)), "qStarError": .number(0.01 * alpha), "converged": true])
        }
        return summary(scenario: "dense.simulate", axes: ["alpha"], tasks: tasks)
    }

    /// Two axes (alpha × temperature, `alphas` × `temperatures`), value = alpha·T, phase "R" when
    /// alpha > T else "P". Tasks listed temperature-major.
    static func twoAxes(alphas: [Double] = [0.5, 1, 1.5, 2, 2.5, 3], temperatures: [Double] = [0.2, 0.4, 0.6, 0.8, 1.0])
        -> ExperimentSummary
    {
        var tasks: [FinishedTask] = []
        for temperature in temperatures {
            for alpha in alphas {
                tasks.append(task(tasks.count, ["alpha": .number(alpha), "temperature": .number(temperature)],
                                  ["value": .number(alpha * temperature), "phase": .text(alpha > temperature ? "R" : "P")]))
            }
        }
        return summary(axes: ["alpha", "temperature"], tasks: tasks)
    }
}
