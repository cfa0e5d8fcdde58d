/// The solved saddle point of one scenario.
///
/// - ``phase``: gR when the largest-free-entropy state retrieves the teacher; lR when a
///   teacher-retrieval state exists but another state has larger free entropy; otherwise the
///   equilibrium state's own label (eR, SG or P).
/// - ``orderParameters``: the state ``phase`` describes — the local retrieval state for lR,
///   the equilibrium state otherwise.
/// - ``equilibrium``: the state of largest free entropy.
/// - ``candidates``: every initialisation's result, for inspecting metastable states.
/// - ``oneStepGlass``: the 1RSB glass when it breaks replica symmetry (p ≥ 3 past the
///   condensation load c_K, where the RS paramagnet is no longer the equilibrium); it then
///   replaces the RS paramagnet and spin glass, and ``equilibrium`` is its state (phase SG) when
///   no retrieval state has a larger free entropy.
/// - ``converged``: whether every initialisation that has an RS state converged — only then is
///   the phase selection complete; non-convergence is also described in ``message``.
public struct RSSolution: Sendable, Hashable, Codable {
    public var phase: Phase
    public var orderParameters: OrderParameters
    public var equilibrium: OrderParameters
    public var candidates: [RSCandidate]
    public var oneStepGlass: OneStepGlass?
    public var message: String?

    /// Whether every existing candidate converged (so that the selection saw every state).
    public var converged: Bool {
        candidates.allSatisfy { !$0.exists || $0.orderParameters.converged }
    }
}
