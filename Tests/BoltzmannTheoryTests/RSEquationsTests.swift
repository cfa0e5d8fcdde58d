import BoltzmannCore
import BoltzmannTheory
import Foundation
import Testing

@Suite("RS equations of the dense teacher–student problem")
struct RSEquationsTests {
    static let controls: [RSControlParameters] = [
        RSControlParameters(p: 3, c: 1.4, cStar: 1.4, beta: 1.2, hasTeacher: true),
        RSControlParameters(p: 3, c: 0.7, cStar: 1.9, beta: 0.8, hasTeacher: true),
        RSControlParameters(p: 4, c: 2.5, cStar: 0.9, beta: 1.5, hasTeacher: true),
        RSControlParameters(p: 5, c: 8, cStar: 3, beta: 2, hasTeacher: true),
        RSControlParameters(p: 4, c: 0, cStar: 2, beta: 3, hasTeacher: true),
    ]
    static let points: [(Double, Double, Double)] = [
        (0.3, 0.5, 0.1), (0.9, 0.95, 0.0), (0.05, 0.7, 0.8), (-0.4, 0.6, 0.3), (0.0, 0.0, 0.0),
    ]

    @Test("the update equals MODELS.md's formulas evaluated by adaptive quadrature")
    func updateAgainstReference() throws {
        for control in Self.controls {
            let equations = try RSEquations(control)
            for (qStar, q, m) in Self.points {
                let fast = equations.update(qStar: qStar, q: q, m: m)
                let reference = Reference.rsUpdate(
                    p: control.p, c: control.c, cStar: control.cStar, beta: control.beta,
                    qStar: qStar, q: q, m: m)
                #expect(abs(fast.qStar - reference.qStar) < 1e-12, "\(control) at \((qStar, q, m))")
                #expect(abs(fast.q - reference.q) < 1e-12)
                #expect(abs(fast.m - reference.m) < 1e-12)
            }
        }
    }

    @Test("the free entropy equals MODELS.md's expression term by term")
    func freeEntropyAgainstReference() throws {
        for control in Self.controls {
            let equations = try RSEquations(control)
            for (qStar, q, m) in Self.points {
                let fast = equations.freeEntropy(qStar: qStar, q: q, m: m)
                let reference = Reference.rsFreeEntropy(
                    p: control.p, c: control.c, cStar: control.cStar, beta: control.beta,
                    qStar: qStar, q: q, m: m)
                #expect(abs(fast - reference) < 1e-11 * max(1, abs(reference)))
            }
        }
    }

    @Test("the paramagnet is a fixed point with f = ln 2 + c/2")
    func paramagnet() throws {
        for control in Self.controls {
            let equations = try RSEquations(control)
            let image = equations.update(qStar: 0, q: 0, m: 0)
            #expect(image.qStar == 0 && image.q == 0 && image.m == 0)
            #expect(abs(equations.freeEntropy(qStar: 0, q: 0, m: 0) - (Foundation.log(2.0) + control.c / 2)) < 1e-15)
        }
    }

    @Test("the free entropy is stationary at solutions and not elsewhere")
    func stationarity() throws {
        let solver = RSSolver()
        for control in Self.controls {
            let equations = try RSEquations(control)
            let solution = try solver.solve(control)
            for candidate in solution.candidates where candidate.orderParameters.converged {
                let s = candidate.orderParameters
                let x = [s.qStar, s.q, s.m]
                let gradient = finiteDifferenceGradient(equations, at: x)
                #expect(gradient.allSatisfy { abs($0) < 1e-7 }, "∇f = \(gradient) at \(x), \(control)")
            }
            // Away from a solution the gradient is clearly non-zero.
            let off = finiteDifferenceGradient(equations, at: [0.5, 0.6, 0.2])
            #expect(off.contains { abs($0) > 1e-3 })
        }
    }

    func finiteDifferenceGradient(_ equations: RSEquations, at x: [Double]) -> [Double] {
        (0..<3).map { i in
            let h = 1e-5
            var plus = x, minus = x
            plus[i] += h
            minus[i] -= h
            plus[1] = max(plus[1], 0)
            minus[1] = max(minus[1], 0)
            let fPlus = equations.freeEntropy(qStar: plus[0], q: plus[1], m: plus[2])
            let fMinus = equations.freeEntropy(qStar: minus[0], q: minus[1], m: minus[2])
            return (fPlus - fMinus) / (plus[i] - minus[i])
        }
    }

    @Test("invalid control parameters throw")
    func invalid() {
        #expect(throws: BoltzmannError.self) {
            try RSEquations(RSControlParameters(p: 2, c: 1, cStar: 1, beta: 1, hasTeacher: true))
        }
        #expect(throws: BoltzmannError.self) {
            try RSEquations(RSControlParameters(p: 3, c: -1, cStar: 1, beta: 1, hasTeacher: true))
        }
        #expect(throws: BoltzmannError.self) {
            try RSEquations(RSControlParameters(p: 3, c: 1, cStar: 1, beta: .infinity, hasTeacher: true))
        }
    }
}
