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
/// it vectorise (no calls, no branches): e^{−x} comes from BoltzmannCore's `fastExp` (relative
/// error below 3·10⁻⁷, argument clamped to [−87.3, 88.3]), so σ is accurate to about 3·10⁻⁷
/// relative, never NaN, and saturates to 1 and to a positive number below 10⁻³⁸.
@usableFromInline
enum FastSigmoid {
    /// σ(x), see the type's description.
    @inlinable @inline(__always)
    static func sigmoid(_ x: Float) -> Float {
        1 / (1 + fastExp(-x))
    }
}
