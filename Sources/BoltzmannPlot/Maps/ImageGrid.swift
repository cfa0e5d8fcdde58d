import BoltzmannCore
import Foundation

/// Small grayscale images (8 × 8 digits, 28 × 28 MNIST, RBM samples, receptive fields) laid out
/// in a grid and drawn as an SVG document: one square per pixel, dark for high values, as
/// handwriting on paper.
///
/// Image k is row k of `pixels`, `imageWidth · imageHeight` values in row-major order (first
/// the top row of the image, left to right). A value x maps to the grey 1 − (x − lo)/(hi − lo)
/// (1 white, 0 black), clamped, over `valueRange` = lo…hi (by default the extent of all values;
/// a constant set of images is drawn white). Images fill the grid row by row, `columns` per row
/// (by default ⌈√n⌉, a near-square grid), each framed by a thin grey border, with `gap` pixels
/// of white between them. An optional caption per image (a label, say) is written under it.
///
/// The document follows the conventions of `Figure`: an `<svg>` root with `viewBox`, a white
/// background rectangle, no ids, every text escaped. Pixels equal to the background (white) are
/// not drawn, so a sparse binary image costs one `<rect class="pixel">` per dark pixel.
public struct ImageGrid: Sendable {
    /// One image per row.
    public var pixels: Matrix<Float>
    public var imageWidth: Int
    public var imageHeight: Int
    /// Images per grid row; nil for ⌈√n⌉.
    public var columns: Int?
    /// The side of one image pixel, in SVG pixels.
    public var pixelSize: Double
    /// White space between neighbouring images and around the grid, in SVG pixels.
    public var gap: Double
    /// The values drawn white (lower bound) and black (upper bound); nil for the data's extent.
    public var valueRange: ClosedRange<Double>?
    /// A caption under each image (e.g. its label, in `RichText` markup), or nil for none.
    public var captions: [String]?
    /// A title above the grid (in `RichText` markup: `^{…}` and `_{…}` for scripts), or nil.
    public var title: String?

    public init(
        pixels: Matrix<Float>, imageWidth: Int, imageHeight: Int, columns: Int? = nil, pixelSize: Double = 4,
        gap: Double = 4, valueRange: ClosedRange<Double>? = nil, captions: [String]? = nil, title: String? = nil
    ) {
        self.pixels = pixels
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.columns = columns
        self.pixelSize = pixelSize
        self.gap = gap
        self.valueRange = valueRange
        self.captions = captions
        self.title = title
    }

    /// The side of a square image holding `count` pixels (8 for 64), or nil when `count` is not
    /// a positive perfect square.
    public static func squareSide(of count: Int) -> Int? {
        guard count > 0 else { return nil }
        let side = Int(Double(count).squareRoot().rounded())
        return side * side == count ? side : nil
    }

    /// The SVG document (without an XML declaration, so it can be inlined in HTML).
    ///
    /// - Throws: `BoltzmannError` when the images do not have `imageWidth · imageHeight` pixels,
    ///   there are none, a value is not finite, a size or the range is invalid, or the captions
    ///   do not match the images in number.
    public func svg() throws -> String {
        try validate()
        let count = pixels.rows
        let gridColumns = columns ?? Int(Double(count).squareRoot().rounded(.up))
        let gridRows = (count + gridColumns - 1) / gridColumns
        let captionHeight = captions == nil ? 0.0 : 12
        let titleHeight = title == nil ? 0.0 : 20
        let imageSize = (width: Double(imageWidth) * pixelSize, height: Double(imageHeight) * pixelSize)
        let cell = (width: imageSize.width + gap, height: imageSize.height + gap + captionHeight)
        let titleWidth = title.map { TextMetrics.width(of: RichText($0).plainText, fontSize: 12) + 2 * gap } ?? 0
        let width = max(gap + Double(gridColumns) * cell.width, titleWidth)
        let height = titleHeight + gap + Double(gridRows) * cell.height

        let values = pixels.elements
        let range = valueRange ?? {
            let low = Double(values.min() ?? 0)
            let high = Double(values.max() ?? 0)
            return low...high
        }()
        let span = range.upperBound - range.lowerBound

        var svg = SVGWriter()
        svg.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", SVGNumber.format(width)), ("height", SVGNumber.format(height)),
            ("viewBox", "0 0 \(SVGNumber.format(width)) \(SVGNumber.format(height))"),
            ("font-family", Typography.fontFamily), ("role", "img"),
        ])
        if let title {
            svg.element("title", [], text: RichText(title).plainText)
        }
        svg.element("rect", [
            ("class", "background"), ("x", "0"), ("y", "0"),
            ("width", SVGNumber.format(width)), ("height", SVGNumber.format(height)), ("fill", "#ffffff"),
        ])
        if let title {
            svg.text(RichText(title), x: width / 2, y: 15, fontSize: 12, anchor: .middle, extra: [("class", "title")])
        }
        let pixelCount = imageWidth * imageHeight
        for image in 0..<count {
            let left = gap + Double(image % gridColumns) * cell.width
            let top = titleHeight + gap + Double(image / gridColumns) * cell.height
            for pixel in 0..<pixelCount {
                let value = Double(values[image * pixelCount + pixel])
                let level = span > 0 ? min(max((value - range.lowerBound) / span, 0), 1) : 0
                let grey = Color(white: 1 - level)
                if grey.hex == "#ffffff" { continue }
                let x = left + Double(pixel % imageWidth) * pixelSize
                let y = top + Double(pixel / imageWidth) * pixelSize
                svg.rect(PixelRect(minX: x, minY: y, maxX: x + pixelSize, maxY: y + pixelSize), fill: grey.hex, className: "pixel")
            }
            svg.element("rect", [
                ("class", "frame"), ("x", SVGNumber.format(left)), ("y", SVGNumber.format(top)),
                ("width", SVGNumber.format(imageSize.width)), ("height", SVGNumber.format(imageSize.height)),
                ("fill", "none"), ("stroke", "#c0c0c0"), ("stroke-width", "0.5"),
            ])
            if let captions {
                svg.text(
                    RichText(captions[image]), x: left + imageSize.width / 2, y: top + imageSize.height + 10,
                    fontSize: 9, anchor: .middle, extra: [("class", "caption")])
            }
        }
        svg.close("svg")
        return svg.markup
    }

    /// Writes the grid as a standalone `.svg` file (with an XML declaration), atomically.
    ///
    /// - Throws: `BoltzmannError` for undrawable images or when the file cannot be written.
    public func write(to url: URL) throws {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + (try svg())
        do {
            try Data(document.utf8).write(to: url, options: .atomic)
        } catch {
            throw BoltzmannError(
                "cannot write the image grid: \(error.localizedDescription)",
                fix: "check that the folder exists and is writable", source: url.path)
        }
    }

    private func validate() throws {
        let name = "image grid"
        guard imageWidth >= 1, imageHeight >= 1 else {
            throw BoltzmannError(
                "an image of \(imageWidth) × \(imageHeight) pixels cannot be drawn",
                fix: "give a positive width and height, e.g. 8 × 8", source: name)
        }
        guard pixels.columns == imageWidth * imageHeight else {
            throw BoltzmannError(
                "the images have \(pixels.columns) pixels each, not \(imageWidth) × \(imageHeight) = \(imageWidth * imageHeight)",
                fix: "give an image shape whose width × height is \(pixels.columns)", source: name)
        }
        guard pixels.rows >= 1 else {
            throw BoltzmannError("there are no images to draw", fix: "pass at least one image", source: name)
        }
        if let columns, columns < 1 {
            throw BoltzmannError("a grid of \(columns) columns cannot be drawn", fix: "give at least 1 column", source: name)
        }
        guard pixelSize.isFinite, pixelSize > 0, gap.isFinite, gap >= 0 else {
            throw BoltzmannError(
                "pixel size \(pixelSize) and gap \(gap) must be finite, the size positive and the gap ≥ 0",
                fix: "use e.g. a pixel size of 4 and a gap of 4", source: name)
        }
        if let bad = pixels.elements.firstIndex(where: { !$0.isFinite }) {
            throw BoltzmannError(
                "image \(bad / pixels.columns), pixel \(bad % pixels.columns) is \(pixels.elements[bad])",
                fix: "draw only finite values", source: name)
        }
        if let valueRange, !(valueRange.lowerBound.isFinite && valueRange.upperBound.isFinite) {
            throw BoltzmannError("the value range \(valueRange) is not finite", fix: "pass finite bounds or nil", source: name)
        }
        if let captions, captions.count != pixels.rows {
            throw BoltzmannError(
                "\(captions.count) captions for \(pixels.rows) images",
                fix: "give one caption per image, or none", source: name)
        }
    }
}
