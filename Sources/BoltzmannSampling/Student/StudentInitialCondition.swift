/// Where the chains of a student (or direct-model) Monte Carlo run start.
public enum StudentInitialCondition: Sendable, Hashable, Codable {
    /// Independent uniformly random configurations, one per chain.
    case random
    /// Every chain at the teacher pattern ξ* (q* = 1): probes the stability of the retrieval state.
    case teacher
    /// Every chain at training example a (m = 1 for that example): probes memorisation.
    case example(Int)
}
