import Boltzmann
import Foundation

/// Writes a command's figure and table side by side (`NAME.svg`, `NAME.csv`) and tells the user.
struct FigureOutput {
    var folder: String
    var name: String

    var svgURL: URL { URL(fileURLWithPath: folder).appendingPathComponent(name + ".svg") }
    var csvURL: URL { URL(fileURLWithPath: folder).appendingPathComponent(name + ".csv") }

    func write(figure: Figure, records: [ResultRecord]) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw BoltzmannError("cannot create the output folder: \(error.localizedDescription)",
                                 fix: "pass a writable --out folder", source: folder)
        }
        try figure.write(to: svgURL)
        do {
            try ResultFormat.csv.render(records).write(to: csvURL, atomically: true, encoding: .utf8)
        } catch {
            throw BoltzmannError("cannot write the table: \(error.localizedDescription)",
                                 fix: "pass a writable --out folder", source: csvURL.path)
        }
    }

    /// The sentence telling the user where the files are (printed to standard error so that
    /// `--format json` output stays clean).
    func announce() {
        FileHandle.standardError.write(Data("wrote \(svgURL.path) and \(csvURL.path)\n".utf8))
    }
}
