import Foundation
import Testing

import BoltzmannPlot

@Suite("Nice-number ticks")
struct TickTests {
    @Test("[0, 1] gives 0, 0.2, …, 1 with one decimal")
    func unitInterval() {
        let ticks = LinearTicks(covering: 0, 1, target: 6)
        #expect(ticks.values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(ticks.step == 0.2)
        #expect(ticks.lower == 0 && ticks.upper == 1)
        #expect(ticks.labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test("[0.013, 0.87] widens to [0, 1] in steps of 0.2")
    func awkwardFraction() {
        let ticks = LinearTicks(covering: 0.013, 0.87, target: 6)
        #expect(ticks.values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(ticks.lower == 0 && ticks.upper == 1)
    }

    @Test("[−3.2, 7.9] gives −4, −2, …, 8 with typographic minus signs")
    func straddlingZero() {
        let ticks = LinearTicks(covering: -3.2, 7.9, target: 6)
        #expect(ticks.values == [-4, -2, 0, 2, 4, 6, 8])
        #expect(ticks.labels == ["\u{2212}4", "\u{2212}2", "0", "2", "4", "6", "8"])
    }

    @Test("A tight range keeps its ends; ties go to the larger step")
    func tightRange() {
        let ticks = LinearTicks(covering: 0.5, 2.0, target: 6, expandsRange: false)
        #expect(ticks.lower == 0.5 && ticks.upper == 2.0)
        #expect(ticks.values == [0.5, 1, 1.5, 2])
    }

    @Test("Ticks carry no accumulated floating-point error")
    func exactMultiples() {
        let ticks = LinearTicks(covering: 0, 0.7, target: 8)
        #expect(ticks.step == 0.1)
        #expect(ticks.values.contains(0.3))  // 3/10, not 0.1 + 0.1 + 0.1
        #expect(ticks.labels.contains("0.3"))
    }

    @Test("For random ranges: 1-2-5 steps, exact multiples, covering the data, sensible counts")
    func randomRanges() {
        var generator = SplitMix(seed: 2024)
        for _ in 0..<2000 {
            let scale = pow(10, Double.random(in: -6...6, using: &generator))
            let a = Double.random(in: -1...1, using: &generator) * scale
            let b = a + Double.random(in: 0.01...2, using: &generator) * scale
            for expands in [true, false] {
                let ticks = LinearTicks(covering: a, b, target: 6, expandsRange: expands)
                let exponent = floor(log10(ticks.step) + 1e-9)
                let mantissa = ticks.step / pow(10, exponent)
                #expect([1.0, 2, 5].contains { abs(mantissa - $0) < 1e-9 }, "step \(ticks.step)")
                #expect(ticks.values.count >= 2 && ticks.values.count <= 13)
                for value in ticks.values {
                    let multiple = value / ticks.step
                    #expect(abs(multiple - multiple.rounded()) < 1e-6)
                }
                if expands {
                    #expect(ticks.lower <= a && ticks.upper >= b)
                    #expect(ticks.values.first == ticks.lower && ticks.values.last == ticks.upper)
                } else {
                    #expect(ticks.values.allSatisfy { $0 >= a - 1e-9 * scale && $0 <= b + 1e-9 * scale })
                }
            }
        }
    }

    @Test("Log [10⁻³, 50] widens to decades 10⁻³ … 10² with 2…9 minor ticks")
    func logDecades() {
        let ticks = LogTicks(covering: 1e-3, 50)
        #expect(ticks.lower == 1e-3 && ticks.upper == 100)
        #expect(allClose(ticks.major, [1e-3, 1e-2, 1e-1, 1, 10, 100], tolerance: 1e-15))
        #expect(ticks.labels == ["10^{−3}", "10^{−2}", "10^{−1}", "10^{0}", "10^{1}", "10^{2}"])
        #expect(ticks.minor.count == 5 * 8)
        #expect(ticks.minor.contains { abs($0 - 0.002) < 1e-15 } && ticks.minor.contains { abs($0 - 90) < 1e-12 })
    }

    @Test("Many decades are labelled every third, the rest become minor ticks")
    func logStride() {
        let ticks = LogTicks(covering: 1e-10, 1e10, maxLabels: 8)
        #expect(ticks.labels == ["10^{−9}", "10^{−6}", "10^{−3}", "10^{0}", "10^{3}", "10^{6}", "10^{9}"])
        #expect(ticks.minor.count == 21 - 7)
    }

    @Test("Less than a decade is labelled at 1, 2, 5 × 10^k")
    func logNarrow() {
        let ticks = LogTicks(covering: 2, 8, expandsRange: false)
        #expect(ticks.major == [2, 5])
        #expect(ticks.labels == ["2", "5"])
        #expect(ticks.minor == [3, 4, 6, 7, 8])
    }

    @Test("Linear minor ticks subdivide a step 2 × 10^k into quarters, drawn inward on all four sides")
    func minorTicks() throws {
        var figure = Figure()
        figure.xAxis = Axis(range: 0...1)
        figure.yAxis = Axis(range: 0...1)
        figure.add(.line(x: [0, 1], y: [0, 1]))
        let ticks = try ParsedSVG(try figure.svg()).elements(class: "ticks")
        #expect(ticks.count == 2)  // major, then minor
        // Major (step 0.2): 6 per axis, mirrored: 24 marks. Minor (0.05): 3 per step × 5 steps
        // per axis, mirrored: 60.
        #expect(subpathCount(ticks[0].string("d") ?? "") == 24)
        #expect(subpathCount(ticks[1].string("d") ?? "") == 60)
    }
}

/// A small deterministic generator for randomised tests (SplitMix64, Steele et al. 2014).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
