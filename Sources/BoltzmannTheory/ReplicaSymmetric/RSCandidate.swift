/// The state reached from one initialisation.
public struct RSCandidate: Sendable, Hashable, Codable {
    public var initialisation: RSInitialisation
    /// The state; its `phase` is its own label (lR for a retrieval state that is not the
    /// equilibrium).
    public var orderParameters: OrderParameters
    /// Whether it attracts the (damped) iteration: every eigenvalue of the Jacobian of the RS
    /// map has real part below 1. False at and beyond a spinodal.
    public var stable: Bool
    /// Whether an RS state exists along this path (false e.g. for the AGS paramagnet below
    /// T = 1, where 1 − β(1 − q) ≤ 0).
    public var exists: Bool
    /// Why the search failed, when it did.
    public var message: String?
}
