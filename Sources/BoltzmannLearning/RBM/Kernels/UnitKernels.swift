import BoltzmannCore
import BoltzmannModels

/// Fused conditional-mean and sampling kernels of one RBM layer, for the training loop.
///
/// Given the coupling fields U of a block of rows (U = v·W for the hidden layer, h·Wᵀ for the
/// visible layer, *without* the bias, as in the layer contract), a coupling scale β and the
/// layer's bias θ (and precision γ for Gaussian units), the conditional distribution of each unit
/// depends on the total field x = β·U + θ only:
///
/// | kind      | mean E[x_i \| U]          | sample                                 |
/// |-----------|---------------------------|----------------------------------------|
/// | Bernoulli | σ(x) = 1/(1 + e^{−x})     | 1 if u < σ(x), else 0                  |
/// | spin ±1   | tanh(x) = 2σ(2x) − 1      | +1 if u < σ(2x), else −1               |
/// | Gaussian  | x / γ                     | x/γ + z/√γ, z ~ N(0, 1)                |
///
/// These are the same conditionals as `BernoulliLayer`, `SpinLayer` and `GaussianLayer`
/// (`RBMLayer.mean`/`sample`); the kernels exist so that training computes each mean once, on raw
/// row blocks of its stacked buffers, and samples from that mean (`sample(means:)`) instead of
/// calling the layer twice (the gradient needs the mean and the chain needs the sample). The
/// tests compare them with the layers.
///
/// Randomness (from the caller's `RandomStream`, rows in order): Bernoulli and spin units use
/// two 24-bit uniforms per 64-bit draw (bits 40–63, then bits 16–39), so probabilities are
/// resolved to 2⁻²⁴ (a unit with σ(x) < 2⁻²⁴ is never on); Gaussian units use one `gaussian()`
/// draw each.
@usableFromInline
struct UnitKernel: Sendable {
    @usableFromInline let kind: RBMUnitKind
    /// Bias θ, one per unit.
    @usableFromInline var bias: [Float]
    /// Precision γ (Gaussian only; 1 for other kinds, unused).
    @usableFromInline var precision: [Float]

    @usableFromInline
    init(kind: RBMUnitKind, bias: [Float], precision: [Float]? = nil) {
        self.kind = kind
        self.bias = bias
        self.precision = precision ?? [Float](repeating: 1, count: bias.count)
    }

    var unitCount: Int { bias.count }

    /// Means of `rows` rows of `fields` (row-major, `unitCount` columns) into `means`.
    @inlinable
    func mean(
        fields: UnsafePointer<Float>, beta: Float, rows: Int, into means: UnsafeMutablePointer<Float>
    ) {
        let n = bias.count
        bias.withUnsafeBufferPointer { theta in
            precision.withUnsafeBufferPointer { gamma in
                for row in 0..<rows {
                    let u = fields + row &* n
                    let m = means + row &* n
                    switch kind {
                    case .bernoulli:
                        for i in 0..<n { m[i] = FastSigmoid.sigmoid(beta * u[i] + theta[i]) }
                    case .spin:
                        for i in 0..<n { m[i] = 2 * FastSigmoid.sigmoid(2 * (beta * u[i] + theta[i])) - 1 }
                    case .gaussian:
                        for i in 0..<n { m[i] = (beta * u[i] + theta[i]) / gamma[i] }
                    }
                }
            }
        }
    }

    /// Samples `rows` rows of units from their conditional `means` (as written by `mean`) into
    /// `states`: Bernoulli 1 with probability m; spin +1 with probability (1 + m)/2; Gaussian
    /// m + z/√γ.
    @inlinable
    func sample(
        means: UnsafePointer<Float>, rows: Int, into states: UnsafeMutablePointer<Float>,
        random: inout RandomStream
    ) {
        let n = bias.count
        let count = rows &* n
        switch kind {
        case .bernoulli:
            UnitKernel.threshold(means, count: count, into: states, low: 0, random: &random) { $0 }
        case .spin:
            UnitKernel.threshold(means, count: count, into: states, low: -1, random: &random) { 0.5 * (1 + $0) }
        case .gaussian:
            precision.withUnsafeBufferPointer { gamma in
                for row in 0..<rows {
                    let m = means + row &* n
                    let s = states + row &* n
                    for i in 0..<n {
                        s[i] = m[i] + Float(random.gaussian()) / gamma[i].squareRoot()
                    }
                }
            }
        }
    }

    /// states[i] = 1 if u_i < probability(m[i]) else `low`, with two 24-bit uniforms per
    /// 64-bit draw.
    @inlinable @inline(__always)
    static func threshold(
        _ m: UnsafePointer<Float>, count: Int, into states: UnsafeMutablePointer<Float>,
        low: Float, random: inout RandomStream, probability: (Float) -> Float
    ) {
        var generator = random
        var index = 0
        while index &+ 1 < count {
            let bits = generator.next()
            let first = Float(Int32(truncatingIfNeeded: bits >> 40)) * 0x1p-24
            let second = Float(Int32(truncatingIfNeeded: (bits >> 16) & 0xFF_FFFF)) * 0x1p-24
            states[index] = first < probability(m[index]) ? 1 : low
            states[index &+ 1] = second < probability(m[index &+ 1]) ? 1 : low
            index &+= 2
        }
        if index < count {
            let bits = generator.next()
            let first = Float(Int32(truncatingIfNeeded: bits >> 40)) * 0x1p-24
            states[index] = first < probability(m[index]) ? 1 : low
        }
        random = generator
    }
}

/// The logistic function σ(x) = 1/(1 + e^{−x}) in single precision, written so that loops over
/// it vectorise (no calls, no branches).
///
/// e^{−x} is computed as 2ⁿ·p(r) with n = round(−x·log₂e) (by the 1.5·2²³ rounding trick), r =
/// −x − n·ln 2 in two parts (Cody–Waite), |r| ≤ ln2/2, and p the degree-7 Taylor polynomial of
/// e^r (truncation error < 6·10⁻⁹ relative). The argument is clamped to |x| ≤ 87, so e^{−x}
/// neither overflows nor underflows: σ is then accurate to a few units in the last place for
/// x ≥ −87, and for x < −87 returns σ(−87) ≈ 1.6·10⁻³⁸ instead of a smaller number, an absolute
/// error below 2·10⁻³⁸. Source: J.-M. Muller, *Elementary Functions*, 3rd ed., ch. 11
/// (range reduction); W. J. Cody, W. Waite, *Software Manual for the Elementary Functions* (1980).
@usableFromInline
enum FastSigmoid {
    /// e^x for |x| ≤ 87 (callers clamp).
    @inlinable @inline(__always)
    static func exp(_ x: Float) -> Float {
        let magic: Float = 12_582_912  // 1.5·2²³: adding it rounds to an integer in the low bits
        let shifted = x * 1.442_695_04 + magic
        let n = shifted - magic
        let r = (x - n * 0.693_145_75) - n * 1.428_606_8e-6
        var p: Float = 1.0 / 5040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        // 2ⁿ: the integer n sits in the low mantissa bits of `shifted` (offset 0x400000).
        let exponentBits = (shifted.bitPattern &- magic.bitPattern &+ 127) << 23
        return p * Float(bitPattern: exponentBits)
    }

    /// σ(x), see the type's description.
    @inlinable @inline(__always)
    static func sigmoid(_ x: Float) -> Float {
        let clamped = Swift.min(Swift.max(-x, -87), 87)
        return 1 / (1 + exp(clamped))
    }
}
