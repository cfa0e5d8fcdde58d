/// Colour lists for series and categories, chosen to stay distinguishable for readers with
/// colour-vision deficiencies.
public enum Palette {
    /// Okabe and Ito's eight colours ("Color Universal Design", 2002; also B. Wong, Nature
    /// Methods 8, 441 (2011)), ordered for a series cycle: the strongest contrasts first,
    /// yellow (faint on white) last.
    public static let okabeIto: [Color] = [
        Color(red: 0 / 255, green: 114 / 255, blue: 178 / 255),  // blue #0072B2
        Color(red: 213 / 255, green: 94 / 255, blue: 0 / 255),  // vermillion #D55E00
        Color(red: 0 / 255, green: 158 / 255, blue: 115 / 255),  // bluish green #009E73
        Color(red: 204 / 255, green: 121 / 255, blue: 167 / 255),  // reddish purple #CC79A7
        Color(red: 230 / 255, green: 159 / 255, blue: 0 / 255),  // orange #E69F00
        Color(red: 86 / 255, green: 180 / 255, blue: 233 / 255),  // sky blue #56B4E9
        Color(red: 0, green: 0, blue: 0),  // black #000000
        Color(red: 240 / 255, green: 228 / 255, blue: 66 / 255),  // yellow #F0E442
    ]

    /// Paul Tol's "light" qualitative scheme (P. Tol, "Colour Schemes", SRON/EPS/TN/09-002,
    /// 2021): pale colours for filled regions such as the phases of a phase diagram, light
    /// enough that black text and dark lines stay readable on top.
    public static let tolLight: [Color] = [
        Color(red: 119 / 255, green: 170 / 255, blue: 221 / 255),  // light blue #77AADD
        Color(red: 238 / 255, green: 136 / 255, blue: 102 / 255),  // orange #EE8866
        Color(red: 68 / 255, green: 187 / 255, blue: 153 / 255),  // mint #44BB99
        Color(red: 238 / 255, green: 221 / 255, blue: 136 / 255),  // light yellow #EEDD88
        Color(red: 255 / 255, green: 170 / 255, blue: 187 / 255),  // pink #FFAABB
        Color(red: 153 / 255, green: 221 / 255, blue: 255 / 255),  // light cyan #99DDFF
        Color(red: 187 / 255, green: 204 / 255, blue: 51 / 255),  // pear #BBCC33
        Color(red: 170 / 255, green: 170 / 255, blue: 0 / 255),  // olive #AAAA00
        Color(red: 221 / 255, green: 221 / 255, blue: 221 / 255),  // pale grey #DDDDDD
    ]
}
