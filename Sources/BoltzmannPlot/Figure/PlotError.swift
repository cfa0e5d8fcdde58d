/// A figure that cannot be drawn as given: mismatched data lengths, an invalid range,
/// a heat map whose grid does not fit its values, or a file that cannot be written.
///
/// Like the toolkit's `BoltzmannError` it names the problem and the fix, so a command-line
/// tool can print it and exit non-zero. (It is separate because this module has no
/// dependencies.)
public struct PlotError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What is wrong, in one sentence.
    public var problem: String
    /// What the user should do about it.
    public var fix: String
    /// The series, map, axis or file at fault, when there is one.
    public var source: String?

    public init(_ problem: String, fix: String, source: String? = nil) {
        self.problem = problem
        self.fix = fix
        self.source = source
    }

    public var description: String {
        let origin = source.map { "\($0): " } ?? ""
        return "\(origin)\(problem)\n  fix: \(fix)"
    }
}
