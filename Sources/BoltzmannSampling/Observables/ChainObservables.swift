import BoltzmannCore
import BoltzmannModels

/// Time series of the student observables of L chains, recorded at each measurement:
/// per chain q* = σ·ξ*/N, m = σ·σ¹/N (first example), m_max = max_a σ·σ^a/N and e = H/N, and
/// over the L(L−1)/2 pairs the replica overlaps q_{ll′} = σ^l·σ^{l′}/N (their time sums, for
/// the jackknife, and their mean at each time).
struct ChainObservables {
    let size: Int
    let chains: Int
    let teacher: [Int8]?
    let firstExample: [Int8]
    let packedExamples: PackedPatternMatrix?
    /// [chain][time]
    var qStar: [[Double]]
    var m: [[Double]]
    var mMax: [[Double]]
    var energy: [[Double]]
    /// Σ_t q_{ll′}(t), row-major L × L (upper triangle used).
    var pairSums: [Double]
    /// Mean over pairs of q_{ll′}(t), per time.
    var pairMean: [Double]
    var measurements = 0

    init(size: Int, chains: Int, teacher: [Int8]?, examples: PatternMatrix, allExamples: Bool) {
        self.size = size
        self.chains = chains
        self.teacher = teacher
        self.firstExample = examples.pattern(0)
        self.packedExamples = allExamples ? PackedPatternMatrix(examples) : nil
        qStar = Array(repeating: [], count: chains)
        m = Array(repeating: [], count: chains)
        mMax = Array(repeating: [], count: chains)
        energy = Array(repeating: [], count: chains)
        pairSums = [Double](repeating: 0, count: chains * chains)
        pairMean = []
    }

    /// Records one measurement of the kernel's chains.
    mutating func record(_ kernel: any DenseFlipKernel) {
        let n = size
        let spins = kernel.spins
        let inverse = 1 / Double(n)
        spins.withUnsafeBufferPointer { s in
            for l in 0..<chains {
                let chain = s.baseAddress! + l * n
                if let teacher {
                    qStar[l].append(Double(Self.dot(chain, teacher, n)) * inverse)
                }
                m[l].append(Double(Self.dot(chain, firstExample, n)) * inverse)
                if let packedExamples {
                    let overlaps = packedExamples.overlaps(packedSpins: PackedPatternMatrix.pack(UnsafeBufferPointer(start: chain, count: n)))
                    mMax[l].append(Double(overlaps.max()!) * inverse)
                }
                energy[l].append(kernel.energy(chain: l) * inverse)
            }
            if chains >= 2 {
                var total = 0.0
                for l in 0..<chains {
                    for k in (l + 1)..<chains {
                        var dot = 0
                        let a = s.baseAddress! + l * n
                        let b = s.baseAddress! + k * n
                        for i in 0..<n { dot &+= Int(a[i]) &* Int(b[i]) }
                        let value = Double(dot) * inverse
                        pairSums[l * chains + k] += value
                        total += value
                    }
                }
                pairMean.append(total / Double(chains * (chains - 1) / 2))
            }
        }
        measurements += 1
    }

    static func dot(_ a: UnsafePointer<Int8>, _ b: [Int8], _ n: Int) -> Int {
        var sum = 0
        for i in 0..<n { sum &+= Int(a[i]) &* Int(b[i]) }
        return sum
    }

    /// The across-chain estimate of a per-chain series (mean of time averages, standard error
    /// across chains; a single chain gets the τ_int-corrected error of its series).
    static func estimate(_ series: [[Double]]) -> MeanEstimate {
        let averages = series.map { $0.reduce(0, +) / Double(max($0.count, 1)) }
        if averages.count >= 2, let estimate = try? MeanEstimate(samples: averages) { return estimate }
        if let only = series.first, let tau = try? AutocorrelationEstimate(series: only) { return tau.meanEstimate }
        return MeanEstimate(mean: averages.first ?? .nan, standardError: .nan, count: averages.count)
    }

    /// q over pairs with its jackknife error over chains (L ≥ 3), or the τ_int-corrected error
    /// of the single pair's series (L = 2).
    func replicaOverlap() -> MeanEstimate {
        replicaOverlapEstimate(pairSums: pairSums, chains: chains, measurements: measurements, pairSeries: pairMean)
    }

    /// τ_int of the energy (in measurements), averaged over chains; NaN when too short.
    func autocorrelationTime() -> Double {
        let taus = energy.compactMap { try? AutocorrelationEstimate(series: $0).tau }
        return taus.isEmpty ? .nan : taus.reduce(0, +) / Double(taus.count)
    }

    /// Whether the two halves of each series agree: the paired differences of the half means
    /// across chains have |mean| ≤ 3 σ (with one chain, the two halves' τ-corrected errors).
    func halvesAgree(_ series: [[Double]]) -> Bool {
        guard let length = series.first?.count, length >= 4 else { return false }
        let half = length / 2
        func mean(_ x: ArraySlice<Double>) -> Double { x.reduce(0, +) / Double(x.count) }
        if series.count >= 2 {
            let differences = series.map { mean($0[half...]) - mean($0[..<half]) }
            guard let estimate = try? MeanEstimate(samples: differences) else { return false }
            return abs(estimate.mean) <= 3 * estimate.standardError
        }
        let only = series[0]
        guard let first = try? AutocorrelationEstimate(series: Array(only[..<half])).meanEstimate,
              let second = try? AutocorrelationEstimate(series: Array(only[half...])).meanEstimate
        else { return false }
        let sigma = (first.standardError * first.standardError + second.standardError * second.standardError).squareRoot()
        return abs(second.mean - first.mean) <= 3 * sigma
    }
}
