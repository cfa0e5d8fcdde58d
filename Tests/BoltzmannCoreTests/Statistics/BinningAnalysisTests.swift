import BoltzmannCore
import Testing

@Suite("Statistics: binning analysis")
struct BinningAnalysisTests {
    @Test("level errors agree with a plain reference computation from bin means")
    func levelsMatchReference() throws {
        let series = AutoregressiveSeries.make(rho: 0.5, count: 1003, seed: 301)
        let analysis = try BinningAnalysis(series: series, minimumBinCount: 8)
        // 1003/128 = 7 bins would be fewer than 8: the last level has bins of 64.
        #expect(analysis.levels.map(\.binSize) == [1, 2, 4, 8, 16, 32, 64])
        for level in analysis.levels {
            let m = series.count / level.binSize
            let means = (0..<m).map { bin in
                series[(bin * level.binSize)..<((bin + 1) * level.binSize)].reduce(0, +) / Double(level.binSize)
            }
            let (_, variance) = DistributionChecks.meanAndVariance(means)
            #expect(level.binCount == m)
            #expect(abs(level.standardError - (variance / Double(m)).squareRoot()) < 1e-12 * level.standardError)
            #expect(abs(level.standardErrorUncertainty - level.standardError / (2 * Double(m - 1)).squareRoot()) < 1e-15)
        }
    }

    @Test("uncorrelated data: plateau at once, σ/√n, τ ≈ 1/2")
    func whiteNoise() throws {
        let series = AutoregressiveSeries.make(rho: 0, count: 1 << 16, seed: 302)
        let analysis = try BinningAnalysis(series: series)
        let plateau = try #require(analysis.plateau)
        #expect(analysis.plateauIndex! <= 2)
        #expect(abs(plateau.standardError * Double(series.count).squareRoot() - 1) < 5 * plateau.standardErrorUncertainty * Double(series.count).squareRoot())
        let tau = try #require(analysis.integratedAutocorrelationTime)
        #expect(abs(tau - 0.5) < 0.1)
    }

    @Test("AR(1), ρ = 0.9: the plateau matches 2 τ_int σ²/n")
    func correlatedPlateau() throws {
        let rho = 0.9
        let series = AutoregressiveSeries.make(rho: rho, count: 1 << 20, seed: 303)
        let analysis = try BinningAnalysis(series: series)
        let plateau = try #require(analysis.plateau)
        let exactTau = AutoregressiveSeries.tau(rho: rho)
        let exactError = (2 * exactTau / Double(series.count)).squareRoot()
        #expect(abs(plateau.standardError / exactError - 1) < 0.1, "plateau \(plateau.standardError) vs \(exactError), bins of \(plateau.binSize)")
        #expect(plateau.binSize >= 32, "a plateau needs bins ≫ τ = 9.5")
        // The naive error is √(2τ) ≈ 4.4 times too small.
        #expect(analysis.levels[0].standardError < plateau.standardError / 4)
        let tau = try #require(analysis.integratedAutocorrelationTime)
        #expect(abs(tau / exactTau - 1) < 0.2)
        let estimate = try #require(analysis.meanEstimate)
        #expect(abs(estimate.mean) < 5 * exactError)
    }

    @Test("a series far shorter than τ has no plateau; bad input throws")
    func noPlateau() throws {
        let series = AutoregressiveSeries.make(rho: 0.9995, count: 4096, seed: 304)
        let analysis = try BinningAnalysis(series: series)
        #expect(analysis.plateau == nil)
        #expect(analysis.meanEstimate == nil)
        #expect(analysis.integratedAutocorrelationTime == nil)
        #expect(throws: BoltzmannError.self) { try BinningAnalysis(series: [1, 2, 3]) }
        #expect(throws: BoltzmannError.self) { try BinningAnalysis(series: [Double](repeating: 1, count: 100), minimumBinCount: 1) }
        let constant = try BinningAnalysis(series: [Double](repeating: 1, count: 100))
        #expect(constant.plateauIndex == 1 && constant.plateau?.standardError == 0)
    }
}
