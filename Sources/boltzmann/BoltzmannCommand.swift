import ArgumentParser
import Boltzmann

/// The `boltzmann` command-line tool: solve, simulate and plot learning problems from the
/// statistical mechanics of learning. Each subcommand lives in its own file under `Commands/`.
@main
struct BoltzmannCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boltzmann",
        abstract: "Statistical mechanics of learning and memorisation: replica theory, Monte Carlo, plots.",
        discussion: """
            Write a learning problem once, then solve it with replica theory, simulate it with \
            Monte Carlo at finite size, and plot theory against simulation. Every command that \
            prints results takes --format table|json|csv.
            """,
        version: BoltzmannVersion.current,
        subcommands: [Info.self, Demo.self, Dense.self, Hopfield.self, RBM.self, Run.self, Slurm.self, Merge.self, Export.self, Plot.self, Report.self, Reproduce.self]
    )
}
