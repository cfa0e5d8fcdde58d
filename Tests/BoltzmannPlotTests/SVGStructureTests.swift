import BoltzmannCore
import Foundation
import Testing

import BoltzmannPlot

@Suite("SVG output")
struct SVGStructureTests {
    /// Two theory lines and one Monte Carlo series with error bars, one of them NaN.
    func theoryAndSimulation() -> Figure {
        var figure = Figure(width: 640, height: 440, title: "Nishimori line, p = 3")
        figure.xAxis = Axis(label: "T")
        figure.yAxis = Axis(label: "q^{*}")
        let ts = (0...40).map { 0.5 + Double($0) * 0.05 }
        figure.add(.line(x: ts, y: ts.map { max(0, 1 - $0 / 2) }, label: "RS theory"))
        figure.add(.line(x: ts, y: ts.map { max(0, 1 - $0 / 1.8) }, label: "q* < 1 & T", style: .dashed))
        figure.add(.points(
            x: [0.6, 1.0, 1.4, 1.8, 2.2], y: [0.7, 0.5, 0.31, 0.12, 0.02],
            yError: [0.02, 0.03, .nan, 0.04, 0.01], label: "Monte Carlo, N = 256"))
        return figure
    }

    @Test("Well-formed XML with an svg root, viewBox and no external resources")
    func wellFormed() throws {
        let svg = try theoryAndSimulation().svg()
        let parsed = try ParsedSVG(svg)
        #expect(parsed.root?.localName == "svg")
        #expect(parsed.root?.string("viewBox") == "0 0 640 440")
        #expect(parsed.root?.uri == "http://www.w3.org/2000/svg")
        for external in ["<style", "href", "@import", "url(", "<?xml"] {
            #expect(!svg.contains(external), "found \(external)")
        }
    }

    @Test("One path per line, one per finite error bar, one marker per point, one legend row per label")
    func elementCounts() throws {
        let parsed = try ParsedSVG(try theoryAndSimulation().svg())
        #expect(try parsed.elements(class: "series-line").count == 2)
        #expect(try parsed.elements(class: "error-bar").count == 4)
        #expect(try parsed.elements(class: "marker").count == 5)
        #expect(try parsed.elements(class: "marker").allSatisfy { $0.localName == "circle" })
        let legend = try parsed.elements(class: "legend-label").map { $0.stringValue ?? "" }
        #expect(legend == ["RS theory", "q* < 1 & T", "Monte Carlo, N = 256"])
    }

    @Test("Text is escaped in the markup and reads back unchanged")
    func escaping() throws {
        var figure = theoryAndSimulation()
        figure.title = "<b>\"quoted\" & 'single'</b>"
        let svg = try figure.svg()
        #expect(svg.contains("q* &lt; 1 &amp; T"))
        #expect(!svg.contains("q* < 1"))
        let parsed = try ParsedSVG(svg)
        #expect(try parsed.elements(class: "title").first?.stringValue == "<b>\"quoted\" & 'single'</b>")
        #expect(try parsed.elements(named: "title").first?.stringValue == "<b>\"quoted\" & 'single'</b>")
    }

    @Test("Control characters in labels are dropped, keeping the XML valid")
    func controlCharacters() throws {
        var figure = theoryAndSimulation()
        figure.xAxis.label = "T\u{1}\u{8}"
        let parsed = try ParsedSVG(try figure.svg())
        #expect(try parsed.elements(class: "axis-label").contains { $0.stringValue == "T" })
    }

    @Test("Series without a colour take the Okabe–Ito cycle; explicit colours do not use it up")
    func colourCycle() throws {
        var figure = Figure()
        figure.add(.line(x: [0, 1], y: [0, 1]))
        figure.add(.line(x: [0, 1], y: [1, 0], color: .black))
        figure.add(.line(x: [0, 1], y: [0.5, 0.5]))
        let strokes = try ParsedSVG(try figure.svg()).elements(class: "series-line").map { $0.string("stroke") }
        #expect(strokes == ["#0072b2", "#000000", "#d55e00"])
    }

    @Test("NaN breaks a line into pieces and removes the point's marker")
    func nanBreaksLine() throws {
        var figure = Figure()
        figure.add(.line(x: [0, 1, 2, 3, 4, 5], y: [0, 1, .nan, 3, 4, 5], marker: .square))
        figure.add(.line(x: [0, 1, 2], y: [.nan, .nan, .nan]))
        let parsed = try ParsedSVG(try figure.svg())
        let lines = try parsed.elements(class: "series-line")
        #expect(lines.count == 1)
        #expect(subpathCount(lines[0].string("d") ?? "") == 2)
        #expect(try parsed.elements(class: "marker").count == 5)
    }

    @Test("Values ≤ 0 on a log axis break the line like NaN")
    func nonPositiveOnLogAxis() throws {
        var figure = Figure()
        figure.yAxis = Axis(scale: .log10)
        figure.add(.line(x: [1, 2, 3, 4, 5, 6], y: [1, 10, 0, 10, -1, 1]))
        let lines = try ParsedSVG(try figure.svg()).elements(class: "series-line")
        #expect(subpathCount(lines[0].string("d") ?? "") == 1)  // 1–10, then lone points
        var twoPieces = Figure()
        twoPieces.yAxis = Axis(scale: .log10)
        twoPieces.add(.line(x: [1, 2, 3, 4, 5], y: [1, 10, 0, 10, 100]))
        let pieces = try ParsedSVG(try twoPieces.svg()).elements(class: "series-line")
        #expect(subpathCount(pieces[0].string("d") ?? "") == 2)
    }

    @Test("Data outside a fixed range is clipped to the plot box")
    func clipping() throws {
        var figure = Figure()
        figure.xAxis = Axis(range: 0...1)
        figure.yAxis = Axis(range: 0...1)
        figure.add(.line(x: [-1, 0.5, 2], y: [0.5, 0.5, 0.5], marker: .circle))
        let area = try figure.plotArea()
        let parsed = try ParsedSVG(try figure.svg())
        let data = try #require(parsed.elements(class: "series-line").first?.string("d"))
        let numbers = data.split(whereSeparator: { "ML ".contains($0) }).compactMap { Double($0) }
        let xs = stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] }
        #expect(xs.min()! >= area.left - 1.01 && xs.max()! <= area.left + area.width + 1.01)
        #expect(try parsed.elements(class: "marker").count == 1)
    }

    @Test("Axis labels with markup render their scripts as tspans")
    func scriptsInLabels() throws {
        let parsed = try ParsedSVG(try theoryAndSimulation().svg())
        let yLabel = try #require(parsed.elements(class: "axis-label").first { $0.stringValue == "q*" })
        #expect(yLabel.elements(forName: "tspan").count == 1)
        #expect(yLabel.string("transform")?.hasPrefix("rotate(-90") == true)
    }

    @Test("Log tick labels are written as 10 with a superscript exponent")
    func logTickLabels() throws {
        var figure = Figure()
        figure.xAxis = Axis(label: "N", scale: .log10)
        figure.add(.points(x: [1e-3, 50], y: [1, 2]))
        let parsed = try ParsedSVG(try figure.svg())
        let labels = try parsed.elements(class: "tick-label")
        let decade = try #require(labels.first { $0.stringValue == "10\u{2212}2" })
        #expect(decade.elements(forName: "tspan").first?.stringValue == "\u{2212}2")
    }

    @Test("write(to:) adds an XML declaration; an unwritable path throws BoltzmannError")
    func writing() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("boltzmann-plot-test-\(UInt32.random(in: 0...UInt32.max)).svg")
        defer { try? FileManager.default.removeItem(at: url) }
        try theoryAndSimulation().write(to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg"))
        _ = try ParsedSVG(text)
        #expect(throws: BoltzmannError.self) {
            try theoryAndSimulation().write(to: URL(fileURLWithPath: "/nonexistent-dir/x/figure.svg"))
        }
    }

    @Test("An automatic legend avoids the corners the data pass through")
    func automaticLegend() throws {
        var figure = Figure()
        let xs = (0...50).map { Double($0) / 50 }
        figure.add(.line(x: xs, y: xs, label: "rising diagonal"))
        let area = try figure.plotArea()
        let box = try #require(ParsedSVG(try figure.svg()).elements(class: "legend-box").first)
        // The diagonal passes top right and bottom left: the legend goes top left.
        #expect(box.number("x")! < area.left + area.width / 2)
        #expect(box.number("y")! < area.top + area.height / 2)
    }
}
