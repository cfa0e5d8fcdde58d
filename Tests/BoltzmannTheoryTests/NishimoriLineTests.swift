import BoltzmannCore
import BoltzmannTheory
import Foundation
import Testing

@Suite("Nishimori line: transitions and branch")
struct NishimoriLineTests {
    /// Reference values computed independently with mpmath at 30 digits: Φ(ĥ) by adaptive
    /// quadrature split at the kink, the spinodal as the root of the *numerical* derivative of
    /// ln c(ĥ) (not the Stein formula used here), the thermodynamic point as the root of Δf(ĥ).
    static let references: [(p: Int, spinodalC: Double, qSpinodal: Double,
                              thermodynamicC: Double, qThermodynamic: Double)] = [
        (3, 1.0762504295378014, 0.64314360504136539, 1.1784039640924063, 0.81351757608777399),
        (4, 1.0863860289159397, 0.81477948777679523, 1.3139050817918756, 0.94808827249680744),
    ]

    @Test("spinodal and thermodynamic c match the mpmath reference to 1e−9 (required: 1e−6)")
    func transitionsAgainstReference() throws {
        for reference in Self.references {
            let transitions = try NishimoriLine(p: reference.p).transitions()
            #expect(transitions.converged)
            #expect(abs(transitions.spinodalC - reference.spinodalC) < 1e-9, "p = \(reference.p)")
            #expect(abs(transitions.thermodynamicC - reference.thermodynamicC) < 1e-9)
            #expect(abs(transitions.qStarAtSpinodal - reference.qSpinodal) < 1e-7)
            #expect(abs(transitions.qStarAtThermodynamic - reference.qThermodynamic) < 1e-9)
            #expect(transitions.spinodalC < transitions.thermodynamicC)
        }
    }

    @Test("at the spinodal the fold conditions hold: F(q, c) = 0 and ∂F/∂q = 0")
    func foldConditions() throws {
        let p = 3
        let transitions = try NishimoriLine(p: p).transitions()
        let c = transitions.spinodalC, q = transitions.qStarAtSpinodal
        func residual(_ q: Double) -> Double {
            let h = c * Double(p) * q * q
            return Reference.expectation { z in Foundation.tanh(h + h.squareRoot() * z) } - q
        }
        #expect(abs(residual(q)) < 1e-12)
        let slope = (residual(q + 1e-4) - residual(q - 1e-4)) / 2e-4
        #expect(abs(slope) < 1e-6)
        // Just below c_sp there is no non-zero solution near q_sp: F < 0 on a neighbourhood.
        let cLow = c * (1 - 1e-4)
        let below = stride(from: q - 0.05, through: q + 0.05, by: 0.005).map { q -> Double in
            let h = cLow * Double(p) * q * q
            return Reference.expectation { z in Foundation.tanh(h + h.squareRoot() * z) } - q
        }
        #expect(below.allSatisfy { $0 < 0 })
    }

    @Test("branch states solve the original equation (adaptive quadrature residual ≤ 1e−12)")
    func branchStatesSolveTheEquation() throws {
        let line = try NishimoriLine(p: 3)
        let transitions = line.transitions()
        for c in [1.0762505, 1.1, 1.5, 3, 10, 49] {
            let state = try line.state(c: c, transitions: transitions)
            #expect(state.converged)
            let h = c * 3 * state.q * state.q
            let image = Reference.expectation { z in Foundation.tanh(h + h.squareRoot() * z) }
            #expect(abs(image - state.q) < 1e-12, "c = \(c)")
            #expect(abs(state.freeEntropyGap - line.freeEntropyGap(q: state.q, c: c)) < 1e-12)
            #expect(state.phase == (c > transitions.thermodynamicC ? .globalRetrieval : .localRetrieval))
        }
        let paramagnet = try line.state(c: 0.5, transitions: transitions)
        #expect(paramagnet.q == 0 && paramagnet.phase == .paramagnet)
    }

    @Test("the branch agrees with plain iteration from q = 1")
    func branchAgainstIteration() throws {
        let line = try NishimoriLine(p: 4)
        let transitions = line.transitions()
        for c in [0.9, 1.2, 2, 6] {
            let state = try line.state(c: c, transitions: transitions)
            #expect(abs(state.q - Reference.nishimoriFixedPoint(p: 4, c: c)) < 1e-12, "c = \(c)")
        }
    }

    @Test("transition lines in (α, T)")
    func lines() throws {
        let transitions = try NishimoriLine(p: 3).transitions()
        let alpha = 0.7
        let t = transitions.spinodalTemperature(alpha: alpha)
        #expect(abs(alpha / (t * t) - transitions.spinodalC) < 1e-12)
        #expect(abs(transitions.thermodynamicAlpha(temperature: 1.5) - transitions.thermodynamicC * 2.25) < 1e-12)
        #expect(transitions.thermodynamicTemperature(alpha: alpha) < t)
    }

    @Test("p < 3 and non-positive c throw")
    func invalid() throws {
        #expect(throws: BoltzmannError.self) { try NishimoriLine(p: 2) }
        let line = try NishimoriLine(p: 3)
        #expect(throws: BoltzmannError.self) { try line.state(c: 0) }
        #expect(throws: BoltzmannError.self) { try line.state(c: .nan) }
    }
}

@Suite("Nishimori grid")
struct NishimoriGridTests {
    static let temperatures = Array(stride(from: 0.2, through: 2.0, by: 1.8 / 59))
    static let alphas = Array(stride(from: 0.01, through: 2.0, by: 1.99 / 60))

    @Test("grid values agree with the iterated-then-polished reference to 1e−12")
    func againstIteration() throws {
        let grid = try NishimoriGrid.solve(p: 3, temperatures: Self.temperatures, alphas: Self.alphas)
        #expect(grid.converged)
        var worst = 0.0
        for i in stride(from: 0, to: Self.temperatures.count, by: 7) {
            for j in stride(from: 0, to: Self.alphas.count, by: 5) {
                let t = Self.temperatures[i]
                let c = Self.alphas[j] / (t * t)
                let reference = Reference.nishimoriFixedPoint(p: 3, c: c)
                worst = max(worst, abs(grid.q[grid.index(temperature: i, alpha: j)] - reference))
            }
        }
        #expect(worst < 1e-12, "worst |q − q_ref| = \(worst)")
    }

    @Test("the result does not depend on the number of workers")
    func workerIndependence() throws {
        let one = try NishimoriGrid.solve(p: 3, temperatures: Self.temperatures, alphas: Self.alphas, workers: 1)
        let three = try NishimoriGrid.solve(p: 3, temperatures: Self.temperatures, alphas: Self.alphas, workers: 3)
        #expect(one.q == three.q)
        #expect(one.freeEntropyGap == three.freeEntropyGap)
        #expect(one.phases == three.phases)
    }

    @Test("phases follow c = α/T² and the transitions")
    func phases() throws {
        let grid = try NishimoriGrid.solve(p: 3, temperatures: Self.temperatures, alphas: Self.alphas)
        for i in Self.temperatures.indices {
            for j in Self.alphas.indices {
                let c = Self.alphas[j] / (Self.temperatures[i] * Self.temperatures[i])
                let k = grid.index(temperature: i, alpha: j)
                let expected: Phase = c < grid.transitions.spinodalC ? .paramagnet
                    : (c > grid.transitions.thermodynamicC ? .globalRetrieval : .localRetrieval)
                #expect(grid.phases[k] == expected)
                #expect((grid.q[k] > 0) == (expected != .paramagnet))
            }
        }
    }

    @Test("bad grids throw")
    func invalid() {
        #expect(throws: BoltzmannError.self) { try NishimoriGrid.solve(p: 3, temperatures: [], alphas: [1]) }
        #expect(throws: BoltzmannError.self) { try NishimoriGrid.solve(p: 3, temperatures: [0], alphas: [1]) }
        #expect(throws: BoltzmannError.self) { try NishimoriGrid.solve(p: 3, temperatures: [1], alphas: [-1]) }
        #expect(throws: BoltzmannError.self) { try NishimoriGrid.solve(p: 2, temperatures: [1], alphas: [1]) }
        #expect(throws: BoltzmannError.self) {
            try NishimoriGrid.solve(p: 3, temperatures: [1], alphas: [1], workers: 0)
        }
    }
}
