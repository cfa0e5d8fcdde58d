import Testing
import BoltzmannCore

@Suite("Matrix storage and access")
struct MatrixTests {
    @Test("entries are row-major: (i, j) is element i·columns + j")
    func rowMajorLayout() throws {
        let m = try Matrix<Double>(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6])
        #expect(m[0, 0] == 1 && m[0, 2] == 3 && m[1, 0] == 4 && m[1, 2] == 6)
        #expect(m.row(1) == [4, 5, 6])
        #expect(m.column(1) == [2, 5])
        #expect(m.count == 6 && !m.isSquare)
        let nested = try Matrix<Double>([[1, 2, 3], [4, 5, 6]])
        #expect(nested == m)
        let generated = Matrix<Double>(rows: 2, columns: 3) { i, j in Double(3 * i + j + 1) }
        #expect(generated == m)
    }

    @Test("an element count that does not match the shape throws, naming both")
    func elementCountMismatchThrows() {
        #expect(throws: BoltzmannError.self) {
            try Matrix<Float>(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5])
        }
        #expect(throws: BoltzmannError.self) {
            try Matrix<Float>(rows: -1, columns: 3, elements: [])
        }
        do {
            _ = try Matrix<Double>(rows: 2, columns: 2, elements: [1, 2, 3])
            Issue.record("expected a throw")
        } catch {
            #expect(error.problem.contains("2×2") && error.problem.contains("4"))
        }
    }

    @Test("ragged row lists throw")
    func raggedRowsThrow() {
        #expect(throws: BoltzmannError.self) { try Matrix<Double>([[1, 2], [3]]) }
        #expect((try? Matrix<Double>([]))?.count == 0)
    }

    @Test("identity, diagonal and setRow")
    func constructors() {
        let identity = Matrix<Float>.identity(3)
        #expect(identity.elements == [1, 0, 0, 0, 1, 0, 0, 0, 1])
        let diagonal = Matrix<Double>(diagonal: [2, 3])
        #expect(diagonal.elements == [2, 0, 0, 3] && diagonal.diagonal == [2, 3])
        var m = Matrix<Double>(rows: 2, columns: 2, repeating: 7)
        m.setRow(0, to: [1, 2])
        m[1, 0] = 5
        #expect(m.elements == [1, 2, 5, 7])
    }

    @Test("copies are independent (value semantics)")
    func valueSemantics() {
        let original = Matrix<Double>(rows: 2, columns: 2, repeating: 1)
        var copy = original
        copy[0, 1] = 9
        copy.withUnsafeMutableBufferPointer { $0[3] = 4 }
        #expect(original.elements == [1, 1, 1, 1])
        #expect(copy.elements == [1, 9, 1, 4])
    }

    @Test("transposed matches the definition for square, non-square, thin and empty shapes",
          arguments: [(1, 1), (1, 7), (7, 1), (5, 5), (37, 53), (64, 31), (0, 4), (3, 0)])
    func transpose(shape: (Int, Int)) {
        let (rows, columns) = shape
        let d = LinearAlgebraReference.randomMatrix(Double.self, rows: rows, columns: columns, seed: 11)
        let f = LinearAlgebraReference.randomMatrix(Float.self, rows: rows, columns: columns, seed: 12)
        let dt = d.transposed()
        let ft = f.transposed()
        #expect(dt.rows == columns && dt.columns == rows)
        #expect(ft.rows == columns && ft.columns == rows)
        var exact = true
        for i in 0..<rows {
            for j in 0..<columns where dt[j, i] != d[i, j] || ft[j, i] != f[i, j] {
                exact = false
            }
        }
        #expect(exact)
        #expect(dt.transposed() == d)
    }

    @Test("description shows the shape and cuts large matrices")
    func description() {
        let small = Matrix<Double>.identity(2)
        #expect(small.description == "Matrix<Double> 2×2\n[1.0, 0.0]\n[0.0, 1.0]")
        let large = Matrix<Float>(rows: 20, columns: 20)
        #expect(large.description.split(separator: "\n").count == 10)
        #expect(large.description.contains("…"))
    }
}
