import BoltzmannCore
import RealModule

/// The exact log-partition function log Z_β of a small RBM, for tests, for calibrating annealed
/// importance sampling and for exact log-likelihoods of models with ≤ ~24 units in one layer.
///
/// Method: one layer L is enumerated and the other, O, summed out analytically,
///
///     log Z_β = log Σ_{x ∈ states(L)} exp( −E_L(x) + Σ_k Γ_O,k(β · x·W_L→O) ),
///
/// with the states of L generated as the rows of a matrix in chunks (4096 by default), so each
/// chunk costs one sgemm for the fields plus the Γ's. The log-sum-exp is accumulated in Double
/// with a running maximum (terms are rescaled when a chunk brings a larger one), so nothing
/// overflows for any model. L is the smaller discrete layer with at most `maxEnumeratedUnits`
/// units (a Gaussian layer is never enumerated: when the smaller side is Gaussian the other side
/// is enumerated if it is small enough). Cost: kⁿ·(n·m + m) for n enumerated units with k states
/// and m units on the other side; 2²⁰ states × 64 other units take about a second.
///
/// When both layers are Gaussian the integral is Gaussian and done in closed form: integrating h
/// out leaves exp(−½ vᵀAv + bᵀv + c) with A = diag γ_v − β² W diag(1/γ_h) Wᵀ,
/// b = θ_v + β W (θ_h/γ_h), c = Σ_j [θ_h,j²/(2γ_h,j) + ½ log(2π/γ_h,j)], so
/// log Z = c + (V/2) log 2π − ½ log det A + ½ bᵀA⁻¹b (Cholesky of A in Double). Z is infinite
/// when A is not positive definite, which is reported as an error.
///
/// Accuracy: the fields come from a Float sgemm (relative error ~10⁻⁷ · √n per field), Γ and
/// the sum are in Double, so log Z carries a relative error of order 10⁻⁷.
public struct ExactLogPartition {
    /// log Z_β of `rbm` at coupling scale β (see the type's documentation).
    ///
    /// - Parameters:
    ///   - maxEnumeratedUnits: the largest number of units of a layer that may be enumerated
    ///     (2^24 ≈ 1.7·10⁷ states by default).
    ///   - chunkSize: the number of states per sgemm (results do not depend on it beyond rounding).
    /// - Throws: `BoltzmannError` when no discrete layer has at most `maxEnumeratedUnits` units
    ///   and the layers are not both Gaussian, or when two Gaussian layers give an infinite Z.
    public static func compute(
        _ rbm: RestrictedBoltzmannMachine, beta: Double = 1, maxEnumeratedUnits: Int = 24,
        chunkSize: Int = 4096
    ) throws(BoltzmannError) -> Double {
        precondition(chunkSize > 0, "ExactLogPartition: chunk size must be positive")
        let visibleSmall = rbm.visible.kind.isDiscrete && rbm.visibleCount <= maxEnumeratedUnits
        let hiddenSmall = rbm.hidden.kind.isDiscrete && rbm.hiddenCount <= maxEnumeratedUnits
        switch (visibleSmall, hiddenSmall) {
        case (true, true) where rbm.visibleCount <= rbm.hiddenCount, (true, false):
            return enumerate(
                rbm.visible, summingOut: rbm.hidden, weights: rbm.weights, enumeratedAreRows: true,
                beta: Float(beta), chunkSize: chunkSize)
        case (_, true):
            return enumerate(
                rbm.hidden, summingOut: rbm.visible, weights: rbm.weights, enumeratedAreRows: false,
                beta: Float(beta), chunkSize: chunkSize)
        case (false, false):
            if rbm.visible.kind == .gaussian && rbm.hidden.kind == .gaussian {
                return try gaussianLogPartition(rbm, beta: beta)
            }
            throw BoltzmannError(
                "exact log Z needs a discrete layer of at most \(maxEnumeratedUnits) units to enumerate, but the model has "
                    + "\(rbm.visibleCount) \(rbm.visible.kind.rawValue) visible and \(rbm.hiddenCount) \(rbm.hidden.kind.rawValue) hidden units",
                fix: "estimate log Z with annealed importance sampling instead, or raise maxEnumeratedUnits "
                    + "(the cost doubles with every unit)",
                source: "maxEnumeratedUnits")
        }
    }

    /// log Σ_x exp(−E_L(x) + Γ_O(β·fields(x))) over all states x of `layer`, in chunks.
    /// `enumeratedAreRows` says whether the layer's units index the rows of W (visible) or its
    /// columns (hidden).
    static func enumerate(
        _ layer: any RBMLayer, summingOut other: any RBMLayer, weights: Matrix<Float>,
        enumeratedAreRows: Bool, beta: Float, chunkSize: Int
    ) -> Double {
        let states = layer.unitStates!
        let unitCount = layer.unitCount
        let radix = states.count
        var total = 1
        for _ in 0..<unitCount {
            let (product, overflow) = total.multipliedReportingOverflow(by: radix)
            precondition(!overflow, "ExactLogPartition: \(radix)^\(unitCount) states overflow Int")
            total = product
        }
        var accumulator = LogSumExp()
        var chunk = Matrix<Float>(rows: 0, columns: 0)
        var fields = Matrix<Float>(rows: 0, columns: 0)
        var start = 0
        while start < total {
            let rows = min(chunkSize, total - start)
            if chunk.rows != rows {
                chunk = Matrix(rows: rows, columns: unitCount)
                fields = Matrix(rows: rows, columns: other.unitCount)
            }
            chunk.withUnsafeMutableBufferPointer { entries in
                for row in 0..<rows {
                    // State number start + row in base `radix`, unit 0 the least significant digit.
                    var index = start &+ row
                    let offset = row &* unitCount
                    for unit in 0..<unitCount {
                        entries[offset &+ unit] = states[index % radix]
                        index /= radix
                    }
                }
            }
            Matrix.gemm(chunk, weights, transposeB: !enumeratedAreRows, alpha: beta, into: &fields)
            let energies = layer.negativeEnergy(chunk)
            let summedOut = other.logPartition(inputs: fields)
            for row in 0..<rows {
                accumulator.add(energies[row] + summedOut[row])
            }
            start += rows
        }
        return accumulator.value
    }

    /// The closed form for two Gaussian layers (see the type's documentation).
    static func gaussianLogPartition(_ rbm: RestrictedBoltzmannMachine, beta: Double) throws(BoltzmannError) -> Double {
        let visibleCount = rbm.visibleCount
        let hiddenCount = rbm.hiddenCount
        let visibleBias = rbm.visible.parameters["bias"]!.map(Double.init)
        let visiblePrecision = rbm.visible.parameters["precision"]!.map(Double.init)
        let hiddenBias = rbm.hidden.parameters["bias"]!.map(Double.init)
        let hiddenPrecision = rbm.hidden.parameters["precision"]!.map(Double.init)
        // Scaled weights U = β W diag(1/√γ_h), so A = diag γ_v − U Uᵀ.
        let scaled = Matrix<Double>(rows: visibleCount, columns: hiddenCount) { i, j in
            beta * Double(rbm.weights[i, j]) / hiddenPrecision[j].squareRoot()
        }
        var precisionMatrix = Matrix<Double>(diagonal: visiblePrecision)
        Matrix.syrk(scaled, alpha: -1, beta: 1, into: &precisionMatrix)
        var linear = visibleBias
        var constant = 0.0
        for j in 0..<hiddenCount {
            let ratio = hiddenBias[j] / hiddenPrecision[j]
            for i in 0..<visibleCount {
                linear[i] += beta * Double(rbm.weights[i, j]) * ratio
            }
            constant += hiddenBias[j] * ratio / 2 + 0.5 * Double.log(2 * Double.pi / hiddenPrecision[j])
        }
        let factor: Cholesky<Double>
        do {
            factor = try Cholesky(precisionMatrix)
        } catch {
            throw BoltzmannError(
                "Z is infinite: with two Gaussian layers the couplings overcome the precisions "
                    + "(diag γ_v − β²W diag(1/γ_h)Wᵀ is not positive definite), so the energy is unbounded below",
                fix: "increase the precisions or shrink the weights; a Gaussian–Gaussian RBM needs "
                    + "β²·‖W diag(γ_h)^{−1/2}‖² < min γ_v",
                source: "weights")
        }
        let solution = factor.solve(linear)
        var quadratic = 0.0
        for i in 0..<visibleCount { quadratic += linear[i] * solution[i] }
        return constant + 0.5 * Double(visibleCount) * Double.log(2 * Double.pi)
            - 0.5 * factor.logDeterminant + 0.5 * quadratic
    }
}

/// A running log Σ_k e^{t_k} in Double: keeps the largest term m and S = Σ_k e^{t_k − m},
/// rescaling S when a larger term arrives, so it never overflows; log of an empty sum is −∞.
struct LogSumExp {
    private var maximum = -Double.infinity
    private var scaledSum = 0.0

    mutating func add(_ term: Double) {
        if term <= maximum {
            scaledSum += Double.exp(term - maximum)
        } else {
            scaledSum = scaledSum * Double.exp(maximum - term) + 1
            maximum = term
        }
    }

    var value: Double {
        maximum == -Double.infinity ? -Double.infinity : maximum + Double.log(scaledSum)
    }
}
