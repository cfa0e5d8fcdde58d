import BoltzmannCore
import Foundation

/// Runs a reproduction: its spec into a results store (resuming what is already stored), then
/// its figure (`NAME.svg`) and an HTML report (`NAME.html`) with what the paper reports.
public struct ReproductionRun: Sendable {
    public var reproduction: Reproduction
    public var size: Reproduction.Size
    /// The results store; an existing store of the same spec is resumed.
    public var store: URL
    /// The folder for `NAME.svg` and `NAME.html`.
    public var folder: URL
    /// Worker threads for the tasks.
    public var jobs: Int

    public init(reproduction: Reproduction, size: Reproduction.Size, store: URL, folder: URL,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.reproduction = reproduction
        self.size = size
        self.store = store
        self.folder = folder
        self.jobs = jobs
    }

    /// What a run produced.
    public struct Outcome: Sendable {
        public var figure: URL
        public var report: URL
        /// Tasks run now (the rest were already stored).
        public var ranTasks: Int
        public var totalTasks: Int
        public var seconds: Double
        /// The paper's statement and this run's comparable numbers.
        public var paperReports: String
        public var measured: String?
    }

    /// Runs the spec, draws the figure, writes the report.
    /// - Throws: `BoltzmannError` from the spec, the store (e.g. one holding another spec), a
    ///   task, the figure or a file that cannot be written.
    public func run(progress: ProgressReporter = ProgressReporter(style: .quiet)) throws(BoltzmannError) -> Outcome {
        let started = Date()
        let spec = try ExperimentSpec.parse(reproduction.spec(size), source: "reproduction \(reproduction.name) (\(size.rawValue))")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: store.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw BoltzmannError("cannot create the output folder: \(error.localizedDescription)",
                                 fix: "pass a writable --out folder and --store path", source: folder.path)
        }
        let results = try ExperimentRunner.openStore(at: store, for: spec, resume: true)
        let outcome = try ExperimentRunner(spec: spec, store: results, jobs: jobs).run(progress: progress)
        let summary = try results.summary()
        let figure = try reproduction.recipe().figure(summary)
        let figureURL = folder.appendingPathComponent(reproduction.name + ".svg")
        let svg: String
        do {
            svg = try figure.svg()
            try figure.write(to: figureURL)
        } catch let error as BoltzmannError {
            throw error
        } catch {
            throw BoltzmannError("cannot draw the figure: \(error)", fix: "report this as a bug", source: reproduction.name)
        }
        let measured = reproduction.measured(summary)
        var figures = [ReportFigure(caption: "\(reproduction.title) (\(size.rawValue) run; \(reproduction.paper.citation)).",
                                    content: .svg(svg))]
        figures += DefaultFigures.recipes(for: summary).prefix(4).map { ReportFigure(recipe: $0, summary: summary) }
        let report = ExperimentReport(
            summary: summary, figures: figures,
            notes: ["Paper (\(reproduction.paper.citation)): \(reproduction.paperReports)"] + (measured.map { [$0] } ?? []))
        let reportURL = folder.appendingPathComponent(reproduction.name + ".html")
        try report.write(to: reportURL)
        return Outcome(figure: figureURL, report: reportURL, ranTasks: outcome.ran, totalTasks: outcome.total,
                       seconds: Date().timeIntervalSince(started), paperReports: reproduction.paperReports, measured: measured)
    }
}
