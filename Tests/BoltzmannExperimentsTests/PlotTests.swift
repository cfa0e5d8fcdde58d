import BoltzmannCore
import BoltzmannExperiments
import BoltzmannPlot
import Testing

/// Figures drawn from experiment summaries: the right points, series, error bars, grids and
/// colours, and errors that name the valid columns.
@Suite struct PlotTests {
    typealias S = ReportSupportSummaries

    @Test func columnsListParametersThenResultsAndFindErrorColumns() {
        let columns = SummaryColumns(S.oneAxis())
        #expect(columns.names == ["p", "alpha", "qStar", "qStarError", "converged"])
        #expect(columns.parameterNames == ["p", "alpha"])
        #expect(columns.errorColumn(for: "qStar") == "qStarError")
        #expect(columns.errorColumn(for: "alpha") == nil)
        #expect(columns.varyingNames == ["alpha", "qStar", "qStarError"])
        #expect(SummaryColumns(S.twoAxes()).textNames == ["phase"])
    }

    @Test func linePlotSortsByXAndTakesTheErrorColumn() throws {
        let figure = try LinePlot(x: "alpha", y: "qStar").figure(S.oneAxis())
        #expect(figure.series.count == 1)
        let series = try #require(figure.series.first)
        #expect(series.x == [0.25, 0.5, 1, 1.5, 2])
        #expect(series.y == series.x.map { $0 / (1 + $0) })
        #expect(series.yError == series.x.map { 0.01 * $0 })
        #expect(series.lineStyle == nil, "estimates with error bars are drawn as points")
        #expect(figure.xAxis.label == "α" && figure.yAxis.label == "q^{*}")
    }

    @Test func automaticSeriesAreTheOtherVaryingAxes() throws {
        let figure = try LinePlot(x: "alpha", y: "value").figure(S.twoAxes())
        #expect(figure.series.map(\.label) == ["T = 0.2", "T = 0.4", "T = 0.6", "T = 0.8", "T = 1"])
        for (series, temperature) in zip(figure.series, [0.2, 0.4, 0.6, 0.8, 1.0]) {
            #expect(series.y == series.x.map { $0 * temperature })
            #expect(series.lineStyle == .solid, "values without errors are lines")
        }
        #expect(Set(figure.series.compactMap(\.color)).count == 5)
    }

    @Test func filtersKeepMatchingRowsOnly() throws {
        let filter = try ColumnFilter(parsing: "temperature=0.6")
        let figure = try LinePlot(x: "alpha", y: "value", filters: [filter]).figure(S.twoAxes())
        #expect(figure.series.count == 1)
        #expect(figure.series[0].y == figure.series[0].x.map { $0 * 0.6 })
        #expect(throws: BoltzmannError.self) { try ColumnFilter(parsing: "temperature") }
    }

    @Test func unknownColumnsListTheValidOnes() {
        do throws(BoltzmannError) {
            _ = try LinePlot(x: "alpha", y: "qStra").figure(S.oneAxis())
            Issue.record("no error for an unknown column")
        } catch {
            #expect(error.problem.contains("qStra"))
            #expect(error.fix.contains("p, alpha, qStar, qStarError, converged"))
        }
        #expect(throws: BoltzmannError.self) { try MapPlot(x: "alpha", y: "temprature", value: "value").figure(S.twoAxes()) }
    }

    @Test func repeatedXWithoutGroupingIsAnError() {
        do throws(BoltzmannError) {
            _ = try LinePlot(x: "alpha", y: "value", series: []).figure(S.twoAxes())
            Issue.record("no error for repeated x")
        } catch {
            #expect(error.fix.contains("--series"))
        }
    }

    @Test func heatMapPlacesEveryValueOnTheGridAndLeavesGapsBlank() throws {
        var summary = S.twoAxes()
        summary.tasks.remove(at: 7)  // alpha = 1, temperature = 0.4
        var plot = MapPlot(x: "alpha", y: "temperature", value: "value", contours: [1])
        plot.title = "map"
        let figure = try plot.figure(summary)
        let map = try #require(figure.heatMaps.first)
        #expect(map.x == [0.5, 1, 1.5, 2, 2.5, 3])
        #expect(map.y == [0.2, 0.4, 0.6, 0.8, 1.0])
        for (j, temperature) in map.y.enumerated() {
            for (i, alpha) in map.x.enumerated() {
                if i == 1 && j == 1 {
                    #expect(map.values[j][i].isNaN)
                } else {
                    #expect(map.values[j][i] == alpha * temperature)
                }
            }
        }
        #expect(map.contours.map(\.levels) == [[1]])
        #expect(try figure.svg().contains("<svg"))
    }

    @Test func textResultsBecomeAPhaseMap() throws {
        let figure = try MapPlot(x: "alpha", y: "temperature", value: "phase").figure(S.twoAxes())
        #expect(figure.heatMaps.isEmpty)
        let map = try #require(figure.phaseMaps.first)
        #expect(map.phases[0] == ["R", "R", "R", "R", "R", "R"])  // T = 0.2
        #expect(map.phases[4] == ["P", "P", "R", "R", "R", "R"])  // T = 1: alpha > 1
    }

    @Test func mapWithAnUnfixedAxisNamesIt() throws {
        var tasks = S.twoAxes().tasks
        let copies = tasks.map { task -> FinishedTask in
            var copy = task
            copy.index += tasks.count
            copy.parameters["p"] = 4
            return copy
        }
        let originals = tasks.map { (task: FinishedTask) -> FinishedTask in
            var copy = task
            copy.parameters["p"] = 3
            return copy
        }
        tasks = originals + copies
        let summary = S.summary(axes: ["p", "alpha", "temperature"], tasks: tasks)
        do throws(BoltzmannError) {
            _ = try MapPlot(x: "alpha", y: "temperature", value: "value").figure(summary)
            Issue.record("no error for two tasks in one cell")
        } catch {
            #expect(error.fix.contains("varying: p"))
        }
        let fixed = try MapPlot(x: "alpha", y: "temperature", value: "value", filters: [ColumnFilter(column: "p", value: "4")]).figure(summary)
        #expect(fixed.heatMaps.count == 1)
    }

    @Test func overlayMatchesTheoryAndSimulationByParameters() throws {
        let theory = S.twoAxes(alphas: (0...20).map { Double($0) * 0.15 }, temperatures: [0.5, 1])
        var simulationTasks: [FinishedTask] = []
        for temperature in [1.0, 0.5] {
            for alpha in [0.6, 1.5, 2.4] {
                simulationTasks.append(S.task(simulationTasks.count, ["alpha": .number(alpha), "temperature": .number(temperature), "size": 64],
                                              ["value": .number(alpha * temperature + 0.01), "valueError": 0.02]))
            }
        }
        let simulation = S.summary(scenario: "dense.simulate", axes: ["temperature", "alpha"], tasks: simulationTasks)
        let figure = try TheorySimulationOverlay(x: "alpha", y: "value").figure(theory: theory, simulation: simulation)
        let lines = figure.series.filter { $0.lineStyle != nil }
        let points = figure.series.filter { $0.lineStyle == nil }
        #expect(lines.count == 2 && points.count == 2)
        #expect(lines.map(\.label) == ["RS theory, T = 0.5", "RS theory, T = 1"])
        #expect(points.map(\.label) == ["Monte Carlo, T = 0.5", "Monte Carlo, T = 1"])
        for (line, point) in zip(lines, points) {
            #expect(line.color == point.color, "a curve and its points share a colour")
            #expect(point.yError == [0.02, 0.02, 0.02])
        }
        #expect(lines[0].color != lines[1].color)
        #expect(points[1].y == [0.6, 1.5, 2.4].map { $0 + 0.01 })
    }

    @Test func defaultFiguresFollowTheAxes() {
        let one = DefaultFigures.recipes(for: S.oneAxis())
        #expect(one.count == 1, "qStar only: errors and constant flags are not plotted")
        if case .line(let plot)? = one.first { #expect(plot.x == "alpha" && plot.y == "qStar") } else { Issue.record("not a line") }
        let two = DefaultFigures.recipes(for: S.twoAxes())
        #expect(two.count == 2)
        let values = two.compactMap { recipe -> String? in if case .map(let map) = recipe { return map.value } else { return nil } }
        #expect(values == ["value", "phase"])
        let sparse = DefaultFigures.recipes(for: S.twoAxes(temperatures: [0.5, 1]))
        if case .line(let plot)? = sparse.first { #expect(plot.x == "alpha" && plot.series == ["temperature"]) } else { Issue.record("not a line") }
    }
}
