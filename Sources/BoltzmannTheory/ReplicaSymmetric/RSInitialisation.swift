/// The initialisations of MODELS.md §2 from which the RS equations are iterated; each lands in
/// the basin of one state.
public enum RSInitialisation: String, Sendable, Hashable, Codable, CaseIterable {
    /// m = 1 (and q = 1): the student sits on one example — memorisation / pattern retrieval.
    case example = "m=1"
    /// q* = q = 1: the student sits on the teacher — learning.
    case teacher = "q*=q=1"
    /// q = 1 only: a frozen state unrelated to teacher and examples — spin glass.
    case glass = "q=1"
    /// All order parameters 0: the paramagnet.
    case paramagnet = "0"

    /// (q*, q, m) of this initialisation.
    public var point: (qStar: Double, q: Double, m: Double) {
        switch self {
        case .example: (0, 1, 1)
        case .teacher: (1, 1, 0)
        case .glass: (0, 1, 0)
        case .paramagnet: (0, 0, 0)
        }
    }
}
