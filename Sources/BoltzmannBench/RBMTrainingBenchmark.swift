import Boltzmann
import Foundation

/// RBM training throughput (`BoltzmannBench rbm`): PCD-1 (scikit-learn's "SML") on the binarised
/// digits with 64 and 256 hidden units, batch 100, one OpenBLAS thread, next to scikit-learn's
/// BernoulliRBM run by `sklearn_rbm.py` in the same session; then a BLAS-bound shape (784
/// visible, 512 hidden, batch 256) against the machine's sgemm rate.
///
/// samples/s = training rows × epochs ÷ wall time of `train` (monitoring off), best of
/// `repeats`. The peer fits the same 1797 rows (its pixels are scaled to [0, 1] rather than
/// binarised, which does not change its arithmetic). For the BLAS-bound shape the flops of one
/// PCD-1 step with n = B chains are those of its three sgemms: h·Wᵀ (2nHV), v·W over chains and
/// batch (2(n+B)VH) and the gradient vᵀ·E[h|v] (2(n+B)VH), i.e. 10·B·V·H; the sgemm rate is
/// `Matrix.gemm` at (B×V)·(V×H), best of 29 calls. The ratio is printed twice: for the best
/// single step (like the best sgemm call, what an uncontended core does) and over whole runs.
func runRBMTrainingBenchmark(peers: PeerBaselines, repeats: Int = 3) -> [String] {
    var lines = ["RBM training (PCD-1, batch 100, one OpenBLAS thread)"]
    let digits: Matrix<Float>
    do {
        digits = try Dataset.digits().binarised(.threshold(8)).samples
    } catch {
        return lines + ["  digits not found (\(error)): skipped"]
    }
    let epochs = 20
    for hidden in [64, 256] {
        var peerRate: Double?
        switch peers.run("sklearn_rbm.py", ["--n-components", "\(hidden)", "--batch-sizes", "100", "--n-iter", "\(epochs)"]) {
        case .success(let json):
            peerRate = ((json["results"] as? [[String: Any]])?.first)?["samples_per_s_median"] as? Double
        case .failure(let failure):
            lines.append("  sklearn_rbm.py H = \(hidden): skipped (\(failure.reason))")
        }
        let rate = BLASThreads.withThreads(1) {
            pcdRate(data: digits, hidden: hidden, batch: 100, epochs: epochs, repeats: repeats)
        }
        var line = "  64 visible × \(hidden) hidden: Boltzmann \(benchScientific(rate)) samples/s"
        if let peerRate {
            line += ", scikit-learn BernoulliRBM \(benchScientific(peerRate)) samples/s, ratio \(benchFixed(rate / peerRate, 2))×"
        }
        lines.append(line)
    }

    // BLAS-bound shape: whole runs, and the best single step against the best single sgemm
    // (on a loaded machine short timings are the ones that see an uncontended core).
    let (visible, hidden, batch) = (784, 512, 256)
    var random = RandomStream(seed: 7)
    let data = Matrix<Float>(rows: batch * 8, columns: visible) { _, _ in random.bernoulli(0.2) ? 1 : 0 }
    let trainingRate = BLASThreads.withThreads(1) {
        pcdRate(data: data, hidden: hidden, batch: batch, epochs: 2, repeats: repeats)
    }
    let bestStep = BLASThreads.withThreads(1) { bestStepSeconds(data: data, hidden: hidden, batch: batch) }
    let stepFlops = 10 * Double(batch) * Double(visible) * Double(hidden)
    let a = Matrix<Float>(rows: batch, columns: visible) { _, _ in random.uniformFloat() - 0.5 }
    let b = Matrix<Float>(rows: visible, columns: hidden) { _, _ in random.uniformFloat() - 0.5 }
    var c = Matrix<Float>(rows: batch, columns: hidden)
    let gemmSeconds = BLASThreads.withThreads(1) {
        (0..<30).map { _ in benchSeconds { Matrix.gemm(a, b, into: &c) } }.dropFirst().min()!
    }
    let gemmFlops = 2 * Double(batch) * Double(visible) * Double(hidden) / gemmSeconds
    let runFlops = trainingRate / Double(batch) * stepFlops
    let stepRate = stepFlops / bestStep
    lines.append(
        "  \(visible) visible × \(hidden) hidden, batch \(batch): \(benchScientific(trainingRate)) samples/s "
            + "(\(benchFixed(runFlops / 1e9, 1)) GFLOP/s over whole runs); best step "
            + "\(benchFixed(bestStep * 1e3, 2)) ms = \(benchFixed(stepRate / 1e9, 1)) GFLOP/s")
    lines.append(
        "    sgemm \(batch)×\(visible)·\(visible)×\(hidden) (best call): \(benchFixed(gemmFlops / 1e9, 1)) GFLOP/s; "
            + "training ÷ sgemm = \(benchFixed(100 * stepRate / gemmFlops, 1)) % (best step), "
            + "\(benchFixed(100 * runFlops / gemmFlops, 1)) % (whole runs)")
    return lines
}

/// The shortest wall time of one mini-batch step in a PCD-1 epoch (time between progress reports).
private func bestStepSeconds(data: Matrix<Float>, hidden: Int, batch: Int) -> Double {
    let model = RestrictedBoltzmannMachine.random(
        visible: .bernoulli, visibleCount: data.columns, hidden: .bernoulli, hiddenCount: hidden, seed: 1)
    let configuration = RBMTrainingConfiguration(
        method: .persistent(steps: 1), epochs: 3, batchSize: batch, learningRate: .constant(0.1), monitor: .none)
    guard var trainer = try? RBMTrainer(model: model, configuration: configuration) else { return .nan }
    let clock = ContinuousClock()
    var last = clock.now
    var best = Double.infinity
    _ = try? trainer.train(data: data) { _ in
        let now = clock.now
        let (whole, attoseconds) = (now - last).components
        best = min(best, Double(whole) + Double(attoseconds) * 1e-18)
        last = now
    }
    return best
}

/// Training rows per second of PCD-1 (chains = batch, learning rate 0.1), best of `repeats`.
private func pcdRate(data: Matrix<Float>, hidden: Int, batch: Int, epochs: Int, repeats: Int) -> Double {
    var best = Double.infinity
    for repeat_ in 0...repeats {
        let model = RestrictedBoltzmannMachine.random(
            visible: .bernoulli, visibleCount: data.columns, hidden: .bernoulli, hiddenCount: hidden, seed: 1)
        let configuration = RBMTrainingConfiguration(
            method: .persistent(steps: 1), epochs: epochs, batchSize: batch, learningRate: .constant(0.1),
            seed: UInt64(repeat_), monitor: .none)
        guard var trainer = try? RBMTrainer(model: model, configuration: configuration) else { return .nan }
        let seconds = benchSeconds { _ = try? trainer.train(data: data) }
        if repeat_ > 0 { best = min(best, seconds) }   // the first run warms up
    }
    return Double(data.rows * epochs) / best
}
