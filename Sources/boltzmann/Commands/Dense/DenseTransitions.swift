import ArgumentParser
import Boltzmann

/// `boltzmann dense transitions`: the learning transitions on the Nishimori line.
struct DenseTransitions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transitions",
        abstract: "Locate the spinodal and thermodynamic learning transitions on the Nishimori line.",
        discussion: """
            On the Nishimori line the RS equations depend only on c = α/T². The spinodal c_sp is \
            where a learning solution q* > 0 first exists; the thermodynamic c_th is where its \
            free entropy crosses the paramagnet's. Both are located to 1e-6 in c; the lines in the \
            (α, T) plane are T = √(α/c).

            Example: boltzmann dense transitions --p 3 --nishimori
            """)

    @Option(name: .customLong("p"), help: "Interaction order p ≥ 2 (the transitions are first order for p ≥ 3).")
    var p: Int
    @Flag(help: "Required: the transitions are computed on the Nishimori line.") var nishimori = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard nishimori else {
            throw ValidationError("transitions are computed on the Nishimori line; add --nishimori")
        }
        guard p >= 2 else { throw ValidationError("--p \(p) is invalid: the interaction order must be at least 2") }
    }

    func run() throws {
        let transitions = try NishimoriLine(p: p).transitions()
        var record = ResultRecord(["p": .integer(p)])
        record.merge(DenseTransitionsScenario.results(of: transitions))
        output.emit(record)
    }
}
