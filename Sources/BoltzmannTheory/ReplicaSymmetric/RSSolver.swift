import BoltzmannCore

/// Solves the replica-symmetric saddle point of a ``DenseTeacherStudent`` scenario and selects
/// its phase (MODELS.md §2).
///
/// For p ≥ 3 it iterates ``RSEquations`` from the initialisations of ``RSInitialisation``
/// (m = 1; q* = q = 1; q = 1; all 0 — the teacher one only when there is a teacher), each by
/// iteration (undamped, damped only against oscillations), then exact-Jacobian Newton once it
/// contracts; a state Newton finds is kept only if it attracts the iteration), keeps the state
/// of largest free entropy and labels the phase (``RSSolution``). For p = 2 the direct model is
/// solved by the AGS equations in AGS units (``AGSEquations``; β_AGS = 2β, α_AGS = α/2), and
/// reported in the same form.
///
/// Replica symmetry breaking: the RS paramagnet has free entropy ln 2 + c/2 and entropy
/// ln 2 − c/2, negative for c > 2 ln 2; already from the condensation load c_K < 2 ln 2 a
/// frozen glass takes over. When the RS equilibrium is the paramagnet or the RS spin glass,
/// the solver therefore also solves the 1RSB glass (``OneStepGlass``) and, past c_K, lets it
/// replace both before comparing with the retrieval states (``RSSolution/oneStepGlass``).
///
/// Cost: one state typically takes 10–30 evaluations of the map (each two Gaussian averages of
/// ``GaussianTanhIntegrator``, ≈ 1 µs), so a whole scenario solves in well under a millisecond
/// away from spinodals; near a spinodal the iteration slows down critically and may hit
/// `maxIterations`, which is reported (converged = false, message), not hidden.
public struct RSSolver: Sendable {
    /// Stop when ‖Φ(x) − x‖_∞ ≤ tolerance.
    public var tolerance: Double
    /// Map evaluations allowed per initialisation.
    public var maxIterations: Int
    /// |q*|, |m| or q above this count as non-zero when labelling a state.
    public var orderThreshold: Double

    public init(tolerance: Double = 1e-12, maxIterations: Int = 20_000, orderThreshold: Double = 1e-6) {
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.orderThreshold = orderThreshold
    }

    /// The RS solution of `scenario`.
    /// - Throws: `BoltzmannError` at T = 0 (the RS equations need T > 0; see
    ///   ``AGSZeroTemperature`` for p = 2) or for invalid solver settings.
    public func solve(_ scenario: DenseTeacherStudent) throws(BoltzmannError) -> RSSolution {
        try validateSettings()
        if scenario.p == 2 {
            guard scenario.temperature > 0 else {
                throw BoltzmannError(
                    "the finite-temperature AGS equations need T > 0",
                    fix: "pass T > 0, or use the zero-temperature AGS solution (hopfield capacity)",
                    source: "T")
            }
            let ags = try AGSEquations(denseAlpha: scenario.alpha, denseTemperature: scenario.temperature)
            return ags.solve(tolerance: tolerance, maxIterations: maxIterations, orderThreshold: orderThreshold)
        }
        return try solve(scenario.controlParameters())
    }

    /// The RS solution for explicit control parameters (p ≥ 3).
    /// - Throws: `BoltzmannError` for invalid parameters or settings.
    public func solve(_ control: RSControlParameters) throws(BoltzmannError) -> RSSolution {
        try validateSettings()
        let equations = try RSEquations(control)
        let initialisations: [RSInitialisation] = control.hasTeacher
            ? [.example, .teacher, .glass, .paramagnet] : [.example, .glass, .paramagnet]
        let active = SIMD3<Double>(control.hasTeacher ? 1 : 0, 1, 1)
        var candidates: [RSCandidate] = []
        candidates.reserveCapacity(initialisations.count)
        for initialisation in initialisations {
            let start = initialisation.point
            let outcome = SaddlePointIteration.solve(
                from: SIMD3(start.qStar, start.q, start.m) * SIMD3(active.x, 1, 1), active: active,
                lower: SIMD3(-1, 0, -1), upper: SIMD3(1, 1, 1),
                tolerance: tolerance, maxIterations: maxIterations
            ) { x in equations.step(x) }
            let x = outcome.point
            let state = OrderParameters(
                qStar: x.x, q: x.y, m: x.z,
                freeEntropy: equations.freeEntropy(qStar: x.x, q: x.y, m: x.z),
                phase: PhaseSelection.label(qStar: x.x, q: x.y, m: x.z, threshold: orderThreshold),
                converged: outcome.converged, iterations: outcome.iterations,
                residual: outcome.residual)
            candidates.append(RSCandidate(
                initialisation: initialisation, orderParameters: state, stable: outcome.stable,
                exists: outcome.exists, message: outcome.message))
        }
        var solution = PhaseSelection.select(candidates)
        // Without retrieval the RS states are the paramagnet and spin glass; past condensation
        // both give way to the 1RSB glass, against which retrieval states are compared again.
        if [.paramagnet, .spinGlass].contains(solution.equilibrium.phase) {
            let glass = try OneStepGlass.solve(p: control.p, c: control.c)
            if glass.breaksReplicaSymmetry {
                solution = PhaseSelection.select(candidates, oneStepGlass: glass)
                if !glass.converged {
                    let note = "the 1RSB glass equations did not converge (breaking parameter \(glass.breakingParameter))"
                    solution.message = solution.message.map { "\($0); \(note)" } ?? note
                }
            }
        }
        return solution
    }

    func validateSettings() throws(BoltzmannError) {
        guard tolerance > 0, tolerance.isFinite else {
            throw BoltzmannError("the solver tolerance \(tolerance) must be positive",
                                 fix: "pass a tolerance such as 1e-12", source: "tolerance")
        }
        guard maxIterations >= 1 else {
            throw BoltzmannError("maxIterations = \(maxIterations) must be at least 1",
                                 fix: "pass maxIterations ≥ 1", source: "maxIterations")
        }
        guard orderThreshold > 0, orderThreshold.isFinite else {
            throw BoltzmannError("the order threshold \(orderThreshold) must be positive",
                                 fix: "pass a small positive threshold such as 1e-6",
                                 source: "orderThreshold")
        }
    }
}
