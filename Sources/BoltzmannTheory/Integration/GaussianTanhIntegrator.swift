import BoltzmannCore
import RealModule

/// The Gaussian averages of tanh that every replica-symmetric equation here is made of:
/// for X = a z + b with z ~ N(0, 1),
///
///     t_k = E tanh^k(X)   (k = 1 … 4),
///
/// from which the RS updates (t₁, t₂) and their exact derivatives follow by Stein's lemma:
/// ∂t₁/∂b = 1 − t₂, ∂t₁/∂a = −2a (t₁ − t₃), ∂t₂/∂b = 2 (t₁ − t₃), ∂t₂/∂a = a (2 − 8t₂ + 6t₄).
public struct TanhMoments: Sendable, Equatable {
    /// E tanh(X).
    public var t1: Double
    /// E tanh²(X).
    public var t2: Double
    /// E tanh³(X).
    public var t3: Double
    /// E tanh⁴(X).
    public var t4: Double

    public init(t1: Double, t2: Double, t3: Double, t4: Double) {
        self.t1 = t1
        self.t2 = t2
        self.t3 = t3
        self.t4 = t4
    }
}

/// Gaussian expectations E f(a z + b), z ~ N(0, 1), of f = tanh^k (k ≤ 4) and f = log cosh,
/// accurate to ≲ 5e−13 absolute for every spread a ≥ 0 and mean b, including the sharp
/// integrands of large a (a = √(c r) reaches 10–20 at low temperature) where a fixed
/// Gauss–Hermite rule fails: tanh(a z) has poles at Im z = π/(2a), and 64-point Gauss–Hermite
/// is already off by 1e−7 at a = 1 (see the tests).
///
/// Two regimes, switched at a = 0.6:
///
/// - **a ≤ 0.6**: 64-point Gauss–Hermite in z. The integrand's poles are at distance ≥ 2.6
///   from the real axis; measured error ≤ 3e−13 for t₄, the hardest of the moments.
/// - **a > 0.6**: integrate in x = a z + b and subtract the non-smooth large-|x| behaviour,
///   whose Gaussian average is closed form:
///
///       tanh^k x = sign(x)^k − sign(x)^k ρ_k(|x|),   ρ_k(y) = 1 − tanh^k y,
///       log cosh x = |x| − log 2 + ρ_L(|x|),          ρ_L(y) = log(1 + e^{−2y}),
///
///   so with ψ the N(b, a²) density, s = E sign X = 1 − 2H(b/a) and
///   E|X| = a √(2/π) e^{−b²/2a²} + b s,
///
///       E tanh^k X = s^{(k odd)} − ∫₀^∞ ρ_k(y) [ψ(y) ∓ ψ(−y)] dy   (− for odd k, + for even),
///       E log cosh X = E|X| − log 2 + ∫₀^∞ ρ_L(y) [ψ(y) + ψ(−y)] dy.
///
///   The remainders ρ decay like e^{−2y} and are analytic on y ≥ 0, and ψ varies on the scale
///   a > 0.6, so composite Gauss–Legendre (11 points on each of the panels 0, 0.5, 1.25, 2.5,
///   4.5, 7.5, 12, 19.5; ρ < 1e−16 beyond) integrates them to ≲ 3e−13 for every b. The
///   ρ's are tabulated once at the 77 fixed nodes (ρ_k from u = e^{−2y} as 2u/(1+u) times
///   a polynomial in tanh y, without cancellation), so one evaluation costs at most 154
///   exponentials (``vectorExponential(_:)``, eight at a time) whatever a and b are; blocks
///   of nodes where both Gaussian factors are below e^{−45} contribute < 1e−19 and are skipped.
///
/// a = 0 is exact: t_k = tanh^k b; b = ±∞ gives the limits; a NaN input gives NaN moments,
/// which the solvers report as non-convergence.
///
/// Accuracy is tested against ``AdaptiveQuadrature`` at 1e−14 over a ∈ [0, 100],
/// |b| ≤ 150 (GaussianTanhIntegratorTests). Sources: the decomposition is the standard
/// "subtract the asymptote" device (e.g. P. J. Davis, P. Rabinowitz, "Methods of Numerical
/// Integration", 2nd ed., §2.12); Stein's lemma E[z g(z)] = E[g′(z)].
public struct GaussianTanhIntegrator: Sendable {
    /// Spreads a at or below this use Gauss–Hermite in z.
    public static let gaussHermiteLimit = 0.6
    /// Order of the Gauss–Hermite rule used for a ≤ ``gaussHermiteLimit``.
    public static let gaussHermiteOrder = 64
    /// Panel edges of the composite Gauss–Legendre rule on y ∈ [0, 19.5].
    static let panelEdges: [Double] = [0, 0.5, 1.25, 2.5, 4.5, 7.5, 12, 19.5]
    /// Gauss–Legendre points per panel.
    static let pointsPerPanel = 11

    /// The shared instance (the tables are immutable).
    public static let standard = GaussianTanhIntegrator()

    /// Eight Gauss–Hermite nodes and their weights.
    struct HermiteBlock: Sendable {
        var nodes: SIMD8<Double>
        var weights: SIMD8<Double>
    }

    /// Eight nodes y_j of the half-line rule (the last block padded with zero weights) with
    /// their weights, the tabulated remainders ρ₁ … ρ₄, ρ_L, and e^{±y_j} (for the
    /// Nishimori-line specialisation).
    struct HalfLineBlock: Sendable {
        var nodes: SIMD8<Double>
        var weights: SIMD8<Double>
        var rho1: SIMD8<Double>
        var rho2: SIMD8<Double>
        var rho3: SIMD8<Double>
        var rho4: SIMD8<Double>
        var rhoLog: SIMD8<Double>
        var growth: SIMD8<Double>
        var decay: SIMD8<Double>
    }

    let hermiteBlocks: [HermiteBlock]
    let halfLineBlocks: [HalfLineBlock]

    public init() {
        let hermite = GaussHermite(order: Self.gaussHermiteOrder)
        let hermiteNodes = Self.packed(hermite.nodes), hermiteWeights = Self.packed(hermite.weights)
        hermiteBlocks = hermiteNodes.indices.map {
            HermiteBlock(nodes: hermiteNodes[$0], weights: hermiteWeights[$0])
        }
        let legendre = GaussLegendre(order: Self.pointsPerPanel)
        var ys: [Double] = [], weights: [Double] = []
        var r1: [Double] = [], r2: [Double] = [], r3: [Double] = [], r4: [Double] = []
        var rLog: [Double] = []
        for panel in 0..<(Self.panelEdges.count - 1) {
            let lower = Self.panelEdges[panel], upper = Self.panelEdges[panel + 1]
            let centre = 0.5 * (lower + upper), halfWidth = 0.5 * (upper - lower)
            for i in 0..<legendre.order {
                let y = centre + halfWidth * legendre.nodes[i]
                let u = Double.exp(-2 * y)
                let t = (1 - u) / (1 + u)
                // 1 − t = 2u/(1+u) exactly, then 1 − t^k = (1 − t)(1 + t + … + t^{k−1}).
                let d = 2 * u / (1 + u)
                ys.append(y)
                weights.append(halfWidth * legendre.weights[i])
                r1.append(d)
                r2.append(d * (1 + t))
                r3.append(d * (1 + t + t * t))
                r4.append(d * (1 + t) * (1 + t * t))
                rLog.append(Double.log(onePlus: u))
            }
        }
        let columns = [ys, weights, r1, r2, r3, r4, rLog, ys.map { Double.exp($0) }, ys.map { Double.exp(-$0) }]
            .map(Self.packed)
        halfLineBlocks = columns[0].indices.map { k in
            HalfLineBlock(
                nodes: columns[0][k], weights: columns[1][k], rho1: columns[2][k], rho2: columns[3][k],
                rho3: columns[4][k], rho4: columns[5][k], rhoLog: columns[6][k], growth: columns[7][k],
                decay: columns[8][k])
        }
    }

    /// `values` in vectors of eight, the last padded with zeros.
    static func packed(_ values: [Double]) -> [SIMD8<Double>] {
        stride(from: 0, to: values.count, by: 8).map { start in
            var vector = SIMD8<Double>(repeating: 0)
            for lane in 0..<min(8, values.count - start) { vector[lane] = values[start + lane] }
            return vector
        }
    }

    /// E tanh^k(a z + b), k = 1 … 4, for spread a ≥ 0 and mean b.
    public func moments(spread a: Double, mean b: Double) -> TanhMoments {
        evaluate(spread: a, mean: b, wantLogCosh: false).moments
    }

    /// The four moments and E log cosh(a z + b) in one pass.
    public func momentsAndLogCosh(spread a: Double, mean b: Double)
        -> (moments: TanhMoments, logCosh: Double)
    {
        evaluate(spread: a, mean: b, wantLogCosh: true)
    }

    /// The moments and E log cosh on the Nishimori line, X = ĥ + √ĥ z (a² = b = ĥ ≥ 0): the same
    /// values as `momentsAndLogCosh(spread: √ĥ, mean: ĥ)` to rounding, at half the cost, since
    /// ψ(±y) ∝ e^{−y²/2ĥ − ĥ/2} e^{±y} needs one exponential per node.
    public func nishimoriMomentsAndLogCosh(conjugate h: Double) -> (moments: TanhMoments, logCosh: Double) {
        let a = h.squareRoot()
        guard a > Self.gaussHermiteLimit else { return evaluate(spread: a, mean: h, wantLogCosh: true) }
        let halfInverseVariance = 0.5 / h
        let signMean = 1 - 2 * gaussianTail(a)
        var odd1 = SIMD8<Double>(repeating: 0), even2 = odd1, odd3 = odd1, evenLog = odd1
        var even4 = odd1
        halfLineBlocks.withUnsafeBufferPointer { blocks in
            for block in blocks {
                // −(y − ĥ)²/2ĥ = −y²/2ĥ + y − ĥ/2 ≤ 0: skip when even its largest lane is tiny.
                let exponent = -halfInverseVariance * block.nodes * block.nodes - 0.5 * h
                if (exponent + block.nodes).max() < -45 { continue }
                let common = vectorExponential(exponent)
                let densityPlus = common * block.growth, densityMinus = common * block.decay
                let oddWeight = block.weights * (densityPlus - densityMinus)
                let evenWeight = block.weights * (densityPlus + densityMinus)
                odd1 += block.rho1 * oddWeight
                even2 += block.rho2 * evenWeight
                odd3 += block.rho3 * oddWeight
                even4 += block.rho4 * evenWeight
                evenLog += block.rhoLog * evenWeight
            }
        }
        let normalisation = 0.398_942_280_401_432_7 / a
        let moments = TanhMoments(
            t1: signMean - normalisation * odd1.sum(),
            t2: 1 - normalisation * even2.sum(),
            t3: signMean - normalisation * odd3.sum(),
            t4: 1 - normalisation * even4.sum())
        let meanAbsolute = a * 0.797_884_560_802_865_4 * Double.exp(-0.5 * h) + h * signMean
        return (moments, meanAbsolute - 0.693_147_180_559_945_3 + normalisation * evenLog.sum())
    }

    @inline(__always)
    func evaluate(spread a: Double, mean b: Double, wantLogCosh: Bool)
        -> (moments: TanhMoments, logCosh: Double)
    {
        precondition(!(a < 0), "the spread a of X = a z + b must be ≥ 0")
        if a == 0 {
            let t = Double.tanh(b)
            let t2 = t * t
            return (TanhMoments(t1: t, t2: t2, t3: t2 * t, t4: t2 * t2),
                    wantLogCosh ? logCosh(b) : 0)
        }
        if a <= Self.gaussHermiteLimit {
            return hermite(spread: a, mean: b, wantLogCosh: wantLogCosh)
        }
        return halfLine(spread: a, mean: b, wantLogCosh: wantLogCosh)
    }

    /// Gauss–Hermite in z; tanh x = sign(x)(1 − e)/(1 + e) and log cosh x = |x| + log1p(e) − ln 2
    /// with e = e^{−2|x|} (absolute error ~1e−16 near x = 0).
    @inline(__always)
    func hermite(spread a: Double, mean b: Double, wantLogCosh: Bool)
        -> (moments: TanhMoments, logCosh: Double)
    {
        var s1 = SIMD8<Double>(repeating: 0), s2 = s1, s3 = s1, s4 = s1
        var sLog = 0.0
        hermiteBlocks.withUnsafeBufferPointer { blocks in
            for block in blocks {
                let x = a * block.nodes + b
                let negative = x .< 0
                let magnitude = x.replacing(with: -x, where: negative)
                let e = vectorExponential(-2 * magnitude)
                let positiveTanh = (1 - e) / (1 + e)
                let t = positiveTanh.replacing(with: -positiveTanh, where: negative)
                let tt = t * t
                let w = block.weights
                s1 += w * t
                s2 += w * tt
                s3 += w * tt * t
                s4 += w * tt * tt
                if wantLogCosh {
                    for lane in 0..<8 {
                        sLog += w[lane] * (magnitude[lane] + Double.log(onePlus: e[lane])
                            - 0.693_147_180_559_945_3)
                    }
                }
            }
        }
        return (TanhMoments(t1: s1.sum(), t2: s2.sum(), t3: s3.sum(), t4: s4.sum()), sLog)
    }

    @inline(__always)
    func halfLine(spread a: Double, mean b: Double, wantLogCosh: Bool)
        -> (moments: TanhMoments, logCosh: Double)
    {
        let inverseA = 1 / a
        let ratio = b * inverseA
        let signMean = 1 - 2 * gaussianTail(ratio)
        let halfInverseVariance = 0.5 * inverseA * inverseA
        var odd1 = SIMD8<Double>(repeating: 0), even2 = odd1, odd3 = odd1, even4 = odd1, evenLog = odd1
        halfLineBlocks.withUnsafeBufferPointer { blocks in
            for block in blocks {
                let dPlus = block.nodes - b, dMinus = block.nodes + b
                let ePlus = -halfInverseVariance * dPlus * dPlus
                let eMinus = -halfInverseVariance * dMinus * dMinus
                if max(ePlus.max(), eMinus.max()) < -45 { continue }
                let densityPlus = vectorExponential(ePlus), densityMinus = vectorExponential(eMinus)
                let oddWeight = block.weights * (densityPlus - densityMinus)
                let evenWeight = block.weights * (densityPlus + densityMinus)
                odd1 += block.rho1 * oddWeight
                even2 += block.rho2 * evenWeight
                odd3 += block.rho3 * oddWeight
                even4 += block.rho4 * evenWeight
                if wantLogCosh { evenLog += block.rhoLog * evenWeight }
            }
        }
        let normalisation = inverseA * 0.398_942_280_401_432_7
        let moments = TanhMoments(
            t1: signMean - normalisation * odd1.sum(),
            t2: 1 - normalisation * even2.sum(),
            t3: signMean - normalisation * odd3.sum(),
            t4: 1 - normalisation * even4.sum())
        guard wantLogCosh else { return (moments, 0) }
        let meanAbsolute = a * 0.797_884_560_802_865_4 * Double.exp(-0.5 * ratio * ratio)
            + b * signMean
        return (moments, meanAbsolute - 0.693_147_180_559_945_3 + normalisation * evenLog.sum())
    }
}
