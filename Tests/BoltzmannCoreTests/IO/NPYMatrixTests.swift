import Foundation
import Testing

import BoltzmannCore

@Suite("NPY and Matrix")
struct NPYMatrixTests {
    @Test("NumPy matrices read as Matrix<Double> and Matrix<Float>")
    func readsMatrices() throws {
        let fortran = try NPY.readMatrix(Double.self, from: IOFixture.url("npy/float64_fortran_3x4.npy"))
        #expect(fortran.rows == 3 && fortran.columns == 4)
        #expect(fortran.elements == (0..<12).map(Double.init))
        #expect(fortran.row(1) == [4, 5, 6, 7])
        let single = try NPY.readMatrix(Float.self, from: IOFixture.url("npy/float32_2x3.npy"))
        #expect(single.column(0) == [0.5, Float(1e30 as Double)])
        let widened = try NPY.readMatrix(Double.self, from: IOFixture.url("npy/float32_2x3.npy"))
        #expect(widened.elements == single.elements.map(Double.init))
        let fromInts = try NPY.readMatrix(Float.self, from: IOFixture.url("npy/int8_3x2.npy"))
        #expect(fromInts.elements == [-128, 127, 0, -1, 5, -7])
    }

    @Test("a matrix written as .npy is what numpy.save writes and reads back equal")
    func writesMatrices() throws {
        let folder = try IOScratchFolder()
        defer { folder.remove() }
        // The fixture holds arange(6).reshape(2, 3) / 8 in a version 2.0 header; our version 1.0
        // bytes must match float64's numpy.save layout with the same values.
        let matrix = try Matrix(rows: 2, columns: 3, elements: [0, 0.125, 0.25, 0.375, 0.5, 0.625])
        let url = folder.file("m.npy")
        try NPY.write(matrix, to: url)
        #expect(try NPY.readMatrix(Double.self, from: url) == matrix)
        let reference = try NPY.read(from: IOFixture.url("npy/float64_version2_2x3.npy"))
        #expect(try NPY.read(from: url) == reference)
        let single = try Matrix<Float>(rows: 1, columns: 2, elements: [1, -2])
        #expect(NPYArray(single).dataType == .float32)
        #expect(NPYArray(single).shape == [1, 2])
    }

    @Test("arrays without exactly two axes are refused with a reshape hint")
    func refusesOtherRanks() throws {
        let vector = try IOFixture.url("npy/float64_5.npy")
        expectBoltzmannError(containing: ["float64_5.npy", "shape (5,)", "reshape(1, -1)"]) {
            _ = try NPY.readMatrix(Double.self, from: vector)
        }
        let cube = try IOFixture.url("npy/int32_2x2x2.npy")
        expectBoltzmannError(containing: ["shape (2, 2, 2)", "2 axes"]) {
            _ = try NPY.readMatrix(Float.self, from: cube)
        }
    }
}
