import ArgumentParser
import Boltzmann
import Foundation

/// `boltzmann demo`: what `make demo` runs.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the demonstration scenario and write its figure and table.")

    @Option(help: "Folder for the figure and the table.")
    var out: String = "out"

    func run() throws {
        print("boltzmann \(BoltzmannVersion.current)")
    }
}
