import BoltzmannCore
import BoltzmannModels

/// Which ``DenseFlipKernel`` runs a dense Hopfield Monte Carlo simulation.
public enum DenseKernelChoice: String, Sendable, Hashable, CaseIterable, Codable {
    /// Pick by regime (``DenseKernelChoice/resolved(for:chains:sweeps:)``).
    case automatic
    /// ``OverlapDenseKernel``: any order and form, O(M) per attempt.
    case overlap
    /// ``CubicTensorKernel``: p = 3 Krotov x³ or Gardner, O(N (1 + |D|)) per accepted flip
    /// after an O(M N³) tensor build, N²(N−1)/2 entries of memory.
    case cubicTensor = "cubic-tensor"
    /// ``ReferenceDenseKernel``: recomputes the Hamiltonian, O(M N) per attempt; tests only.
    case reference

    /// The kernel `.automatic` stands for.
    ///
    /// Rule: the coupling-tensor kernel when p = 3 with the Krotov x³ or Gardner form,
    /// N ≤ 512 (tensor ≤ 134 MB of `Int16`), and the run is long enough to repay the tensor
    /// build: L · sweeps ≥ N²/24 chain-sweeps (2731 at N = 256); the overlap kernel otherwise.
    /// Both costs are proportional to M, so the break-even is M-independent: the build takes
    /// about M N³/3 · min(f, 1 − f) BLAS flops (1.6 s at N = 256, M = 32768 on one core, 4.4 s
    /// at M = 98304), and each chain-sweep of the overlap kernel costs N M masked multiply-adds
    /// (0.59 ms at M = 32768, 1.8 ms at M = 98304: 1.4·10¹⁰ /s) against 0.005–0.3 ms for the
    /// tensor kernel (its cost grows with the number of accepted flips): break-even after about
    /// 2500–2800 chain-sweeps at N = 256 for both M. Measured on the 2-core AMD EPYC of the
    /// benchmarks (`make bench`, the peers' problem at α = 3 and 9).
    public func resolved(for network: DenseHopfieldNetwork, chains: Int, sweeps: Int) -> DenseKernelChoice {
        guard self == .automatic else { return self }
        let n = network.size
        guard Self.tensorApplies(to: network), n <= 512 else { return .overlap }
        return chains * sweeps * 24 >= n * n ? .cubicTensor : .overlap
    }

    /// Whether ``CubicTensorKernel`` implements this network's Hamiltonian.
    static func tensorApplies(to network: DenseHopfieldNetwork) -> Bool {
        guard network.order == 3, network.size >= 3 else { return false }
        switch network.interaction.form {
        case .gardner, .krotov(.power): return true
        default: return false
        }
    }

    /// Builds the kernel for `spins` (L × N).
    func makeKernel(network: DenseHopfieldNetwork, spins: [Int8], threads: Int) throws(BoltzmannError) -> any DenseFlipKernel {
        switch self {
        case .automatic, .overlap:
            return try OverlapDenseKernel(network: network, spins: spins, threads: threads)
        case .reference:
            return try ReferenceDenseKernel(network: network, spins: spins)
        case .cubicTensor:
            guard Self.tensorApplies(to: network) else {
                throw BoltzmannError(
                    "the coupling-tensor kernel handles p = 3 with the Krotov x³ or Gardner form; this network is "
                        + "\(network.interaction.form), p = \(network.order)",
                    fix: "use the overlap kernel (or `automatic`)", source: "kernel")
            }
            let tensor = try CubicTensor(
                examples: network.memories.values, exampleCount: network.memoryCount, size: network.size)
            let form: CubicTensorKernel.Form = network.interaction.form == .gardner ? .gardner : .krotov
            return try CubicTensorKernel(tensor: tensor, form: form, spins: spins, threads: threads)
        }
    }
}
