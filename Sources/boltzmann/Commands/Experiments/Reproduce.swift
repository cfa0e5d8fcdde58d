import ArgumentParser
import Boltzmann
import Foundation

/// `boltzmann reproduce`: recompute a figure of the papers the toolkit implements.
struct Reproduce: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recompute a paper figure with one command (--list shows them).",
        discussion: """
            Each reproduction is an experiment spec shipped with the tool (at two sizes: --quick, \
            reduced, minutes on 2 cores; --full, the paper's sizes), run into a results store like \
            any `boltzmann run` (an interrupted run resumes where it stopped), then drawn as \
            NAME.svg with an HTML report NAME.html in --out. It ends by printing what the paper \
            reports next to what this run found. --print-spec shows the spec instead of running \
            it, to copy and vary.

            Examples:
              boltzmann reproduce --list
              boltzmann reproduce nishimori-q-temperature --quick
              boltzmann reproduce direct-phase-diagram --full --store runs/direct.sqlite --out figures
            """)

    @Argument(help: "The reproduction to run (see --list).") var name: String?
    @Flag(help: "List the reproductions.") var list = false
    @Flag(help: "Reduced sizes (default).") var quick = false
    @Flag(help: "The paper's sizes (can take hours).") var full = false
    @Flag(help: "Print the spec (TOML) instead of running it.") var printSpec = false
    @Option(help: "Results store (default: out/NAME.sqlite, out/NAME-full.sqlite with --full).") var store: String?
    @Option(help: "Folder for NAME.svg and NAME.html.") var out: String = "out"
    @Option(help: "Worker threads (default: all cores).") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "No progress output.") var quiet = false

    func validate() throws {
        if quick && full { throw ValidationError("choose one of --quick and --full") }
        if !list && name == nil { throw ValidationError("name a reproduction, or pass --list to see them") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        if list {
            printList()
            return
        }
        let reproduction = try ReproductionCatalogue.entry(named: name ?? "")
        let size: Reproduction.Size = full ? .full : .quick
        if printSpec {
            print(reproduction.spec(size))
            return
        }
        let storePath = store ?? "out/\(reproduction.name)\(size == .full ? "-full" : "").sqlite"
        print("\(reproduction.title)\n  \(reproduction.paper.citation); \(size.rawValue) run into \(storePath)")
        let outcome = try ReproductionRun(
            reproduction: reproduction, size: size, store: URL(fileURLWithPath: storePath),
            folder: URL(fileURLWithPath: out), jobs: jobs
        ).run(progress: .automatic(quiet: quiet))
        print(String(format: "done in %.1f s (%d of %d tasks run now)", outcome.seconds, outcome.ranTasks, outcome.totalTasks))
        print("figure: \(outcome.figure.path)\nreport: \(outcome.report.path)")
        print("\nThe paper reports: \(outcome.paperReports)")
        if let measured = outcome.measured { print(measured) }
    }

    func printList() {
        let rows = ReproductionCatalogue.all.map { ["\($0.name)", "arXiv \($0.paper.arXiv)", $0.quickTime, $0.paper.figure] }
        let header = ["name", "paper", "--quick", "figure"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            print(zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces))
        }
    }
}
