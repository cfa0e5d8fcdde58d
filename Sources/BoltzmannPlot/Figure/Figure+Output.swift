import BoltzmannCore
import Foundation

extension Figure {
    /// The figure as a self-contained SVG document: an `<svg>` root with `viewBox`, no external
    /// fonts, styles or ids, all text escaped. There is no XML declaration, so the string can
    /// be inlined in HTML as is.
    ///
    /// - Throws: `BoltzmannError` when the data cannot be drawn (mismatched lengths, bad ranges,
    ///   a map grid that does not fit its values).
    public func svg() throws -> String {
        try FigureRenderer(figure: self).render()
    }

    /// Writes the figure as a standalone `.svg` file (with an XML declaration).
    ///
    /// - Throws: `BoltzmannError` for undrawable data or when the file cannot be written.
    public func write(to url: URL) throws {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + (try svg())
        do {
            try Data(document.utf8).write(to: url, options: .atomic)
        } catch {
            throw BoltzmannError(
                "cannot write the figure: \(error.localizedDescription)",
                fix: "check that the directory exists and is writable", source: url.path)
        }
    }

    /// Where the axes' box lies and how data map into it, as `svg()` draws it.
    ///
    /// - Throws: `BoltzmannError` as `svg()`.
    public func plotArea() throws -> PlotArea {
        try FigureRenderer(figure: self).area
    }
}
