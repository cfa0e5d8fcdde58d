import ArgumentParser
import Boltzmann
import Foundation

/// The data options shared by `rbm train` and `rbm evaluate`: the file, where its labels are,
/// and how raw values become unit states (binarised for Bernoulli and spin units, scaled for
/// Gaussian ones).
struct RBMDataOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Data file: .csv, .csv.gz, .npy (2-d) or IDX (MNIST's train-images-idx3-ubyte[.gz]); one sample per row. `digits` is the 8×8 digits set shipped in Data/.",
        valueName: "file"))
    var data: String

    @Option(help: ArgumentHelp("A separate labels file (IDX labels, 1-d .npy or one-column CSV).", valueName: "file"))
    var labels: String?

    @Option(help: ArgumentHelp(
        "Column holding the labels, removed from the samples: none, first, last or a number from 0 (the digits file has its label last).",
        valueName: "column"))
    var labelColumn: String = "none"

    @Option(help: ArgumentHelp(
        "Binarise: values ≥ t become 1 (spin units: +1), the others 0 (spin units: −1). For the digits (pixels 0–16) use 8.",
        valueName: "t"))
    var binarize: Float?

    @Option(help: ArgumentHelp("Multiply every value by this factor first (e.g. 0.0625 maps the digits onto [0, 1]).", valueName: "factor"))
    var scale: Float?

    func validate() throws {
        guard LabelColumn(labelColumn) != nil else {
            throw ValidationError("--label-column \(labelColumn) is not none, first, last or a column number ≥ 0")
        }
        if let binarize, !binarize.isFinite {
            throw ValidationError("--binarize needs a finite threshold, e.g. 8 for the digits or 0.5 for data in [0, 1]")
        }
    }

    /// The data set as the visible layer of `kind` will see it: loaded, scaled, binarised.
    ///
    /// `--data digits` reads the shipped digits (labels in the last column) unless a file of
    /// that name exists in the working folder.
    func load(for kind: RBMUnitKind) throws -> Dataset {
        let column = LabelColumn(labelColumn) ?? .none
        var dataset: Dataset
        if data == "digits" && !FileManager.default.fileExists(atPath: data) {
            dataset = try Dataset.digits()
        } else {
            dataset = try DatasetLoader.load(
                URL(fileURLWithPath: data), labelColumn: column, labels: labels.map { URL(fileURLWithPath: $0) })
        }
        if let scale {
            dataset = try dataset.scaled(by: scale)
        }
        if let binarize {
            guard kind.isDiscrete else {
                throw ValidationError("--binarize makes 0/1 or ±1 data, but the visible units are Gaussian; drop --binarize (use --scale)")
            }
            dataset = dataset.binarised(kind == .spin ? .spinThreshold(binarize) : .threshold(binarize))
        }
        return dataset
    }

    /// Throws unless the data fit `rbm`'s visible layer, with a message that names the flags
    /// that fix the usual mistakes (a label column left in, raw pixel values).
    func check(_ dataset: Dataset, fits rbm: RestrictedBoltzmannMachine) throws {
        guard dataset.featureCount == rbm.visibleCount else {
            let hint = dataset.featureCount == rbm.visibleCount + 1 && labelColumn == "none"
                ? "; if the file keeps a label in its last column, pass --label-column last" : ""
            throw BoltzmannError(
                "the data have \(dataset.featureCount) values per sample, but the model has \(rbm.visibleCount) visible units",
                fix: "pass data of the width the model was trained on\(hint)", source: data)
        }
        do {
            try rbm.visible.validate(dataset.samples, name: data)
        } catch {
            let flag = rbm.visible.kind.isDiscrete && binarize == nil ? " (with this tool: --binarize THRESHOLD)" : ""
            throw BoltzmannError(error.problem, fix: error.fix + flag, source: error.source)
        }
    }
}
