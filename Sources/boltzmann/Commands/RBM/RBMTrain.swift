import ArgumentParser
import Boltzmann
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension RBMUnitKind: ExpressibleByArgument {}

/// `boltzmann rbm train`: trains an RBM on a data file and saves it as a model folder.
struct RBMTrain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a restricted Boltzmann machine (CD-k, persistent CD or parallel tempering).",
        discussion: """
            Reads the data (see --data), builds an RBM with H hidden units and small random \
            weights, and trains it by stochastic gradient ascent on the log-likelihood. After \
            every epoch the model and the full training state are saved in the --out folder \
            (rbm.json, weights.npy, biases, training.json, persistent chains) together with \
            epochs.csv, the per-epoch log, so an interrupted run continues bit for bit with \
            --resume. The per-epoch log (reconstruction error, pseudo-likelihood per unit, speed, \
            swap rates for parallel tempering) is printed at the end in --format.

            --out must be a new or empty folder; an existing model folder is replaced only with \
            --overwrite, and any other existing folder is never touched. With --resume DIR the \
            run continues in DIR up to --epochs epochs in total; the model and training settings \
            are those saved in DIR, so only --data (the same data, prepared the same way), \
            --epochs, --quiet and --format may be given.

            Example: boltzmann rbm train --data digits --binarize 8 --hidden 64 --method pcd --epochs 20 --learning-rate 0.05 --out digits-rbm
            """)

    @OptionGroup var dataOptions: RBMDataOptions

    @Option(help: "Hidden units H.") var hidden: Int?
    @Option(help: "Visible unit kind: bernoulli (0/1), spin (±1) or gaussian.") var visibleUnits: RBMUnitKind?
    @Option(help: "Hidden unit kind: bernoulli, spin or gaussian.") var hiddenUnits: RBMUnitKind?
    @Option(help: "Training method: cd (contrastive divergence), pcd (persistent CD) or pt (PCD with parallel tempering).")
    var method: String?
    @Option(help: "Epochs (passes over the data); with --resume, the total to reach (default 10).") var epochs: Int?
    @Option(help: "Rows per mini-batch (default 100).") var batchSize: Int?
    @Option(help: "Learning rate η on the batch-mean gradient (default 0.05).") var learningRate: Float?
    @Option(help: "Momentum in [0, 1) (default 0).") var momentum: Float?
    @Option(help: "L2 weight decay on the weights (default 0).") var weightDecay: Float?
    @Option(help: "Gibbs steps per mini-batch, k of CD-k / PCD-k (default 1).") var cdSteps: Int?
    @Option(help: ArgumentHelp(
        "Parallel tempering ladder: a replica count K (geometric from --min-beta to 1) or the βs, e.g. 0.2,0.5,1 (default 8).",
        valueName: "K|β,…"))
    var temperatures: String?
    @Option(help: "Smallest β of a geometric parallel-tempering ladder (default 0.2).") var minBeta: Float?
    @Option(help: "Persistent chains (PCD and PT; default: the batch size).") var chains: Int?
    @Option(help: "Run seed: initial weights, shuffling and sampling (default 0).") var seed: UInt64?
    @Option(help: ArgumentHelp("Folder to write the model into.", valueName: "dir")) var out: String?
    @Option(help: ArgumentHelp("Continue the run saved in this folder.", valueName: "dir")) var resume: String?
    @Flag(help: "Replace the model in an existing --out model folder.") var overwrite = false
    @Flag(help: "No progress output on standard error.") var quiet = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if resume != nil {
            let fixed: [(String, Bool)] = [
                ("--hidden", hidden != nil), ("--visible-units", visibleUnits != nil), ("--hidden-units", hiddenUnits != nil),
                ("--method", method != nil), ("--batch-size", batchSize != nil), ("--learning-rate", learningRate != nil),
                ("--momentum", momentum != nil), ("--weight-decay", weightDecay != nil), ("--cd-steps", cdSteps != nil),
                ("--temperatures", temperatures != nil), ("--min-beta", minBeta != nil), ("--chains", chains != nil),
                ("--seed", seed != nil), ("--overwrite", overwrite),
            ]
            let given = fixed.filter(\.1).map(\.0)
            guard given.isEmpty else {
                throw ValidationError(
                    "\(given.joined(separator: ", ")) cannot change a resumed run: its settings are saved in \(resume!)/training.json; "
                        + "drop them, or start a new run with --out")
            }
            if let out, URL(fileURLWithPath: out).standardizedFileURL != URL(fileURLWithPath: resume!).standardizedFileURL {
                throw ValidationError("a resumed run continues in its own folder: drop --out \(out) (or pass the --resume folder)")
            }
        } else {
            guard out != nil else { throw ValidationError("pass --out DIR, the folder to save the model in (or --resume DIR)") }
            guard let hidden else { throw ValidationError("pass --hidden H, the number of hidden units (e.g. 64)") }
            guard hidden >= 1 else { throw ValidationError("--hidden \(hidden): an RBM needs at least one hidden unit") }
        }
        if let epochs, epochs < 0 { throw ValidationError("--epochs \(epochs): give 0 or more epochs") }
        if let method, !["cd", "pcd", "pt"].contains(method) {
            throw ValidationError("unknown --method \(method); use cd, pcd or pt")
        }
        if temperatures != nil || minBeta != nil, (method ?? "pcd") != "pt", resume == nil {
            throw ValidationError("--temperatures and --min-beta set the parallel tempering ladder: pass --method pt with them")
        }
    }

    func run() throws {
        let progress = TrainingProgressOutput(quiet: quiet)
        var trainer: RBMTrainer
        let folder: URL
        let dataset: Dataset
        if let resume {
            folder = URL(fileURLWithPath: resume)
            trainer = try RBMTrainer.resume(from: folder)
            dataset = try dataOptions.load(for: trainer.model.visible.kind)
            try dataOptions.check(dataset, fits: trainer.model)
        } else {
            folder = URL(fileURLWithPath: out!)
            try Self.checkOutputFolder(folder, overwrite: overwrite)
            let visibleKind = visibleUnits ?? .bernoulli
            dataset = try dataOptions.load(for: visibleKind)
            let model = RestrictedBoltzmannMachine.random(
                visible: visibleKind, visibleCount: dataset.featureCount, hidden: hiddenUnits ?? .bernoulli,
                hiddenCount: hidden!, weightScale: 0.01, seed: seed ?? 0)
            try dataOptions.check(dataset, fits: model)
            trainer = try RBMTrainer(model: model, configuration: try trainingConfiguration())
        }
        let target = epochs ?? trainer.configuration.epochs
        let startEpoch = trainer.epoch
        if target <= startEpoch, resume != nil {
            progress.note("the run in \(folder.path) has already completed \(startEpoch) epochs (≥ --epochs \(target)); nothing to do")
        }
        // Every epoch ends with a checkpoint, so the folder always holds a resumable run.
        for _ in startEpoch..<max(startEpoch, target) {
            _ = try trainer.train(data: dataset.samples, epochs: 1) { report in
                progress.update(report, startEpoch: startEpoch, target: target)
            }
            try trainer.save(to: folder)
            try Self.writeEpochLog(trainer.history, to: folder.appendingPathComponent("epochs.csv"))
        }
        if trainer.epoch == 0 {
            // Zero epochs: save the initial model so that the folder is still a model.
            try trainer.save(to: folder)
            try Self.writeEpochLog(trainer.history, to: folder.appendingPathComponent("epochs.csv"))
        }
        progress.finish("saved the model after \(trainer.epoch) epochs in \(folder.path)")
        output.emit(trainer.history.map(Self.record))
    }

    /// The configuration from the flags (new runs only).
    func trainingConfiguration() throws -> RBMTrainingConfiguration {
        let steps = cdSteps ?? 1
        let trainingMethod: RBMTrainingConfiguration.Method
        switch method ?? "pcd" {
        case "cd": trainingMethod = .contrastiveDivergence(steps: steps)
        case "pcd": trainingMethod = .persistent(steps: steps)
        default: trainingMethod = .parallelTempering(ladder: try ladder(), steps: steps)
        }
        return RBMTrainingConfiguration(
            method: trainingMethod, epochs: epochs ?? 10, batchSize: batchSize ?? 100,
            learningRate: .constant(learningRate ?? 0.05), momentum: momentum ?? 0, weightDecay: weightDecay ?? 0,
            chains: chains, seed: seed ?? 0)
    }

    /// `--temperatures K` (geometric from --min-beta) or an explicit list of βs.
    func ladder() throws -> TemperatureLadder {
        let text = temperatures ?? "8"
        if let count = Int(text) {
            return .geometric(count: count, minimum: minBeta ?? 0.2)
        }
        let values = text.split(separator: ",").map { Float($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else {
            throw ValidationError("--temperatures \(text) is neither a replica count nor a comma-separated list of βs such as 0.2,0.5,1")
        }
        guard minBeta == nil else {
            throw ValidationError("--min-beta applies to a replica count; with an explicit list of βs, drop it")
        }
        return .explicit(values.compactMap { $0 })
    }

    /// Refuses to write into anything but a new folder, an empty folder, or (with --overwrite)
    /// an existing model folder.
    static func checkOutputFolder(_ folder: URL, overwrite: Bool) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw BoltzmannError(
                "--out names an existing file, not a folder", fix: "pass a new folder path for the model", source: folder.path)
        }
        let contents = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        if contents.isEmpty { return }
        guard contents.contains(RBMArchive.headerFileName) else {
            throw BoltzmannError(
                "--out names a folder that already holds other files (\(contents.count)); it is not a model folder, so nothing is written there",
                fix: "pass a new or empty folder for the model", source: folder.path)
        }
        guard overwrite else {
            throw BoltzmannError(
                "--out names an existing model folder",
                fix: "pass --overwrite to replace that model, --resume \(folder.path) to continue its training, or a new folder",
                source: folder.path)
        }
    }

    /// One record per epoch, as printed and as written to epochs.csv.
    static func record(_ log: RBMEpochLog) -> ResultRecord {
        var record = ResultRecord([
            "epoch": .integer(log.epoch), "learningRate": .number(Double(log.learningRate)),
            "reconstructionError": log.reconstructionError.map(ResultValue.number) ?? .null,
            "pseudoLikelihood": log.pseudoLikelihood.map(ResultValue.number) ?? .null,
            "seconds": .number(log.seconds), "samplesPerSecond": .number(log.samplesPerSecond),
        ])
        if let swaps = log.swapAcceptance, !swaps.isEmpty {
            record["minSwapAcceptance"] = .number(swaps.min() ?? .nan)
            record["meanSwapAcceptance"] = .number(swaps.reduce(0, +) / Double(swaps.count))
        }
        return record
    }

    static func writeEpochLog(_ history: [RBMEpochLog], to url: URL) throws {
        let text = history.isEmpty ? "epoch\n" : ResultFormat.csv.render(history.map(record))
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw BoltzmannError(
                "cannot write the epoch log (\(error.localizedDescription))",
                fix: "check that the model folder is writable", source: url.path)
        }
    }
}

/// Progress on standard error: a redrawn bar when standard error is a terminal, one plain line
/// per epoch otherwise (logs, pipes), nothing with --quiet.
private struct TrainingProgressOutput {
    let quiet: Bool
    let isTerminal = isatty(STDERR_FILENO) != 0

    func update(_ report: RBMTrainingProgress, startEpoch: Int, target: Int) {
        guard !quiet else { return }
        if let log = report.log {
            var line = "epoch \(log.epoch)/\(target)"
            if let error = log.reconstructionError { line += "  reconstruction error \(Self.short(error))" }
            if let pseudo = log.pseudoLikelihood { line += "  pseudo-likelihood \(Self.short(pseudo))" }
            line += "  \(Self.short(log.seconds)) s"
            write((isTerminal ? "\r\u{1B}[K" : "") + line + "\n")
        } else if isTerminal {
            let fraction = Double(report.epoch - 1 - startEpoch) / Double(max(1, target - startEpoch))
                + Double(report.batch) / Double(max(1, report.batches)) / Double(max(1, target - startEpoch))
            let width = 30
            let filled = min(width, Int(fraction * Double(width)))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            write("\r[\(bar)] \(Int(fraction * 100))%  epoch \(report.epoch)/\(target)  batch \(report.batch)/\(report.batches)")
        }
    }

    func note(_ text: String) {
        guard !quiet else { return }
        write(text + "\n")
    }

    func finish(_ text: String) { note(text) }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func short(_ value: Double) -> String {
        String(format: "%.4g", value)
    }
}
