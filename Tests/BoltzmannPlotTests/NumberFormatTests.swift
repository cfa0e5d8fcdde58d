import Testing

import BoltzmannPlot

@Suite("Number formatting")
struct NumberFormatTests {
    let minus = "\u{2212}"

    @Test("Floating-point noise is rounded away")
    func noise() {
        #expect(0.1 + 0.2 != 0.3)
        #expect(NumberFormat.compact(0.1 + 0.2) == "0.3")
        #expect(NumberFormat.compact(1 - 0.9) == "0.1")
        #expect(NumberFormat.compact(99999.99999999999) == "100000")
    }

    @Test("Signs, zeros and non-finite values")
    func specialValues() {
        #expect(NumberFormat.compact(-2.5) == "\(minus)2.5")
        #expect(NumberFormat.compact(0) == "0")
        #expect(NumberFormat.compact(-0.0) == "0")
        #expect(NumberFormat.compact(100) == "100")
        #expect(NumberFormat.compact(.infinity) == "∞")
        #expect(NumberFormat.compact(-.infinity) == "\(minus)∞")
        #expect(NumberFormat.compact(.nan) == "NaN")
    }

    @Test("Very small and very large numbers use powers of ten")
    func scientific() {
        #expect(NumberFormat.compact(1e-7) == "10^{\(minus)7}")
        #expect(NumberFormat.compact(1.5e-7) == "1.5×10^{\(minus)7}")
        #expect(NumberFormat.compact(-3e8) == "\(minus)3×10^{8}")
        #expect(NumberFormat.compact(123_456_789) == "1.23456789×10^{8}")
        #expect(NumberFormat.compact(0.0001) == "0.0001")
        #expect(NumberFormat.compact(0.123456, significantDigits: 3) == "0.123")
    }

    @Test("Tick labels share the decimals that resolve the step")
    func tickLabels() {
        #expect(NumberFormat.tickLabels([-0.2, 0, 0.2, 0.4], step: 0.2) == ["\(minus)0.2", "0.0", "0.2", "0.4"])
        #expect(NumberFormat.tickLabels([0, 0.05, 0.1], step: 0.05) == ["0.00", "0.05", "0.10"])
        #expect(NumberFormat.tickLabels([-5, 0, 5], step: 5) == ["\(minus)5", "0", "5"])
        #expect(NumberFormat.tickLabels([0.30000000000000004], step: 0.1) == ["0.3"])
        #expect(NumberFormat.tickLabels([-0.00000001], step: 0.1) == ["0.0"])
    }

    @Test("Tick labels switch to m×10^k for large or tiny magnitudes")
    func tickLabelsScientific() {
        #expect(NumberFormat.tickLabels([0, 2e5, 4e5], step: 2e5) == ["0", "2×10^{5}", "4×10^{5}"])
        #expect(NumberFormat.tickLabels([0, 2e-4, 4e-4], step: 2e-4) == ["0", "2×10^{\(minus)4}", "4×10^{\(minus)4}"])
        #expect(NumberFormat.tickLabels([0, 2.5e-4, 5e-4], step: 2.5e-4) == ["0", "2.5×10^{\(minus)4}", "5.0×10^{\(minus)4}"])
        #expect(NumberFormat.tickLabels([0, 2.5, 5], step: 2.5) == ["0.0", "2.5", "5.0"])
    }

    @Test("Scaled tick labels share one power of ten, shown once at the axis end")
    func scaledLabels() throws {
        let scaled = NumberFormat.scaledTickLabels([0, 4e5, 8e5, 1.2e6], step: 4e5)
        #expect(scaled.labels == ["0.0", "0.4", "0.8", "1.2"])
        #expect(scaled.exponent == 6)
        #expect(NumberFormat.scaledTickLabels([0, 0.5, 1], step: 0.5).exponent == nil)
        var figure = Figure()
        figure.add(.line(x: [0, 1], y: [0, 2.4e7]))
        let parsed = try ParsedSVG(try figure.svg())
        #expect(try parsed.elements(class: "tick-multiplier").map { $0.stringValue } == ["×107"])
        #expect(try parsed.elements(class: "tick-label").contains { $0.stringValue == "2.0" })
    }

    @Test("Rich-text markup becomes tspans with escaped content; other text stays literal")
    func richText() throws {
        var figure = Figure()
        figure.xAxis.label = "10^{\(minus)2} & T_{c}"
        figure.yAxis.label = "file_name ^ x_{"
        figure.add(.line(x: [0, 1], y: [0, 1]))
        let svg = try figure.svg()
        #expect(svg.contains(">10<tspan dy=\"-5.32\" font-size=\"10.08\">\(minus)2</tspan><tspan dy=\"5.32\"> &amp; T</tspan><tspan dy=\"3.08\" font-size=\"10.08\">c</tspan></text>"))
        let labels = try ParsedSVG(svg).elements(class: "axis-label")
        #expect(labels.map { $0.stringValue } == ["10\(minus)2 & Tc", "file_name ^ x_{"])
        #expect(labels[1].elements(forName: "tspan").isEmpty)
    }
}
