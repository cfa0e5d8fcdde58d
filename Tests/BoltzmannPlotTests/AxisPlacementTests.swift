import Foundation
import Testing

import BoltzmannPlot

@Suite("Data-to-pixel mapping")
struct AxisPlacementTests {
    @Test("A log axis puts 10 halfway between 1 and 100, and 10^0.25 a quarter of the way")
    func logPlacement() throws {
        var figure = Figure()
        figure.xAxis = Axis(scale: .log10, range: 1...100)
        figure.yAxis = Axis(range: 0...1)
        let xs = [1, pow(10, 0.25), 10, 100]
        figure.add(.points(x: xs, y: [0.5, 0.5, 0.5, 0.5]))
        let area = try figure.plotArea()
        let centres = try ParsedSVG(try figure.svg()).elements(class: "marker").map { $0.number("cx")! }
        let expected = [0, 0.125, 0.5, 1].map { area.left + $0 * area.width }
        #expect(allClose(centres, expected, tolerance: 0.006))  // SVG numbers carry 2 decimals
        let rows = try ParsedSVG(try figure.svg()).elements(class: "marker").map { $0.number("cy")! }
        #expect(rows.allSatisfy { abs($0 - (area.top + area.height / 2)) < 0.006 })
    }

    @Test("Pixel y grows downwards: the lower bound is at the bottom of the box")
    func yOrientation() throws {
        var figure = Figure()
        figure.yAxis = Axis(scale: .log10, range: 1e-3...1e1)
        figure.add(.line(x: [0, 1], y: [1e-2, 1]))
        let area = try figure.plotArea()
        #expect(abs(area.pixelY(1e-3)! - (area.top + area.height)) < 1e-9)
        #expect(abs(area.pixelY(1e1)! - area.top) < 1e-9)
        #expect(abs(area.pixelY(1e-1)! - (area.top + area.height / 2)) < 1e-9)
        #expect(area.pixelY(0) == nil && area.pixelY(-1) == nil && area.pixelY(.nan) == nil)
    }

    @Test("Ranges from data: widened to ticks, or padded when a tick would waste space or hide a line")
    func automaticRanges() throws {
        var figure = Figure()
        figure.add(.line(x: [0.013, 0.87], y: [0, 1]))
        let area = try figure.plotArea()
        // x: 0 is 1.5 % below the data (kept); 1 is 15 % above, so the end is 0.87 + 3 %.
        #expect(area.xRange.lowerBound == 0)
        #expect(abs(area.xRange.upperBound - (0.87 + 0.03 * 0.857)) < 1e-12)
        // y: data end exactly on the ticks 0 and 1: padded by 3 % so the line clears the frame.
        #expect(abs(area.yRange.lowerBound + 0.03) < 1e-12 && abs(area.yRange.upperBound - 1.03) < 1e-12)
    }

    @Test("A map fixes the axes to its cells' outer edges")
    func mapExtent() throws {
        var figure = Figure()
        figure.add(HeatMap(x: [0, 1, 2], y: [10, 20], values: [[1, 2, 3], [4, 5, 6]]))
        figure.add(.line(x: [-5, 5], y: [0, 50]))
        let area = try figure.plotArea()
        #expect(area.xRange == -0.5...2.5)
        #expect(area.yRange == 5...25)
    }
}
