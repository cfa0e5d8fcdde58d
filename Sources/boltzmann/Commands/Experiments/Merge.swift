import ArgumentParser
import Boltzmann
import Foundation

/// `boltzmann merge OUT IN…`: combine shard stores of one spec.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine results stores of the same spec (e.g. shards) into one store.",
        discussion: """
            Refuses stores of different specs (naming them). A task found in several stores is \
            kept once when its results agree; different results for the same task are an error. \
            The merge is one transaction: on any error the output is unchanged.

            Example: boltzmann merge merged.sqlite shards/shard-*.sqlite
            """)

    @Argument(help: "The output store (created, or an existing store of the same spec).") var output: String
    @Argument(help: "The stores to merge.") var inputs: [String]

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input store after the output store") }
    }

    func run() throws {
        let report = try ResultStore.merge(inputs.map { URL(fileURLWithPath: $0) }, into: URL(fileURLWithPath: output))
        FileHandle.standardError.write(Data(
            "merged \(inputs.count) stores into \(output): \(report.added) tasks added, \(report.duplicates) duplicates kept once, \(report.stored) of \(report.planned) tasks stored\n".utf8))
    }
}
