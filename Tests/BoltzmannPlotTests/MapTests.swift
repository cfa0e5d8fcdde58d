import Foundation
import Testing

import BoltzmannPlot

@Suite("Heat maps, phase maps and colour maps")
struct MapTests {
    @Test("One rectangle per finite cell of distinct colour; NaN cells are left blank")
    func cellCount() throws {
        let x = [0.0, 0.1, 0.2, 0.3, 0.4]
        let y = [1.0, 2, 3, 4]
        var values = y.map { t in x.map { a in a + t } }
        values[2][3] = .nan
        var figure = Figure()
        figure.add(HeatMap(x: x, y: y, values: values, colorBar: "f"))
        let parsed = try ParsedSVG(try figure.svg())
        let cells = try parsed.elements(class: "cell")
        #expect(cells.count == 19)
        #expect(try parsed.elements(class: "colorbar-step").count == 128)
        // The lowest value gets the colour map's first colour, the highest its last.
        let fills = Set(cells.map { $0.string("fill")! })
        #expect(fills.contains("#440154") && fills.contains("#fde725"))
        // Cells tile the plot box: widths add up to its width along a row.
        let area = try figure.plotArea()
        let firstRow = cells.prefix(5).map { $0.number("width")! }
        #expect(abs(firstRow.reduce(0, +) - area.width) < 0.05)
    }

    @Test("Runs of equal colour along a row are merged into one rectangle")
    func mergedRuns() throws {
        var figure = Figure()
        figure.add(HeatMap(x: [0, 1, 2, 3], y: [0, 1], values: [[1, 1, 1, 2], [5, 5, 5, 5]]))
        let cells = try ParsedSVG(try figure.svg()).elements(class: "cell")
        #expect(cells.count == 3)
        let area = try figure.plotArea()
        #expect(abs(cells[0].number("width")! - area.width * 3 / 4) < 0.02)
        #expect(abs(cells[2].number("width")! - area.width) < 0.02)
    }

    @Test("Contours over a heat map: one path per level that has lines, labelled")
    func contours() throws {
        let grid = (0...40).map { -1 + Double($0) * 0.05 }
        var map = HeatMap(x: grid, y: grid, values: grid.map { y in grid.map { x in x * x + y * y } }, colorBar: "r^{2}")
        map.addContours(levels: [0.25, 0.5, 5])
        var figure = Figure(width: 500, height: 460)
        figure.add(map)
        let parsed = try ParsedSVG(try figure.svg())
        #expect(try parsed.elements(class: "contour").count == 2)
        #expect(try parsed.elements(class: "contour-label").map { $0.stringValue } == ["0.25", "0.5"])
        #expect(map.niceLevels(approximately: 4) == [0.5, 1, 1.5])
    }

    @Test("Phase maps: merged runs, one legend swatch and one region label per phase")
    func phaseMap() throws {
        let x = (0..<20).map(Double.init)
        let y = (0..<10).map(Double.init)
        let phases = y.map { t in x.map { a in t > 6 ? "P" : (a < 8 ? "R" : "SG") } }
        var figure = Figure()
        figure.add(PhaseMap(x: x, y: y, phases: phases, order: ["SG"]))
        let parsed = try ParsedSVG(try figure.svg())
        // Rows below 7 hold two runs (R, SG), the three rows above one (P).
        #expect(try parsed.elements(class: "phase-cell").count == 7 * 2 + 3)
        #expect(try parsed.elements(class: "legend-label").map { $0.stringValue } == ["SG", "R", "P"])
        #expect(try parsed.elements(class: "legend-swatch").count == 3)
        #expect(try Set(parsed.elements(class: "region-label").map { $0.stringValue }) == ["P", "R", "SG"])
        let swatches = try parsed.elements(class: "legend-swatch").map { $0.string("fill")! }
        #expect(swatches == Palette.tolLight.prefix(3).map(\.hex))
    }

    @Test("Region labels sit at the cell deepest inside each phase")
    func regionLabelPositions() throws {
        // A 3-column strip of "A" on the left of a 9 × 9 grid, "B" elsewhere.
        let grid = (0..<9).map(Double.init)
        let phases = grid.map { _ in grid.map { $0 < 3 ? "A" : "B" } }
        var figure = Figure()
        figure.add(PhaseMap(x: grid, y: grid, phases: phases))
        let area = try figure.plotArea()
        let labels = try ParsedSVG(try figure.svg()).elements(class: "region-label")
        let a = try #require(labels.first { $0.stringValue == "A" })
        let b = try #require(labels.first { $0.stringValue == "B" })
        // A: column 1 (one step from both its borders); B: column 5 or 6, 2 steps inside.
        #expect(abs(a.number("x")! - area.pixelX(1)!) < 0.01)
        #expect([5.0, 6.0].contains { abs(b.number("x")! - area.pixelX($0)!) < 0.01 })
        // Both at a row that is at least 1 (A) or 2 (B) steps from the top and bottom.
        let rowB = (0..<9).first { abs(b.number("y")! - 14 * 0.36 - area.pixelY(Double($0))!) < 0.01 }
        #expect(rowB.map { $0 >= 2 && $0 <= 6 } == true)
    }

    @Test("Viridis matches its published values at the stops and between them")
    func viridis() {
        #expect(ColorMap.viridis.color(at: 0)!.hex == "#440154")
        #expect(ColorMap.viridis.color(at: 0.5)!.hex == "#21918c")
        #expect(ColorMap.viridis.color(at: 1)!.hex == "#fde725")
        // Published entries between stops (matplotlib's table at t = 0.1 and 0.9).
        for (t, reference) in [(0.1, (0.282623, 0.140926, 0.457517)), (0.9, (0.741388, 0.873449, 0.149561))] {
            let color = ColorMap.viridis.color(at: t)!
            #expect(abs(color.red - reference.0) < 0.011 && abs(color.green - reference.1) < 0.011 && abs(color.blue - reference.2) < 0.011)
        }
        #expect(ColorMap.viridis.color(at: -3) == ColorMap.viridis.color(at: 0))
        #expect(ColorMap.viridis.color(at: .nan) == nil)
    }

    @Test("Colours parse from hex and report luminance")
    func colours() {
        #expect(Color(hex: "#D55E00")?.hex == "#d55e00")
        #expect(Color(hex: "0072b2")?.hex == "#0072b2")
        #expect(Color(hex: "#12345") == nil && Color(hex: "#GGGGGG") == nil)
        #expect(abs(Color.white.luminance - 1) < 1e-12 && Color.black.luminance == 0)
        #expect(abs(Color(white: 0.5).luminance - 0.21404114048223255) < 1e-12)
    }
}
