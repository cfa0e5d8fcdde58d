import BoltzmannCore
import BoltzmannModels

/// The zero-temperature example-substitution attack on a dense student, by Monte Carlo
/// (MODELS.md §2; Thériault & Tantari, arXiv 2401.04191, adversarial robustness section).
///
/// One trial: start the student at the teacher, ξ = ξ*; choose one training example σ^a (a
/// uniformly random, "typical", example or the one most aligned with ξ*) and ⌊εN⌋ sites
/// uniformly at random, and set ξ_i = σ^a_i on those sites. For an example nearly orthogonal to
/// ξ* this gives m = ξ·σ^a/N ≈ ε and q* ≈ 1 − ε. Then run zero-temperature single-flip
/// dynamics (flip iff ΔE < 0, sequential sweeps) until a full sweep flips nothing (a fixed
/// point) or `maximumSweeps` is reached, and count the trial as a return when the final
/// q* ≥ 1 − `tolerance`.
///
/// The trials of one ε run as the chains of one kernel (the dynamics is deterministic; the
/// randomness is in the choice of sites and example). The return probability p̂ = returns/trials
/// has the binomial error √(p̂(1 − p̂)/trials).
///
/// Streams: ε index k uses `RandomStream(seed: seed, stream: 0).substream(k)`, trial l its
/// `substream(l)`.
public struct ExampleSubstitutionAttack: Sendable {
    /// Which example supplies the substituted entries.
    public enum ExampleChoice: String, Sendable, Hashable, Codable, CaseIterable {
        /// A uniformly random example, drawn anew for each trial.
        case typical
        /// The example with the largest overlap with ξ* (the smallest index among ties).
        case mostAligned = "most-aligned"
    }

    /// The outcome at one ε.
    public struct Point: Sendable, Hashable, Codable {
        /// The substituted fraction ε (the actual count is ⌊εN⌋).
        public var epsilon: Double
        /// Fraction of trials that returned to the teacher.
        public var returnProbability: Double
        /// Binomial standard error of the return probability.
        public var returnProbabilityError: Double
        /// Mean final q* over trials.
        public var finalQStar: Double
        /// Mean final overlap with the attacking example.
        public var finalM: Double
        /// Fraction of trials that reached a fixed point within `maximumSweeps`.
        public var converged: Double
        /// Trials run.
        public var trials: Int
    }

    public var epsilons: [Double]
    public var trials: Int
    public var exampleChoice: ExampleChoice
    public var tolerance: Double
    public var maximumSweeps: Int
    public var kernel: DenseKernelChoice
    public var threads: Int
    public var seed: UInt64

    /// - Throws: `BoltzmannError` when an ε is outside [0, 1], trials, maximumSweeps or threads
    ///   is below 1, or the tolerance is outside [0, 2).
    public init(
        epsilons: [Double], trials: Int, exampleChoice: ExampleChoice = .typical, tolerance: Double = 0.01,
        maximumSweeps: Int = 100, kernel: DenseKernelChoice = .automatic, threads: Int = 1, seed: UInt64 = 0
    ) throws(BoltzmannError) {
        if let bad = epsilons.first(where: { !($0 >= 0 && $0 <= 1) }) {
            throw BoltzmannError("the attack fraction ε = \(bad) is outside [0, 1]", fix: "pass fractions in [0, 1]", source: "epsilon")
        }
        guard trials >= 1, maximumSweeps >= 1, threads >= 1 else {
            throw BoltzmannError("trials, maximumSweeps and threads must be at least 1", fix: "pass positive counts", source: "attack")
        }
        guard tolerance >= 0, tolerance < 2 else {
            throw BoltzmannError("the return tolerance \(tolerance) is outside [0, 2)", fix: "pass a small tolerance such as 0.01",
                                 source: "tolerance")
        }
        self.epsilons = epsilons
        self.trials = trials
        self.exampleChoice = exampleChoice
        self.tolerance = tolerance
        self.maximumSweeps = maximumSweeps
        self.kernel = kernel
        self.threads = threads
        self.seed = seed
    }

    /// The return probability at every ε for the student of `problem` (its temperature is
    /// ignored: the attack is at T = 0).
    public func run(_ problem: TeacherStudentProblem) throws(BoltzmannError) -> [Point] {
        let network = problem.student
        let teacher = problem.teacherPattern
        let n = network.size
        let examples = network.memories
        let overlaps = examples.overlaps(with: teacher)
        let aligned = overlaps.indices.max { overlaps[$0] < overlaps[$1] || (overlaps[$0] == overlaps[$1] && $0 > $1) }!
        let base = RandomStream(seed: seed, stream: 0)
        var points: [Point] = []
        for (k, epsilon) in epsilons.enumerated() {
            let count = Int((epsilon * Double(n)).rounded(.down))
            var spins = [Int8]()
            spins.reserveCapacity(trials * n)
            var attackers = [Int]()
            for l in 0..<trials {
                var stream = base.substream(UInt64(k)).substream(UInt64(l))
                let a = exampleChoice == .typical ? stream.uniformIndex(below: examples.count) : aligned
                attackers.append(a)
                var state = teacher
                var sites = Array(0..<n)
                for j in 0..<count {
                    sites.swapAt(j, j + stream.uniformIndex(below: n - j))
                    state[sites[j]] = examples[pattern: a, site: sites[j]]
                }
                spins += state
            }
            let choice = kernel.resolved(for: network, chains: trials, sweeps: maximumSweeps)
            var flipKernel = try choice.makeKernel(network: network, spins: spins, threads: threads)
            var streams = (0..<trials).map { base.substream(UInt64(k)).substream(UInt64($0)) }
            var fixed = false
            var sweepsRun = 0
            while sweepsRun < maximumSweeps {
                let flips = flipKernel.sweep(beta: .infinity, rule: .zeroTemperature, streams: &streams)
                sweepsRun += 1
                if flips == 0 { fixed = true; break }
            }
            // Without a global fixed point, a chain has converged when one more (deterministic)
            // sweep leaves it unchanged.
            let final = flipKernel.spins
            var returns = 0
            var qSum = 0.0
            var mSum = 0.0
            var convergedCount = trials
            if !fixed {
                var probe = flipKernel
                let before = probe.spins
                _ = probe.sweep(beta: .infinity, rule: .zeroTemperature, streams: &streams)
                let after = probe.spins
                convergedCount = (0..<trials).filter { l in before[(l * n)..<((l + 1) * n)] == after[(l * n)..<((l + 1) * n)] }.count
            }
            for l in 0..<trials {
                var qStar = 0
                var m = 0
                for i in 0..<n {
                    qStar += Int(final[l * n + i]) * Int(teacher[i])
                    m += Int(final[l * n + i]) * Int(examples[pattern: attackers[l], site: i])
                }
                let q = Double(qStar) / Double(n)
                qSum += q
                mSum += Double(m) / Double(n)
                if q >= 1 - tolerance { returns += 1 }
            }
            let p = Double(returns) / Double(trials)
            points.append(Point(
                epsilon: epsilon, returnProbability: p, returnProbabilityError: (p * (1 - p) / Double(trials)).squareRoot(),
                finalQStar: qSum / Double(trials), finalM: mSum / Double(trials),
                converged: Double(convergedCount) / Double(trials), trials: trials))
        }
        return points
    }
}
