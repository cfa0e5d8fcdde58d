import Foundation
import Testing

@testable import BoltzmannCore

/// Reference values from mpmath at 50 digits (log1p-based definitions where the argument is
/// tiny), rounded to double.
@Suite("Special functions")
struct SpecialFunctionsTests {
    /// |computed − expected| ≤ 2e−15 |expected|, and exact agreement for an expected 0.
    fileprivate static func expectAccurate(
        _ name: String, _ f: (Double) -> Double, _ table: [(Double, Double)],
        relative: Double = 2e-15
    ) {
        for (x, expected) in table {
            let value = f(x)
            let error = abs(value - expected)
            #expect(error <= relative * abs(expected), "\(name)(\(x)) = \(value), want \(expected)")
        }
    }

    @Test func logCoshMatchesMpmathIncludingTinyAndHugeArguments() {
        Self.expectAccurate("logCosh", logCosh, [
            (0.0, 0.0),
            (1e-10, 5.0000000000000005e-21),
            (1e-05, 4.9999999999166676e-11),
            (0.3, 0.04434076992594031),
            (0.999, 0.4330194464208848),
            (1.0, 0.4337808304830272),
            (1.5, 0.8554401710137968),
            (5.0, 4.3068982183392714),
            (20.0, 19.306852819440056),
            (-20.0, 19.306852819440056),
            (354.0, 353.30685281944005),
            (1000.0, 999.3068528194401),
            (-1000.0, 999.3068528194401),
        ])
    }

    @Test func log2CoshMatchesMpmath() {
        Self.expectAccurate("log2Cosh", log2Cosh, [
            (0.0, 0.6931471805599453),
            (1e-08, 0.6931471805599454),
            (0.7, 0.9204174099184509),
            (-3.0, 3.0024756851377306),
            (30.0, 30.0),
            (1000.0, 1000.0),
            (-1000.0, 1000.0),
        ])
    }

    @Test func softplusAndLogSigmoidMatchMpmath() {
        Self.expectAccurate("softplus", softplus, [
            (0.0, 0.6931471805599453),
            (1e-08, 0.6931471855599454),
            (-1e-08, 0.6931471755599453),
            (2.5, 2.5788897342925496),
            (-2.5, 0.07888973429254963),
            (40.0, 40.0),
            (-40.0, 4.248354255291589e-18),
            (-700.0, 9.85967654375977e-305),
            (1000.0, 1000.0),
            (-1000.0, 0.0),
        ])
        Self.expectAccurate("logSigmoid", logSigmoid, [
            (0.0, -0.6931471805599453),
            (3.0, -0.04858735157374206),
            (-3.0, -3.048587351573742),
            (40.0, -4.248354255291589e-18),
            (-40.0, -40.0),
            (700.0, -9.85967654375977e-305),
            (1000.0, -0.0),
            (-1000.0, -1000.0),
        ])
    }

    @Test func gaussianTailMatchesMpmathDeepIntoTheTail() {
        Self.expectAccurate("gaussianTail", gaussianTail, [
            (-40.0, 1.0),
            (-8.0, 0.9999999999999993),
            (-1.0, 0.8413447460685429),
            (0.0, 0.5),
            (0.5, 0.3085375387259869),
            (1.0, 0.15865525393145705),
            (2.0, 0.02275013194817921),
            (4.55, 2.6822957796388557e-06),  // here and at 4.97, ½ erfc(x/√2) without the
            (4.9, 4.79183276590319e-07),      // rounding correction is 3e−15 off
            (4.97, 3.347645082736173e-07),
            (5.0, 2.866515718791939e-07),
            (5.1, 1.6982674071476014e-07),
            (8.0, 6.220960574271784e-16),
            (12.0, 1.776482112077679e-33),
            (20.0, 2.7536241186062337e-89),
            (30.0, 4.906713927148187e-198),
            (37.0, 5.725571222524577e-300),
        ])
        #expect(gaussianTail(40) == 0)  // H(40) ≈ 3.7e−350
        #expect(gaussianTail(1e3) == 0)
    }

    @Test func logGaussianTailMatchesMpmathFromMinus40To1000() {
        Self.expectAccurate("logGaussianTail", logGaussianTail, [
            (-40.0, 0.0),
            (-8.0, -6.220960574271786e-16),
            (-2.0, -0.02301290932896349),
            (-0.1, -0.6165050101150263),
            (0.0, -0.6931471805599453),
            (1.0, -1.8410216450092636),
            (4.9, -14.551182689355313),
            (5.1, -15.588487091871466),
            (10.0, -53.23128515051247),
            (30.0, -454.3212439563432),
            (37.0, -689.0305855768906),
            (40.0, -804.6084420137538),
            (100.0, -5005.524208694205),
            (1000.0, -500007.82669481216),
        ])
    }

    @Test func gaussianTailIsContinuousAcrossTheContinuedFractionSwitch() {
        let threshold = GaussianTailConstants.continuedFractionThreshold
        let below = gaussianTail(threshold), above = gaussianTail(threshold.nextUp)
        #expect(abs(above / below - 1) < 1e-14)
        let logBelow = logGaussianTail(threshold), logAbove = logGaussianTail(threshold.nextUp)
        #expect(abs(logAbove - logBelow) < 1e-13)
    }

    @Test func identitiesHoldOnAGrid() {
        for k in -400...400 {
            let x = Double(k) * 0.05
            #expect(abs(log2Cosh(x) - logCosh(x) - log(2.0)) <= 4e-16 * log2Cosh(x))
            #expect(abs((softplus(x) - softplus(-x)) - x) <= 1e-15 * max(1, abs(x)))
            #expect(abs(gaussianTail(x) + gaussianTail(-x) - 1) <= 4e-16)
            #expect(logCosh(x) == logCosh(-x))
        }
    }

    @Test func erfErfcAndLogGammaAreReexposed() {
        Self.expectAccurate("erf", BoltzmannCore.erf, [
            (0.5, 0.5204998778130465), (-2.0, -0.9953222650189527), (3.0, 0.9999779095030014),
        ], relative: 4e-16)
        Self.expectAccurate("erfc", BoltzmannCore.erfc, [
            (0.5, 0.4795001221869535), (10.0, 2.088487583762545e-45),
            (26.0, 5.663192408856143e-296), (-3.0, 1.9999779095030015),
        ], relative: 1e-15)
        Self.expectAccurate("logGamma", BoltzmannCore.logGamma, [
            (0.5, 0.5723649429247001), (0.001, 6.907178885383853), (100.0, 359.1342053695754),
            (100000.0, 1051287.7089736569), (-2.5, -0.056243716497674054),
        ], relative: 1e-15)
        // With Foundation imported too, the unqualified name still compiles (the C library's
        // non-generic erf wins) and gives the same value.
        #expect(erf(0.5) == BoltzmannCore.erf(0.5))
    }
}
