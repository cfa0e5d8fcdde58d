/// Labels candidate states and picks the thermodynamic one (largest free entropy), shared by the
/// §2 equations and the AGS equations. Past the condensation load the 1RSB glass
/// (``OneStepGlass``) replaces the RS paramagnet and spin glass in the comparison.
enum PhaseSelection {
    /// The label of a state by its values alone: teacher retrieval when |q*| > threshold, then
    /// example retrieval when |m| > threshold, spin glass when q > threshold, else paramagnet.
    static func label(qStar: Double, q: Double, m: Double, threshold: Double) -> Phase {
        if abs(qStar) > threshold { return .globalRetrieval }
        if abs(m) > threshold { return .exampleRetrieval }
        if q > threshold { return .spinGlass }
        return .paramagnet
    }

    /// - Parameter oneStepGlass: the 1RSB glass when it breaks replica symmetry; it then stands
    ///   for the states without order in q* and m, replacing the RS paramagnet and spin glass.
    static func select(_ raw: [RSCandidate], oneStepGlass: OneStepGlass? = nil) -> RSSolution {
        var candidates = raw
        let glass = oneStepGlass.map { glass in
            OrderParameters(
                qStar: 0, q: glass.q, m: 0, freeEntropy: glass.freeEntropy, phase: .spinGlass,
                converged: glass.converged, iterations: 0, residual: 0)
        }
        // Eligible: converged, existing, finite free entropy; stable ones preferred.
        func eligible(requireStable: Bool) -> [Int] {
            candidates.indices.filter { i in
                let c = candidates[i]
                let replaced = glass != nil && [.paramagnet, .spinGlass].contains(c.orderParameters.phase)
                return !replaced && c.exists && c.orderParameters.converged
                    && c.orderParameters.freeEntropy.isFinite && (c.stable || !requireStable)
            }
        }
        var pool = eligible(requireStable: true)
        if pool.isEmpty { pool = eligible(requireStable: false) }
        var notes = candidates.compactMap { c -> String? in
            guard let message = c.message, c.exists else { return nil }
            return "from \(c.initialisation.rawValue): \(message)"
        }
        guard !pool.isEmpty || glass != nil else {
            // Nothing converged: report the existing candidate with the smallest residual.
            let fallbackIndex = candidates.indices
                .filter { candidates[$0].exists }
                .min { candidates[$0].orderParameters.residual < candidates[$1].orderParameters.residual }
                ?? candidates.startIndex
            let state = candidates[fallbackIndex].orderParameters
            notes.insert("no initialisation converged; reporting the smallest residual", at: 0)
            return RSSolution(
                phase: state.phase, orderParameters: state, equilibrium: state,
                candidates: candidates, oneStepGlass: nil, message: notes.joined(separator: "; "))
        }
        // First maximum in initialisation order, so ties resolve deterministically; a teacher-
        // retrieval state within rounding (1e−12 relative) of the maximum is preferred, since it
        // is then one of the global states (e.g. on the Nishimori line at α = T the eR and gR
        // states are exactly degenerate).
        var best = pool.first
        for i in pool.dropFirst()
        where candidates[i].orderParameters.freeEntropy > candidates[best ?? i].orderParameters.freeEntropy {
            best = i
        }
        if let glass, best.map({ glass.freeEntropy > candidates[$0].orderParameters.freeEntropy }) ?? true {
            best = nil
        }
        let bestFreeEntropy = best.map { candidates[$0].orderParameters.freeEntropy } ?? glass?.freeEntropy ?? -.infinity
        let slack = 1e-12 * max(1, abs(bestFreeEntropy))
        if !(best.map { candidates[$0].orderParameters.phase.retrievesTeacher } ?? false),
           let tied = pool.first(where: {
               candidates[$0].orderParameters.phase.retrievesTeacher
                   && candidates[$0].orderParameters.freeEntropy >= bestFreeEntropy - slack
           }) {
            best = tied
        }
        var retrieval: Int? = nil
        for i in pool where candidates[i].orderParameters.phase.retrievesTeacher {
            if let r = retrieval,
               candidates[i].orderParameters.freeEntropy <= candidates[r].orderParameters.freeEntropy {
                continue
            }
            retrieval = i
        }
        for i in candidates.indices where candidates[i].orderParameters.phase.retrievesTeacher {
            let isEquilibrium = candidates[i].orderParameters.freeEntropy >= bestFreeEntropy - slack
                && pool.contains(i)
            candidates[i].orderParameters.phase = isEquilibrium ? .globalRetrieval : .localRetrieval
        }
        // `best` is nil only when the 1RSB glass is the equilibrium (then `glass` is set).
        let equilibrium = best.map { candidates[$0].orderParameters } ?? glass ?? candidates[0].orderParameters
        let phase: Phase
        let reported: OrderParameters
        if equilibrium.phase == .globalRetrieval {
            phase = .globalRetrieval
            reported = equilibrium
        } else if let retrieval {
            phase = .localRetrieval
            reported = candidates[retrieval].orderParameters
        } else {
            phase = equilibrium.phase
            reported = equilibrium
        }
        return RSSolution(
            phase: phase, orderParameters: reported, equilibrium: equilibrium,
            candidates: candidates, oneStepGlass: oneStepGlass,
            message: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }
}
