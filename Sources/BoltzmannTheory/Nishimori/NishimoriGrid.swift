import BoltzmannCore
import RealModule

/// The Nishimori-line equation solved on a (T, α) grid — the computation of the field's usual
/// NumPy scripts (100 plain iterations from q = 1 per point, 401-point Simpson quadrature),
/// done exactly and fast.
///
/// Every point depends on (T, α) only through c = α/T², and the state reached from q = 1 is
/// the stable learning branch when c ≥ c_sp (else q = 0). So:
///
/// 1. the transitions (c_sp, c_th) are found once (``NishimoriLine/transitions()``);
/// 2. the points with c ≥ c_sp are sorted by c and cut into blocks of 2048 consecutive values;
/// 3. each block walks up its c values solving ln c(ĥ) = ln c by safeguarded Newton inside
///    [ĥ of the previous point, c p], started from a cubic extrapolation of the last four
///    solutions — typically one or two evaluations of
///    ``GaussianTanhIntegrator/nishimoriMomentsAndLogCosh(conjugate:)`` per point — and
///    computes q = Φ(ĥ) and Δf from the same evaluation;
/// 4. blocks run in parallel (``ParallelBlocks``); a block's result depends only on its own c
///    values, so the grid is bit-identical for any number of workers.
///
/// Each point is solved to |ln c(ĥ) − ln c| ≤ 1e−13 (fixed-point residual ≈ Φ′ĥ·1e−13); the
/// error is then the integrator's, ≲ 5e−13.
public struct NishimoriGrid: Sendable {
    public let p: Int
    /// The temperatures T (rows).
    public let temperatures: [Double]
    /// The loads α (columns).
    public let alphas: [Double]
    public let transitions: NishimoriTransitions
    /// q = q* at (T_i, α_j), index i·alphas.count + j: the state reached from q = 1.
    public let q: [Double]
    /// Δf = f − f_P at each point (0 for the paramagnet).
    public let freeEntropyGap: [Double]
    /// gR (Δf > 0), lR (learning state exists, Δf ≤ 0) or P (c < c_sp).
    public let phases: [Phase]
    /// Largest fixed-point residual over the grid.
    public let maxResidual: Double
    /// Whether every point converged.
    public let converged: Bool
    /// Total evaluations of the Gaussian averages.
    public let evaluations: Int

    static let blockSize = 2048

    /// Solves the grid T × α for order p on `workers` threads (default: all processors).
    /// - Throws: `BoltzmannError` for p < 3, empty axes, non-positive or non-finite T or α, or a
    ///   failure to locate the transitions.
    public static func solve(
        p: Int, temperatures: [Double], alphas: [Double], workers: Int? = nil
    ) throws(BoltzmannError) -> NishimoriGrid {
        let line = try NishimoriLine(p: p)
        guard !temperatures.isEmpty, !alphas.isEmpty else {
            throw BoltzmannError("the grid needs at least one temperature and one α",
                                 fix: "pass non-empty T and α axes", source: "grid")
        }
        guard temperatures.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw BoltzmannError("every temperature must be finite and positive",
                                 fix: "pass T > 0", source: "T")
        }
        guard alphas.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw BoltzmannError("every α must be finite and positive",
                                 fix: "pass α > 0", source: "alpha")
        }
        if let workers, workers < 1 {
            throw BoltzmannError("workers = \(workers) must be at least 1",
                                 fix: "pass workers ≥ 1", source: "workers")
        }
        let transitions = line.transitions()
        guard transitions.converged else {
            throw BoltzmannError(
                "the Nishimori transitions for p = \(p) could not be located: "
                    + (transitions.message ?? "unknown reason"),
                fix: "report this; the branch equation should always have a spinodal for p ≥ 3",
                source: "p")
        }
        let count = temperatures.count * alphas.count
        var loads = [Double](repeating: 0, count: count)
        var learning: [Int] = []
        learning.reserveCapacity(count)
        for i in temperatures.indices {
            let inverseSquare = 1 / (temperatures[i] * temperatures[i])
            for j in alphas.indices {
                let index = i * alphas.count + j
                loads[index] = alphas[j] * inverseSquare
                if loads[index] >= transitions.spinodalC { learning.append(index) }
            }
        }
        learning.sort { loads[$0] < loads[$1] || (loads[$0] == loads[$1] && $0 < $1) }

        let qOut = SharedBuffer<Double>(repeating: 0, count: count)
        let gapOut = SharedBuffer<Double>(repeating: 0, count: count)
        let phaseOut = SharedBuffer<Phase>(repeating: .paramagnet, count: count)
        let blockCount = (learning.count + blockSize - 1) / blockSize
        let residualOut = SharedBuffer<Double>(repeating: 0, count: max(blockCount, 1))
        let failuresOut = SharedBuffer<Int>(repeating: 0, count: max(blockCount, 1))
        let evaluationsOut = SharedBuffer<Int>(repeating: 0, count: max(blockCount, 1))
        let solver = BranchSolver(line: line, lowerBound: transitions.conjugateAtSpinodal)
        let sortedIndices = learning
        let sortedLoads = loads
        ParallelBlocks.run(blockCount: blockCount, workers: workers ?? ParallelBlocks.processorCount) {
            block in
            let range = (block * blockSize)..<min((block + 1) * blockSize, sortedIndices.count)
            var maxResidual = 0.0, failures = 0, evaluations = 0
            // The last four solved (c, ĥ), newest first, for a cubic predictor.
            var cs = SIMD4<Double>(repeating: 0), hs = SIMD4<Double>(repeating: 0)
            var known = 0
            var previousEvaluated = 0.0
            for position in range {
                let index = sortedIndices[position]
                let c = sortedLoads[index]
                let guess = Self.predict(c: c, cs: cs, hs: hs, known: known)
                var localSolver = solver
                if known >= 1 {
                    // The previous evaluated ĥ bounds this one from below (c increases).
                    localSolver = BranchSolver(line: line, lowerBound: previousEvaluated)
                }
                let (state, newtonEstimate) = localSolver.solve(c: c, guess: guess)
                evaluations += state.iterations
                if !state.converged { failures += 1 }
                maxResidual = max(maxResidual, state.residual)
                qOut.write(state.q, at: index)
                gapOut.write(state.freeEntropyGap, at: index)
                phaseOut.write(state.phase, at: index)
                cs = SIMD4(c, cs.x, cs.y, cs.z)
                hs = SIMD4(newtonEstimate, hs.x, hs.y, hs.z)
                previousEvaluated = state.conjugate
                known += 1
            }
            residualOut.write(maxResidual, at: block)
            failuresOut.write(failures, at: block)
            evaluationsOut.write(evaluations, at: block)
        }
        return NishimoriGrid(
            p: p, temperatures: temperatures, alphas: alphas, transitions: transitions,
            q: qOut.array, freeEntropyGap: gapOut.array, phases: phaseOut.array,
            maxResidual: residualOut.array.max() ?? 0,
            converged: failuresOut.array.allSatisfy { $0 == 0 },
            evaluations: evaluationsOut.array.reduce(0, +))
    }

    /// ĥ at c extrapolated through the last (up to four) solutions, newest first, by Newton's
    /// divided differences (cubic once four distinct c are known); nil for a cold start.
    static func predict(c: Double, cs: SIMD4<Double>, hs: SIMD4<Double>, known: Int) -> Double? {
        guard known > 0 else { return nil }
        let order = min(known, 4)
        // Use only strictly decreasing c (newest first); stop at the first repeat.
        var used = 1
        while used < order && cs[used] < cs[used - 1] { used += 1 }
        var table = hs
        var value = table[0], product = 1.0
        for level in 1..<used {
            for k in 0..<(used - level) {
                table[k] = (table[k] - table[k + 1]) / (cs[k] - cs[k + level])
            }
            product *= c - cs[level - 1]
            value += table[0] * product
        }
        return value
    }

    /// The value at (T index i, α index j) of a row-major grid array.
    public func index(temperature i: Int, alpha j: Int) -> Int { i * alphas.count + j }
}
