/// The thermodynamic phases of the dense teacher–student problem (MODELS.md §2; arXiv
/// 2401.04191), with the paper's abbreviations as raw values.
public enum Phase: String, Sendable, Hashable, Codable, CaseIterable {
    /// gR: the teacher pattern is retrieved (q* > 0) and this state has the largest free entropy.
    case globalRetrieval = "gR"
    /// lR: a teacher-retrieval state exists but another state has larger free entropy.
    case localRetrieval = "lR"
    /// eR: one example (direct model: one stored pattern) is retrieved, m > 0 — memorisation.
    case exampleRetrieval = "eR"
    /// SG: spin glass, q > 0 with q* = m = 0.
    case spinGlass = "SG"
    /// P: paramagnet, q* = q = m = 0.
    case paramagnet = "P"

    /// The abbreviation ("gR", "lR", "eR", "SG", "P").
    public var abbreviation: String { rawValue }

    /// Whether the teacher is retrieved (globally or locally).
    public var retrievesTeacher: Bool { self == .globalRetrieval || self == .localRetrieval }
}
