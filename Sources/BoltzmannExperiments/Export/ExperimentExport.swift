import BoltzmannCore
import Foundation

/// The file formats `boltzmann export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, json, npy
}

/// A results store as a flat table, for other tools: one row per finished task (by index), the
/// columns `index`, `kind`, the parameters, `seed`, the results and `wallSeconds`.
///
/// A result whose name is already a column (a simulation reporting its own `seed`) becomes
/// `results.NAME`. Rows of kinds that lack a column leave it empty (CSV), omit it (JSON) or hold
/// NaN (NPY).
public enum ExperimentExport {
    /// The column names and one record per task with exactly those keys (missing values `.null`).
    public static func table(_ summary: ExperimentSummary) -> (columns: [String], rows: [ResultRecord]) {
        var parameterColumns: [String] = []
        var resultNames: [String] = []
        for task in summary.tasks {
            for key in task.parameters.keys where !parameterColumns.contains(key) { parameterColumns.append(key) }
            for key in task.results.keys where !resultNames.contains(key) { resultNames.append(key) }
        }
        let leading = ["index", "kind"] + parameterColumns + ["seed"]
        let resultColumns = resultNames.map { leading.contains($0) || $0 == "wallSeconds" ? "results.\($0)" : $0 }
        let columns = leading + resultColumns + ["wallSeconds"]
        let rows = summary.tasks.map { task in
            var row = ResultRecord()
            row["index"] = .integer(task.index)
            row["kind"] = .text(task.kind)
            for key in parameterColumns { row[key] = task.parameters[key] ?? .null }
            row["seed"] = .text(String(task.seed))
            for (name, column) in zip(resultNames, resultColumns) { row[column] = task.results[name] ?? .null }
            row["wallSeconds"] = .number(task.wallSeconds)
            return row
        }
        return (columns, rows)
    }

    /// CSV with a header line; numbers in shortest round-trip form, non-finite as `nan`/`inf`.
    /// Seeds are written as unsigned 64-bit integers.
    public static func csv(_ summary: ExperimentSummary) -> String {
        let (columns, rows) = table(summary)
        guard !rows.isEmpty else { return columns.joined(separator: ",") + "\n" }
        return ResultFormat.csv.render(rows)
    }

    /// A JSON array with one object per task (keys in column order, missing values left out);
    /// non-finite numbers are the strings "NaN", "Infinity", "-Infinity" as in ``ResultJSON``.
    public static func json(_ summary: ExperimentSummary) -> String {
        let (columns, rows) = table(summary)
        let objects = rows.map { row in
            "  {" + columns.compactMap { column -> String? in
                guard let value = row[column], value != .null else { return nil }
                return SpecDocument.jsonQuoted(column) + ": " + RecordJSON.text(value)
            }.joined(separator: ", ") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// The numeric columns (numbers, integers, booleans as 0/1; a missing value is NaN) as a
    /// row-major float64 matrix, tasks × columns. Text columns (kind, phase, …) and the seed
    /// (64-bit, not exact in float64) are left out.
    public static func numericMatrix(_ summary: ExperimentSummary) -> (columns: [String], rows: Int, values: [Double]) {
        let (columns, rows) = table(summary)
        let numeric = columns.filter { column in
            column != "seed" && !rows.isEmpty && rows.allSatisfy { row in
                switch row[column] ?? .null {
                case .number, .integer, .bool, .null: return true
                default: return false
                }
            } && rows.contains { ($0[column] ?? .null) != .null }
        }
        var values: [Double] = []
        values.reserveCapacity(rows.count * numeric.count)
        for row in rows {
            for column in numeric {
                switch row[column] ?? .null {
                case .number(let x): values.append(x)
                case .integer(let n): values.append(Double(n))
                case .bool(let b): values.append(b ? 1 : 0)
                default: values.append(.nan)
                }
            }
        }
        return (numeric, rows.count, values)
    }

    /// Writes `url` (.npy, float64, shape tasks × columns) and beside it `NAME.columns.json`
    /// with the column names and the spec's name and hash. Returns the sidecar's URL.
    ///
    /// - Throws: `BoltzmannError` when a file cannot be written.
    @discardableResult
    public static func writeNPY(_ summary: ExperimentSummary, to url: URL) throws -> URL {
        let matrix = numericMatrix(summary)
        try NPY.write(NPYArray(shape: [matrix.rows, matrix.columns.count], values: matrix.values), to: url)
        let sidecar = url.deletingPathExtension().appendingPathExtension("columns.json")
        let text = "{\n  \"columns\": [" + matrix.columns.map(SpecDocument.jsonQuoted).joined(separator: ", ") + "],\n"
            + "  \"experiment\": \(SpecDocument.jsonQuoted(summary.name)),\n  \"specHash\": \(SpecDocument.jsonQuoted(summary.specHash))\n}\n"
        do {
            try Data(text.utf8).write(to: sidecar, options: .atomic)
        } catch {
            throw BoltzmannError("cannot write the column names: \(error.localizedDescription)",
                                 fix: "pass an --output path in a writable folder", source: sidecar.path)
        }
        return sidecar
    }
}
