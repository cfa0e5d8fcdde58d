import BoltzmannCore
import Foundation

/// Reads a `Dataset` from a file: numeric CSV (`.csv`, `.csv.gz`), a NumPy array (`.npy`) or
/// MNIST's IDX format (`train-images-idx3-ubyte[.gz]`).
///
/// The format is taken from the file name when it names one, else from the contents (the
/// `.npy` magic string, an IDX magic number, otherwise CSV text); gzip-compressed files are
/// decompressed first. Labels come either from a column of the table (`labelColumn`, e.g.
/// `.last` for `Data/digits.csv.gz`) or from a separate file (`labels`, e.g. MNIST's
/// `train-labels-idx1-ubyte.gz`, a 1-d `.npy` or a one-column CSV).
///
/// Every problem throws a `BoltzmannError` naming the file and what to do: a missing or empty
/// file, ragged rows or a non-numeric cell (with line and column), NaN or infinity (with row and
/// column), a wrong IDX magic number or size, a non-integer label, labels that do not match the
/// samples in number. A data set always has at least one sample and one feature.
public enum DatasetLoader {
    /// Loads the samples (and labels) in `url`.
    ///
    /// - Parameters:
    ///   - labelColumn: the column of a CSV or 2-d `.npy` table that holds integer labels; it is
    ///     removed from the samples. Ignored with `.none`; an error for IDX data.
    ///   - labels: a separate file of one integer label per sample.
    ///   - name: the data set's name; by default the file name.
    public static func load(
        _ url: URL, labelColumn: LabelColumn = .none, labels labelsURL: URL? = nil, name: String? = nil
    ) throws(BoltzmannError) -> Dataset {
        let source = url.path
        let table = try readTable(url)
        guard table.rows > 0 else {
            throw BoltzmannError(
                "the data file holds no samples (0 rows)", fix: "pass a file with at least one sample",
                source: source)
        }
        try requireFinite(table, source: source)

        var samples = table
        var labels: [Int]?
        if let position = labelColumn.position(columnCount: table.columns) {
            guard table.columns >= 2 else {
                throw BoltzmannError(
                    "the data have \(table.columns) column, so no feature column is left once the "
                        + "label column (\(labelColumn)) is taken out",
                    fix: "pass --label-column none if the file holds no labels", source: source)
            }
            guard position < table.columns else {
                throw BoltzmannError(
                    "the label column \(position) (counting from 0) is outside the \(table.columns) columns",
                    fix: "pass a column between 0 and \(table.columns - 1), first, last or none", source: source)
            }
            labels = try integerLabels(table.column(position), source: source, what: "column \(position)")
            samples = removingColumn(position, from: table)
        }
        if let labelsURL {
            guard labels == nil else {
                throw BoltzmannError(
                    "labels were asked for both from a column (\(labelColumn)) and from a file",
                    fix: "pass one of the two", source: labelsURL.path)
            }
            let labelTable = try readTable(labelsURL)
            guard labelTable.columns == 1 else {
                throw BoltzmannError(
                    "a labels file must hold one label per sample (1 column), but this one has "
                        + "\(labelTable.columns) columns",
                    fix: "pass a 1-d .npy array, an IDX labels file (magic 0x00000801) or a one-column CSV",
                    source: labelsURL.path)
            }
            guard labelTable.rows == table.rows else {
                throw BoltzmannError(
                    "the labels file holds \(labelTable.rows) labels, but the data file "
                        + "\(url.lastPathComponent) holds \(table.rows) samples",
                    fix: "pass the labels that belong to these samples (same count and order)",
                    source: labelsURL.path)
            }
            try requireFinite(labelTable, source: labelsURL.path)
            labels = try integerLabels(labelTable.elements, source: labelsURL.path, what: "the labels")
        }
        return Dataset(samples: samples, labels: labels, name: name ?? url.lastPathComponent)
    }

    /// The file's values as a table: CSV rows, a 2-d `.npy` array, or an IDX array flattened to
    /// N × (d₁·d₂·…). A 1-d `.npy` or IDX array becomes one column (labels).
    static func readTable(_ url: URL) throws(BoltzmannError) -> Matrix<Float> {
        let source = url.path
        let data = try DatasetFile.contents(of: url)
        guard !data.isEmpty else {
            throw BoltzmannError(
                "the data file is empty (0 bytes)", fix: "pass a file that holds samples", source: source)
        }
        let format = DatasetFormat.named(by: url) ?? DatasetFormat.detected(in: data)
        switch format {
        case .csv:
            let table: NumericTable
            do {
                table = try CSV.parse(data, source: source)
            } catch let error as BoltzmannError {
                throw error
            } catch {
                throw BoltzmannError(
                    "the CSV file cannot be read (\(error))", fix: "pass a numeric CSV file", source: source)
            }
            return matrix(rows: table.rowCount, columns: table.columnCount, values: table.values.map { Float($0) })
        case .npy:
            let array: NPYArray
            do {
                array = try NPY.decode(data, source: source)
            } catch let error as BoltzmannError {
                throw error
            } catch {
                throw BoltzmannError(
                    "the .npy file cannot be read (\(error))", fix: "write it again with numpy.save", source: source)
            }
            switch array.shape.count {
            case 1: return matrix(rows: array.shape[0], columns: 1, values: array.asFloats())
            case 2: return matrix(rows: array.shape[0], columns: array.shape[1], values: array.asFloats())
            default:
                throw BoltzmannError(
                    "the .npy array has shape \(array.shape); data must be 2-d (samples × features)",
                    fix: "reshape it in NumPy before saving: a.reshape(a.shape[0], -1)", source: source)
            }
        case .idx:
            let file = try IDXFile(parsing: data, source: source)
            let rows = file.shape[0]
            let columns = file.shape.dropFirst().reduce(1, *)
            return matrix(rows: rows, columns: rows == 0 ? 0 : columns, values: file.values)
        }
    }

    private static func matrix(rows: Int, columns: Int, values: [Float]) -> Matrix<Float> {
        // The readers guarantee rows × columns values.
        guard let result = try? Matrix(rows: rows, columns: columns, elements: values) else {
            preconditionFailure("DatasetLoader: \(values.count) values for \(rows)×\(columns)")
        }
        return result
    }

    /// Throws at the first NaN or infinity (CSV refuses them while parsing; `.npy` and IDX
    /// float files may hold them, and a single NaN would poison every gradient).
    private static func requireFinite(_ table: Matrix<Float>, source: String) throws(BoltzmannError) {
        let bad = table.withUnsafeBufferPointer { values in values.firstIndex { !$0.isFinite } }
        guard let bad else { return }
        let row = bad / table.columns
        let column = bad % table.columns
        throw BoltzmannError(
            "row \(row + 1), column \(column + 1) (counting from 1) holds \(table.elements[bad]), not a finite number",
            fix: "fill in or drop the missing values before training (e.g. np.nan_to_num or dropping rows)",
            source: source)
    }

    private static func integerLabels(_ values: [Float], source: String, what: String) throws(BoltzmannError) -> [Int] {
        var labels: [Int] = []
        labels.reserveCapacity(values.count)
        for (row, value) in values.enumerated() {
            guard value.rounded() == value, abs(value) < 0x1p24 else {
                throw BoltzmannError(
                    "\(what): the label of row \(row + 1) (counting from 1) is \(value), not an integer",
                    fix: "labels must be whole numbers (class indices); check which column holds them "
                        + "(--label-column first|last|N|none)",
                    source: source)
            }
            labels.append(Int(value))
        }
        return labels
    }

    private static func removingColumn(_ position: Int, from table: Matrix<Float>) -> Matrix<Float> {
        let columns = table.columns
        var result = Matrix<Float>(rows: table.rows, columns: columns - 1)
        table.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                var index = 0
                for row in 0..<table.rows {
                    for column in 0..<columns where column != position {
                        target[index] = source[row * columns + column]
                        index += 1
                    }
                }
            }
        }
        return result
    }
}
