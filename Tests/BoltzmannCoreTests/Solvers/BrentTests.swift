import Foundation
import Testing

@testable import BoltzmannCore

@Suite("Brent root finding")
struct BrentTests {
    @Test func findsTheRealRootOfWallisCubic() {
        var evaluations = 0
        let report = Brent.root(in: 2...3) { x in
            evaluations += 1
            return x * x * x - 2 * x - 5
        }
        #expect(report.converged)
        #expect(abs(report.value - 2.0945514815423265) <= 1e-14)
        #expect(report.residual <= 1e-13)
        // Superlinear: far fewer than the ~47 bisections 1e−14 would need.
        #expect(report.iterations <= 12 && evaluations == report.iterations + 2)
    }

    @Test func findsTheDottieNumber() {
        let report = Brent.root(in: 0...1, tolerance: 1e-15) { cos($0) - $0 }
        #expect(report.converged && abs(report.value - 0.7390851332151607) <= 2e-16)
    }

    @Test func acceptsARootAtAnEndAndABracketGivenBackwards() {
        let atEnd = Brent.root(in: 1...2) { $0 - 1 }
        #expect(atEnd.converged && atEnd.value == 1 && atEnd.iterations == 0)
        let decreasing = Brent.root(in: -3...4) { 1 - $0 / 2 }
        #expect(decreasing.converged && abs(decreasing.value - 2) <= 1e-14)
    }

    @Test func looseToleranceStopsEarlierButStillBracketsTheRoot() {
        let loose = Brent.root(in: 2...3, tolerance: 1e-3) { $0 * $0 * $0 - 2 * $0 - 5 }
        let tight = Brent.root(in: 2...3, tolerance: 1e-15) { $0 * $0 * $0 - 2 * $0 - 5 }
        #expect(loose.converged && tight.converged)
        #expect(loose.iterations < tight.iterations)
        #expect(abs(loose.value - 2.0945514815423265) <= 1e-3)
    }

    @Test func reportsABracketWithoutSignChange() {
        let report = Brent.root(in: 3...4) { $0 * $0 * $0 - 2 * $0 - 5 }
        #expect(!report.converged)
        #expect(report.iterations == 0)
        #expect(report.message?.contains("no sign change") == true)
    }

    @Test func reportsNonFiniteValuesAndTheIterationLimit() {
        let pole = Brent.root(in: -1...2) { $0 < 0.5 ? -1 : .nan }
        #expect(!pole.converged && pole.message?.contains("not finite") == true)
        let limited = Brent.root(in: 2...3, tolerance: 0, maxIterations: 3) {
            $0 * $0 * $0 - 2 * $0 - 5
        }
        #expect(!limited.converged && limited.iterations == 3 && limited.message != nil)
    }
}
