import Boltzmann
import Foundation

// `make bench`: throughput figures of the hot kernels, side by side with the Python peer
// baselines run on this machine in the same session. Figures, not tests: nothing here fails.

func section(_ lines: [String]) {
    for line in lines { print(line) }
    print("")
}

let peers = PeerBaselines()
let arguments = Set(CommandLine.arguments.dropFirst())
let wants = { (name: String) in arguments.isEmpty || arguments.contains(name) }

if wants("gemm") { section(runGEMMBenchmark()) }
if wants("random") { section(runRandomBenchmark()) }

if wants("dense") {
    var rates: [PeerRate] = []
    var peerLines = ["Peers (dense teacher–student Monte Carlo, their defaults, one thread)"]
    for script in ["dense_ts_numpy.py", "dense_ts_jax.py"] {
        for alpha in [3.0, 9.0] {
            switch peers.denseRate(script, alpha: alpha) {
            case .success(let rate):
                rates.append(PeerRate(name: script, alpha: alpha, overlapUpdatesPerSecond: rate))
                peerLines.append(String(format: "  %@ α = %g: %.3e example-overlap updates/s", script, alpha, rate))
            case .failure(let failure):
                peerLines.append("  \(script) α = \(alpha): skipped (\(failure.reason))")
            }
        }
    }
    section(peerLines)
    section(runCubicTensorBenchmark(peerRates: rates))
    section(runDenseMonteCarloBenchmark(peerRates: rates))
}

if wants("theory") {
    var peerSeconds: Double?
    switch peers.run("rs_solver_numpy.py", ["--mode", "vector"]) {
    case .success(let json):
        peerSeconds = ((json["vector"] as? [String: Any])?["seconds"] as? [String: Any])?["median_s"] as? Double
        print(String(format: "Peer rs_solver_numpy.py (400 × 401 Nishimori grid, vectorised): %.2f s", peerSeconds ?? .nan))
    case .failure(let failure):
        print("Peer rs_solver_numpy.py: skipped (\(failure.reason))")
    }
    section(runTheoryBenchmark(peerGridSeconds: peerSeconds))
}

if wants("rbm") { section(runRBMTrainingBenchmark(peers: peers)) }
