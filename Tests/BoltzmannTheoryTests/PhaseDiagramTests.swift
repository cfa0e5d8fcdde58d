import BoltzmannCore
import BoltzmannTheory
import Foundation
import Testing

@Suite("Phase diagrams")
struct PhaseDiagramTests {
    @Test("Nishimori p = 3: bisected boundaries land on the analytic transition lines")
    func nishimoriBoundaries() throws {
        let template = try DenseTeacherStudent.nishimoriLine(p: 3, alpha: 1, temperature: 1)
        let alphas = [1.2, 1.6, 2.0]
        let temperatures = Array(stride(from: 0.9, through: 1.5, by: 0.05))
        let diagram = try PhaseDiagram.compute(template: template, alphas: alphas, temperatures: temperatures)
        #expect(diagram.converged)
        let transitions = try NishimoriLine(p: 3).transitions()
        let spinodal = try #require(diagram.lines.first { $0.name == "lR–P" })
        for point in spinodal.points {
            let expected = transitions.spinodalTemperature(alpha: point.alpha)
            #expect(abs(point.temperature - expected) < 1e-6 * expected, "α = \(point.alpha)")
        }
        let thermodynamic = try #require(diagram.lines.first { $0.name == "gR–lR" })
        for point in thermodynamic.points {
            let expected = transitions.thermodynamicTemperature(alpha: point.alpha)
            #expect(abs(point.temperature - expected) < 1e-6 * expected, "α = \(point.alpha)")
        }
        #expect(diagram.lines.contains { $0.name == "spinodal" && $0.points.count == alphas.count })
        #expect(diagram.lines.contains { $0.name == "thermodynamic" })
    }

    @Test("grid points equal individual solves, for any number of workers")
    func gridConsistency() throws {
        let template = try DenseTeacherStudent(p: 3, teacherP: 3, alpha: 1, temperature: 1, teacherTemperature: 0.8)
        let alphas = [0.3, 0.9, 1.7], temperatures = [0.5, 0.9, 1.4]
        let one = try PhaseDiagram.compute(template: template, alphas: alphas, temperatures: temperatures,
                                           refineBoundaries: false, workers: 1)
        let two = try PhaseDiagram.compute(template: template, alphas: alphas, temperatures: temperatures,
                                           refineBoundaries: false, workers: 2)
        #expect(one.points == two.points)
        let solver = RSSolver()
        for (i, t) in temperatures.enumerated() {
            for (j, alpha) in alphas.enumerated() {
                let solution = try solver.solve(template.with(alpha: alpha, temperature: t))
                let point = one.point(alpha: j, temperature: i)
                #expect(point.phase == solution.phase)
                #expect(point.qStar == solution.orderParameters.qStar)
            }
        }
    }

    @Test("p = 2 direct model carries the AGS spin-glass line; bad grids throw")
    func agsLineAndErrors() throws {
        let template = try DenseTeacherStudent.direct(p: 2, alpha: 0.1, temperature: 1)
        let diagram = try PhaseDiagram.compute(template: template, alphas: [0.1, 0.3], temperatures: [2.5, 3.0],
                                               refineBoundaries: true)
        let line = try #require(diagram.lines.first { $0.name == "spin glass (AGS)" })
        #expect(abs(line.points[0].temperature - 2 * (1 + 0.05.squareRoot())) < 1e-12)
        let boundary = try #require(diagram.lines.first { $0.name == "SG–P" })
        #expect(boundary.points.count == 1 && boundary.points[0].alpha == 0.3)
        #expect(abs(boundary.points[0].temperature - 2 * (1 + 0.15.squareRoot())) < 1e-5)
        #expect(throws: BoltzmannError.self) {
            try PhaseDiagram.compute(template: template, alphas: [], temperatures: [1])
        }
        #expect(throws: BoltzmannError.self) {
            try PhaseDiagram.compute(template: template, alphas: [1], temperatures: [0])
        }
    }
}
