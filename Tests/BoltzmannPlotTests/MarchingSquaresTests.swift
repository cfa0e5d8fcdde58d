import Foundation
import Testing

import BoltzmannPlot

@Suite("Marching squares")
struct MarchingSquaresTests {
    let h = 0.05
    var grid: [Double] { (0...60).map { -1.5 + Double($0) * h } }

    func field(_ f: (Double, Double) -> Double) -> [[Double]] {
        grid.map { y in grid.map { x in f(x, y) } }
    }

    /// Grid edges whose two ends lie on opposite sides of `level`, counted directly.
    func crossedEdges(_ values: [[Double]], level: Double) -> Int {
        var count = 0
        for j in values.indices {
            for i in values[j].indices {
                if i + 1 < values[j].count, (values[j][i] >= level) != (values[j][i + 1] >= level) { count += 1 }
                if j + 1 < values.count, (values[j][i] >= level) != (values[j + 1][i] >= level) { count += 1 }
            }
        }
        return count
    }

    @Test("The level set x² + y² = 1 is one closed line within a grid spacing of the unit circle")
    func circle() {
        let values = field { $0 * $0 + $1 * $1 }
        let lines = MarchingSquares.contourLines(x: grid, y: grid, values: values, level: 1)
        #expect(lines.count == 1)
        let line = try! #require(lines.first)
        #expect(line.isClosed)
        #expect(line.x.first == line.x.last && line.y.first == line.y.last)
        let radii = zip(line.x, line.y).map { ($0 * $0 + $1 * $1).squareRoot() }
        #expect(radii.allSatisfy { abs($0 - 1) < h })
        // Linear interpolation of a quadratic along an edge errs by at most h²/8 in f, i.e.
        // ≈ h²/16 in r at r = 1: far below a grid spacing.
        #expect(radii.allSatisfy { abs($0 - 1) < h * h / 8 })
        // One crossing per sign-changing grid edge, plus the repeated closing point.
        #expect(line.x.count == crossedEdges(values, level: 1) + 1)
    }

    @Test("A linear field is traced exactly")
    func linearField() {
        let values = field { x, y in 2 * x - y }
        let lines = MarchingSquares.contourLines(x: grid, y: grid, values: values, level: 0.3)
        #expect(lines.count == 1)
        let line = lines[0]
        #expect(!line.isClosed)
        #expect(zip(line.x, line.y).allSatisfy { abs(2 * $0 - $1 - 0.3) < 1e-12 })
        #expect(line.x.count == crossedEdges(values, level: 0.3))
    }

    @Test("Two separated bumps give two closed lines")
    func twoComponents() {
        let values = field { x, y in
            exp(-((x - 0.7) * (x - 0.7) + y * y) * 8) + exp(-((x + 0.7) * (x + 0.7) + y * y) * 8)
        }
        let lines = MarchingSquares.contourLines(x: grid, y: grid, values: values, level: 0.5)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.isClosed })
        #expect(Set(lines.map { $0.x.reduce(0, +) > 0 }) == [true, false])
    }

    @Test("A saddle cell is split by its centre value")
    func saddle() {
        // Centre mean 0.5 ≥ level: corners (0,0) and (1,1) connect; the lines cut off the others.
        let connected = MarchingSquares.contourLines(x: [0, 1], y: [0, 1], values: [[1, 0], [0, 1]], level: 0.5)
        #expect(connected.count == 2)
        let cutCorners = Set(connected.map { line in [line.x.reduce(0, +) / 2, line.y.reduce(0, +) / 2] })
        #expect(cutCorners == [[0.75, 0.25], [0.25, 0.75]])
        // Centre mean 0.45 < 0.5: the other pairing, cutting off corners (0,0) and (1,1).
        let other = MarchingSquares.contourLines(x: [0, 1], y: [0, 1], values: [[1, 0], [-0.2, 1]], level: 0.5)
        let otherCorners = Set(other.map { line in [(line.x.reduce(0, +) / 2 * 100).rounded() / 100, (line.y.reduce(0, +) / 2 * 100).rounded() / 100] })
        #expect(other.count == 2)
        #expect(otherCorners.allSatisfy { ($0[0] < 0.5) == ($0[1] < 0.5) })
    }

    @Test("A NaN node opens the circle: the line ends at the cells around it")
    func nanNode() {
        var values = field { $0 * $0 + $1 * $1 }
        values[30][50] = .nan  // node (x, y) = (1.0, 0.0), on the circle
        let lines = MarchingSquares.contourLines(x: grid, y: grid, values: values, level: 1)
        #expect(lines.count == 1)
        #expect(!lines[0].isClosed)
        #expect(zip(lines[0].x, lines[0].y).allSatisfy { x, y in ((x - 1) * (x - 1) + y * y).squareRoot() > h * 0.99 })
    }

    @Test("Levels outside the data give no lines")
    func outside() {
        let values = field { $0 * $0 + $1 * $1 }
        #expect(MarchingSquares.contourLines(x: grid, y: grid, values: values, level: 10).isEmpty)
        #expect(MarchingSquares.contourLines(x: grid, y: grid, values: values, level: -1).isEmpty)
        #expect(MarchingSquares.contourLines(x: grid, y: grid, values: values, level: .nan).isEmpty)
    }
}
