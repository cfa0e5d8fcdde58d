import BoltzmannCore
import BoltzmannModels

/// Solves the replica-symmetric theory of the RBM teacher–student problem (arXiv 2410.16150,
/// MODELS.md §3) for one ``RBMTeacherStudentScenario``.
///
/// Which equations: for P = P* with one hidden unit or an uncorrelated teacher (c = 0), the
/// scalar ``RBMReducedEquations`` (any P; the matrices are returned as m·I, q·I, and the free
/// entropy is P times the per-unit value, as the problem factorises over hidden units); else
/// the general P* × P equations by enumeration (``RBMGeneralEquations``, P ≤ 4, P* ≤ 8). On
/// T = T* the reduced equations use the Nishimori reduction q = m unless told otherwise.
///
/// How: from each ``RBMTheoryInitialisation`` (informative m = q = 0.999; glass m = 0, q = 0.999
/// when T ≠ T*; uninformative m = q = 0.01), up to 300 steps of plain iteration x ← Φ(x) to
/// settle in a basin, then ``FixedPoint/solve(initial:damping:andersonDepth:tolerance:maxIterations:_:)``
/// with Anderson(5) to the tolerance; the exact paramagnet m = q = 0 is added as a candidate,
/// its stability decided analytically (it is attracting iff α β²β*² λ_max(CD) < 1 and α β⁴ < 1,
/// see ``RBMCriticalLoad``), the others' by ``RBMFixedPointStability``. Distinct fixed points
/// (max-norm distance above 1e−6) are all reported; the equilibrium is the stable one of largest
/// free entropy (the largest-f converged one if none is stable). Non-convergence is reported
/// per candidate (converged = false, message), never hidden.
public struct RBMTeacherStudentTheory: Sendable {
    /// Stop when ‖Φ(x) − x‖_∞ ≤ tolerance.
    public var tolerance: Double
    /// Anderson iterations allowed per initialisation (after the 300 plain steps).
    public var maxIterations: Int
    /// |m| above which a state counts as learning.
    public var learningThreshold: Double

    static let settlingSteps = 300
    static let distinctness = 1e-6

    public init(tolerance: Double = 1e-10, maxIterations: Int = 5000, learningThreshold: Double = 1e-6) {
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.learningThreshold = learningThreshold
    }

    /// The solution with default settings (see the type's documentation).
    public static func solve(_ scenario: RBMTeacherStudentScenario) throws(BoltzmannError) -> RBMTeacherStudentSolution {
        try RBMTeacherStudentTheory().solve(scenario)
    }

    /// The solution of `scenario`.
    /// - Parameters:
    ///   - method: force the reduced or the enumeration equations (nil: reduced where they apply).
    ///   - nishimoriReduction: use q = m in the reduced equations (nil: when T = T*).
    /// - Throws: `BoltzmannError` for invalid settings, a forced method that does not apply, or
    ///   hidden-unit counts beyond the enumeration limits.
    public func solve(
        _ scenario: RBMTeacherStudentScenario, method: RBMTeacherStudentSolution.Method? = nil,
        nishimoriReduction: Bool? = nil
    ) throws(BoltzmannError) -> RBMTeacherStudentSolution {
        guard tolerance > 0, tolerance.isFinite, maxIterations >= 1, learningThreshold > 0 else {
            throw BoltzmannError(
                "invalid solver settings (tolerance \(tolerance), maxIterations \(maxIterations), "
                    + "threshold \(learningThreshold))",
                fix: "use a positive tolerance and threshold and maxIterations ≥ 1", source: "solver")
        }
        let useReduced = method.map { $0 == .reduced } ?? RBMReducedEquations.applies(to: scenario)
        let critical = try RBMCriticalLoad.compute(scenario)
        let paramagnetStable = scenario.alpha * scenario.beta * scenario.beta * scenario.teacherBeta
            * scenario.teacherBeta * critical.lambdaMax < 1
            && scenario.alpha * scenario.beta * scenario.beta * scenario.beta * scenario.beta < 1
        let onLine = scenario.temperature == scenario.teacherTemperature
        if useReduced {
            let equations = try RBMReducedEquations(scenario, nishimori: nishimoriReduction ?? onLine)
            return solveReduced(equations, scenario: scenario, paramagnetStable: paramagnetStable)
        }
        let equations = try RBMGeneralEquations(scenario)
        return solveGeneral(equations, includeGlass: !onLine, paramagnetStable: paramagnetStable)
    }

    /// Iterates from `start`: plain steps to settle, then Anderson.
    func fixedPoint(from start: [Double], _ map: ([Double]) -> [Double]) -> SolverReport<[Double]> {
        let settle = FixedPoint.solve(
            initial: start, damping: 0, andersonDepth: 0, tolerance: tolerance,
            maxIterations: Self.settlingSteps, map)
        if settle.converged { return settle }
        var report = FixedPoint.solve(
            initial: settle.value, damping: 0, andersonDepth: 5, tolerance: tolerance,
            maxIterations: maxIterations, map)
        report.iterations += settle.iterations
        return report
    }

    func residual(_ x: [Double], _ image: [Double]) -> Double {
        zip(x, image).reduce(0) { max($0, abs($1.1 - $1.0)) }
    }

    func solveReduced(_ equations: RBMReducedEquations, scenario: RBMTeacherStudentScenario, paramagnetStable: Bool)
        -> RBMTeacherStudentSolution
    {
        let p = scenario.studentHidden
        let starts: [(RBMTheoryInitialisation, [Double])] = equations.nishimori
            ? [(.informative, [0.999]), (.uninformative, [0.01])]
            : [(.informative, [0.999, 0.999]), (.glass, [0, 0.999]), (.uninformative, [0.01, 0.01])]
        func state(_ x: [Double], _ initialisation: RBMTheoryInitialisation, report: SolverReport<[Double]>?, stable: Bool)
            -> RBMTeacherStudentState
        {
            let m = x[0], q = equations.nishimori ? x[0] : max(x[1], 0)
            let hat = equations.conjugates(m: m, q: q)
            let qHat = equations.nishimori ? hat.mHat : hat.qHat
            let self_ = equations.weights == .binary ? 1 : q + 1 / (1 + max(qHat, 0))
            let diagonal = { (value: Double) in
                RBMSmallMatrices.rows(RBMSmallMatrices.identity(p).map { $0 * value }, rows: p, columns: p)
            }
            return RBMTeacherStudentState(
                m: diagonal(m), q: diagonal(q), s: diagonal(self_), mHat: diagonal(hat.mHat), qHat: diagonal(qHat),
                sHat: diagonal(0), freeEntropy: Double(p) * equations.freeEntropy(m: m, q: q), stable: stable,
                converged: report?.converged ?? true, iterations: report?.iterations ?? 0,
                residual: report?.residual ?? residual(x, equations.step(x)), initialisation: initialisation,
                message: report?.message)
        }
        var points: [[Double]] = []
        var candidates: [RBMTeacherStudentState] = []
        for (initialisation, start) in starts {
            let report = fixedPoint(from: start) { equations.step($0) }
            // m → −m (with m̂ → −m̂) is a symmetry (ξ, τ → −ξ, −τ): report m ≥ 0.
            var x = report.value
            x[0] = abs(x[0])
            if points.contains(where: { zip($0, x).allSatisfy { abs($0 - $1) <= Self.distinctness } }) { continue }
            let stable = RBMFixedPointStability.isAttracting({ equations.step($0) }, at: x, image: equations.step(x))
            points.append(x)
            candidates.append(state(x, initialisation, report: report, stable: stable))
        }
        let zero = [Double](repeating: 0, count: equations.dimension)
        if !points.contains(where: { zip($0, zero).allSatisfy { abs($0 - $1) <= Self.distinctness } }) {
            candidates.append(state(zero, .paramagnet, report: nil, stable: paramagnetStable))
        } else if let index = points.firstIndex(where: { zip($0, zero).allSatisfy { abs($0 - $1) <= Self.distinctness } }) {
            candidates[index].stable = paramagnetStable
        }
        return select(candidates, method: .reduced)
    }

    func solveGeneral(_ equations: RBMGeneralEquations, includeGlass: Bool, paramagnetStable: Bool)
        -> RBMTeacherStudentSolution
    {
        let k = equations.teacherUnits, p = equations.studentUnits
        let c = equations.correlation
        // Student pattern ν starts as (a multiple of) teacher pattern ν mod P*.
        func aligned(_ strength: Double) -> [Double] {
            var m = [Double](repeating: 0, count: k * p), q = [Double](repeating: 0, count: p * p)
            var s = RBMSmallMatrices.identity(p)
            for nu in 0..<p {
                for mu in 0..<k { m[mu * p + nu] = strength * c[mu * k + nu % k] }
                for lambda in 0..<p {
                    let overlap = c[(nu % k) * k + lambda % k]
                    q[nu * p + lambda] = strength * overlap
                    if nu != lambda { s[nu * p + lambda] = strength * overlap }
                }
            }
            return equations.pack(m: m, q: q, s: s)
        }
        var glass = equations.pack(
            m: [Double](repeating: 0, count: k * p), q: RBMSmallMatrices.identity(p).map { 0.999 * $0 },
            s: RBMSmallMatrices.identity(p))
        if !includeGlass { glass = [] }
        let starts: [(RBMTheoryInitialisation, [Double])] = [(.informative, aligned(0.999)), (.glass, glass), (.uninformative, aligned(0.01))]
            .filter { !$0.1.isEmpty }
        func state(_ x: [Double], _ initialisation: RBMTheoryInitialisation, report: SolverReport<[Double]>?, stable: Bool)
            -> RBMTeacherStudentState
        {
            let (point, f) = equations.evaluate(x)
            let rows = { (a: [Double], r: Int) in RBMSmallMatrices.rows(a, rows: r, columns: p) }
            return RBMTeacherStudentState(
                m: rows(point.m, k), q: rows(point.q, p), s: rows(point.s, p),
                mHat: point.mHat.isEmpty ? [] : rows(point.mHat, k), qHat: point.qHat.isEmpty ? [] : rows(point.qHat, p),
                sHat: point.sHat.isEmpty ? [] : rows(point.sHat, p), freeEntropy: f, stable: stable,
                converged: report?.converged ?? true, iterations: report?.iterations ?? 0,
                residual: report?.residual ?? residual(x, equations.step(x)), initialisation: initialisation,
                message: report?.message)
        }
        let zero = aligned(0)
        let same = { (a: [Double], b: [Double]) in zip(a, b).allSatisfy { abs($0 - $1) <= Self.distinctness } }
        var points: [[Double]] = []
        var candidates: [RBMTeacherStudentState] = []
        for (initialisation, start) in starts {
            let report = fixedPoint(from: start) { equations.step($0) }
            let x = canonical(report.value, equations)
            if points.contains(where: { same($0, x) }) { continue }
            let isParamagnet = same(x, zero)
            let stable = isParamagnet
                ? paramagnetStable
                : RBMFixedPointStability.isAttracting({ equations.step($0) }, at: x, image: equations.step(x))
            points.append(x)
            candidates.append(state(x, initialisation, report: report, stable: stable))
        }
        if !points.contains(where: { same($0, zero) }) {
            candidates.append(state(zero, .paramagnet, report: nil, stable: paramagnetStable))
        }
        return select(candidates, method: .enumeration)
    }

    /// Flipping student unit ν (ξ_ν, τ_ν → −ξ_ν, −τ_ν) is a symmetry: m_{·ν} → −m_{·ν},
    /// q_{νλ}, s_{νλ} → −q_{νλ}, −s_{νλ} for λ ≠ ν. Each column is flipped so that its entry of
    /// largest magnitude is positive.
    func canonical(_ x: [Double], _ equations: RBMGeneralEquations) -> [Double] {
        let k = equations.teacherUnits, p = equations.studentUnits
        var (m, q, s) = equations.unpack(x)
        for nu in 0..<p {
            var largest = 0.0
            for mu in 0..<k where abs(m[mu * p + nu]) > abs(largest) { largest = m[mu * p + nu] }
            guard largest < 0 else { continue }
            for mu in 0..<k { m[mu * p + nu] = -m[mu * p + nu] }
            for lambda in 0..<p where lambda != nu {
                q[nu * p + lambda] = -q[nu * p + lambda]
                q[lambda * p + nu] = -q[lambda * p + nu]
                s[nu * p + lambda] = -s[nu * p + lambda]
                s[lambda * p + nu] = -s[lambda * p + nu]
            }
        }
        return equations.pack(m: m, q: q, s: s)
    }

    /// The equilibrium: the stable converged candidate of largest f, else the converged one of
    /// largest f, else the first.
    func select(_ candidates: [RBMTeacherStudentState], method: RBMTeacherStudentSolution.Method) -> RBMTeacherStudentSolution {
        let finite = candidates.filter { $0.freeEntropy.isFinite }
        let pool = finite.filter { $0.converged && $0.stable }.nonEmpty
            ?? finite.filter(\.converged).nonEmpty ?? candidates
        let best = pool.max { $0.freeEntropy < $1.freeEntropy } ?? candidates[0]
        return RBMTeacherStudentSolution(
            equilibrium: best, candidates: candidates, method: method, learningThreshold: learningThreshold)
    }
}

extension Array {
    fileprivate var nonEmpty: [Element]? { isEmpty ? nil : self }
}
