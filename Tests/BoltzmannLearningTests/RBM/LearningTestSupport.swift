import BoltzmannCore
import BoltzmannModels
import Foundation
import Testing

/// Plain-Swift Double-precision references for tiny Bernoulli–Bernoulli RBMs, by enumerating
/// every joint state (v, h): independent of the library's evaluation code.
struct TinyBernoulliRBM {
    var weights: [[Double]]   // V × H
    var visibleBias: [Double]
    var hiddenBias: [Double]

    var visibleCount: Int { visibleBias.count }
    var hiddenCount: Int { hiddenBias.count }

    init(_ rbm: RestrictedBoltzmannMachine) {
        let w = rbm.weights
        weights = (0..<w.rows).map { i in (0..<w.columns).map { Double(w[i, $0]) } }
        visibleBias = (rbm.visible.parameters["bias"] ?? []).map(Double.init)
        hiddenBias = (rbm.hidden.parameters["bias"] ?? []).map(Double.init)
    }

    static func bits(_ code: Int, _ count: Int) -> [Double] {
        (0..<count).map { Double((code >> $0) & 1) }
    }

    /// vᵀWh.
    func coupling(_ v: [Double], _ h: [Double]) -> Double {
        var sum = 0.0
        for i in 0..<visibleCount where v[i] != 0 {
            for j in 0..<hiddenCount { sum += v[i] * weights[i][j] * h[j] }
        }
        return sum
    }

    /// Unnormalised log p_β(v, h) = aᵀv + bᵀh + β vᵀWh.
    func logWeight(_ v: [Double], _ h: [Double], beta: Double = 1) -> Double {
        var sum = beta * coupling(v, h)
        for i in 0..<visibleCount { sum += visibleBias[i] * v[i] }
        for j in 0..<hiddenCount { sum += hiddenBias[j] * h[j] }
        return sum
    }

    /// p_β(v, h) for every joint state, index v_code · 2^H + h_code.
    func jointDistribution(beta: Double = 1) -> [Double] {
        var logs: [Double] = []
        for vc in 0..<(1 << visibleCount) {
            let v = Self.bits(vc, visibleCount)
            for hc in 0..<(1 << hiddenCount) {
                logs.append(logWeight(v, Self.bits(hc, hiddenCount), beta: beta))
            }
        }
        let top = logs.max()!
        let weights = logs.map { Foundation.exp($0 - top) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// log Z.
    func logPartition() -> Double {
        var logs: [Double] = []
        for vc in 0..<(1 << visibleCount) {
            let v = Self.bits(vc, visibleCount)
            for hc in 0..<(1 << hiddenCount) { logs.append(logWeight(v, Self.bits(hc, hiddenCount))) }
        }
        let top = logs.max()!
        return top + Foundation.log(logs.map { Foundation.exp($0 - top) }.reduce(0, +))
    }

    /// E[h_j | v] = σ(b_j + Σ_i v_i W_ij).
    func hiddenMean(_ v: [Double]) -> [Double] {
        (0..<hiddenCount).map { j in
            var field = hiddenBias[j]
            for i in 0..<visibleCount { field += v[i] * weights[i][j] }
            return 1 / (1 + Foundation.exp(-field))
        }
    }

    /// Mean log-likelihood of the rows of `data`: log Σ_h exp(aᵀv + bᵀh + vᵀWh) − log Z.
    func meanLogLikelihood(_ data: [[Double]]) -> Double {
        let logZ = logPartition()
        var total = 0.0
        for v in data {
            var sum = 0.0
            for i in 0..<visibleCount { sum += visibleBias[i] * v[i] }
            for j in 0..<hiddenCount {
                var field = hiddenBias[j]
                for i in 0..<visibleCount { field += v[i] * weights[i][j] }
                sum += Foundation.log1p(Foundation.exp(field))
            }
            total += sum - logZ
        }
        return total / Double(data.count)
    }

    /// The exact gradient of the mean log-likelihood: data term with E[h | v] minus the model
    /// expectation by enumeration. Returns (∂W row-major, ∂a, ∂b).
    func logLikelihoodGradient(_ data: [[Double]]) -> (weights: [Double], visible: [Double], hidden: [Double]) {
        let (v, h) = (visibleCount, hiddenCount)
        var gw = [Double](repeating: 0, count: v * h)
        var ga = [Double](repeating: 0, count: v)
        var gb = [Double](repeating: 0, count: h)
        for row in data {
            let m = hiddenMean(row)
            for i in 0..<v {
                ga[i] += row[i] / Double(data.count)
                for j in 0..<h { gw[i * h + j] += row[i] * m[j] / Double(data.count) }
            }
            for j in 0..<h { gb[j] += m[j] / Double(data.count) }
        }
        let p = jointDistribution()
        for vc in 0..<(1 << v) {
            let vs = Self.bits(vc, v)
            for hc in 0..<(1 << h) {
                let hs = Self.bits(hc, h)
                let q = p[vc << h | hc]
                for i in 0..<v {
                    ga[i] -= q * vs[i]
                    for j in 0..<h { gw[i * h + j] -= q * vs[i] * hs[j] }
                }
                for j in 0..<h { gb[j] -= q * hs[j] }
            }
        }
        return (gw, ga, gb)
    }
}

/// A Bernoulli–Bernoulli machine with the given parameters.
func bernoulliMachine(weights: [[Float]], visibleBias: [Float], hiddenBias: [Float]) throws -> RestrictedBoltzmannMachine {
    try RestrictedBoltzmannMachine(
        visible: BernoulliLayer(bias: visibleBias), hidden: BernoulliLayer(bias: hiddenBias),
        weights: Matrix(weights))
}

/// The repository root (three levels above this file's folder).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// This target's fixture folder.
let fixturesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The digits (Data/digits.csv.gz) binarised with pixel ≥ 8 → 1: 1797 × 64.
func binarisedDigits() throws -> Matrix<Float> {
    let table = try CSV.read(
        from: repositoryRoot.appendingPathComponent("Data/digits.csv.gz"),
        options: CSVReadOptions(header: .absent))
    return Matrix(rows: table.rowCount, columns: 64) { i, j in table[row: i, column: j] >= 8 ? 1 : 0 }
}

/// Rows `range` of a matrix.
func rows(_ matrix: Matrix<Float>, _ range: Range<Int>) -> Matrix<Float> {
    Matrix(rows: range.count, columns: matrix.columns) { i, j in matrix[range.lowerBound + i, j] }
}

/// The matrix as nested Double rows.
func doubleRows(_ matrix: Matrix<Float>) -> [[Double]] {
    (0..<matrix.rows).map { i in (0..<matrix.columns).map { Double(matrix[i, $0]) } }
}

/// A fresh temporary folder.
func temporaryFolder(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("boltzmann-learning-\(name)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The parent of every suite in this target, run one test at a time: training pins OpenBLAS's
/// thread count, a process-wide setting, and the bit-identity tests (seeds, resume, thread
/// counts) must not see another test change it in the middle of a run.
@Suite("RBM training", .serialized)
struct RBMLearningTests {}
