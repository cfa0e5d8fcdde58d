/// A categorical map: each cell of an (x, y) grid belongs to a named phase, drawn in a
/// distinct pale colour, e.g. a phase diagram with regions "P", "SG", "R".
///
/// The grid convention is that of `HeatMap`: `phases[j][i]` is the phase at (`x[i]`,
/// `y[j]`). An empty name marks an undetermined cell, left blank. Phases are listed in the
/// legend in `order` (by default, order of first appearance scanning rows from the bottom)
/// and coloured from `Palette.tolLight` in that order unless `colors` names a colour.
public struct PhaseMap: Sendable {
    public var x: [Double]
    public var y: [Double]
    public var phases: [[String]]
    /// Legend and colour order; phases missing here follow in order of appearance.
    public var order: [String]
    /// Colours for particular phases, overriding the palette.
    public var colors: [String: Color]
    /// Writes each phase's name inside its region, at the cell farthest from other phases.
    public var labelsRegions: Bool
    /// Lists the phases with colour swatches in the figure's legend.
    public var showsLegend: Bool

    public init(
        x: [Double], y: [Double], phases: [[String]], order: [String] = [], colors: [String: Color] = [:],
        labelsRegions: Bool = true, showsLegend: Bool = true
    ) {
        self.x = x
        self.y = y
        self.phases = phases
        self.order = order
        self.colors = colors
        self.labelsRegions = labelsRegions
        self.showsLegend = showsLegend
    }

    /// The phases present, in legend order: `order` first (those that occur), then the rest
    /// in order of first appearance.
    public var phaseNames: [String] {
        var seen = Set<String>()
        var appearance: [String] = []
        for row in phases {
            for name in row where !name.isEmpty && seen.insert(name).inserted {
                appearance.append(name)
            }
        }
        let listed = order.filter { seen.contains($0) }
        return listed + appearance.filter { !listed.contains($0) }
    }

    /// Colour of each phase: `colors` where given, else the palette in legend order.
    public func color(of phase: String) -> Color {
        if let chosen = colors[phase] { return chosen }
        let index = phaseNames.firstIndex(of: phase) ?? 0
        return Palette.tolLight[index % Palette.tolLight.count]
    }

    /// For each phase, the grid cell (i, j) deepest inside its region: the largest number of
    /// 8-neighbour steps to a cell of another phase or to the grid's border, found by one
    /// breadth-first search from all boundary cells. Ties go to the first in row-major order.
    func labelCells() -> [String: (Int, Int)] {
        let rows = phases.count
        guard rows > 0 else { return [:] }
        let columns = phases[0].count
        var depth = [[Int]](repeating: [Int](repeating: -1, count: columns), count: rows)
        var frontier: [(Int, Int)] = []
        let neighbourhood = [(-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1)]
        for j in 0..<rows {
            for i in 0..<columns {
                let isBoundary = neighbourhood.contains { di, dj in
                    let (ni, nj) = (i + di, j + dj)
                    return ni < 0 || nj < 0 || ni >= columns || nj >= rows || phases[nj][ni] != phases[j][i]
                }
                if isBoundary {
                    depth[j][i] = 0
                    frontier.append((i, j))
                }
            }
        }
        var distance = 0
        while !frontier.isEmpty {
            distance += 1
            var next: [(Int, Int)] = []
            for (i, j) in frontier {
                for (di, dj) in neighbourhood {
                    let (ni, nj) = (i + di, j + dj)
                    guard ni >= 0, nj >= 0, ni < columns, nj < rows, depth[nj][ni] < 0 else { continue }
                    depth[nj][ni] = distance
                    next.append((ni, nj))
                }
            }
            frontier = next
        }
        var best: [String: (cell: (Int, Int), depth: Int)] = [:]
        for j in 0..<rows {
            for i in 0..<columns {
                let name = phases[j][i]
                guard !name.isEmpty else { continue }
                if best[name] == nil || depth[j][i] > best[name]!.depth {
                    best[name] = ((i, j), depth[j][i])
                }
            }
        }
        return best.mapValues(\.cell)
    }

    func validate(name: String) throws {
        try GridValidation.validate(x: x, y: y, rows: phases, name: name)
    }
}
