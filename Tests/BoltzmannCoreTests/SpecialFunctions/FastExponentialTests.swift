import Foundation
import Testing
import BoltzmannCore

@Suite("Fast Float exponential")
struct FastExponentialTests {
    @Test("fastExp agrees with Foundation exp to 3e-7 relative on [−87, 88]")
    func accuracy() {
        var worst = 0.0
        var x: Float = -87
        while x < 88 {
            let exact = exp(Double(x))
            worst = max(worst, abs(Double(fastExp(x)) / exact - 1))
            x += 0.00171
        }
        #expect(worst < 3e-7, "worst relative error \(worst)")
    }

    @Test("fastExp is exact at 0 and saturates to finite values outside the range")
    func edges() {
        let result = [Float](arrayLiteral: 0, -200, 200, -87.3, 88.3, 1, -1, 1e-8).map(fastExp)
        #expect(result[0] == 1)
        #expect(result[1] > 0 && result[1] < 1.3e-38)
        #expect(result[2].isFinite && result[2] > 1e38)
        #expect(result[5] == Float(M_E) || abs(result[5] / Float(M_E) - 1) < 3e-7)
        #expect((1 + result[2]).isFinite)
    }
}
