import ArgumentParser
import Boltzmann
import Foundation

/// `boltzmann report`: one self-contained HTML page about an experiment.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML report of a results store (figures, table, spec, versions).",
        discussion: """
            The page holds a summary (tasks finished of planned, task time), figures chosen from \
            the sweep axes (one axis: each result against it; two: heat or phase maps, or a series \
            per value of the sparser axis; a family run: theory lines with Monte Carlo points), \
            the results table, the spec as written and the provenance. Figures are inline SVG and \
            the page loads nothing from outside, so it opens offline in any browser. \
            For custom figures use boltzmann plot.

            Example: boltzmann report out/sweep.sqlite --out out/sweep.html
            """)

    @Argument(help: "The results store (.sqlite) written by boltzmann run.") var store: String
    @Option(help: "The HTML file to write.") var out: String = "report.html"

    func run() throws {
        let summary = try ResultStore.open(at: URL(fileURLWithPath: store), readOnly: true).summary()
        let url = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let report = ExperimentReport(summary: summary)
        try report.write(to: url)
        print("wrote \(url.path) (\(report.figures.count) figure\(report.figures.count == 1 ? "" : "s"), \(summary.tasks.count) of \(summary.plannedTaskCount) tasks)")
    }
}
