import BoltzmannCore
import Foundation

extension Dataset {
    /// The handwritten digits shipped with Boltzmann: 1797 samples of 8 × 8 pixels with values
    /// 0…16 and a label 0…9 (the test set of the UCI "Optical Recognition of Handwritten
    /// Digits" data, E. Alpaydin and C. Kaynak, 1998, CC BY 4.0; see `Data/README.md`).
    ///
    /// The file `digits.csv.gz` is looked for in the folder named by the environment variable
    /// `BOLTZMANN_DATA` when it is set, otherwise in the `Data/` folder of the source tree this
    /// library was built from (found from this file's compile-time path).
    ///
    /// - Throws: `BoltzmannError` when the file is found in neither place.
    public static func digits() throws(BoltzmannError) -> Dataset {
        try DatasetLoader.load(digitsFileURL(), labelColumn: .last, name: "digits")
    }

    /// Where `digits()` reads the file from.
    public static func digitsFileURL() throws(BoltzmannError) -> URL {
        let fileName = "digits.csv.gz"
        if let folder = ProcessInfo.processInfo.environment["BOLTZMANN_DATA"], !folder.isEmpty {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(fileName)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw BoltzmannError(
                    "BOLTZMANN_DATA is set to \(folder), but that folder holds no \(fileName)",
                    fix: "point BOLTZMANN_DATA at the Data folder of the Boltzmann source tree, or unset it",
                    source: url.path)
            }
            return url
        }
        // Sources/BoltzmannModels/Datasets/Dataset+Digits.swift → the package root.
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("Data").appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw BoltzmannError(
                "the digits data set is not where the source tree had it",
                fix: "set BOLTZMANN_DATA to the folder holding \(fileName) (the Data folder of the "
                    + "Boltzmann source tree)",
                source: url.path)
        }
        return url
    }
}
