import BoltzmannCore
import BoltzmannExperiments
import Foundation
import Testing

/// The HTML report: one self-contained page with the figures, the escaped results and spec, and
/// the provenance; and, where Chromium is installed, a page that a browser actually renders.
@Suite struct ReportTests {
    typealias S = ReportSupportSummaries

    static func hostileSummary() -> ExperimentSummary {
        var summary = S.twoAxes()
        summary.name = "sweep <b>&</b>"
        summary.specText = "name = \"x\"\n# <script>alert(1)</script> & more\n"
        summary.tasks[0].results["phase"] = .text("<P>")
        summary.plannedTaskCount = 40
        return summary
    }

    @Test func pageHoldsEveryPartAndEscapesStoreText() {
        let html = ExperimentReport(summary: Self.hostileSummary()).html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(ReportSupportHTML.unbalancedTag(in: html) == nil, "\(ReportSupportHTML.unbalancedTag(in: html) ?? "")")
        #expect(html.components(separatedBy: "<svg").count - 1 == 2, "two default figures: the value map and the phase map")
        #expect(html.contains("# &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
        #expect(!html.contains("<script"))
        #expect(html.contains("<h1>sweep &lt;b&gt;&amp;&lt;/b&gt;</h1>"))
        #expect(html.contains("<td>&lt;P&gt;</td>"))
        #expect(html.contains("30 of 40 (75 %, incomplete"))
        #expect(html.contains("test &lt;host&gt;"), "provenance shown")
        #expect(html.contains("<th>phase</th>"))
    }

    @Test func pageLoadsNothingFromOutside() {
        let html = ExperimentReport(summary: S.oneAxis(), notes: ["The paper reports α_c ≈ 0.138."]).html()
        for forbidden in ["<link", "<script", "src=", "@import", "url(", "https://"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        // The only http:// text is the SVG namespace, which is a name, not a resource.
        let links = html.components(separatedBy: "http://").dropFirst()
        #expect(links.allSatisfy { $0.hasPrefix("www.w3.org/2000/svg") })
        #expect(html.contains("<p>The paper reports α_c ≈ 0.138.</p>"))
    }

    @Test func failedFigureIsShownNotFatal() {
        let figure = ReportFigure(recipe: .line(LinePlot(x: "alpha", y: "nothing")), summary: S.oneAxis())
        let html = ExperimentReport(summary: S.oneAxis(), figures: [figure]).html()
        #expect(html.contains("<pre class=\"failure\">"))
        #expect(html.contains("unknown column &quot;nothing&quot;"))
        #expect(ReportSupportHTML.unbalancedTag(in: html) == nil)
    }

    @Test func tagCheckerCatchesBadNesting() {
        #expect(ReportSupportHTML.unbalancedTag(in: "<p><b>x</p></b>") != nil)
        #expect(ReportSupportHTML.unbalancedTag(in: "<div><svg><path d=\"M0 0\"/></svg>") != nil)
        #expect(ReportSupportHTML.unbalancedTag(in: "<p>a < b</p>") != nil)
        #expect(ReportSupportHTML.unbalancedTag(in: "<meta charset=\"utf-8\"><p><br>x</p>") == nil)
    }

    /// Headless Chromium renders the report: the DOM it builds holds the inline SVG figures, and
    /// its screenshot is a PNG of the window's size with far more detail than a blank page (a
    /// blank 1200 × 1600 screenshot compresses to a few kB; figures and tables do not).
    @Test(.enabled(if: ReportSupportHTML.chromium != nil,
                   "Chromium is not installed (apt-get install chromium); the browser rendering check is skipped"))
    func chromiumRendersTheFigures() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("boltzmann-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        try ExperimentReport(summary: S.twoAxes()).write(to: page)
        let blank = folder.appendingPathComponent("blank.html")
        try Data("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>blank</title></head><body></body></html>".utf8).write(to: blank)

        let dom = try ReportSupportHTML.runChromium(["--dump-dom"], page: page)
        #expect(dom.components(separatedBy: "<svg").count - 1 == 2, "the rendered DOM holds both figures")
        #expect(dom.contains("<figcaption>Figure 2."))

        let shot = folder.appendingPathComponent("shot.png"), blankShot = folder.appendingPathComponent("blank.png")
        _ = try ReportSupportHTML.runChromium(["--screenshot=" + shot.path, "--window-size=1200,1600"], page: page)
        _ = try ReportSupportHTML.runChromium(["--screenshot=" + blankShot.path, "--window-size=1200,1600"], page: blank)
        let image = try Data(contentsOf: shot), blankImage = try Data(contentsOf: blankShot)
        let size = try #require(ReportSupportHTML.pngSize(image))
        #expect(size.width == 1200 && size.height == 1600)
        #expect(image.count > 8 * blankImage.count, "report \(image.count) B vs blank \(blankImage.count) B")
    }
}
