import BoltzmannCore

/// Rows of a summary split by the values of some columns: the series of a line plot.
struct RowGroups {
    /// The implicit axis of a spec's `repeats`.
    static let repeatAxis = "repeat"

    struct Group {
        /// The grouping columns' values, e.g. `[("temperature", .number(0.5))]`.
        var key: [(column: String, value: ResultValue?)]
        var rows: [ResultRecord]

        /// `T = 0.5, p = 3` in `RichText` markup; nil when there are no grouping columns.
        var label: String? {
            key.isEmpty ? nil : key.map { "\(ColumnLabels.label($0.column)) = \(SummaryColumns.label($0.value))" }
                .joined(separator: ", ")
        }

        /// Text identifying the group, equal for equal keys across summaries.
        var identity: String { key.map { "\($0.column)=\(SummaryColumns.label($0.value))" }.joined(separator: ";") }
    }

    var groups: [Group]

    /// Splits `rows` by `columns`; groups are ordered by their values (numbers ascending, text
    /// in order of first appearance), lexicographically over the columns.
    init(rows: [ResultRecord], by columns: [String]) {
        var order: [String] = []
        var byIdentity: [String: Group] = [:]
        for row in rows {
            let group = Group(key: columns.map { ($0, row[$0]) }, rows: [row])
            if byIdentity[group.identity] == nil {
                order.append(group.identity)
                byIdentity[group.identity] = group
            } else {
                byIdentity[group.identity]!.rows.append(row)
            }
        }
        let appearance = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        groups = order.compactMap { byIdentity[$0] }.sorted { a, b in
            for (left, right) in zip(a.key, b.key) {
                let l = SummaryColumns.number(left.value), r = SummaryColumns.number(right.value)
                if let l, let r, l != r { return l < r }
            }
            return appearance[a.identity]! < appearance[b.identity]!
        }
    }

    /// The columns to group by when the user names none: the varying columns among `axes`
    /// other than those shown.
    /// The `repeat` axis (independent repetitions of stochastic tasks) is never a series: its
    /// rows are averaged (see `PlotPoints`).
    static func automaticColumns(_ columns: SummaryColumns, axes: [String], excluding shown: [String], rows: [ResultRecord]) -> [String] {
        axes.filter { axis in
            guard !shown.contains(axis), axis != repeatAxis, let first = rows.first?[axis] else { return false }
            return rows.contains { $0[axis] != first }
        }
    }
}

/// The (x, y, error) points of some rows, sorted by x; rows without a numeric x or y are skipped.
struct PlotPoints {
    var x: [Double] = []
    var y: [Double] = []
    var error: [Double]?

    ///
    /// With `averaging`, the points at one x are independent repeats of one estimate and are
    /// replaced by their mean; its error is √(Σ eᵢ²)/n from the rows' own errors when the rows
    /// have an error column, otherwise the standard error s/√n of the n values (NaN for n = 1).
    init(rows: [ResultRecord], x xColumn: String, y yColumn: String, error errorColumn: String?, averaging: Bool = false) {
        var triples: [(Double, Double, Double)] = []
        for row in rows {
            guard let x = SummaryColumns.number(row[xColumn]), let y = SummaryColumns.number(row[yColumn]) else { continue }
            let error = errorColumn.flatMap { SummaryColumns.number(row[$0]) } ?? .nan
            triples.append((x, y, error))
        }
        triples.sort { $0.0 < $1.0 }
        if averaging {
            var merged: [(Double, Double, Double)] = []
            var start = 0
            while start < triples.count {
                var end = start + 1
                while end < triples.count && triples[end].0 == triples[start].0 { end += 1 }
                let values = triples[start..<end].map(\.1)
                let n = Double(values.count)
                let mean = values.reduce(0, +) / n
                let spread: Double
                if errorColumn != nil {
                    spread = triples[start..<end].map { $0.2 * $0.2 }.reduce(0, +).squareRoot() / n
                } else if values.count > 1 {
                    spread = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1) / n).squareRoot()
                } else {
                    spread = .nan
                }
                merged.append((triples[start].0, mean, spread))
                start = end
            }
            triples = merged
        }
        x = triples.map(\.0)
        y = triples.map(\.1)
        if errorColumn != nil || averaging { error = triples.map(\.2) }
    }

    /// The first x that occurs twice: the rows differ in a column that is neither shown nor
    /// grouped by.
    var repeatedX: Double? {
        zip(x, x.dropFirst()).first { $0 == $1 }?.0
    }
}
