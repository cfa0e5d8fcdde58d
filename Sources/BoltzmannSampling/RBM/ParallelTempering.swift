import BoltzmannCore
import BoltzmannModels

/// Replica-exchange bookkeeping for a ladder of coupling scales 0 ≤ β₁ < … < β_K = 1: the
/// acceptance rule, the swap proposals, and per-pair acceptance counters.
///
/// Tempering scales the couplings only (see the RBM contract): replica k samples
/// p_β(v, h) ∝ exp(−E_v(v) − E_h(h) + β·C(v, h)) with C(v, h) = vᵀWh = −E_int(v, h). Exchanging
/// the states x (at β_k) and y (at β_{k+1}) of two adjacent replicas is accepted with the
/// Metropolis probability
///
///     A = min(1, p_{β_k}(y) p_{β_{k+1}}(x) / (p_{β_k}(x) p_{β_{k+1}}(y)))
///       = min(1, exp((β_{k+1} − β_k)(C(x) − C(y))))
///       = min(1, exp((β_{k+1} − β_k)(E_int(y) − E_int(x)))),
///
/// the layer energies cancelling. So a swap that moves the state with the larger coupling
/// C (lower interaction energy) to the larger β is always accepted. (The form
/// exp((β_k − β_{k+1})(E_int(y) − E_int(x))) has the sign reversed: it would always accept the
/// wrong moves.) Each proposal satisfies detailed balance for the product distribution
/// Π_k p_{β_k}, so any sequence of them leaves it invariant.
///
/// One exchange round proposes the pairs (1,2), (2,3), …, (K−1,K) in that order, for every chain
/// index c independently (chain c of replica k with chain c of replica k+1), each with one
/// uniform draw, accepted when u < A. Source: Swendsen & Wang, PRL 57, 2607 (1986); Geyer (1991);
/// Hukushima & Nemoto, J. Phys. Soc. Jpn. 65, 1604 (1996); for RBM training Desjardins et al.,
/// AISTATS 2010.
public struct ReplicaExchange: Sendable, Codable, Equatable {
    /// The ladder, strictly increasing, ending at 1.
    public private(set) var betas: [Float]
    /// Proposals per adjacent pair (entry k: replicas k and k+1) since the last reset.
    public private(set) var attempted: [Int]
    /// Accepted proposals per adjacent pair since the last reset.
    public private(set) var accepted: [Int]

    /// A ladder with zeroed counters.
    ///
    /// - Throws: `BoltzmannError` unless the β are finite, in [0, 1], strictly increasing and the
    ///   last is 1.
    public init(betas: [Float]) throws(BoltzmannError) {
        try ReplicaExchange.validate(betas)
        self.betas = betas
        attempted = [Int](repeating: 0, count: betas.count - 1)
        accepted = attempted
    }

    /// Checks a β ladder (see `init(betas:)`).
    public static func validate(_ betas: [Float]) throws(BoltzmannError) {
        guard let last = betas.last else {
            throw BoltzmannError("the β ladder is empty", fix: "give at least one β, the last equal to 1")
        }
        guard last == 1 else {
            throw BoltzmannError(
                "the β ladder must end at β = 1 (the model itself), but it ends at \(last)",
                fix: "append 1 to the ladder")
        }
        for (index, beta) in betas.enumerated() {
            guard beta.isFinite, beta >= 0, beta <= 1 else {
                throw BoltzmannError(
                    "β = \(beta) (entry \(index) of the ladder) is outside [0, 1]",
                    fix: "give coupling scales between 0 and 1")
            }
            if index > 0, beta <= betas[index - 1] {
                throw BoltzmannError(
                    "the β ladder must increase strictly, but entry \(index) (\(beta)) follows \(betas[index - 1])",
                    fix: "sort the ladder and remove repeated values")
            }
        }
    }

    /// Number of replicas K.
    public var replicaCount: Int { betas.count }

    /// Accepted ÷ attempted per adjacent pair (NaN for a pair never attempted).
    public var acceptanceRates: [Double] {
        zip(accepted, attempted).map { $1 == 0 ? .nan : Double($0) / Double($1) }
    }

    /// log of the acceptance ratio, (β_upper − β_lower)(C_lower − C_upper), where C = vᵀWh of the
    /// state now at the lower β and at the upper β.
    @inlinable
    public static func logAcceptanceRatio(
        lowerBeta: Float, upperBeta: Float, lowerCoupling: Double, upperCoupling: Double
    ) -> Double {
        Double(upperBeta - lowerBeta) * (lowerCoupling - upperCoupling)
    }

    /// Sets all counters to zero (e.g. at the start of an epoch).
    public mutating func resetCounters() {
        attempted = attempted.map { _ in 0 }
        accepted = accepted.map { _ in 0 }
    }

    /// Replaces the ladder (same number of replicas) and zeroes the counters.
    public mutating func setBetas(_ newBetas: [Float]) throws(BoltzmannError) {
        guard newBetas.count == betas.count else {
            throw BoltzmannError(
                "a ladder of \(betas.count) replicas cannot take \(newBetas.count) β values",
                fix: "give one β per replica")
        }
        try ReplicaExchange.validate(newBetas)
        betas = newBetas
        resetCounters()
    }

    /// One exchange round over `chains` chains per replica.
    ///
    /// `couplings[k * chains + c]` is C = vᵀWh of chain c in replica k; it is swapped together
    /// with the states, and `swap(k, c)` is called for every accepted exchange of chain c between
    /// replicas k and k+1 (the caller swaps its states there). Draws K−1 times `chains` uniforms
    /// from `random`, in the order pair by pair, chain by chain.
    public mutating func exchange(
        couplings: inout [Double], chains: Int, random: inout RandomStream,
        swap: (_ pair: Int, _ chain: Int) -> Void
    ) {
        precondition(couplings.count == chains * betas.count, "exchange: couplings must have K × chains entries")
        for pair in 0..<(betas.count - 1) {
            let (lowerBeta, upperBeta) = (betas[pair], betas[pair + 1])
            var acceptedHere = 0
            for chain in 0..<chains {
                let lower = pair * chains + chain
                let upper = lower + chains
                let logRatio = ReplicaExchange.logAcceptanceRatio(
                    lowerBeta: lowerBeta, upperBeta: upperBeta,
                    lowerCoupling: couplings[lower], upperCoupling: couplings[upper])
                let u = random.uniform()
                if logRatio >= 0 || u < Double.exp(logRatio) {
                    couplings.swapAt(lower, upper)
                    swap(pair, chain)
                    acceptedHere += 1
                }
            }
            attempted[pair] += chains
            accepted[pair] += acceptedHere
        }
    }
}

/// Parallel tempering for an RBM, usable on its own as a sampler: K replicas of `chains` chains
/// each at coupling scales β₁ < … < β_K = 1, each step = block-Gibbs sweeps of every replica at
/// its β (`gibbsSweep`) followed by one exchange round of adjacent replicas (see
/// `ReplicaExchange` for the acceptance rule). The β = 1 replica samples the model.
///
/// After a sweep v → h → v a replica's state is the pair (v, h) of the new visible and the hidden
/// configuration it was drawn from, a draw from p_β(v, h) in equilibrium; the exchange uses
/// C = vᵀWh of that pair. Works for every unit kind (β = 0 is exactly solvable for all).
///
/// Initial states: v drawn from the β = 0 distribution (independent units), then h ~ p_β(h | v).
public struct RBMParallelTempering: Sendable {
    /// Ladder and swap counters.
    public private(set) var exchange: ReplicaExchange
    /// Replica k (at `exchange.betas[k]`): `chains` rows of visible and hidden states.
    public private(set) var replicas: [RBMChainState]
    /// Chains per replica.
    public let chains: Int

    /// Replicas for `rbm` at `betas`, with initial states drawn from `random`.
    ///
    /// - Throws: `BoltzmannError` for an invalid ladder (see `ReplicaExchange`) or `chains` < 1.
    public init(
        _ rbm: RestrictedBoltzmannMachine, betas: [Float], chains: Int, random: inout RandomStream
    ) throws(BoltzmannError) {
        guard chains >= 1 else {
            throw BoltzmannError(
                "parallel tempering needs at least one chain per replica, got \(chains)",
                fix: "give chains ≥ 1")
        }
        exchange = try ReplicaExchange(betas: betas)
        self.chains = chains
        var replicas: [RBMChainState] = []
        for beta in betas {
            let none = Matrix<Float>(rows: chains, columns: rbm.hiddenCount)
            var visible = Matrix<Float>(rows: chains, columns: rbm.visibleCount)
            rbm.sampleVisible(given: none, beta: 0, into: &visible, random: &random)
            var hidden = Matrix<Float>(rows: chains, columns: rbm.hiddenCount)
            rbm.sampleHidden(given: visible, beta: beta, into: &hidden, random: &random)
            replicas.append(RBMChainState(visible: visible, hidden: hidden))
        }
        self.replicas = replicas
    }

    /// The β = 1 replica: `chains` samples of the model (after enough steps).
    public var modelSamples: RBMChainState { replicas[replicas.count - 1] }

    /// Acceptance rate per adjacent pair since the last `resetCounters()`.
    public var acceptanceRates: [Double] { exchange.acceptanceRates }

    /// Zeroes the swap counters.
    public mutating func resetCounters() { exchange.resetCounters() }

    /// `sweeps` Gibbs sweeps of every replica (replica 1 first), then one exchange round.
    public mutating func step(
        _ rbm: RestrictedBoltzmannMachine, sweeps: Int = 1, random: inout RandomStream
    ) {
        precondition(sweeps >= 1, "RBMParallelTempering.step: sweeps must be ≥ 1")
        let betas = exchange.betas
        var couplings = [Double](repeating: 0, count: chains * betas.count)
        var fields = Matrix<Float>(rows: chains, columns: rbm.hiddenCount)
        for k in 0..<betas.count {
            for _ in 0..<sweeps {
                rbm.gibbsSweep(&replicas[k], beta: betas[k], random: &random)
            }
            RBMParallelTempering.couplings(
                rbm, replicas[k], fields: &fields, into: &couplings, offset: k * chains)
        }
        var states = replicas
        exchange.exchange(couplings: &couplings, chains: chains, random: &random) { pair, chain in
            states.withUnsafeMutableBufferPointer { replica in
                RBMParallelTempering.swapRow(chain, &replica[pair].visible, &replica[pair + 1].visible)
                RBMParallelTempering.swapRow(chain, &replica[pair].hidden, &replica[pair + 1].hidden)
            }
        }
        replicas = states
    }

    /// C = vᵀWh per row of `state`, written to `couplings[offset...]`, accumulated in Double.
    static func couplings(
        _ rbm: RestrictedBoltzmannMachine, _ state: RBMChainState, fields: inout Matrix<Float>,
        into couplings: inout [Double], offset: Int
    ) {
        rbm.hiddenInputs(state.visible, beta: 1, into: &fields)
        let columns = fields.columns
        fields.withUnsafeBufferPointer { u in
            state.hidden.withUnsafeBufferPointer { h in
                for row in 0..<state.hidden.rows {
                    var sum = 0.0
                    for j in 0..<columns {
                        sum += Double(u[row * columns + j]) * Double(h[row * columns + j])
                    }
                    couplings[offset + row] = sum
                }
            }
        }
    }

    /// Exchanges row `row` of two matrices of the same shape.
    static func swapRow(_ row: Int, _ a: inout Matrix<Float>, _ b: inout Matrix<Float>) {
        let columns = a.columns
        a.withUnsafeMutableBufferPointer { x in
            b.withUnsafeMutableBufferPointer { y in
                for j in 0..<columns { swap(&x[row * columns + j], &y[row * columns + j]) }
            }
        }
    }
}
