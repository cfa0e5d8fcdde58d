import BoltzmannCore
import Foundation
import Testing

import BoltzmannPlot

@Suite("Image grids")
struct ImageGridTests {
    /// Three 2 × 2 images, two per row: image k has pixels (0, k, 2k, 3k)/9 on the range 0…1.
    static let pixels = try! Matrix<Float>(rows: 3, columns: 4, elements: (0..<3).flatMap { k in
        (0..<4).map { Float($0 * k) / 9 }
    })

    @Test("One frame per image, one square per non-white pixel, laid out row by row")
    func layout() throws {
        let grid = ImageGrid(pixels: Self.pixels, imageWidth: 2, imageHeight: 2, columns: 2, pixelSize: 5, gap: 3,
                             valueRange: 0...1, captions: ["a", "b", "c"])
        let parsed = try ParsedSVG(try grid.svg())
        let frames = try parsed.elements(class: "frame")
        #expect(frames.count == 3)
        // Cells are 2·5 + 3 wide and 2·5 + 3 + 12 (caption) high.
        #expect(frames.map { $0.number("x")! } == [3, 16, 3])
        #expect(frames.map { $0.number("y")! } == [3, 3, 28])
        #expect(parsed.root?.number("width") == 29 && parsed.root?.number("height") == 53)
        // Image 0 is all white (not drawn); images 1 and 2 have three non-white pixels each.
        let squares = try parsed.elements(class: "pixel")
        #expect(squares.count == 6)
        // Image 2's last pixel is 6/9 of the way to black: grey 1 − 6/9 → #555555.
        #expect(squares.last?.string("fill") == "#555555")
        #expect(squares.last?.number("x") == 3 + 5 && squares.last?.number("y") == 28 + 5)
        #expect(try parsed.elements(class: "caption").count == 3)
    }

    @Test("The default range spans the data: the largest value is black")
    func defaultRange() throws {
        let parsed = try ParsedSVG(try ImageGrid(pixels: Self.pixels, imageWidth: 2, imageHeight: 2, title: "RBM samples").svg())
        #expect(try parsed.elements(class: "title").count == 1)
        // A 20-pixel title band pushes the first row of frames down.
        #expect(try parsed.elements(class: "frame").first?.number("y") == 24)
        let fills = try parsed.elements(class: "pixel").compactMap { $0.string("fill") }
        #expect(fills.contains("#000000"))
        #expect(try parsed.elements(class: "frame").count == 3)
    }

    @Test("Undrawable images are refused with an error")
    func refusals() throws {
        var wrongShape = ImageGrid(pixels: Self.pixels, imageWidth: 3, imageHeight: 2)
        #expect(throws: BoltzmannError.self) { try wrongShape.svg() }
        wrongShape.imageWidth = 2
        #expect(throws: Never.self) { try wrongShape.svg() }
        var nan = Self.pixels
        nan[1, 2] = .nan
        #expect(throws: BoltzmannError.self) { try ImageGrid(pixels: nan, imageWidth: 2, imageHeight: 2).svg() }
        #expect(throws: BoltzmannError.self) {
            try ImageGrid(pixels: Self.pixels, imageWidth: 2, imageHeight: 2, captions: ["only one"]).svg()
        }
        #expect(throws: BoltzmannError.self) { try ImageGrid(pixels: Self.pixels, imageWidth: 2, imageHeight: 2, columns: 0).svg() }
        #expect(ImageGrid.squareSide(of: 64) == 8 && ImageGrid.squareSide(of: 784) == 28 && ImageGrid.squareSide(of: 10) == nil)
    }
}
