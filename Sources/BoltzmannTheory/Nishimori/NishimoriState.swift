/// The Nishimori-line state at one c.
public struct NishimoriState: Sendable, Hashable, Codable {
    public var c: Double
    /// q = q* of the state (0 for the paramagnet).
    public var q: Double
    /// ĥ = c p q^{p−1}.
    public var conjugate: Double
    /// Δf relative to the paramagnet.
    public var freeEntropyGap: Double
    /// gR, lR or P.
    public var phase: Phase
    public var converged: Bool
    public var iterations: Int
    /// |q − Φ(c p q^{p−1})| implied by the final error in ln c.
    public var residual: Double
    public var message: String?
}
