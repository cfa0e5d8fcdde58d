import BoltzmannCore

/// An sbatch job-array script that runs an experiment as N shards on a Slurm cluster: array
/// task I runs `boltzmann run SPEC --shard I/N --store DIR/shard-I.sqlite --resume`, so a
/// requeued or restarted array task continues its own store. Merge the shard stores afterwards
/// with `boltzmann merge DIR/merged.sqlite DIR/shard-*.sqlite`.
public struct SlurmScript: Sendable, Equatable {
    public var specPath: String
    public var specName: String
    public var taskCount: Int
    public var shards: Int
    /// Folder for the shard stores and the job logs.
    public var storeDirectory: String
    /// `--time` (e.g. `02:00:00`), `--partition`, `--cpus-per-task`, `--mem`, `--account`; nil: the cluster's default.
    public var time: String?
    public var partition: String?
    public var cpusPerTask: Int?
    public var memory: String?
    public var account: String?
    /// How the job calls the tool (a path on the cluster, or `boltzmann` on the PATH).
    public var executable: String

    public init(
        spec: ExperimentSpec, specPath: String, shards: Int, storeDirectory: String, time: String? = nil,
        partition: String? = nil, cpusPerTask: Int? = nil, memory: String? = nil, account: String? = nil,
        executable: String = "boltzmann"
    ) throws(BoltzmannError) {
        guard shards >= 1 else {
            throw BoltzmannError("--shards \(shards) is invalid", fix: "pass --shards N with N ≥ 1", source: "--shards")
        }
        if let cpusPerTask, cpusPerTask < 1 {
            throw BoltzmannError("--cpus \(cpusPerTask) is invalid", fix: "pass --cpus ≥ 1", source: "--cpus")
        }
        self.specPath = specPath
        self.specName = spec.name
        self.taskCount = spec.tasks.count
        self.shards = shards
        self.storeDirectory = storeDirectory
        self.time = time
        self.partition = partition
        self.cpusPerTask = cpusPerTask
        self.memory = memory
        self.account = account
        self.executable = executable
    }

    /// The script text.
    public var text: String {
        let directory = Self.shellQuoted(storeDirectory)
        var lines = [
            "#!/bin/bash",
            "# Written by boltzmann \(BoltzmannVersion.current): experiment \(specName), \(taskCount) tasks in \(shards) shards",
            "# (shard I runs the tasks whose index is I modulo \(shards)). Submit with: sbatch THIS_FILE",
            "#SBATCH --job-name=\(specName)",
            "#SBATCH --array=0-\(shards - 1)",
            "#SBATCH --output=\(storeDirectory)/shard-%a.log",
        ]
        if let cpusPerTask { lines.append("#SBATCH --cpus-per-task=\(cpusPerTask)") }
        if let time { lines.append("#SBATCH --time=\(time)") }
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let memory { lines.append("#SBATCH --mem=\(memory)") }
        if let account { lines.append("#SBATCH --account=\(account)") }
        lines += [
            "set -euo pipefail",
            "mkdir -p \(directory)",
            "\(Self.shellQuoted(executable)) run \(Self.shellQuoted(specPath)) \\",
            "    --shard \"${SLURM_ARRAY_TASK_ID}/\(shards)\" \\",
            "    --store \(directory)/\"shard-${SLURM_ARRAY_TASK_ID}.sqlite\" \\",
            "    --resume --jobs \"${SLURM_CPUS_PER_TASK:-1}\"",
            "",
            "# When every array task has finished, combine the shards into one store:",
            "#   \(executable) merge \(directory)/merged.sqlite \(directory)/shard-*.sqlite",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` in single quotes unless it is made of characters the shell leaves alone.
    static func shellQuoted(_ text: String) -> String {
        let safe = text.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:@%+,".contains($0) }
        return safe && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
