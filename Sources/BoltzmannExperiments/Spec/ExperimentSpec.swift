import BoltzmannCore
import Foundation

/// An experiment read from its TOML spec: which scenario kinds run, with which fixed parameters,
/// over which sweep, with which seeds — and the deterministic list of tasks that follows.
///
/// The format is documented in `docs` and in `/work/notes/experiment-spec.md`; in short:
///
///     name = "nishimori-p3"
///     scenario = "dense"                  # a kind (dense.theory) or a family (dense)
///     run = ["theory", "simulation"]      # for a family: which members
///     seed = 7                            # run seed
///     repeats = 2                         # seeds per sweep point of simulations
///     [parameters]                        # fixed parameters
///     p = 3
///     nishimori = true
///     [[sweep]]                           # axes in one block are zipped; blocks are crossed
///     alpha = { linear = [0.5, 3.0, 6] }
///     [[sweep]]
///     size = [32, 64]
///
/// Task order: for each kind of `run` in order, the crossed sweep with the first block
/// outermost, then `repeat` innermost (stochastic kinds only). A kind sees only the parameters
/// it declares, and points that coincide on them are run once.
public struct ExperimentSpec: Sendable {
    public var name: String
    public var description: String?
    /// The `scenario` string of the spec: a kind or a family.
    public var scenario: String
    /// The concrete kinds run, in order.
    public var kinds: [String]
    public var seed: UInt64
    public var repeats: Int
    public var fixedParameters: ResultRecord
    public var sweep: [SweepBlock]
    /// The spec as written.
    public var text: String
    /// SHA-256 (hex) of the spec's canonical form: comments, whitespace, key order and `1` vs
    /// `1.0` do not change it.
    public var hash: String
    /// The swept parameters in spec order (blocks in order, names sorted inside a block), then
    /// `repeat` when stochastic tasks are repeated.
    public var axes: [String]
    /// Every task, in index order.
    public var tasks: [ExperimentTask]

    /// The seed of task `index` of a run with seed `runSeed`: the first draw of
    /// `RandomStream(seed: runSeed, stream: index)`. Depends on nothing else, so a task gets the
    /// same seed whichever shard, thread or resumed run executes it.
    public static func taskSeed(runSeed: UInt64, index: Int) -> UInt64 {
        var stream = RandomStream(seed: runSeed, stream: UInt64(index))
        return stream.next()
    }

    /// Reads a spec file.
    ///
    /// - Throws: `BoltzmannError` when the file cannot be read, or anything ``parse(_:source:registry:)`` throws.
    public static func load(from url: URL, registry: ScenarioRegistry = .standard) throws(BoltzmannError) -> ExperimentSpec {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw BoltzmannError("cannot read the spec: \(error.localizedDescription)",
                                 fix: "check the path and that the file is UTF-8 text", source: url.path)
        }
        return try parse(text, source: url.lastPathComponent, registry: registry)
    }

    /// Whether a spec text has the same meaning as this spec (same hash).
    public func differences(fromText other: String) -> [String] {
        guard let mine = try? SpecDocument(text: text, source: "new"),
            let theirs = try? SpecDocument(text: other, source: "old")
        else { return ["the stored spec cannot be read as TOML"] }
        return mine.differences(from: theirs)
    }
}
