/// Where a legend box sits, in pixels.
struct LegendPlacement {
    var origin: PixelPoint
    var width: Double
    var height: Double

    static let padding = 8.0
    static let rowHeight = 18.0
    static let sampleWidth = 30.0
    static let sampleGap = 6.0
    /// Distance kept from the plot frame.
    static let inset = 8.0

    var rect: PixelRect {
        PixelRect(minX: origin.x, minY: origin.y, maxX: origin.x + width, maxY: origin.y + height)
    }

    /// The box size that holds `entries`.
    static func size(of entries: [LegendEntry]) -> (width: Double, height: Double) {
        let widest = entries.map { $0.label.width(fontSize: Typography.legendFontSize) }.max() ?? 0
        return (padding + sampleWidth + sampleGap + widest + padding, 5 + Double(entries.count) * rowHeight + 5)
    }

    /// The box in one inside corner of the plot.
    static func corner(_ position: LegendPosition, entries: [LegendEntry], area: PlotArea) -> LegendPlacement {
        let (width, height) = size(of: entries)
        let rect = area.rect
        let left = rect.minX + inset
        let right = rect.maxX - inset - width
        let top = rect.minY + inset
        let bottom = rect.maxY - inset - height
        let origin: PixelPoint
        switch position {
        case .topLeft: origin = PixelPoint(x: left, y: top)
        case .bottomLeft: origin = PixelPoint(x: left, y: bottom)
        case .bottomRight: origin = PixelPoint(x: right, y: bottom)
        default: origin = PixelPoint(x: right, y: top)
        }
        return LegendPlacement(origin: origin, width: width, height: height)
    }

    /// The first inside corner (top right, top left, bottom right, bottom left) whose box,
    /// grown by 4 px, covers none of `dataPoints`; nil when every corner covers some or the
    /// box does not fit in the plot.
    static func automaticInside(entries: [LegendEntry], area: PlotArea, dataPoints: [PixelPoint]) -> LegendPlacement? {
        let (width, height) = size(of: entries)
        guard width + 2 * inset < area.width, height + 2 * inset < area.height else { return nil }
        for position in [LegendPosition.topRight, .topLeft, .bottomRight, .bottomLeft] {
            let placement = corner(position, entries: entries, area: area)
            let zone = placement.rect.insetBy(-4)
            if !dataPoints.contains(where: { zone.contains($0) }) {
                return placement
            }
        }
        return nil
    }

    /// The box right of the plot (and of a colour bar `colorBarWidth` wide), top-aligned.
    static func outside(entries: [LegendEntry], area: PlotArea, colorBarWidth: Double) -> LegendPlacement {
        let (width, height) = size(of: entries)
        let rect = area.rect
        return LegendPlacement(origin: PixelPoint(x: rect.maxX + colorBarWidth + 12, y: rect.minY), width: width, height: height)
    }
}
