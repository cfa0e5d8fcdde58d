import BoltzmannCore

/// How a single-spin-flip attempt is accepted.
///
/// With ΔE the energy change of the proposed flip and β = 1/T:
/// - `heatBath` (Glauber): flip with probability 1 / (1 + exp(β ΔE)).
/// - `metropolis`: flip with probability min(1, exp(−β ΔE)).
/// - `zeroTemperature`: flip iff ΔE < 0 (ties keep the spin); draws no random number.
public enum UpdateRule: String, Sendable, CaseIterable, Codable {
    case heatBath = "heat-bath"
    case metropolis
    case zeroTemperature = "zero-temperature"
}

/// A single-spin-flip Monte Carlo kernel for L chains of a dense (p-body) Hopfield network
/// whose memories are fixed (for a student: the spins are its weights, the memories the examples).
///
/// Contract shared by every implementation (overlap kernels, the p = 3 coupling-tensor kernel,
/// the plain reference kernel used by the tests):
/// - Spins are ±1 stored as `Int8`, chain-major: chain l occupies `spins[l*N ..< (l+1)*N]`.
/// - `sweep` visits sites i = 0, 1, …, N−1 in order; for each site it updates every chain,
///   chain l drawing exactly one uniform from `streams[l]` per heat-bath or Metropolis attempt
///   (none at T = 0), so the
///   trajectory of a chain depends only on its own stream: results are bit-identical whatever
///   the grouping of chains over threads.
/// - ΔE is exact (integer overlap arithmetic, converted to Double only for the acceptance test).
public protocol DenseFlipKernel: Sendable {
    /// Number of spins N.
    var size: Int { get }
    /// Number of chains L.
    var chainCount: Int { get }
    /// Current spins, chain-major, L × N.
    var spins: [Int8] { get }
    /// Replaces the spins of every chain (L × N, values ±1) and rebuilds the maintained fields.
    mutating func setSpins(_ spins: [Int8])
    /// One sequential sweep over all sites and chains. Returns the number of accepted flips.
    mutating func sweep(beta: Double, rule: UpdateRule, streams: inout [RandomStream]) -> Int
    /// Energy of chain l in the kernel's Hamiltonian (exact up to Double rounding).
    func energy(chain: Int) -> Double
}
