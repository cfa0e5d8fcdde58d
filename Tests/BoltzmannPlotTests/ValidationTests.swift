import BoltzmannCore
import Testing

import BoltzmannPlot

@Suite("Invalid figures throw BoltzmannError")
struct ValidationTests {
    func expectBoltzmannError(_ figure: Figure, mentioning text: String) {
        do {
            _ = try figure.svg()
            Issue.record("expected a BoltzmannError mentioning \(text)")
        } catch let error as BoltzmannError {
            #expect(error.description.contains(text), "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("Mismatched series lengths")
    func seriesLengths() {
        var figure = Figure()
        figure.add(.line(x: [1, 2, 3], y: [1, 2], label: "theory"))
        expectBoltzmannError(figure, mentioning: "x has 3 values but y has 2")
        var errors = Figure()
        errors.add(.points(x: [1, 2], y: [1, 2], yError: [0.1]))
        expectBoltzmannError(errors, mentioning: "1 y errors for 2 points")
        var negative = Figure()
        negative.add(.points(x: [1, 2], y: [1, 2], yError: [0.1, -0.1]))
        expectBoltzmannError(negative, mentioning: "negative")
    }

    @Test("Bad axis ranges")
    func ranges() {
        var logFromZero = Figure()
        logFromZero.xAxis = Axis(scale: .log10, range: 0...10)
        expectBoltzmannError(logFromZero, mentioning: "logarithmic axis cannot start at 0")
        var empty = Figure()
        empty.yAxis = Axis(range: 1...1)
        expectBoltzmannError(empty, mentioning: "not a finite interval")
    }

    @Test("Map grids that do not fit their values")
    func maps() {
        var rows = Figure()
        rows.add(HeatMap(x: [0, 1], y: [0, 1, 2], values: [[1, 2], [3, 4]]))
        expectBoltzmannError(rows, mentioning: "2 rows but the y grid has 3")
        var columns = Figure()
        columns.add(PhaseMap(x: [0, 1, 2], y: [0, 1], phases: [["A", "B", "C"], ["A", "B"]]))
        expectBoltzmannError(columns, mentioning: "row 1 has 2 entries")
        var unordered = Figure()
        unordered.add(HeatMap(x: [0, 2, 1], y: [0, 1], values: [[1, 2, 3], [3, 4, 5]]))
        expectBoltzmannError(unordered, mentioning: "strictly increasing")
        var logMap = Figure()
        logMap.xAxis = Axis(scale: .log10)
        logMap.add(HeatMap(x: [0, 1], y: [0, 1], values: [[1, 2], [3, 4]]))
        expectBoltzmannError(logMap, mentioning: "≤ 0 on a logarithmic axis")
    }

    @Test("Empty figures and figures of only NaN still render")
    func degenerate() throws {
        _ = try ParsedSVG(try Figure().svg())
        var nan = Figure()
        nan.add(.points(x: [.nan], y: [.nan]))
        nan.add(.line(x: [1, 1], y: [2, 2]))
        _ = try ParsedSVG(try nan.svg())
    }
}
