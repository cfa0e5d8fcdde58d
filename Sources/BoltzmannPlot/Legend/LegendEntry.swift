/// One row of a legend: a sample of how something is drawn, and its label.
struct LegendEntry {
    enum Sample {
        /// A short stretch of a series' line and/or its marker (with an error bar if it has them).
        case series(Series, Color)
        /// A filled square, for a phase's region colour.
        case swatch(Color)
    }

    var label: RichText
    var sample: Sample
}
