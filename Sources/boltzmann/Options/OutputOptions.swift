import ArgumentParser
import Boltzmann

extension ResultFormat: ExpressibleByArgument {}

/// `--format table|json|csv`, shared by every command that prints results.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table (for people), json or csv (for programs).")
    var format: ResultFormat = .table

    /// Prints the records to standard output in the chosen format.
    func emit(_ records: [ResultRecord]) {
        print(format.render(records), terminator: "")
    }

    func emit(_ record: ResultRecord) { emit([record]) }
}
