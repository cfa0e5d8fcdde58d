import RealModule

/// The 256-layer Ziggurat for the standard normal distribution.
///
/// The half density f(x) = exp(−x²/2) is covered by 256 pieces of equal area v: 255 horizontal
/// rectangles R₁…R₂₅₅ and a base strip R₀ = [0, r] × [0, f(r)] plus the tail x > r. With
/// x₁ = r > x₂ > … > x₂₅₅ > x₂₅₆ = 0, layer i ≥ 1 is [0, xᵢ] × [f(xᵢ), f(xᵢ₊₁)], so
///
///     v = r f(r) + ∫ᵣ^∞ f(x) dx = xᵢ (f(xᵢ₊₁) − f(xᵢ)),   xᵢ₊₁ = √(−2 ln(v/xᵢ + f(xᵢ))),
///
/// and the base strip gets the virtual width x₀ = v/f(r). The pair (r, v) is the solution of
/// "the recursion from x₁ = r lands exactly on f(x₂₅₆) = 1", solved to 25 digits with mpmath:
/// r = 3.6541528853610088, v = 0.004928673233974655; with these, the float64 recursion misses the
/// peak by 3·10⁻¹⁵ (v/x₂₅₅ + f(x₂₅₅) − 1).
///
/// Sampling (see ``RandomStream/gaussian()``): pick a layer i and a point x uniform in [0, xᵢ);
/// if x < xᵢ₊₁ the point lies under the curve for the whole layer height and x is returned
/// (98.5 % of draws); otherwise a tail (i = 0) or wedge (i ≥ 1) test decides. The method is
/// exact: the output has the normal density up to the 2⁻⁵³ resolution of the uniforms.
///
/// Source: G. Marsaglia, W. W. Tsang, "The Ziggurat method for generating random variables",
/// J. Stat. Softw. 5(8) (2000); G. Marsaglia, "Generating a variable from the tail of the normal
/// distribution", Technometrics 6, 101 (1964) for the tail; J. A. Doornik, "An improved Ziggurat
/// method to generate normal random samples" (2005) for drawing the layer index and the abscissa
/// from disjoint bits.
@usableFromInline
struct GaussianZiggurat: @unchecked Sendable {
    /// Number of layers (the layer index takes the low 8 bits of a draw).
    @usableFromInline static let layerCount = 256

    /// r = x₁, where the tail begins.
    @usableFromInline static let tailStart = 3.6541528853610088

    /// v, the common area of each layer.
    static let layerArea = 0.004928673233974655

    /// xᵢ for i = 0…256 (x₀ = v/f(r) is the virtual width of the base strip, x₂₅₆ = 0).
    @usableFromInline let width: UnsafePointer<Double>

    /// xᵢ · 2⁻⁵³ for i = 0…255: multiplies the 53-bit integer abscissa directly.
    @usableFromInline let scaledWidth: UnsafePointer<Double>

    /// f(xᵢ) = exp(−xᵢ²/2) for i = 0…256 (f(x₀) is unused, f(x₂₅₆) = 1).
    @usableFromInline let height: UnsafePointer<Double>

    /// The process-wide table, built once on first use and never freed.
    @usableFromInline static let standard = GaussianZiggurat()

    init() {
        let count = Self.layerCount
        let r = Self.tailStart
        let v = Self.layerArea
        let widths = UnsafeMutablePointer<Double>.allocate(capacity: count + 1)
        let heights = UnsafeMutablePointer<Double>.allocate(capacity: count + 1)
        let scaled = UnsafeMutablePointer<Double>.allocate(capacity: count)
        let density = { (x: Double) in Double.exp(-0.5 * x * x) }
        widths[0] = v / density(r)
        heights[0] = density(widths[0])
        widths[1] = r
        heights[1] = density(r)
        for layer in 1..<(count - 1) {
            let next = Double.sqrt(-2 * Double.log(v / widths[layer] + heights[layer]))
            widths[layer + 1] = next
            heights[layer + 1] = density(next)
        }
        widths[count] = 0
        heights[count] = 1
        for layer in 0..<count {
            scaled[layer] = widths[layer] * 0x1p-53
        }
        width = UnsafePointer(widths)
        height = UnsafePointer(heights)
        scaledWidth = UnsafePointer(scaled)
    }
}
