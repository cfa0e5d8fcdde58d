import CLinearAlgebra

/// Fixed points x = G(x) of a map G: ℝⁿ → ℝⁿ by damped iteration with Anderson acceleration —
/// the workhorse for saddle-point (replica) equations written as "order parameters = their
/// update".
///
/// With residual f_k = G(x_k) − x_k and mixing β = 1 − damping, plain damped iteration is
/// x_{k+1} = x_k + β f_k = damping·x_k + (1 − damping)·G(x_k). Anderson(m) (type II, Walker &
/// Ni 2011) keeps the last m differences ΔX_j = x_{j+1} − x_j and ΔF_j = f_{j+1} − f_j, solves
/// the least-squares problem γ = argmin ‖f_k − ΔF γ‖₂ (LAPACK `dgelsy`, a rank-revealing QR that
/// drops columns whose contribution is below 1e−10 of the largest, so a nearly collinear
/// history cannot blow up the step), and sets
///
///     x_{k+1} = x_k + β f_k − (ΔX + β ΔF) γ.
///
/// With m = 0 this is the damped iteration; on an affine map in ℝⁿ Anderson(m ≥ n) terminates
/// like GMRES, and in one dimension Anderson(1) is the secant method, so it also finds
/// *repelling* fixed points that plain iteration flees from.
///
/// Converges when ‖G(x) − x‖_∞ ≤ `tolerance`. Reported failures (converged = false, the
/// iterate with the smallest residual returned): the iteration limit; G returning a non-finite
/// component; divergence, i.e. the residual exceeding 1e10 × the smallest residual seen. One
/// iteration is one evaluation of G.
///
/// Source: H. F. Walker and P. Ni, "Anderson acceleration for fixed-point iterations",
/// SIAM J. Numer. Anal. 49 (2011) 1715–1735; D. G. Anderson, J. ACM 12 (1965) 547–560.
public enum FixedPoint {
    /// Residual growth, relative to the smallest residual seen, taken as divergence.
    static let divergenceFactor = 1e10
    /// Relative cut-off below which the Anderson least-squares problem drops a direction.
    static let leastSquaresCutoff = 1e-10

    /// Solves x = g(x) from `initial`. `damping` ∈ [0, 1) is the weight kept on the current
    /// iterate (0: undamped); `andersonDepth` m ≥ 0 is the number of past differences used
    /// (0: plain damped iteration). `g` must return an array of the same length as its input.
    public static func solve(
        initial: [Double],
        damping: Double = 0,
        andersonDepth: Int = 5,
        tolerance: Double = 1e-10,
        maxIterations: Int = 1000,
        _ g: ([Double]) -> [Double]
    ) -> SolverReport<[Double]> {
        precondition(damping >= 0 && damping < 1, "damping must lie in [0, 1), got \(damping)")
        precondition(andersonDepth >= 0, "andersonDepth must be ≥ 0")
        precondition(maxIterations >= 1, "maxIterations must be ≥ 1")
        let n = initial.count
        let mixing = 1 - damping
        var history = AndersonHistory(dimension: n, depth: andersonDepth)
        var x = initial
        var previousX = initial
        var residual = [Double](repeating: 0, count: n)
        var previousResidual = residual
        var best = initial
        var bestNorm = Double.infinity

        func failure(_ message: String, iterations: Int) -> SolverReport<[Double]> {
            SolverReport(
                value: best, converged: false, iterations: iterations, residual: bestNorm,
                message: message + " (returning the iterate with the smallest residual)")
        }

        for iteration in 1...maxIterations {
            let image = g(x)
            precondition(image.count == n, "G returned \(image.count) components for \(n)")
            var norm = 0.0
            var finite = true
            for i in 0..<n {
                residual[i] = image[i] - x[i]
                finite = finite && residual[i].isFinite
                norm = max(norm, abs(residual[i]))
            }
            guard finite else {
                return failure(
                    "G(x) is not finite at iteration \(iteration); "
                        + "increase damping or start closer to the solution",
                    iterations: iteration)
            }
            if norm < bestNorm {
                bestNorm = norm
                best = x
            }
            if norm <= tolerance {
                return SolverReport(
                    value: x, converged: true, iterations: iteration, residual: norm)
            }
            if norm > divergenceFactor * bestNorm {
                return failure(
                    "the iteration diverges: ‖G(x) − x‖ grew to \(norm) from \(bestNorm); "
                        + "increase damping, use Anderson acceleration or start elsewhere",
                    iterations: iteration)
            }
            if iteration > 1 {
                history.append(
                    stepX: zip(x, previousX).map { $0 - $1 },
                    stepResidual: zip(residual, previousResidual).map { $0 - $1 })
            }
            previousX = x
            previousResidual = residual
            let gamma = history.leastSquaresCoefficients(residual: residual)
            for i in 0..<n {
                x[i] += mixing * residual[i]
            }
            if let gamma {
                history.subtractCorrection(gamma, mixing: mixing, from: &x)
            } else {
                history.clear()
            }
        }
        return failure(
            "‖G(x) − x‖ = \(bestNorm) still above the tolerance \(tolerance) after "
                + "\(maxIterations) iterations; raise maxIterations, or change damping or "
                + "andersonDepth",
            iterations: maxIterations)
    }
}

/// The last m differences (ΔX_j, ΔF_j) of an Anderson iteration, as column-major n×m ring
/// buffers, and the least-squares solve against them.
struct AndersonHistory {
    let dimension: Int
    let depth: Int
    private var stepsX: [Double]
    private var stepsResidual: [Double]
    private var count = 0
    private var next = 0
    private var matrix: [Double]
    private var rightHandSide: [Double]
    private var pivots: [Int32]

    init(dimension: Int, depth: Int) {
        self.dimension = dimension
        self.depth = depth
        stepsX = [Double](repeating: 0, count: dimension * depth)
        stepsResidual = stepsX
        matrix = stepsX
        rightHandSide = [Double](repeating: 0, count: max(dimension, depth))
        pivots = [Int32](repeating: 0, count: depth)
    }

    mutating func append(stepX: [Double], stepResidual: [Double]) {
        guard depth > 0 else { return }
        let offset = next * dimension
        for i in 0..<dimension {
            stepsX[offset + i] = stepX[i]
            stepsResidual[offset + i] = stepResidual[i]
        }
        next = (next + 1) % depth
        count = min(count + 1, depth)
    }

    mutating func clear() {
        count = 0
        next = 0
    }

    /// γ = argmin ‖residual − ΔF γ‖₂ over the stored columns: an empty array when there is no
    /// history, nil when the solve fails or yields non-finite coefficients.
    mutating func leastSquaresCoefficients(residual: [Double]) -> [Double]? {
        guard count > 0 else { return [] }
        let rows = dimension
        for i in 0..<(rows * count) { matrix[i] = stepsResidual[i] }
        for i in 0..<rightHandSide.count { rightHandSide[i] = i < rows ? residual[i] : 0 }
        for j in 0..<count { pivots[j] = 0 }
        var rank: Int32 = 0
        let info = matrix.withUnsafeMutableBufferPointer { a in
            rightHandSide.withUnsafeMutableBufferPointer { b in
                pivots.withUnsafeMutableBufferPointer { p in
                    LAPACKE_dgelsy(
                        LAPACK_COL_MAJOR, Int32(rows), Int32(count), 1,
                        a.baseAddress, Int32(rows), b.baseAddress,
                        Int32(max(rows, count)), p.baseAddress,
                        FixedPoint.leastSquaresCutoff, &rank)
                }
            }
        }
        let gamma = Array(rightHandSide[0..<count])
        guard info == 0, gamma.allSatisfy(\.isFinite) else { return nil }
        return gamma
    }

    /// x −= (ΔX + β ΔF) γ.
    func subtractCorrection(_ gamma: [Double], mixing: Double, from x: inout [Double]) {
        for j in 0..<gamma.count {
            let offset = j * dimension
            for i in 0..<dimension {
                x[i] -= gamma[j] * (stepsX[offset + i] + mixing * stepsResidual[offset + i])
            }
        }
    }
}
