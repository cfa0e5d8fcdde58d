/// An error caused by something the user gave the toolkit: a file, a flag, a parameter.
///
/// Every such error names the problem and the fix, so that the command-line tool can print it
/// and exit non-zero instead of trapping. Library code throws it wherever user input could be
/// wrong; `precondition` is reserved for programmer errors inside the library.
///
///     throw BoltzmannError(
///         "`data.npy` is truncated: the header promises 4096 values but the file holds 1000",
///         fix: "re-export the array with numpy.save",
///         source: "data.npy")
public struct BoltzmannError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What is wrong, in one sentence.
    public var problem: String
    /// What the user should do about it.
    public var fix: String
    /// The file, flag or parameter at fault, when there is one.
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
