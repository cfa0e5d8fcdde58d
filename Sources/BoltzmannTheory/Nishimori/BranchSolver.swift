import RealModule

/// Safeguarded Newton on ln c(ĥ) = ln c along the stable branch, warm-started from the
/// previous (smaller) c when solving an increasing sequence of c values.
struct BranchSolver {
    let line: NishimoriLine
    /// ĥ at the spinodal: the lower end of the stable branch.
    let lowerBound: Double
    static let logTolerance = 1e-13
    static let maxIterations = 200

    init(line: NishimoriLine, lowerBound: Double) {
        self.line = line
        self.lowerBound = lowerBound
    }

    /// The state at c, Newton started from `guess` (clamped into the bracket), and one more
    /// Newton step from it, ĥ − g/g′ (no further evaluation): a far more accurate ĥ for
    /// extrapolating to the next c than the evaluated one.
    func solve(c: Double, guess: Double?) -> (state: NishimoriState, newtonEstimate: Double) {
        let logC = Double.log(c)
        var low = lowerBound, high = c * Double(line.p)
        var h = min(max(guess ?? high, low), high)
        var point = line.evaluate(h)
        var iterations = 1
        var lastStep = Double.infinity
        while true {
            let g = point.logLoad - logC
            if abs(g) <= Self.logTolerance || abs(lastStep) <= 4 * h.ulp || iterations >= Self.maxIterations {
                let converged = abs(g) <= Self.logTolerance || abs(lastStep) <= 4 * h.ulp
                // Fixed-point residual implied by the error in ln c: q − Φ(c p q^{p−1}) ≈ Φ′ ĥ g.
                let residual = abs(point.slope * point.h * g)
                let state = NishimoriState(
                    c: c, q: point.q, conjugate: point.h, freeEntropyGap: point.freeEntropyGap,
                    phase: point.freeEntropyGap > 0 ? .globalRetrieval : .localRetrieval,
                    converged: converged, iterations: iterations, residual: residual,
                    message: converged ? nil
                        : "the branch equation did not converge in \(Self.maxIterations) steps")
                let refined = point.logLoadSlope > 0 ? point.h - g / point.logLoadSlope : point.h
                return (state, refined.isFinite ? refined : point.h)
            }
            if g < 0 { low = h } else { high = h }
            let newton = h - g / point.logLoadSlope
            let next = point.logLoadSlope > 0 && newton > low && newton < high
                ? newton : 0.5 * (low + high)
            lastStep = next - h
            h = next
            point = line.evaluate(h)
            iterations += 1
        }
    }
}
