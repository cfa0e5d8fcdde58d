/// The paper figure a reproduction recomputes: the arXiv identifier and which figure, in words
/// (the figure's content, so that it can be found in any version of the paper).
public struct PaperFigure: Sendable, Hashable {
    /// arXiv identifier, e.g. `2401.04191`.
    public var arXiv: String
    /// What the figure shows, e.g. "Nishimori line: q*(T) with Monte Carlo points".
    public var figure: String

    public init(arXiv: String, figure: String) {
        self.arXiv = arXiv
        self.figure = figure
    }

    /// `arXiv 2401.04191: <figure>`.
    public var citation: String { "arXiv \(arXiv): \(figure)" }
}
