import BoltzmannCore

/// The paper figures `boltzmann reproduce` recomputes, in the order `--list` shows them.
///
/// Papers: R. Thériault, D. Tantari, "Dense Hopfield networks in the teacher–student setting",
/// SciPost Phys. 17, 040 (2024), arXiv 2401.04191; and the RBM teacher–student paper
/// arXiv 2410.16150 (Neural Networks 189, 107542).
public enum ReproductionCatalogue {
    public static let all: [Reproduction] = [
        .nishimoriTemperatureCurve,
        .nishimoriCriticalLoad,
        .directPhaseDiagram,
        .pairwiseTeacherNoiseTolerance,
        .adversarialRobustness,
        .rbmLearningCurve,
        .rbmFiniteSize,
        .rbmCriticalLoadCorrelation,
    ]

    /// The entry named `name`.
    /// - Throws: `BoltzmannError` listing the valid names.
    public static func entry(named name: String) throws(BoltzmannError) -> Reproduction {
        guard let entry = all.first(where: { $0.name == name }) else {
            throw BoltzmannError(
                "no reproduction is named \"\(name)\"",
                fix: "use one of: \(all.map(\.name).joined(separator: ", ")) (boltzmann reproduce --list)", source: name)
        }
        return entry
    }
}
