import BoltzmannCore
import BoltzmannPlot
import Foundation

/// A self-contained HTML page about one experiment: title, progress and time, figures as inline
/// SVG, the results table, the spec as written and the provenance of the run.
///
/// The page loads nothing: no scripts, no web fonts, no external style sheets or images, so it
/// opens offline and can be mailed or archived as one file. Every text taken from the store
/// (names, values, spec) is HTML-escaped; the SVG comes from `BoltzmannPlot`, which escapes its
/// own labels.
public struct ExperimentReport: Sendable {
    public var summary: ExperimentSummary
    public var figures: [ReportFigure]
    /// Paragraphs shown under the summary, e.g. what a paper reports for comparison (plain text).
    public var notes: [String]
    /// Largest number of result rows written to the table; the rest are counted, not shown.
    public var tableRowLimit: Int

    public init(summary: ExperimentSummary, figures: [ReportFigure], notes: [String] = [], tableRowLimit: Int = 2000) {
        self.summary = summary
        self.figures = figures
        self.notes = notes
        self.tableRowLimit = tableRowLimit
    }

    /// A report with the default figures of `DefaultFigures`.
    public init(summary: ExperimentSummary, notes: [String] = []) {
        let figures = DefaultFigures.recipes(for: summary).map { ReportFigure(recipe: $0, summary: summary) }
        self.init(summary: summary, figures: figures, notes: notes)
    }

    /// The HTML document.
    public func html() -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Boltzmann \(BoltzmannVersion.current.xmlEscaped)">
            <title>\(summary.name.xmlEscaped) — Boltzmann report</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <h1>\(summary.name.xmlEscaped)</h1>

            """
        page += overview()
        if !notes.isEmpty {
            page += "<section id=\"notes\">\n<h2>For comparison</h2>\n"
            page += notes.map { "<p>\($0.xmlEscaped)</p>\n" }.joined()
            page += "</section>\n"
        }
        page += figureSection()
        page += resultsTable()
        page += "<section id=\"spec\">\n<h2>Spec</h2>\n<pre>\(summary.specText.xmlEscaped)</pre>\n</section>\n"
        page += provenance()
        page += "</body>\n</html>\n"
        return page
    }

    /// Writes the page to `url`.
    /// - Throws: `BoltzmannError` when the file cannot be written.
    public func write(to url: URL) throws(BoltzmannError) {
        do {
            try Data(html().utf8).write(to: url, options: .atomic)
        } catch {
            throw BoltzmannError("cannot write the report: \(error.localizedDescription)",
                                 fix: "pass a writable --out path", source: url.path)
        }
    }

    func overview() -> String {
        let finished = summary.tasks.count
        let total = summary.tasks.reduce(0) { $0 + $1.wallSeconds }
        let longest = summary.tasks.map(\.wallSeconds).max() ?? 0
        let percent = summary.plannedTaskCount > 0 ? 100 * Double(finished) / Double(summary.plannedTaskCount) : 100
        let status = finished >= summary.plannedTaskCount ? "complete" : "incomplete: resume with boltzmann run"
        let rows: [(String, String)] = [
            ("scenario", summary.scenario),
            ("sweep axes", summary.axes.isEmpty ? "none" : summary.axes.joined(separator: ", ")),
            ("tasks finished", "\(finished) of \(summary.plannedTaskCount) (\(String(format: "%.0f", percent)) %, \(status))"),
            ("task time", "\(NumberText.duration(total)) in all, longest task \(NumberText.duration(longest))"),
            ("spec hash", summary.specHash),
        ]
        return "<section id=\"summary\">\n<h2>Summary</h2>\n" + Self.keyValueTable(rows) + "</section>\n"
    }

    func figureSection() -> String {
        var html = "<section id=\"figures\">\n<h2>Figures</h2>\n"
        if figures.isEmpty {
            html += "<p>No figure: nothing varies between the finished tasks.</p>\n"
        }
        for (index, figure) in figures.enumerated() {
            html += "<figure>\n"
            switch figure.content {
            case .svg(let svg): html += svg + "\n"
            case .failure(let reason): html += "<pre class=\"failure\">\(reason.xmlEscaped)</pre>\n"
            }
            html += "<figcaption>Figure \(index + 1). \(figure.caption.xmlEscaped)</figcaption>\n</figure>\n"
        }
        return html + "</section>\n"
    }

    func resultsTable() -> String {
        let columns = SummaryColumns(summary)
        var html = "<section id=\"results\">\n<h2>Results</h2>\n"
        guard !summary.tasks.isEmpty else { return html + "<p>No task has finished yet.</p>\n</section>\n" }
        html += "<div class=\"scroll\"><table class=\"results\">\n<thead><tr><th>task</th>"
        html += columns.names.map { "<th>\($0.xmlEscaped)</th>" }.joined()
        html += "<th>seed</th><th>time</th></tr></thead>\n<tbody>\n"
        for (task, row) in zip(summary.tasks, columns.rows).prefix(tableRowLimit) {
            html += "<tr><td>\(task.index)</td>"
            html += columns.names.map { "<td>\(SummaryColumns.label(row[$0]).xmlEscaped)</td>" }.joined()
            html += "<td>\(task.seed)</td><td>\(NumberText.duration(task.wallSeconds))</td></tr>\n"
        }
        html += "</tbody>\n</table></div>\n"
        if summary.tasks.count > tableRowLimit {
            html += "<p>\(summary.tasks.count - tableRowLimit) more rows not shown; boltzmann export writes them all.</p>\n"
        }
        return html + "</section>\n"
    }

    func provenance() -> String {
        var rows = summary.provenance.keys.map { ($0, SummaryColumns.label(summary.provenance[$0])) }
        rows.append(("report written by", "Boltzmann \(BoltzmannVersion.current)"))
        return "<section id=\"provenance\">\n<h2>Provenance</h2>\n" + Self.keyValueTable(rows) + "</section>\n"
    }

    static func keyValueTable(_ rows: [(String, String)]) -> String {
        "<table class=\"facts\">\n" + rows.map { "<tr><th>\($0.0.xmlEscaped)</th><td>\($0.1.xmlEscaped)</td></tr>\n" }.joined() + "</table>\n"
    }

    /// The page's only styling: system fonts, figures scaled to the page width.
    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}\
        h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}\
        figure{margin:1.2em 0;display:inline-block;width:49%;min-width:420px;vertical-align:top}\
        figure svg{width:100%;height:auto}figcaption{font-size:.9em;color:#444}\
        table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:right}\
        table.facts th{text-align:left;background:#f6f6f6}table.facts td{text-align:left}\
        .scroll{overflow-x:auto;max-height:40em;overflow-y:auto}thead th{position:sticky;top:0;background:#f6f6f6}\
        pre{background:#f6f6f6;padding:.8em;overflow-x:auto;font-size:.85em}pre.failure{color:#a00}
        """
}
