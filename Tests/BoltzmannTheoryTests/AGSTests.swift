import BoltzmannCore
import BoltzmannModels
import BoltzmannTheory
import Foundation
import Testing

@Suite("AGS equations (p = 2)")
struct AGSTests {
    @Test("T = 0 capacity: α_c = 0.13791 (literature 0.138, 0.1379), m(α_c) = 0.9674 (0.967)")
    func capacity() {
        let capacity = AGSZeroTemperature.capacity()
        #expect(capacity.converged)
        #expect(abs(capacity.alphaC - 0.1379) < 1e-4)
        #expect(abs(capacity.mAtAlphaC - 0.967) < 1e-3)
        // Five digits, from the maximum of α(y) (scipy minimize_scalar: 0.137905566494932).
        #expect(abs(capacity.alphaC - 0.137905566494932) < 1e-12)
        #expect(abs(capacity.denseAlphaC - 2 * capacity.alphaC) < 1e-15)
    }

    /// The T = 0 equations iterated directly in (m, C, r), without the reduction to y.
    func iterateZeroTemperature(alpha: Double) -> Double {
        var m = 1.0, r = 1.0
        for _ in 0..<20_000 {
            let scale = (2 * alpha * r).squareRoot()
            m = Foundation.erf(m / scale)
            let c = (2 / (Double.pi * alpha * r)).squareRoot() * Foundation.exp(-m * m / (2 * alpha * r))
            r = 1 / ((1 - c) * (1 - c))
        }
        return m
    }

    @Test("the capacity is where direct iteration of the T = 0 equations loses retrieval")
    func capacityByIteration() throws {
        let alphaC = AGSZeroTemperature.capacity().alphaC
        let below = iterateZeroTemperature(alpha: alphaC * (1 - 1e-3))
        let above = iterateZeroTemperature(alpha: alphaC * (1 + 1e-3))
        #expect(below > 0.95)
        #expect(above < 0.5)
        let state = try #require(try AGSZeroTemperature.retrieval(alpha: 0.1))
        #expect(abs(state.m - iterateZeroTemperature(alpha: 0.1)) < 1e-10)
        #expect(try AGSZeroTemperature.retrieval(alpha: 0.2) == nil)
        #expect(throws: BoltzmannError.self) { try AGSZeroTemperature.retrieval(alpha: -1) }
    }

    @Test("paramagnet → spin glass at T = 1 + √α (AGS units)")
    func spinGlassLine() throws {
        for alpha in [0.02, 0.05, 0.1, 0.3] {
            let tg = AGSConventions.spinGlassTemperature(agsAlpha: alpha)
            func glassQ(_ t: Double) throws -> Double {
                let solution = try AGSEquations(alpha: alpha, temperature: t).solve()
                let glass = try #require(solution.candidates.first { $0.initialisation == .glass })
                #expect(glass.orderParameters.converged)
                return glass.orderParameters.q
            }
            #expect(try glassQ(tg * 1.001) < 1e-9, "α = \(alpha)")
            let q1 = try glassQ(tg * 0.999), q2 = try glassQ(tg * 0.998)
            #expect(q1 > 1e-4)
            // q vanishes linearly: extrapolate the two points to q = 0.
            let t1 = tg * 0.999, t2 = tg * 0.998
            let crossing = t1 + q1 * (t1 - t2) / (q2 - q1)
            #expect(abs(crossing - tg) < 2e-5 * tg, "extrapolated T_g = \(crossing), expected \(tg)")
        }
    }

    @Test("the p = 2 dense scenario is solved in AGS units: β_AGS = 2β, α_AGS = α/2")
    func denseConventionMap() throws {
        let solver = RSSolver()
        for alpha in [0.04, 0.2] {
            // Dense spin-glass temperature T = 2(1 + √(α/2)).
            let tg = 2 * (1 + (alpha / 2).squareRoot())
            let above = try solver.solve(DenseTeacherStudent.direct(p: 2, alpha: alpha, temperature: tg * 1.002))
            let below = try solver.solve(DenseTeacherStudent.direct(p: 2, alpha: alpha, temperature: tg * 0.998))
            #expect(above.phase == .paramagnet)
            #expect(below.equilibrium.q > 1e-4)
        }
        // Finite-M retrieval transition T_AGS = 1 ⇒ T = 2.
        let hot = try solver.solve(DenseTeacherStudent.direct(p: 2, alpha: 1e-4, temperature: 2.05))
        let cold = try solver.solve(DenseTeacherStudent.direct(p: 2, alpha: 1e-4, temperature: 1.9))
        #expect(hot.candidates.allSatisfy { abs($0.orderParameters.m) < 1e-6 || !$0.orderParameters.converged })
        #expect(cold.phase == .exampleRetrieval)
        // Same numbers as the AGS equations at (α/2, T/2).
        let dense = try solver.solve(DenseTeacherStudent.direct(p: 2, alpha: 0.1, temperature: 0.8))
        let ags = try AGSEquations(alpha: 0.05, temperature: 0.4).solve()
        #expect(dense.phase == ags.phase)
        #expect(dense.orderParameters == ags.orderParameters)
        #expect(dense.equilibrium == ags.equilibrium)
    }

    @Test("Hamiltonian identity: the Gardner p = 2 network's energy is 2 × the AGS energy")
    func hamiltonianIdentity() throws {
        var stream = RandomStream(seed: 7)
        let n = 40, alpha = 0.3
        let count = try DenseLoad.exampleCount(alpha: alpha, order: 2, size: n)
        #expect(abs(Double(count) / Double(n) - alpha / 2) < 0.5 / Double(n), "α_AGS = M/N = α/2")
        let patterns = try PatternMatrix.random(count: count, size: n, stream: &stream)
        let network = try DenseHopfieldNetwork(memories: patterns, order: 2, form: .gardner)
        for _ in 0..<5 {
            let spins = (0..<n).map { _ in stream.uniform() < 0.5 ? Int8(-1) : Int8(1) }
            var ags = 0.0
            for mu in 0..<count {
                for i in 0..<n {
                    for j in 0..<n where j != i {
                        ags -= Double(patterns[pattern: mu, site: i]) * Double(patterns[pattern: mu, site: j])
                            * Double(spins[i]) * Double(spins[j]) / Double(2 * n)
                    }
                }
            }
            #expect(abs(try network.energy(spins) - 2 * ags) < 1e-9)
        }
    }

    @Test("the AGS free energy is stationary at solutions")
    func stationarity() throws {
        let equations = try AGSEquations(alpha: 0.05, temperature: 0.4)
        let solution = equations.solve()
        for candidate in solution.candidates where candidate.exists && candidate.orderParameters.converged {
            let q = candidate.orderParameters.q, m = candidate.orderParameters.m
            let h = 1e-5
            let dq = (equations.freeEnergy(q: q + h, m: m) - equations.freeEnergy(q: q - h, m: m)) / (2 * h)
            let dm = (equations.freeEnergy(q: q, m: m + h) - equations.freeEnergy(q: q, m: m - h)) / (2 * h)
            #expect(abs(dq) < 1e-6 && abs(dm) < 1e-6, "\(candidate.initialisation): ∇f = (\(dq), \(dm))")
        }
        #expect(solution.phase == .exampleRetrieval || solution.phase == .spinGlass)
    }

    @Test("below T = 1 the RS paramagnet does not exist; invalid parameters throw")
    func paramagnetAndErrors() throws {
        let cold = try AGSEquations(alpha: 0.05, temperature: 0.5).solve()
        let paramagnet = try #require(cold.candidates.first { $0.initialisation == .paramagnet })
        #expect(!paramagnet.exists)
        #expect(cold.converged)
        #expect(throws: BoltzmannError.self) { try AGSEquations(alpha: 0, temperature: 1) }
        #expect(throws: BoltzmannError.self) { try AGSEquations(alpha: 0.1, temperature: -1) }
    }
}
