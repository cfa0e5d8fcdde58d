import Foundation

/// The file formats `DatasetLoader` reads.
public enum DatasetFormat: String, Sendable, CaseIterable {
    /// Numeric CSV, one sample per line (see `CSV` for the dialect), optionally gzip-compressed.
    case csv
    /// A NumPy `.npy` array: 2-d (samples × features) for data, 1-d for labels.
    case npy
    /// The IDX format of MNIST (see `IDXFile`): N × d₁ × … for data, N for labels.
    case idx

    /// The format the file's name announces (`.csv`, `.txt`, `.npy`, IDX names such as
    /// `train-images-idx3-ubyte` or `x.idx`, each optionally followed by `.gz`), or nil.
    static func named(by url: URL) -> DatasetFormat? {
        var name = url.lastPathComponent.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix(".csv") || name.hasSuffix(".txt") { return .csv }
        if name.hasSuffix(".npy") { return .npy }
        if name.hasSuffix(".idx") || name.hasSuffix("ubyte") || name.contains("-idx") { return .idx }
        return nil
    }

    /// The format the (decompressed) contents start like: the NumPy magic string, an IDX magic
    /// number, and otherwise text.
    static func detected(in data: Data) -> DatasetFormat {
        if data.starts(with: [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]) { return .npy }
        if IDXFile.hasMagic(data) { return .idx }
        return .csv
    }
}
