/// One data set drawn on a figure: a line, markers with optional error bars, or both.
///
/// Non-finite values (NaN, ±∞) are skipped; in a line they break it into separate pieces,
/// so a curve with a gap (a solver that did not converge at some T) shows the gap. On a
/// logarithmic axis, values ≤ 0 are skipped the same way. Error bars are symmetric, ±error,
/// with caps; a NaN error draws no bar.
public struct Series: Sendable {
    public var x: [Double]
    public var y: [Double]
    /// Half-widths of horizontal error bars, one per point, or nil.
    public var xError: [Double]?
    /// Half-heights of vertical error bars, one per point, or nil.
    public var yError: [Double]?
    /// Legend text in `RichText` markup (`q^{*}`, `T_{c}`); nil leaves the series out of the
    /// legend.
    public var label: String?
    /// nil takes the next colour of the figure's palette.
    public var color: Color?
    /// How to stroke the line through the points; nil draws no line.
    public var lineStyle: LineStyle?
    /// Line width in px.
    public var lineWidth: Double
    /// Symbol at each point; nil draws none.
    public var marker: Marker?
    /// Marker diameter in px.
    public var markerSize: Double

    public init(
        x: [Double], y: [Double], xError: [Double]? = nil, yError: [Double]? = nil,
        label: String? = nil, color: Color? = nil, lineStyle: LineStyle? = .solid,
        lineWidth: Double = 1.8, marker: Marker? = nil, markerSize: Double = 7
    ) {
        self.x = x
        self.y = y
        self.xError = xError
        self.yError = yError
        self.label = label
        self.color = color
        self.lineStyle = lineStyle
        self.lineWidth = lineWidth
        self.marker = marker
        self.markerSize = markerSize
    }

    /// A curve through the points in order, e.g. a theory prediction.
    public static func line(
        x: [Double], y: [Double], label: String? = nil, style: LineStyle = .solid,
        color: Color? = nil, width: Double = 1.8, marker: Marker? = nil
    ) -> Series {
        Series(x: x, y: y, label: label, color: color, lineStyle: style, lineWidth: width, marker: marker)
    }

    /// Unconnected markers with optional error bars, e.g. Monte Carlo estimates.
    public static func points(
        x: [Double], y: [Double], yError: [Double]? = nil, xError: [Double]? = nil,
        label: String? = nil, marker: Marker = .circle, color: Color? = nil, size: Double = 7
    ) -> Series {
        Series(
            x: x, y: y, xError: xError, yError: yError, label: label, color: color,
            lineStyle: nil, marker: marker, markerSize: size)
    }
}
