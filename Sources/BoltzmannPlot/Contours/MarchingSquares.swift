/// Contour lines of a function sampled on a rectangular grid, by marching squares.
///
/// Each grid cell's four corners are classified as above (f ≥ level) or below the level;
/// every cell edge whose ends differ holds one crossing, placed by linear interpolation
/// x = x₀ + (level − f₀)/(f₁ − f₀) · (x₁ − x₀). A cell with two crossings gets one segment; a
/// saddle cell (four crossings) is resolved by the mean of its corners, the "asymptotic
/// decider" in its simplest form: the corners on the centre's side stay connected. Segments
/// of neighbouring cells share their crossing edge exactly, so they are joined into polylines
/// by edge identity, with no tolerance. Cells with a NaN corner produce nothing: lines end
/// there. Reference: W. E. Lorensen and H. E. Cline, SIGGRAPH '87 (marching cubes, of which
/// this is the 2-D case); saddle rule after G. M. Nielson and B. Hamann, Visualization '91.
///
/// Accuracy: crossings are exact for a function linear along each edge; for a smooth f the
/// error is O(h²) in the grid spacing h.
public enum MarchingSquares {
    /// The contour lines of `values` at `level`.
    ///
    /// - Parameters:
    ///   - x: the grid's x coordinates, increasing, one per column.
    ///   - y: the grid's y coordinates, increasing, one per row.
    ///   - values: f sampled row-major, `values[j][i] = f(x[i], y[j])`.
    /// - Precondition: `values` has `y.count` rows of `x.count` values.
    public static func contourLines(x: [Double], y: [Double], values: [[Double]], level: Double) -> [ContourLine] {
        precondition(values.count == y.count && values.allSatisfy { $0.count == x.count }, "values must be y.count rows of x.count")
        let columns = x.count
        let rows = y.count
        guard columns >= 2, rows >= 2, !level.isNaN else { return [] }

        // Edge keys: horizontal edge from node (i, j) to (i+1, j) is 2(j·columns + i);
        // vertical edge from (i, j) to (i, j+1) is 2(j·columns + i) + 1.
        func horizontal(_ i: Int, _ j: Int) -> Int { 2 * (j * columns + i) }
        func vertical(_ i: Int, _ j: Int) -> Int { 2 * (j * columns + i) + 1 }

        var segments: [(Int, Int)] = []
        for j in 0..<(rows - 1) {
            for i in 0..<(columns - 1) {
                let corners = [values[j][i], values[j][i + 1], values[j + 1][i + 1], values[j + 1][i]]
                if corners.contains(where: \.isNaN) { continue }
                let above = corners.map { $0 >= level }
                // Edges in corner order: bottom (0–1), right (1–2), top (3–2), left (0–3).
                let bottom = horizontal(i, j)
                let right = vertical(i + 1, j)
                let top = horizontal(i, j + 1)
                let left = vertical(i, j)
                var crossed: [Int] = []
                if above[0] != above[1] { crossed.append(bottom) }
                if above[1] != above[2] { crossed.append(right) }
                if above[3] != above[2] { crossed.append(top) }
                if above[0] != above[3] { crossed.append(left) }
                if crossed.count == 2 {
                    segments.append((crossed[0], crossed[1]))
                } else if crossed.count == 4 {
                    let centreAbove = corners.reduce(0, +) / 4 >= level
                    if centreAbove == above[0] {
                        // Corners 0 and 2 connect through the centre: cut off corners 1 and 3.
                        segments.append((bottom, right))
                        segments.append((top, left))
                    } else {
                        segments.append((bottom, left))
                        segments.append((top, right))
                    }
                }
            }
        }
        if segments.isEmpty { return [] }

        func crossing(_ key: Int) -> (Double, Double) {
            let node = key / 2
            let i = node % columns
            let j = node / columns
            let start = values[j][i]
            if key % 2 == 0 {
                let t = (level - start) / (values[j][i + 1] - start)
                return (x[i] + t * (x[i + 1] - x[i]), y[j])
            } else {
                let t = (level - start) / (values[j + 1][i] - start)
                return (x[i], y[j] + t * (y[j + 1] - y[j]))
            }
        }

        // Each edge is shared by at most two segments (the two cells on either side).
        var segmentsAtEdge: [Int: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            segmentsAtEdge[segment.0, default: []].append(index)
            segmentsAtEdge[segment.1, default: []].append(index)
        }
        var used = [Bool](repeating: false, count: segments.count)

        /// Follows unused segments from `edge`, appending the edges reached.
        func walk(from edge: Int, into chain: inout [Int]) {
            var current = edge
            while let next = segmentsAtEdge[current]?.first(where: { !used[$0] }) {
                used[next] = true
                let segment = segments[next]
                current = segment.0 == current ? segment.1 : segment.0
                chain.append(current)
            }
        }

        var chains: [[Int]] = []
        // Open lines first, each started from an end (an edge with a single segment), so that
        // a line is never split in the middle.
        let ends = segmentsAtEdge.filter { $0.value.count == 1 }.map(\.key).sorted()
        for end in ends where !used[segmentsAtEdge[end]![0]] {
            var chain = [end]
            walk(from: end, into: &chain)
            chains.append(chain)
        }
        // What remains are closed loops.
        for (index, segment) in segments.enumerated() where !used[index] {
            used[index] = true
            var chain = [segment.0, segment.1]
            walk(from: segment.1, into: &chain)
            chains.append(chain)
        }

        return chains.map { chain in
            let points = chain.map(crossing)
            let closed = chain.count > 2 && chain.first == chain.last
            return ContourLine(level: level, x: points.map(\.0), y: points.map(\.1), isClosed: closed)
        }
    }
}
