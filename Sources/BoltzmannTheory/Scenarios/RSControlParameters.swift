import BoltzmannCore

/// The parameters the replica-symmetric saddle point of MODELS.md §2 depends on: the student
/// order p, the noise c = αβ², the signal c* (αβ*β for a p* = p teacher), and β = 1/T, which
/// enters through the memorisation term β m^p.
///
/// ``DenseTeacherStudent/controlParameters()`` derives them from a scenario; building them
/// directly is for studies of the equations themselves (e.g. c = 0 at large β for the
/// robustness threshold).
public struct RSControlParameters: Sendable, Hashable, Codable {
    /// Student order p ≥ 3 for the §2 equations.
    public var p: Int
    /// Noise c ≥ 0.
    public var c: Double
    /// Signal c* ≥ 0.
    public var cStar: Double
    /// Inverse temperature β > 0.
    public var beta: Double
    /// Whether q* is an order parameter (false: direct model, q* ≡ 0).
    public var hasTeacher: Bool

    public init(p: Int, c: Double, cStar: Double, beta: Double, hasTeacher: Bool) {
        self.p = p
        self.c = c
        self.cStar = cStar
        self.beta = beta
        self.hasTeacher = hasTeacher
    }

    /// - Throws: `BoltzmannError` unless p ≥ 3, c, c* ≥ 0 finite, β > 0 finite.
    func validated() throws(BoltzmannError) -> Self {
        guard p >= 3 else {
            throw BoltzmannError(
                "the RS equations of MODELS.md §2 need p ≥ 3, got p = \(p)",
                fix: "use p ≥ 3, or the AGS equations for p = 2", source: "p")
        }
        guard c.isFinite, c >= 0, cStar.isFinite, cStar >= 0 else {
            throw BoltzmannError(
                "the noise c = \(c) and signal c* = \(cStar) must be finite and ≥ 0",
                fix: "pass finite, non-negative c and c*", source: "c")
        }
        guard beta.isFinite, beta > 0 else {
            throw BoltzmannError("β = \(beta) must be finite and positive", fix: "pass T > 0", source: "T")
        }
        return self
    }
}
