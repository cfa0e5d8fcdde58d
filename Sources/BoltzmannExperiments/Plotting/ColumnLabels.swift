/// Axis and legend text for the column names scenarios use, in `RichText` markup (`q^{*}`,
/// `ε_{c}`), so figures read like the papers' rather than like variable names. Unknown names are
/// shown as they are.
public enum ColumnLabels {
    static let known: [String: String] = [
        "alpha": "α", "temperature": "T", "teacherTemperature": "T^{*}", "beta": "β",
        "qStar": "q^{*}", "q": "q", "m": "m", "mMax": "m_{max}", "freeEntropy": "f",
        "epsilon": "ε", "epsilonCritical": "ε_{c}", "eta": "η", "p": "p", "teacherP": "p^{*}",
        "correlation": "c", "c": "c", "alphaCritical": "α_{c}", "size": "N", "energy": "E",
        "returnProbability": "return probability", "spinodalC": "c_{sp}", "thermodynamicC": "c_{th}",
        "hiddenUnits": "P", "teacherHiddenUnits": "P^{*}", "mattis": "m",
    ]

    /// The label of `column`.
    public static func label(_ column: String) -> String {
        known[column] ?? column
    }
}
