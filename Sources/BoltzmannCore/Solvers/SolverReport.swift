/// The outcome of an iterative numerical method: the last iterate together with whether it met
/// the tolerance, how much work it took and how far from the goal it is.
///
/// Non-convergence is an outcome, not a silent number: a method that hits its iteration limit,
/// meets a NaN, loses its bracket or diverges returns its best or last iterate with
/// `converged == false` and a `message` saying what happened and what to try.
public struct SolverReport<Value>: Sendable where Value: Sendable {
    /// The solution found, or the last iterate when the method did not converge.
    public var value: Value
    /// Whether `residual` (or the method's own stopping test) met the requested tolerance.
    public var converged: Bool
    /// Iterations taken (each method documents what one iteration is).
    public var iterations: Int
    /// The method's measure of distance from the goal at `value`: |f| for root finders,
    /// ‖G(x) − x‖_∞ for fixed points, the error estimate for adaptive quadrature.
    public var residual: Double
    /// Why the method stopped without converging, or a note on a degenerate success
    /// (e.g. an exact zero hit); nil for an ordinary success.
    public var message: String?

    public init(
        value: Value, converged: Bool, iterations: Int, residual: Double, message: String? = nil
    ) {
        self.value = value
        self.converged = converged
        self.iterations = iterations
        self.residual = residual
        self.message = message
    }
}

extension SolverReport: CustomStringConvertible {
    public var description: String {
        let status = converged ? "converged" : "did not converge"
        let note = message.map { ": \($0)" } ?? ""
        return "\(status) after \(iterations) iterations, residual \(residual)\(note); "
            + "value \(value)"
    }
}

extension SolverReport: Equatable where Value: Equatable {}
