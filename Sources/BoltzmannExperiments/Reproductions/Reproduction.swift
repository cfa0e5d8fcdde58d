import BoltzmannCore

/// One figure of a paper that the toolkit recomputes with a single command
/// (`boltzmann reproduce NAME`): the experiment spec at two sizes, how to draw it, and what the
/// paper reports for comparison.
///
/// The specs are ordinary experiment specs (TOML, see docs/experiments), run into a results
/// store like any other, so a reproduction can be resumed, sharded, exported and reported.
public struct Reproduction: Sendable {
    /// How large a run: `quick` (reduced sizes, minutes on a laptop) or `full` (the paper's sizes).
    public enum Size: String, Sendable, CaseIterable {
        case quick, full
    }

    /// The name `reproduce` takes (lower case, hyphens).
    public var name: String
    public var title: String
    public var paper: PaperFigure
    /// The spec of a `--quick` run (TOML).
    public var quickSpec: String
    /// The spec of a `--full` run (TOML), at the paper's sizes.
    public var fullSpec: String
    /// Measured wall time of the quick run on 2 cores, for `--list`.
    public var quickTime: String
    /// What the paper reports, with its numbers, in one or two sentences.
    public var paperReports: String
    /// The figure recipe; built when needed because it may compute reference values (e.g.
    /// transition lines) with the library.
    public var recipe: @Sendable () throws(BoltzmannError) -> PlotRecipe
    /// What this run found that compares with `paperReports` (one sentence), nil if nothing.
    public var measured: @Sendable (ExperimentSummary) -> String?

    public init(
        name: String, title: String, paper: PaperFigure, quickSpec: String, fullSpec: String, quickTime: String,
        paperReports: String, recipe: @escaping @Sendable () throws(BoltzmannError) -> PlotRecipe,
        measured: @escaping @Sendable (ExperimentSummary) -> String?
    ) {
        self.name = name
        self.title = title
        self.paper = paper
        self.quickSpec = quickSpec
        self.fullSpec = fullSpec
        self.quickTime = quickTime
        self.paperReports = paperReports
        self.recipe = recipe
        self.measured = measured
    }

    /// The spec text for `size`.
    public func spec(_ size: Size) -> String {
        size == .quick ? quickSpec : fullSpec
    }
}
