import ArgumentParser
import Boltzmann
import Foundation

/// `boltzmann rbm sample`: draws samples of the visible units of a saved RBM by block Gibbs
/// sampling, writes them as .npy or .csv, and draws them as an image grid when they are images.
struct RBMSample: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Draw samples from a trained RBM by block Gibbs sampling (.npy or .csv, plus an SVG image grid).",
        discussion: """
            Runs --count independent chains, started from the machine with its couplings switched \
            off (an exact sample of the independent layers, so the start carries no data), for \
            --sweeps block Gibbs sweeps v → h → v, and writes the final visible states, one per \
            row (with --means, the conditional means E[v | h] of the last sweep instead, which look \
            smoother as images). The output format follows the extension of --out: .npy or .csv.

            When the visible layer is a square image (64 units: 8×8) or --image-shape WxH is \
            given, the samples are also drawn as an SVG grid next to --out (same name, .svg).

            Example: boltzmann rbm sample --model digits-rbm --count 64 --sweeps 1000 --out samples.npy
            """)

    @Option(help: ArgumentHelp("The model folder written by `rbm train`.", valueName: "dir")) var model: String
    @Option(help: "Number of samples (independent chains).") var count: Int = 64
    @Option(help: "Gibbs sweeps per chain.") var sweeps: Int = 1000
    @Option(help: "Seed of the chains.") var seed: UInt64 = 0
    @Option(help: ArgumentHelp("Output file, .npy or .csv.", valueName: "file")) var out: String
    @Option(help: ArgumentHelp("Image width × height for the SVG grid, e.g. 8x8 (default: square layers only).", valueName: "WxH"))
    var imageShape: String?
    @Flag(help: "Write E[v | h] of the last sweep instead of sampled states.") var means = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count \(count): draw at least one sample") }
        guard sweeps >= 1 else { throw ValidationError("--sweeps \(sweeps): run at least one sweep (1000 or more mix well)") }
        guard ["npy", "csv"].contains(URL(fileURLWithPath: out).pathExtension.lowercased()) else {
            throw ValidationError("--out \(out) must end in .npy or .csv (the format follows the extension)")
        }
        if let imageShape, Self.parseShape(imageShape) == nil {
            throw ValidationError("--image-shape \(imageShape) is not WIDTHxHEIGHT with positive numbers, e.g. 8x8")
        }
    }

    func run() throws {
        let (rbm, _) = try RBMArchive.load(from: URL(fileURLWithPath: model))
        let shape = try imageSize(visibleCount: rbm.visibleCount)

        var random = RandomStream(seed: seed)
        var start = Matrix<Float>(rows: count, columns: rbm.visibleCount)
        rbm.visible.sample(inputs: Matrix(rows: count, columns: rbm.visibleCount), into: &start, random: &random)
        var state = RBMChainState(visible: start, hidden: Matrix(rows: count, columns: rbm.hiddenCount))
        for _ in 0..<sweeps {
            rbm.gibbsSweep(&state, random: &random)
        }
        var samples = state.visible
        if means {
            var fields = Matrix<Float>(rows: count, columns: rbm.visibleCount)
            rbm.visibleInputs(state.hidden, into: &fields)
            rbm.visible.mean(inputs: fields, into: &samples)
        }

        let url = URL(fileURLWithPath: out)
        if url.pathExtension.lowercased() == "npy" {
            try NPY.write(samples, to: url)
        } else {
            let table = NumericTable(
                rowCount: samples.rows, columnCount: samples.columns, values: samples.elements.map(Double.init))
            try CSV.write(table, to: url)
        }
        var svgURL: URL?
        if let shape {
            let grid = ImageGrid(pixels: samples, imageWidth: shape.width, imageHeight: shape.height, title: "RBM samples (\(sweeps) sweeps)")
            let target = url.deletingPathExtension().appendingPathExtension("svg")
            try grid.write(to: target)
            svgURL = target
        }
        let mean = samples.elements.reduce(0.0) { $0 + Double($1) } / Double(max(1, samples.count))
        output.emit(ResultRecord([
            "samples": .integer(count), "sweeps": .integer(sweeps), "visibleUnits": .integer(rbm.visibleCount),
            "meanValue": .number(mean), "file": .text(url.path), "svg": svgURL.map { .text($0.path) } ?? .null,
        ]))
    }

    /// The image shape for the SVG grid: --image-shape, or the side of a square layer, or none.
    func imageSize(visibleCount: Int) throws -> (width: Int, height: Int)? {
        if let imageShape, let shape = Self.parseShape(imageShape) {
            guard shape.width * shape.height == visibleCount else {
                throw BoltzmannError(
                    "--image-shape \(imageShape) has \(shape.width * shape.height) pixels, but the model has \(visibleCount) visible units",
                    fix: "give a width × height equal to \(visibleCount), or drop --image-shape", source: model)
            }
            return shape
        }
        return ImageGrid.squareSide(of: visibleCount).map { ($0, $0) }
    }

    static func parseShape(_ text: String) -> (width: Int, height: Int)? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), width > 0, height > 0 else {
            return nil
        }
        return (width, height)
    }
}
