import BoltzmannCore
import BoltzmannModels
import RealModule

/// The replica-symmetric equations of the RBM teacher–student problem for any P* teacher and P
/// student hidden units and correlated teacher patterns (MODELS.md §3, arXiv 2410.16150),
/// derived here and solved by exact enumeration of the 2^P hidden (and weight) states.
///
/// **Derivation (sketch).** Summing the visible units out of one example, with the weak fields
/// (β*ξ*τ* + β Σ_a ξ^a τ^a)/√N, turns the replicated likelihood of an example into a function of
/// the overlaps m^a = ξ*ᵀξ^a/N (P* × P), s^a = ξ^aᵀξ^a/N and q^{ab} = ξ^aᵀξ^b/N; the student's
/// normaliser is Z(ξ) ∝ E_τ exp(½β² τᵀ s τ); the teacher's hidden states follow
/// p*(τ*) ∝ exp(½β*² τ*ᵀCτ*) (``RBMTeacherHiddenPrior``). In replica symmetry, with
/// z ~ N(0, I_P) decoupling the replicas, the example side is governed by the effective
/// hidden-unit Hamiltonian
///
///     L(τ | τ*, z) = β τᵀ q^{1/2} z + (β²/2) τᵀ(s − q)τ + β*β τ*ᵀ m τ,
///
/// and the weight side by one visible site's Hamiltonian, with w ~ N(0, I_P) and ξ* a row of
/// the teacher (``RBMTeacherRowDistribution``),
///
///     K(ξ | ξ*, w) = ξ*ᵀ m̂ ξ + wᵀ q̂^{1/2} ξ + ½ ξᵀ(ŝ − q̂) ξ.
///
/// The free entropy per visible unit, relative to the paramagnet, is
///
///     f = −Σ m̂∘m − ½ Σ ŝ∘s + ½ Σ q̂∘q + E_{ξ*,w} ln E_ξ e^K
///         + α [E_{τ*,z} ln E_τ e^L − ln E_τ e^{(β²/2) τᵀsτ}],
///
/// (E_τ, E_ξ uniform over {±1}^P; for Gaussian weights E_ξ is over N(0, I), see
/// ``RBMGaussianWeights``), and its stationary points satisfy
///
///     m̂ = α β*β E τ*⟨τ⟩ᵀ,   q̂ = α β² E ⟨τ⟩⟨τ⟩ᵀ,   ŝ = α β² (E ⟨ττᵀ⟩_L − ⟨ττᵀ⟩_s)  (zero diagonal),
///     m  = E ξ*⟨ξ⟩ᵀ,          q  = E ⟨ξ⟩⟨ξ⟩ᵀ,          s  = E ⟨ξξᵀ⟩_K,
///
/// where ⟨·⟩_s is the average under e^{(β²/2)τᵀsτ}. For P = P* = 1 these are
/// ``RBMReducedEquations``; with C = I and diagonal m, q they factorise over hidden units into
/// the same scalar equations (tested). The unknowns iterated are m, the upper triangle of q and
/// the strict upper triangle of s (binary weights, s_μμ = 1) or its whole upper triangle
/// (Gaussian weights).
///
/// **Accuracy.** Gaussian averages over z and w use a product Gauss–Hermite rule of order
/// ``defaultOrder(studentHidden:)`` per axis; the error grows with the spreads β√q and √q̂
/// (compare with the reduced equations: ≲ 1e−6 at spreads ≲ 1, a few 1e−4 at spreads ≈ 2;
/// measured in the tests). Limits: P ≤ 4, P* ≤ 8 (the enumeration costs 2^{P*} n^P 2^P).
public struct RBMGeneralEquations: Sendable {
    public static let maximumStudentHidden = 4
    public static let maximumTeacherHidden = 8

    public let scenario: RBMTeacherStudentScenario
    /// Gauss–Hermite nodes per axis.
    public let order: Int
    let energetic: RBMEnumeratedAverage
    let weightSide: RBMEnumeratedAverage
    let correlation: [Double]

    /// Default nodes per axis: 64, 40, 16, 10 for P = 1, 2, 3, 4.
    public static func defaultOrder(studentHidden p: Int) -> Int {
        [64, 40, 16, 10][min(max(p, 1), 4) - 1]
    }

    /// - Throws: `BoltzmannError` when P or P* exceeds the enumeration limits.
    public init(_ scenario: RBMTeacherStudentScenario, order: Int? = nil) throws(BoltzmannError) {
        guard scenario.studentHidden <= Self.maximumStudentHidden,
            scenario.teacherHidden <= Self.maximumTeacherHidden
        else {
            throw BoltzmannError(
                "the general RBM equations enumerate 2^P* · 2^P hidden states with a P-dimensional "
                    + "Gaussian integral; P* = \(scenario.teacherHidden), P = \(scenario.studentHidden) exceeds "
                    + "the limits P* ≤ \(Self.maximumTeacherHidden), P ≤ \(Self.maximumStudentHidden)",
                fix: "use fewer hidden units, or c = 0 with P = P* (the reduced equations hold for any P)",
                source: "--hidden")
        }
        let order = order ?? Self.defaultOrder(studentHidden: scenario.studentHidden)
        precondition(order >= 1)
        self.scenario = scenario
        self.order = order
        correlation = scenario.correlationMatrix
        let prior = try RBMTeacherHiddenPrior(
            units: scenario.teacherHidden, correlation: correlation, teacherBeta: scenario.teacherBeta)
        let grid = RBMProductGrid(dimension: scenario.studentHidden, order: order)
        energetic = RBMEnumeratedAverage(
            outerUnits: scenario.teacherHidden, innerUnits: scenario.studentHidden,
            outerProbabilities: prior.probabilities, grid: grid)
        weightSide = RBMEnumeratedAverage(
            outerUnits: scenario.teacherHidden, innerUnits: scenario.studentHidden,
            outerProbabilities: RBMTeacherRowDistribution.probabilities(
                units: scenario.teacherHidden, correlation: scenario.correlation),
            grid: grid)
    }

    /// The order parameters and conjugates of one point, row-major.
    public struct Point: Sendable, Equatable {
        public var m: [Double]
        public var q: [Double]
        public var s: [Double]
        public var mHat: [Double]
        public var qHat: [Double]
        public var sHat: [Double]
    }

    var teacherUnits: Int { scenario.teacherHidden }
    var studentUnits: Int { scenario.studentHidden }

    /// Whether s_μμ is an unknown (Gaussian weights) or fixed at 1 (binary).
    var selfOverlapDiagonalFree: Bool { scenario.weights == .gaussian }

    /// Length of the packed unknown vector.
    public var dimension: Int {
        let p = studentUnits
        return teacherUnits * p + p * (p + 1) / 2 + (selfOverlapDiagonalFree ? p * (p + 1) / 2 : p * (p - 1) / 2)
    }

    /// Packs (m, q, s) into the unknown vector.
    public func pack(m: [Double], q: [Double], s: [Double]) -> [Double] {
        let p = studentUnits
        var x = m
        for i in 0..<p { for j in i..<p { x.append(q[i * p + j]) } }
        for i in 0..<p { for j in (selfOverlapDiagonalFree ? i : i + 1)..<p { x.append(s[i * p + j]) } }
        return x
    }

    /// Unpacks the unknown vector into (m, q, s), symmetric matrices filled in.
    public func unpack(_ x: [Double]) -> (m: [Double], q: [Double], s: [Double]) {
        let p = studentUnits, k = teacherUnits
        let m = Array(x[0..<(k * p)])
        var index = k * p
        var q = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            for j in i..<p {
                q[i * p + j] = x[index]
                q[j * p + i] = x[index]
                index += 1
            }
        }
        var s = RBMSmallMatrices.identity(p)
        for i in 0..<p {
            for j in (selfOverlapDiagonalFree ? i : i + 1)..<p {
                s[i * p + j] = x[index]
                s[j * p + i] = x[index]
                index += 1
            }
        }
        return (m, q, s)
    }

    /// The reference measure e^{(β²/2)τᵀsτ}: (⟨ττᵀ⟩_s, ln E_τ e^{(β²/2)τᵀsτ}).
    func studentNormaliser(s: [Double]) -> (second: [Double], log: Double) {
        let p = studentUnits, beta = scenario.beta
        var exponents = [Double](repeating: 0, count: 1 << p)
        for state in 0..<(1 << p) {
            var sum = 0.0
            for i in 0..<p {
                for j in 0..<p {
                    sum += RBMTeacherHiddenPrior.spin(state, i) * s[i * p + j] * RBMTeacherHiddenPrior.spin(state, j)
                }
            }
            exponents[state] = 0.5 * beta * beta * sum
        }
        let top = exponents.max() ?? 0
        var total = 0.0
        var second = [Double](repeating: 0, count: p * p)
        for state in 0..<(1 << p) {
            let w = Double.exp(exponents[state] - top)
            total += w
            for i in 0..<p {
                for j in 0..<p {
                    second[i * p + j] += w * RBMTeacherHiddenPrior.spin(state, i) * RBMTeacherHiddenPrior.spin(state, j)
                }
            }
        }
        return (second.map { $0 / total }, top + Double.log(total) - Double(p) * 0.693_147_180_559_945_3)
    }

    /// The energetic side: conjugates from (m, q, s), and E ln E_τ e^L − ln E_τ e^{(β²/2)τᵀsτ}.
    func conjugates(m: [Double], q: [Double], s: [Double]) -> (mHat: [Double], qHat: [Double], sHat: [Double], logTerm: Double)? {
        let p = studentUnits
        let beta = scenario.beta, teacherBeta = scenario.teacherBeta, alpha = scenario.alpha
        guard let root = RBMSmallMatrices.squareRoot(q, order: p) else { return nil }
        let bias = m.map { teacherBeta * beta * $0 }
        let mixing = root.map { beta * $0 }
        var coupling = [Double](repeating: 0, count: p * p)
        for i in 0..<(p * p) { coupling[i] = 0.5 * beta * beta * (s[i] - q[i]) }
        let average = energetic.evaluate(bias: bias, mixing: mixing, coupling: coupling)
        let reference = studentNormaliser(s: s)
        let mHat = average.crossMoment.map { alpha * teacherBeta * beta * $0 }
        let qHat = average.meanProduct.map { alpha * beta * beta * $0 }
        var sHat = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            for j in 0..<p where i != j {
                sHat[i * p + j] = alpha * beta * beta * (average.secondMoment[i * p + j] - reference.second[i * p + j])
            }
        }
        return (mHat, qHat, sHat, average.logPartition - reference.log)
    }

    /// The weight side: (m, q, s) from the conjugates, and E_{ξ*,w} ln E_ξ e^K.
    func overlaps(mHat: [Double], qHat: [Double], sHat: [Double]) -> (m: [Double], q: [Double], s: [Double], logTerm: Double)? {
        let p = studentUnits, k = teacherUnits
        switch scenario.weights {
        case .binary:
            guard let root = RBMSmallMatrices.squareRoot(qHat, order: p) else { return nil }
            var coupling = [Double](repeating: 0, count: p * p)
            for i in 0..<(p * p) { coupling[i] = 0.5 * (sHat[i] - qHat[i]) }
            let average = weightSide.evaluate(bias: mHat, mixing: root, coupling: coupling)
            return (average.crossMoment, average.meanProduct, average.secondMoment, average.logPartition)
        case .gaussian:
            // A = I + q̂ − ŝ; m = C m̂ A⁻¹, q = A⁻¹(m̂ᵀCm̂ + q̂)A⁻¹, s = q + A⁻¹ (RBMGaussianWeights).
            var precision = RBMSmallMatrices.identity(p)
            for i in 0..<(p * p) { precision[i] += qHat[i] - sHat[i] }
            guard let inverse = RBMSmallMatrices.spectralFunction(precision, order: p, { 1 / $0 }),
                inverse.eigenvalues.allSatisfy({ $0 > 0 })
            else { return nil }
            let a = inverse.value
            let logDeterminant = inverse.eigenvalues.reduce(0) { $0 + Double.log($1) }
            let cm = RBMSmallMatrices.product(correlation, mHat, rows: k, inner: k, columns: p)
            let m = RBMSmallMatrices.product(cm, a, rows: k, inner: p, columns: p)
            var signal = RBMSmallMatrices.product(
                RBMSmallMatrices.transpose(mHat, rows: k, columns: p), cm, rows: p, inner: k, columns: p)
            for i in 0..<(p * p) { signal[i] += qHat[i] }
            let q = RBMSmallMatrices.product(
                RBMSmallMatrices.product(a, signal, rows: p, inner: p, columns: p), a, rows: p, inner: p, columns: p)
            var s = q
            for i in 0..<(p * p) { s[i] += a[i] }
            var trace = 0.0
            for i in 0..<p { for j in 0..<p { trace += a[i * p + j] * signal[j * p + i] } }
            return (m, q, s, -0.5 * logDeterminant + 0.5 * trace)
        }
    }

    /// The saddle-point map Φ on the packed unknowns; NaNs where it is undefined (Gaussian
    /// weights with I + q̂ − ŝ not positive definite).
    public func step(_ x: [Double]) -> [Double] {
        let (m, q, s) = unpack(x)
        guard let hat = conjugates(m: m, q: q, s: s),
            let next = overlaps(mHat: hat.mHat, qHat: hat.qHat, sHat: hat.sHat)
        else { return [Double](repeating: .nan, count: x.count) }
        return pack(m: next.m, q: next.q, s: next.s)
    }

    /// The point (order parameters and conjugates) and its free entropy at packed unknowns x.
    public func evaluate(_ x: [Double]) -> (point: Point, freeEntropy: Double) {
        let (m, q, s) = unpack(x)
        guard let hat = conjugates(m: m, q: q, s: s),
            let next = overlaps(mHat: hat.mHat, qHat: hat.qHat, sHat: hat.sHat)
        else {
            return (Point(m: m, q: q, s: s, mHat: [], qHat: [], sHat: []), .nan)
        }
        var f = scenario.alpha * hat.logTerm + next.logTerm
        for i in 0..<m.count { f -= hat.mHat[i] * m[i] }
        for i in 0..<q.count { f += 0.5 * hat.qHat[i] * q[i] - 0.5 * hat.sHat[i] * s[i] }
        return (Point(m: m, q: q, s: s, mHat: hat.mHat, qHat: hat.qHat, sHat: hat.sHat), f)
    }
}
