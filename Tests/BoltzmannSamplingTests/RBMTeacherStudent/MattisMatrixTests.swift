import BoltzmannModels
import BoltzmannSampling
import Testing

/// Greedy matching and alignment of Mattis matrices on constructed cases whose answer is known
/// by hand, including one where greedy differs from the optimal assignment.
@Suite struct MattisMatrixTests {
    @Test func greedyTakesTheLargestEntryFirstAndFixesSigns() {
        // Greedy takes 0.9 at (0, 0) (the optimal assignment would pair (0, 1) and (1, 0) for
        // 0.8 + 0.85), then −0.5 at (2, 2) with sign −1, then 0.1 at (1, 1).
        let matrix = MattisMatrix(rows: 3, columns: 3, values: [0.9, 0.8, 0, 0.85, 0.1, 0, 0, 0, -0.5])
        let matches = matrix.greedyMatching()
        #expect(matches == [
            .init(row: 0, column: 0, sign: 1), .init(row: 2, column: 2, sign: -1), .init(row: 1, column: 1, sign: 1),
        ])
        #expect(abs(matrix.matchedMean() - 1.5 / 3) < 1e-12)
        #expect(matrix.aligned().values == [0.9, 0.8, 0, 0.85, 0.1, 0, 0, 0, 0.5])
    }

    @Test func permutedStudentUnitsAreBroughtToTheDiagonal() {
        // Student columns are the teacher's rows permuted (2, 0, 1) with signs (−, +, −) plus a
        // fourth, unmatched column.
        let matrix = MattisMatrix(rows: 3, columns: 4, values: [
            0.05, -0.7, 0.02, 0.3,
            0.01, 0.03, -0.6, -0.4,
            0.8, 0.04, 0.01, 0.1,
        ])
        #expect(matrix.aligned().values == [
            0.7, -0.02, 0.05, -0.3,
            -0.03, 0.6, 0.01, 0.4,
            -0.04, -0.01, 0.8, -0.1,
        ])
        #expect(abs(matrix.matchedMean() - 0.7) < 1e-12)
    }

    @Test func fewerStudentUnitsThanTeacherUnits() {
        let matrix = MattisMatrix(rows: 3, columns: 2, values: [0.1, 0.2, -0.9, 0.3, 0.4, 0.5])
        // (1, 0) = −0.9 first, then among rows {0, 2} and column 1: 0.5 at (2, 1).
        #expect(matrix.greedyMatching() == [.init(row: 1, column: 0, sign: -1), .init(row: 2, column: 1, sign: 1)])
        #expect(matrix.aligned().values == [-0.1, 0.2, 0.9, 0.3, -0.4, 0.5])
    }

    @Test func overlapsAreDotProductsOverN() {
        let teacher: [Double] = [1, -1, 1, 1, -1, 1, 1, -1]   // N = 4 sites × 2 patterns
        let student: [Double] = [1, 1, -1, -1]                 // N = 4 sites × 1 pattern
        let matrix = MattisMatrix(teacher, rows: 2, student, columns: 1, size: 4)
        #expect(matrix.values == [0.5, 0])
    }
}
