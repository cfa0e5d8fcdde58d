import BoltzmannCore

/// The replica overlap q between L chains of the same system, with its error bar.
///
/// q = (2 / L(L−1)) Σ_{a<b} q_ab, where q_ab is the time average of the overlap of chains a and b
/// (`pairSums[a·L + b]` summed over `measurements` measurements). For L ≥ 3 the error is the
/// jackknife over chains: leaving out chain a removes its L − 1 pairs, q_(a) is the mean of the
/// (L−1)(L−2)/2 pairs left, and SE² = ((L−1)/L) Σ_a (q_(a) − q̄)² (Efron & Tibshirani, ch. 11).
/// For L = 2 there is one pair, and the error is the τ_int-corrected error of its time series
/// `pairSeries`. With fewer than two chains or no measurement the result is NaN.
func replicaOverlapEstimate(
    pairSums: [Double], chains l: Int, measurements: Int, pairSeries: [Double]
) -> MeanEstimate {
    guard l >= 2, measurements > 0 else { return MeanEstimate(mean: .nan, standardError: .nan, count: 0) }
    let t = Double(measurements)
    var pairTotal = 0.0
    var rows = [Double](repeating: 0, count: l)
    for a in 0..<l {
        for b in (a + 1)..<l {
            let value = pairSums[a * l + b] / t
            pairTotal += value
            rows[a] += value
            rows[b] += value
        }
    }
    let mean = pairTotal / Double(l * (l - 1) / 2)
    if l == 2 {
        if let tau = try? AutocorrelationEstimate(series: pairSeries) { return tau.meanEstimate }
        return MeanEstimate(mean: mean, standardError: .nan, count: 1)
    }
    let reducedPairs = Double((l - 1) * (l - 2) / 2)
    let leaveOneOut = rows.map { (pairTotal - $0) / reducedPairs }
    let average = leaveOneOut.reduce(0, +) / Double(l)
    let spread = leaveOneOut.reduce(0) { $0 + ($1 - average) * ($1 - average) }
    return MeanEstimate(mean: mean, standardError: (Double(l - 1) / Double(l) * spread).squareRoot(), count: l)
}
