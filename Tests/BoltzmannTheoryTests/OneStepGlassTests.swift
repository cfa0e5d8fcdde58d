import BoltzmannCore
import Foundation
import Testing
@testable import BoltzmannTheory

/// The 1RSB glass of the direct model against independent results: its condensation load equals
/// the Nishimori line's thermodynamic transition (quiet planting, arXiv 2401.04191), its
/// clustering load the Nishimori spinodal, Gardner's p = 3 temperatures, the random energy model
/// at large p, the RS limit x → 0, and a non-negative entropy where the RS paramagnet's is not.
@Suite struct OneStepGlassTests {
    /// The load where the complexity at x = 1 vanishes (the glass takes over), by bisection.
    static func condensationLoad(p: Int, in bracket: ClosedRange<Double>) throws -> Double {
        var low = bracket.lowerBound, high = bracket.upperBound
        for _ in 0..<60 {
            let mid = 0.5 * (low + high)
            if try OneStepGlass.solve(p: p, c: mid).breaksReplicaSymmetry { high = mid } else { low = mid }
        }
        return 0.5 * (low + high)
    }

    @Test(arguments: [3, 4, 5])
    func condensationIsTheNishimoriThermodynamicTransition(p: Int) throws {
        let nishimori = try NishimoriLine(p: p).transitions()
        let cK = try Self.condensationLoad(p: p, in: nishimori.spinodalC...(2 * nishimori.thermodynamicC))
        #expect(abs(cK - nishimori.thermodynamicC) < 1e-6 * nishimori.thermodynamicC, "c_K = \(cK), c_th = \(nishimori.thermodynamicC)")
        let below = try OneStepGlass.solve(p: p, c: 0.99 * cK), above = try OneStepGlass.solve(p: p, c: 1.01 * cK)
        #expect(!below.breaksReplicaSymmetry && below.freeEntropy == log(2) + 0.99 * cK / 2)
        #expect(above.breaksReplicaSymmetry && above.freeEntropy < log(2) + 1.01 * cK / 2)
        #expect(above.converged && above.q > 0.5)
    }

    /// Glass states appear (complexity at x = 1 defined and positive) at the Nishimori spinodal.
    @Test(arguments: [3, 4])
    func clusteringIsTheNishimoriSpinodal(p: Int) throws {
        let nishimori = try NishimoriLine(p: p).transitions()
        #expect(try OneStepGlass.solve(p: p, c: nishimori.spinodalC * (1 - 1e-4)).complexityAtOne == nil)
        let complexity = try #require(try OneStepGlass.solve(p: p, c: nishimori.spinodalC * (1 + 1e-4)).complexityAtOne)
        #expect(complexity > 0)
    }

    /// Gardner (1985), Ising p-spin glass with p = 3: dynamical T_d ≈ 0.682 and static
    /// T_s ≈ 0.651 for H variance p!J²/(2N^{p−1}); the mapping of the free entropies gives c = 1/(2T²).
    @Test func gardnerTemperaturesForPThree() throws {
        let cK = try Self.condensationLoad(p: 3, in: 1.0...1.3)
        #expect(abs(1 / (2 * cK).squareRoot() - 0.651) < 0.002, "T_s = \(1 / (2 * cK).squareRoot())")
        let nishimori = try NishimoriLine(p: 3).transitions()
        #expect(abs(1 / (2 * nishimori.spinodalC).squareRoot() - 0.682) < 0.002)
    }

    /// For p → ∞ the model is the random energy model: condensation at c = 2 ln 2, where the
    /// paramagnet's entropy vanishes, approached from below.
    @Test func largePApproachesTheRandomEnergyModel() throws {
        let c8 = try Self.condensationLoad(p: 8, in: 1.0...1.5)
        let c12 = try Self.condensationLoad(p: 12, in: 1.0...1.5)
        #expect(c8 < c12 && c12 < 2 * log(2))
        #expect(abs(c12 - 2 * log(2)) < 5e-3, "c_K(p = 12) = \(c12)")
    }

    /// The 1RSB entropy s = Φ − β ∂Φ/∂β = Φ − 2c ∂Φ/∂c (at fixed α) stays ≥ 0 deep in the glass,
    /// where the RS paramagnet's ln 2 − c/2 is negative.
    @Test(arguments: [2.0, 4.0, 8.0])
    func glassEntropyIsNonNegative(c: Double) throws {
        let h = 1e-4 * c
        let plus = try OneStepGlass.solve(p: 3, c: c + h).freeEntropy, minus = try OneStepGlass.solve(p: 3, c: c - h).freeEntropy
        let glass = try OneStepGlass.solve(p: 3, c: c)
        let entropy = glass.freeEntropy - 2 * c * (plus - minus) / (2 * h)
        #expect(entropy > -1e-5 && entropy < 0.1, "s = \(entropy)")
        #expect(log(2) - c / 2 < 0)
        #expect(glass.breakingParameter > 0 && glass.breakingParameter < 1 && glass.q > 0.8)
    }

    /// As x → 0 the 1RSB free entropy tends to the RS spin-glass free entropy of MODELS.md §2.
    @Test func smallBreakingParameterIsReplicaSymmetric() throws {
        let c = 3.0
        let rs = try RSSolver().solve(RSControlParameters(p: 3, c: c, cStar: 0, beta: 1, hasTeacher: false))
        let spinGlass = try #require(rs.candidates.first { $0.initialisation == .glass }?.orderParameters)
        #expect(spinGlass.q > 0.5)
        let oneStep = OneStepGlass.Equations(p: 3, c: c)
        #expect(abs(oneStep.freeEntropy(q: spinGlass.q, x: 1e-7) - spinGlass.freeEntropy) < 1e-6)
    }

    @Test func badParametersAreRefused() {
        #expect(throws: BoltzmannError.self) { try OneStepGlass.solve(p: 2, c: 1) }
        #expect(throws: BoltzmannError.self) { try OneStepGlass.solve(p: 3, c: .nan) }
        #expect(throws: BoltzmannError.self) { try OneStepGlass.solve(p: 3, c: -1) }
    }
}
