import BoltzmannCore
/// Checks shared by heat maps and phase maps: a grid of cell centres that fits its values.
enum GridValidation {
    /// Throws unless `x` and `y` are finite, strictly increasing, with at least two entries
    /// each, and `rows` is `y.count` rows of `x.count` entries.
    static func validate<Cell>(x: [Double], y: [Double], rows: [[Cell]], name: String) throws {
        for (axis, centres) in [("x", x), ("y", y)] {
            guard centres.count >= 2 else {
                throw BoltzmannError(
                    "the \(axis) grid has \(centres.count) point(s); a map needs at least 2 per axis",
                    fix: "sample the map on at least a 2 × 2 grid", source: name)
            }
            guard centres.allSatisfy(\.isFinite), zip(centres, centres.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw BoltzmannError(
                    "the \(axis) grid is not finite and strictly increasing",
                    fix: "pass cell centres in increasing order without NaN or repeats", source: name)
            }
        }
        guard rows.count == y.count else {
            throw BoltzmannError(
                "the map has \(rows.count) rows but the y grid has \(y.count) points",
                fix: "give one row per y value, row-major: values[j][i] belongs to (x[i], y[j])", source: name)
        }
        if let bad = rows.firstIndex(where: { $0.count != x.count }) {
            throw BoltzmannError(
                "row \(bad) has \(rows[bad].count) entries but the x grid has \(x.count) points",
                fix: "give one entry per x value in every row", source: name)
        }
    }

    /// Cell boundaries around increasing centres: midpoints between neighbours, and half a
    /// spacing beyond each end. Computed in whatever coordinates the centres are given, so the
    /// caller passes log₁₀ of the centres for a log axis (geometric midpoints).
    static func edges(ofCentres centres: [Double]) -> [Double] {
        precondition(centres.count >= 2, "at least two centres")
        var edges = [centres[0] - (centres[1] - centres[0]) / 2]
        for index in 1..<centres.count {
            edges.append((centres[index - 1] + centres[index]) / 2)
        }
        let last = centres.count - 1
        edges.append(centres[last] + (centres[last] - centres[last - 1]) / 2)
        return edges
    }
}
