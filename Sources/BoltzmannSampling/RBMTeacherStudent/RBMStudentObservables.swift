import BoltzmannCore
import BoltzmannModels

/// Time series of the observables of L student chains, recorded at each measurement: per chain
/// the aligned Mattis matrix against the teacher (``MattisMatrix/aligned()``), its matched mean m
/// and the log posterior per visible unit; over the L(L−1)/2 pairs of chains the matched overlap q
/// (time sums per pair for the jackknife, and the pair mean per time). Per-chain series are
/// estimated with ``ChainObservables/estimate(_:)``, the dense simulation's estimator.
struct RBMStudentObservables {
    let size: Int
    let chains: Int
    let teacher: [Double]
    let teacherHidden: Int
    let studentHidden: Int
    /// [chain][time]
    var m: [[Double]]
    var logPosterior: [[Double]]
    /// [chain][time · P*·P + entry]
    var alignedMatrix: [[Double]]
    /// Σ_t q_{lk}(t), row-major L × L (upper triangle used), and the mean over pairs per time.
    var pairSums: [Double]
    var pairMean: [Double]
    var measurements = 0

    init(teacher: RBMTeacher, studentHidden: Int, chains: Int) {
        size = teacher.size
        self.chains = chains
        self.teacher = teacher.patterns.map(Double.init)
        teacherHidden = teacher.hiddenCount
        self.studentHidden = studentHidden
        m = Array(repeating: [], count: chains)
        logPosterior = Array(repeating: [], count: chains)
        alignedMatrix = Array(repeating: [], count: chains)
        pairSums = [Double](repeating: 0, count: chains * chains)
        pairMean = []
    }

    /// Records one measurement of the chains.
    mutating func record<Chain: RBMStudentChain>(_ students: [Chain]) {
        let weights = students.map(\.weightValues)
        for l in 0..<chains {
            let mattis = MattisMatrix(teacher, rows: teacherHidden, weights[l], columns: studentHidden, size: size)
            m[l].append(mattis.matchedMean())
            alignedMatrix[l].append(contentsOf: mattis.aligned().values)
            logPosterior[l].append(students[l].logPosterior() / Double(size))
        }
        if chains >= 2 {
            var total = 0.0
            for l in 0..<chains {
                for k in (l + 1)..<chains {
                    let value = MattisMatrix(weights[l], rows: studentHidden, weights[k], columns: studentHidden, size: size)
                        .matchedMean()
                    pairSums[l * chains + k] += value
                    total += value
                }
            }
            pairMean.append(total / Double(chains * (chains - 1) / 2))
        }
        measurements += 1
    }

    /// The series of entry `entry` of the aligned Mattis matrix, per chain.
    func matrixSeries(_ entry: Int) -> [[Double]] {
        let stride = teacherHidden * studentHidden
        return alignedMatrix.map { series in (0..<measurements).map { series[$0 * stride + entry] } }
    }

    /// q over pairs with its jackknife error over chains (L ≥ 3), or the τ_int-corrected error of
    /// the single pair's series (L = 2); NaN with one chain.
    func replicaOverlap() -> MeanEstimate {
        replicaOverlapEstimate(pairSums: pairSums, chains: chains, measurements: measurements, pairSeries: pairMean)
    }

    /// Whether the two halves of each chain's series agree: the paired differences of the half
    /// means across chains have |mean| ≤ 3σ (one chain: the halves' τ-corrected errors).
    static func halvesAgree(_ series: [[Double]]) -> Bool {
        guard let length = series.first?.count, length >= 4 else { return false }
        let half = length / 2
        func mean(_ x: ArraySlice<Double>) -> Double { x.reduce(0, +) / Double(x.count) }
        if series.count >= 2 {
            let differences = series.map { mean($0[half...]) - mean($0[..<half]) }
            if differences.allSatisfy({ $0 == differences[0] }) { return true }
            guard let estimate = try? MeanEstimate(samples: differences) else { return false }
            return abs(estimate.mean) <= 3 * estimate.standardError
        }
        guard let first = try? AutocorrelationEstimate(series: Array(series[0][..<half])).meanEstimate,
              let second = try? AutocorrelationEstimate(series: Array(series[0][half...])).meanEstimate
        else { return false }
        let sigma = (first.standardError * first.standardError + second.standardError * second.standardError).squareRoot()
        return abs(second.mean - first.mean) <= 3 * sigma
    }
}
