import ArgumentParser
import Boltzmann
import Foundation

/// `boltzmann plot`: a figure from a results store.
struct Plot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a figure (SVG) from a results store: lines with error bars, theory against simulation, heat maps.",
        discussion: """
            --y names the result to draw. As a line plot it is drawn against --x (default: the \
            spec's first sweep axis), one series per value of the --series columns (default: the \
            other sweep axes that vary); error bars come from the column <y>Error when the results \
            have one, and repeats of a stochastic run are averaged. A store of a family run \
            (scenario = "dense", run = ["theory", "simulation"]) is drawn as theory lines with \
            Monte Carlo points of the same colour; --simulation STORE overlays the points of \
            another store instead. With --heatmap, --y is coloured over (--x, --y2): a heat map \
            for numbers (with --contour levels), a phase map for text such as `phase`. --where \
            name=value fixes the axes the figure does not show. Unknown column names are \
            answered with the list of valid ones.

            Examples:
              boltzmann plot out/sweep.sqlite --x alpha --y qStar --series temperature --out fig.svg
              boltzmann plot out/grid.sqlite --heatmap --x alpha --y2 temperature --y qStar --contour 0.5 --out map.svg
              boltzmann plot out/grid.sqlite --heatmap --x alpha --y2 temperature --y phase --out phases.svg
            """)

    @Argument(help: "The results store (.sqlite) written by boltzmann run.") var store: String
    @Option(help: "Column on the horizontal axis (default: the first sweep axis).") var x: String?
    @Option(help: "The result to draw (on the vertical axis, or the colour of a --heatmap).") var y: String
    @Option(help: "Comma-separated columns with one series per value (default: the other varying axes; '' for none).")
    var series: String?
    @Flag(help: "Colour --y over (--x, --y2) instead of drawing lines.") var heatmap = false
    @Option(help: "The vertical axis of a --heatmap.") var y2: String?
    @Option(help: "Contour levels over a --heatmap, comma-separated (e.g. 0.5).") var contour: String?
    @Option(name: .customLong("where"), help: "Keep only rows with name=value (repeatable).") var filters: [String] = []
    @Option(help: "A store whose simulation points to overlay on this store's theory lines.") var simulation: String?
    @Flag(help: "Logarithmic horizontal axis.") var logX = false
    @Flag(help: "Logarithmic vertical axis.") var logY = false
    @Option(help: "Figure title (default: from the column names).") var title: String?
    @Option(help: "The SVG file to write.") var out: String = "figure.svg"

    func validate() throws {
        if heatmap && y2 == nil { throw ValidationError("--heatmap needs --y2, the column on the vertical axis") }
        if !heatmap && y2 != nil { throw ValidationError("--y2 is the vertical axis of a --heatmap; add --heatmap") }
        if heatmap && simulation != nil { throw ValidationError("--simulation overlays points on lines; drop --heatmap") }
    }

    func run() throws {
        let summary = try ResultStore.open(at: URL(fileURLWithPath: store), readOnly: true).summary()
        let filterList = try filters.map { text throws(BoltzmannError) in try ColumnFilter(parsing: text) }
        guard let xColumn = x ?? summary.axes.first(where: { $0 != "repeat" }) else {
            throw BoltzmannError("the experiment has no sweep axis to put on the horizontal axis",
                                 fix: "name a column with --x", source: store)
        }
        let seriesColumns = series.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        let figure: Figure
        if heatmap, let y2 {
            let levels = try (contour ?? "").split(separator: ",").map { text throws(BoltzmannError) -> Double in
                guard let level = Double(text.trimmingCharacters(in: .whitespaces)), level.isFinite else {
                    throw BoltzmannError("the contour level \"\(text)\" is not a number", fix: "write e.g. --contour 0.25,0.5", source: "--contour")
                }
                return level
            }
            figure = try MapPlot(x: xColumn, y: y2, value: y, contours: levels, filters: filterList,
                                 logX: logX, logY: logY, title: title).figure(summary)
        } else if let simulation {
            let points = try ResultStore.open(at: URL(fileURLWithPath: simulation), readOnly: true).summary()
            figure = try TheorySimulationOverlay(x: xColumn, y: y, series: seriesColumns, filters: filterList, logX: logX, title: title)
                .figure(theory: summary, simulation: points)
        } else {
            figure = try LinePlot(x: xColumn, y: y, series: seriesColumns, filters: filterList, logX: logX, logY: logY, title: title)
                .figure(summary)
        }
        let url = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try figure.write(to: url)
        print("wrote \(url.path)")
    }
}
