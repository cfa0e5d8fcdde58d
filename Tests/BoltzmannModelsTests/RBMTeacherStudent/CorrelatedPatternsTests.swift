import BoltzmannCore
import BoltzmannModels
import Testing

/// The arcsine-law sampler against its target: empirical correlations E[ξ_μ ξ_ν] = C_{μν} within
/// five standard errors √((1 − C²)/n) of a ±1 product, zero means, and refusals of matrices that
/// no dichotomised Gaussian realises.
@Suite struct CorrelatedPatternsTests {
    static func uniform(_ c: Double, order p: Int) -> [Double] {
        (0..<(p * p)).map { $0 / p == $0 % p ? 1 : c }
    }

    @Test(arguments: [0.0, 0.3, 0.7])
    func empiricalCorrelationsMatchTheTarget(c: Double) throws {
        let p = 4
        let rows = 40_000
        var stream = RandomStream(seed: 11, stream: UInt64(c * 10))
        let patterns = try CorrelatedPatterns.sample(rows: rows, correlation: Self.uniform(c, order: p), order: p, stream: &stream)
        #expect(patterns.allSatisfy { $0 == 1 || $0 == -1 })
        for mu in 0..<p {
            let mean = Double((0..<rows).reduce(0) { $0 + Int(patterns[$1 * p + mu]) }) / Double(rows)
            #expect(abs(mean) <= 5 / Double(rows).squareRoot(), "mean of component \(mu) = \(mean)")
            for nu in (mu + 1)..<p {
                let product = (0..<rows).reduce(0) { $0 + Int(patterns[$1 * p + mu]) * Int(patterns[$1 * p + nu]) }
                let empirical = Double(product) / Double(rows)
                let error = ((1 - c * c) / Double(rows)).squareRoot()
                #expect(abs(empirical - c) <= 5 * error + 1e-12, "C[\(mu)][\(nu)] = \(empirical), target \(c)")
            }
        }
    }

    @Test func theGaussianCorrelationIsTheSineOfTheTarget() {
        let s = CorrelatedPatterns.gaussianCorrelation([1, 0.5, 0.5, 1], order: 2)
        #expect(s[0] == 1 && abs(s[1] - 0.5.squareRoot()) < 1e-15)   // sin(π/4) = 1/√2
    }

    @Test func unrealisableOrMalformedMatricesAreRefused() {
        var stream = RandomStream(seed: 1)
        // sin(−0.45π) ≈ −0.988 off the diagonal: eigenvalue 1 − 2·0.988 < 0.
        #expect(throws: BoltzmannError.self) {
            try CorrelatedPatterns.sample(rows: 3, correlation: Self.uniform(-0.9, order: 3), order: 3, stream: &stream)
        }
        #expect(throws: BoltzmannError.self) {
            try CorrelatedPatterns.sample(rows: 3, correlation: [1, 0.2, 0.3, 1], order: 2, stream: &stream)
        }
        #expect(throws: BoltzmannError.self) {
            try CorrelatedPatterns.sample(rows: 3, correlation: [0.9, 0, 0, 1], order: 2, stream: &stream)
        }
        #expect(throws: BoltzmannError.self) {
            try CorrelatedPatterns.sample(rows: 3, correlation: [1, 0, 0], order: 2, stream: &stream)
        }
    }
}
