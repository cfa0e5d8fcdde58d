import ArgumentParser
import Boltzmann
import Foundation

extension ExportFormat: ExpressibleByArgument {}

/// `boltzmann export STORE --format csv|json|npy`: a results store as a table for other tools.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a results store as CSV, JSON or NPY (float64 matrix + column names).",
        discussion: """
            One row per finished task, by index: index, kind, the parameters, seed, the results, \
            wallSeconds. npy writes the numeric columns as a float64 matrix and NAME.columns.json \
            beside it with the column names. Read-only stores can be exported.

            Example: boltzmann export sweep.sqlite --format csv > sweep.csv
            """)

    @Argument(help: "The results store.") var store: String
    @Option(help: "csv, json or npy.") var format: ExportFormat = .csv
    @Option(help: "Output file (required for npy; default standard output).") var output: String?

    func validate() throws {
        if format == .npy && output == nil { throw ValidationError("--format npy writes a binary file; pass --output FILE.npy") }
    }

    func run() throws {
        let summary = try ResultStore.open(at: URL(fileURLWithPath: store), readOnly: true).summary()
        switch format {
        case .npy:
            let url = URL(fileURLWithPath: output ?? "")
            let sidecar = try ExperimentExport.writeNPY(summary, to: url)
            FileHandle.standardError.write(Data("wrote \(url.path) and \(sidecar.path)\n".utf8))
        case .csv, .json:
            let text = format == .csv ? ExperimentExport.csv(summary) : ExperimentExport.json(summary)
            guard let output else {
                print(text, terminator: "")
                return
            }
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw BoltzmannError("cannot write the export: \(error.localizedDescription)", fix: "pass a writable --output path",
                                     source: output)
            }
        }
    }
}
