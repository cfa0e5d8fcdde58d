import ArgumentParser
import Boltzmann
import Foundation

/// `boltzmann slurm SPEC --shards N`: an sbatch job-array script that runs the spec as N shards.
struct Slurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an sbatch job-array script that runs a spec as N shards on a Slurm cluster.",
        discussion: """
            Array task I runs `boltzmann run SPEC --shard I/N --store DIR/shard-I.sqlite --resume`, \
            so each shard has its own store and a requeued task continues where it stopped. When \
            all shards are done, combine them with `boltzmann merge DIR/merged.sqlite DIR/shard-*.sqlite`.

            Example: boltzmann slurm sweep.toml --shards 16 --store-dir shards --time 04:00:00 --cpus 8 > sweep.sbatch
            """)

    @Argument(help: "The experiment spec (TOML); the path is written into the script as given.") var spec: String
    @Option(help: "Number of shards (array tasks).") var shards: Int
    @Option(help: "Folder for the shard stores and logs.") var storeDir: String = "shards"
    @Option(help: "Slurm --time limit per array task, e.g. 02:00:00.") var time: String?
    @Option(help: "Slurm partition.") var partition: String?
    @Option(help: "CPUs per array task (the run uses as many parallel tasks).") var cpus: Int?
    @Option(help: "Slurm --mem per array task, e.g. 4G.") var memory: String?
    @Option(help: "Slurm account.") var account: String?
    @Option(help: "The boltzmann executable as the cluster nodes call it.") var executable: String = "boltzmann"
    @Option(help: "Write the script to this file instead of standard output.") var output: String?

    func run() throws {
        let experiment = try ExperimentSpec.load(from: URL(fileURLWithPath: spec))
        let script = try SlurmScript(
            spec: experiment, specPath: spec, shards: shards, storeDirectory: storeDir, time: time, partition: partition,
            cpusPerTask: cpus, memory: memory, account: account, executable: executable)
        guard let output else {
            print(script.text, terminator: "")
            return
        }
        do {
            try script.text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw BoltzmannError("cannot write the script: \(error.localizedDescription)", fix: "pass a writable --output path",
                                 source: output)
        }
        FileHandle.standardError.write(Data("wrote \(output): \(shards) shards of \(experiment.tasks.count) tasks; submit with sbatch \(output)\n".utf8))
    }
}
