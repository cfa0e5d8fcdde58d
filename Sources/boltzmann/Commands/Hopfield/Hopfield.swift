import ArgumentParser
import Boltzmann

/// `boltzmann hopfield …`: the classic pairwise Hopfield model (Amit–Gutfreund–Sompolinsky).
struct Hopfield: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The classic Hopfield model in AGS conventions.",
        subcommands: [HopfieldCapacity.self])
}

/// `boltzmann hopfield capacity`: the zero-temperature storage capacity α_c.
struct HopfieldCapacity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: "Zero-temperature storage capacity α_c of the Hopfield model (AGS, replica symmetric).",
        discussion: "Literature: α_c ≈ 0.138 with retrieval overlap m ≈ 0.967 (Amit, Gutfreund, Sompolinsky 1987).")

    @OptionGroup var output: OutputOptions

    func run() throws {
        let capacity = AGSZeroTemperature.capacity()
        output.emit(ResultRecord([
            "alphaC": .number(capacity.alphaC),
            "mAtAlphaC": .number(capacity.mAtAlphaC),
            "denseAlphaC": .number(capacity.denseAlphaC),
        ]))
    }
}
