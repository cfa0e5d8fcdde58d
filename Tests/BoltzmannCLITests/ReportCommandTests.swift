import Foundation
import Testing

/// `boltzmann reproduce`, `plot` and `report` as a user runs them: a quick reproduction end to
/// end (store, figure, report, the paper's numbers), figures and reports from its store, and
/// bad input answered with the valid choices.
@Suite(.serialized) struct ReportCommandTests {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("boltzmann-reproduce-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func file(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The quick closed-form reproduction, run once for the suite.
    static let reproduction: Result<CommandLineTests.Run, Error> = Result {
        try CommandLineTests.run(["reproduce", "adversarial-epsilon", "--quick", "--quiet",
                                  "--store", file("adversarial.sqlite"), "--out", folder.path])
    }

    @Test func listNamesEveryReproduction() throws {
        let run = try CommandLineTests.run(["reproduce", "--list"])
        #expect(run.status == 0)
        for name in [
            "nishimori-q-temperature", "nishimori-critical-load", "direct-phase-diagram", "noise-tolerance-p2", "adversarial-epsilon",
            "rbm-m-alpha", "rbm-finite-size", "rbm-critical-load",
        ] {
            #expect(run.output.contains(name), "missing \(name)")
        }
        #expect(run.output.contains("arXiv 2401.04191"))
    }

    @Test func quickReproductionWritesItsFigureAndComparesWithThePaper() throws {
        let run = try Self.reproduction.get()
        #expect(run.status == 0, "stderr: \(run.error)")
        #expect(run.output.contains("The paper reports:"))
        #expect(run.output.contains("ε_c(α = 1, p = 4) = 0.5"), "closed form α^{1/3}/(1 + α^{1/3}) at α = 1")
        let svg = try String(contentsOfFile: Self.file("adversarial-epsilon.svg"), encoding: .utf8)
        #expect(svg.contains("<svg"))
        for p in 3...6 { #expect(svg.contains("p = \(p)"), "legend entry p = \(p)") }
        let html = try String(contentsOfFile: Self.file("adversarial-epsilon.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("scenario = &quot;dense.robustness&quot;"))
        // Running again resumes: nothing left to run.
        let again = try CommandLineTests.run(["reproduce", "adversarial-epsilon", "--quick", "--quiet",
                                              "--store", Self.file("adversarial.sqlite"), "--out", Self.folder.path])
        #expect(again.output.contains("(0 of 164 tasks run now)"), "\(again.output)")
    }

    @Test func plotAndReportReadTheStore() throws {
        _ = try Self.reproduction.get()
        let store = Self.file("adversarial.sqlite")
        let plot = try CommandLineTests.run(["plot", store, "--x", "alpha", "--y", "epsilonCritical", "--where", "p=4",
                                             "--log-x", "--out", Self.file("p4.svg")])
        #expect(plot.status == 0, "stderr: \(plot.error)")
        #expect(try String(contentsOfFile: Self.file("p4.svg"), encoding: .utf8).contains("<svg"))
        let report = try CommandLineTests.run(["report", store, "--out", Self.file("report.html")])
        #expect(report.status == 0, "stderr: \(report.error)")
        let html = try String(contentsOfFile: Self.file("report.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("164 of 164"))
    }

    @Test func badInputNamesTheValidChoices() throws {
        _ = try Self.reproduction.get()
        let unknown = try CommandLineTests.run(["plot", Self.file("adversarial.sqlite"), "--x", "alpha", "--y", "epsilon"])
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("use one of: eta, p, alpha, epsilonCritical") || unknown.error.contains("epsilonCritical"),
                "stderr: \(unknown.error)")
        let name = try CommandLineTests.run(["reproduce", "nishimori"])
        #expect(name.status != 0 && name.error.contains("adversarial-epsilon"))
        let map = try CommandLineTests.run(["plot", Self.file("adversarial.sqlite"), "--heatmap", "--y", "epsilonCritical"])
        #expect(map.status != 0 && map.error.contains("--y2"))
        #expect(![unknown, name, map].contains { $0.error.contains("Fatal error") })
    }
}
