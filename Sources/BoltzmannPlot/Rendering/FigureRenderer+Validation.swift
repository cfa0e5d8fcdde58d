import BoltzmannCore
extension FigureRenderer {
    /// Throws a `BoltzmannError` for anything in `figure` that cannot be drawn as given.
    static func validate(_ figure: Figure) throws {
        guard figure.width.isFinite, figure.height.isFinite, figure.width >= 120, figure.height >= 100 else {
            throw BoltzmannError(
                "the figure is \(figure.width) × \(figure.height) px, too small to hold axes and labels",
                fix: "use at least 120 × 100 px (640 × 440 suits a journal column)", source: "figure")
        }
        guard !figure.palette.isEmpty else {
            throw BoltzmannError("the colour palette is empty", fix: "leave the default Palette.okabeIto or give colours", source: "figure")
        }
        for (name, axis) in [("x axis", figure.xAxis), ("y axis", figure.yAxis)] {
            guard let range = axis.range else { continue }
            guard range.lowerBound.isFinite, range.upperBound.isFinite, range.lowerBound < range.upperBound else {
                throw BoltzmannError(
                    "the range \(range) is not a finite interval of positive length",
                    fix: "give lower < upper, both finite, or nil to range from the data", source: name)
            }
            if axis.scale == .log10 && range.lowerBound <= 0 {
                throw BoltzmannError(
                    "a logarithmic axis cannot start at \(range.lowerBound)",
                    fix: "give a positive lower bound, e.g. 1e-3", source: name)
            }
        }
        for (index, series) in figure.series.enumerated() {
            let name = "series \(index)" + (series.label.map { " (\($0))" } ?? "")
            guard series.x.count == series.y.count else {
                throw BoltzmannError(
                    "x has \(series.x.count) values but y has \(series.y.count)",
                    fix: "give one y per x", source: name)
            }
            for (axis, errors) in [("y", series.yError), ("x", series.xError)] {
                guard let errors else { continue }
                guard errors.count == series.x.count else {
                    throw BoltzmannError(
                        "\(errors.count) \(axis) errors for \(series.x.count) points",
                        fix: "give one error per point (NaN for none)", source: name)
                }
                if let negative = errors.first(where: { $0 < 0 }) {
                    throw BoltzmannError(
                        "\(axis) error \(negative) is negative",
                        fix: "pass error-bar half-widths, which are ≥ 0", source: name)
                }
            }
            guard series.lineWidth > 0, series.markerSize > 0 else {
                throw BoltzmannError("line width and marker size must be positive", fix: "use e.g. 1.8 and 7 px", source: name)
            }
        }
        let grids = figure.heatMaps.enumerated().map { ("heat map \($0.offset)", $0.element.x, $0.element.y) }
            + figure.phaseMaps.enumerated().map { ("phase map \($0.offset)", $0.element.x, $0.element.y) }
        for (index, map) in figure.heatMaps.enumerated() {
            try map.validate(name: "heat map \(index)")
        }
        for (index, map) in figure.phaseMaps.enumerated() {
            try map.validate(name: "phase map \(index)")
        }
        for (name, x, y) in grids {
            let xBad = figure.xAxis.scale == .log10 && x.contains { $0 <= 0 }
            let yBad = figure.yAxis.scale == .log10 && y.contains { $0 <= 0 }
            if xBad || yBad {
                throw BoltzmannError(
                    "the map has grid points ≤ 0 on a logarithmic axis",
                    fix: "use a linear axis or a grid of positive values", source: name)
            }
        }
    }
}
