/// Several observables recorded at the same times, cut into consecutive blocks and summed: the
/// common input of the jackknife and the bootstrap for functions of means.
///
/// With K observables of n samples each and block size b, there are B = ⌊n/b⌋ blocks (a trailing
/// partial block is dropped) and S_{β,k} = Σ of observable k over block β. Any resampled mean is a
/// combination of these sums, so resampling costs O(B·K) per replica instead of O(n·K).
/// Blocks must be long compared with the autocorrelation time for the resampled blocks to be
/// independent (b ≳ 10 τ_int); b = 1 is right for independent samples.
struct BlockSums {
    let observableCount: Int
    let blockCount: Int
    let blockSize: Int
    /// S_{β,k} at index β·K + k.
    let sums: [Double]
    /// Σ_β S_{β,k}, the total of observable k over all blocks.
    let totals: [Double]

    /// - Throws: `BoltzmannError` for no observables, series of unequal length, a block size
    ///   below 1, fewer than two blocks, or a non-finite sample.
    init(series: [[Double]], blockSize: Int) throws(BoltzmannError) {
        guard let length = series.first?.count else {
            throw BoltzmannError(
                "no observable series were given", fix: "pass one array of samples per observable",
                source: "series")
        }
        guard series.allSatisfy({ $0.count == length }) else {
            throw BoltzmannError(
                "the observable series have different lengths (\(series.map(\.count)))",
                fix: "record every observable at the same times so that the series line up",
                source: "series")
        }
        guard blockSize >= 1 else {
            throw BoltzmannError(
                "the block size is \(blockSize), but it must be at least 1",
                fix: "use 1 for independent samples, or ≳ 10 τ_int for a Markov chain",
                source: "blockSize")
        }
        let blockCount = length / blockSize
        guard blockCount >= 2 else {
            throw BoltzmannError(
                "\(length) samples in blocks of \(blockSize) make \(blockCount) block(s), but resampling needs at least 2",
                fix: "record more samples or use smaller blocks", source: "blockSize")
        }
        let observableCount = series.count
        var sums = [Double](repeating: 0, count: blockCount * observableCount)
        var totals = [Double](repeating: 0, count: observableCount)
        for (k, samples) in series.enumerated() {
            for block in 0..<blockCount {
                var sum = 0.0
                for value in samples[(block * blockSize)..<((block + 1) * blockSize)] {
                    guard value.isFinite else {
                        throw BoltzmannError(
                            "a sample of observable \(k) is \(value); statistics need finite numbers",
                            fix: "check the simulation that produced the series for overflow or 0/0",
                            source: "series")
                    }
                    sum += value
                }
                sums[block * observableCount + k] = sum
                totals[k] += sum
            }
        }
        self.observableCount = observableCount
        self.blockCount = blockCount
        self.blockSize = blockSize
        self.sums = sums
        self.totals = totals
    }

    /// The means of all observables over all blocks.
    var means: [Double] {
        let count = Double(blockCount * blockSize)
        return totals.map { $0 / count }
    }
}
