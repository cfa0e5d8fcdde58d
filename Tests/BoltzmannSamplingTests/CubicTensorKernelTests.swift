import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import Testing

@Suite("CubicTensorKernel")
struct CubicTensorKernelTests {
    /// Examples (r-noise copies of a teacher), and chains: chain 0 at the teacher, the others random.
    static func problem(n: Int, m: Int, chains: Int, seed: UInt64) -> (examples: [Int8], spins: [Int8]) {
        let teacher = CubicTestData.randomSpins(n, seed: seed, stream: 0)
        let examples = CubicTestData.noisyCopies(of: teacher, count: m, r: 0.3, seed: seed)
        let spins = teacher + CubicTestData.randomSpins((chains - 1) * n, seed: seed, stream: 1)
        return (examples, spins)
    }

    static func streams(_ chains: Int, seed: UInt64) -> [RandomStream] {
        (0..<chains).map { RandomStream(seed: seed, stream: UInt64(100 + $0)) }
    }

    /// Cost models that force each update path: the default mix; near flips with a reference
    /// move after every flip; far flips only, never moving the reference; far flips with a
    /// rebuild from scratch after every flip; a mix that moves the reference early.
    static let costVariants: [CubicTensorKernel.Costs] = [
        .init(),
        .init(rowWeight: 0),
        .init(rowWeight: 1_000_000),
        .init(rowWeight: 1000, rebaseFactor: 0),
        .init(rowWeight: 2, rebaseFactor: 0.3),
    ]

    @Test(
        "spin trajectories equal the from-scratch reference, for every form, rule and update path",
        arguments: [7, 16, 33], UpdateRule.allCases)
    func trajectoriesMatchReference(n: Int, rule: UpdateRule) throws {
        let chains = 3
        let m = 2 * n + 3
        let (examples, start) = Self.problem(n: n, m: m, chains: chains, seed: UInt64(n))
        let tensor = try CubicTensor(examples: examples, exampleCount: m, size: n)
        for form in CubicTensorKernel.Form.allCases {
            let reference = CubicReference(examples: examples, exampleCount: m, size: n, form: form)
            let beta = 1 / reference.meanFlipEnergy(start)
            var kernels = try Self.costVariants.enumerated().map { index, costs in
                try CubicTensorKernel(tensor: tensor, form: form, spins: start, threads: 1 + index % 2, costs: costs)
            }
            var kernelStreams = Array(repeating: Self.streams(chains, seed: 7), count: kernels.count)
            var referenceStreams = Self.streams(chains, seed: 7)
            var spins = start
            var accepted = 0
            var mismatches = 0
            let sweeps = 8
            for _ in 0..<sweeps {
                let expected = reference.sweep(&spins, beta: beta, rule: rule, streams: &referenceStreams)
                accepted += expected
                for index in kernels.indices {
                    let got = kernels[index].sweep(beta: beta, rule: rule, streams: &kernelStreams[index])
                    if got != expected || kernels[index].spins != spins { mismatches += 1 }
                }
            }
            #expect(mismatches == 0, "\(form), N = \(n), \(rule)")
            // The streams advanced identically: one uniform per attempt, none at T = 0.
            for index in kernels.indices {
                #expect(kernelStreams[index] == referenceStreams)
            }
            if rule != .zeroTemperature {
                #expect(kernelStreams[0][0] != Self.streams(1, seed: 7)[0])
            }
            let fraction = Double(accepted) / Double(sweeps * n * chains)
            if rule == .zeroTemperature {
                #expect(accepted > 0, "\(form), N = \(n): no flip at all, the test would be vacuous")
            } else {
                #expect(fraction > 0.02 && fraction < 0.98, "\(form), N = \(n), \(rule): acceptance \(fraction)")
            }
        }
    }

    @Test("energy(chain:) equals the from-scratch energy after many sweeps (no drift)")
    func energyWithoutDrift() throws {
        let n = 33
        let m = 80
        let chains = 2
        let (examples, start) = Self.problem(n: n, m: m, chains: chains, seed: 4)
        let tensor = try CubicTensor(examples: examples, exampleCount: m, size: n)
        for form in CubicTensorKernel.Form.allCases {
            let reference = CubicReference(examples: examples, exampleCount: m, size: n, form: form)
            var kernel = try CubicTensorKernel(
                tensor: tensor, form: form, spins: start, costs: .init(rowWeight: 2, rebaseFactor: 0.5))
            for l in 0..<chains {
                #expect(kernel.energy(chain: l) == reference.energy(start[(l * n)..<((l + 1) * n)]))
            }
            var streams = Self.streams(chains, seed: 9)
            let beta = 1 / reference.meanFlipEnergy(start)
            var accepted = 0
            for _ in 0..<400 { accepted += kernel.sweep(beta: beta, rule: .heatBath, streams: &streams) }
            #expect(accepted > 1000)
            let spins = kernel.spins
            for l in 0..<chains {
                let exact = reference.energy(spins[(l * n)..<((l + 1) * n)])
                #expect(kernel.energy(chain: l) == exact, "\(form), chain \(l)")
            }
        }
    }

    @Test("the Gardner energy by overlaps equals the explicit triple sum", arguments: [7, 16])
    func gardnerIdentity(n: Int) {
        let m = 9
        let examples = CubicTestData.randomSpins(m * n, seed: 21, stream: UInt64(n))
        let reference = CubicReference(examples: examples, exampleCount: m, size: n, form: .gardner)
        for trial in 0..<5 {
            let spins = CubicTestData.randomSpins(n, seed: 22, stream: UInt64(trial))
            #expect(reference.energy(spins[...]) == reference.gardnerEnergyByTriples(spins[...]))
        }
    }

    @Test("Int16 and Int32 tensors give identical trajectories and energies")
    func entryTypesAgree() throws {
        let n = 16
        let m = 60
        let chains = 4
        let (examples, start) = Self.problem(n: n, m: m, chains: chains, seed: 12)
        let narrow = try CubicTensor(examples: examples, exampleCount: m, size: n, entryType: .int16)
        let wide = try CubicTensor(examples: examples, exampleCount: m, size: n, entryType: .int32)
        for form in CubicTensorKernel.Form.allCases {
            var a = try CubicTensorKernel(tensor: narrow, form: form, spins: start)
            var b = try CubicTensorKernel(tensor: wide, form: form, spins: start, costs: .init(rowWeight: 1_000_000))
            let beta = 1 / CubicReference(examples: examples, exampleCount: m, size: n, form: form)
                .meanFlipEnergy(start)
            var streamsA = Self.streams(chains, seed: 3)
            var streamsB = streamsA
            var differences = 0
            for _ in 0..<30 {
                let flipsA = a.sweep(beta: beta, rule: .metropolis, streams: &streamsA)
                let flipsB = b.sweep(beta: beta, rule: .metropolis, streams: &streamsB)
                if flipsA != flipsB || a.spins != b.spins { differences += 1 }
            }
            #expect(differences == 0)
            for l in 0..<chains { #expect(a.energy(chain: l) == b.energy(chain: l)) }
        }
    }

    @Test(
        "Int16 partial sums stay exact when entries are large (chunked widening)",
        arguments: [64, 75], [0.95, 0.75])
    func largeEntries(n: Int, r: Double) throws {
        // r-noise copies of one teacher: K_ijk ≈ M r³ ξ_i ξ_j ξ_k, about 10 300 (r = 0.95) or
        // 5 100 (r = 0.75), so only ⌊32767 / (max|K| + 1)⌋ = 3 or 5…7 vectors fit in an Int16
        // partial sum: the masked sums widen repeatedly, and the slab pass runs one row at a
        // time (chunk < 4) or four (chunk ≥ 4) with its column sums flushed after every group.
        let m = 12_000
        let chains = 3
        let teacher = CubicTestData.randomSpins(n, seed: 40, stream: 0)
        let examples = CubicTestData.noisyCopies(of: teacher, count: m, r: r, seed: 41)
        let start = CubicTestData.randomSpins(chains * n, seed: 42, stream: 1)
        let narrow = try CubicTensor(examples: examples, exampleCount: m, size: n)
        let wide = try CubicTensor(examples: examples, exampleCount: m, size: n, entryType: .int32)
        #expect(narrow.entryType == .int16)
        let chunk = 32767 / (narrow.largestEntryMagnitude + 1)
        #expect(r > 0.9 ? chunk < 4 : (4..<8).contains(chunk), "chunk \(chunk)")
        let reference = CubicReference(examples: examples, exampleCount: m, size: n, form: .krotov)
        let beta = 1 / reference.meanFlipEnergy(start)
        var kernels = try Self.costVariants.map {
            try CubicTensorKernel(tensor: narrow, form: .krotov, spins: start, costs: $0)
        }
        var check = try CubicTensorKernel(tensor: wide, form: .krotov, spins: start)
        var streams = Array(repeating: Self.streams(chains, seed: 43), count: kernels.count)
        var checkStreams = Self.streams(chains, seed: 43)
        var differences = 0
        var accepted = 0
        for _ in 0..<6 {
            let expected = check.sweep(beta: beta, rule: .heatBath, streams: &checkStreams)
            accepted += expected
            for index in kernels.indices {
                let got = kernels[index].sweep(beta: beta, rule: .heatBath, streams: &streams[index])
                if got != expected || kernels[index].spins != check.spins { differences += 1 }
            }
        }
        #expect(differences == 0)
        #expect(accepted > 6 * n * chains / 20)
        let spins = check.spins
        for l in 0..<chains {
            #expect(kernels[0].energy(chain: l) == reference.energy(spins[(l * n)..<((l + 1) * n)]))
        }
    }

    @Test("the overlap kernel and the tensor kernel take identical trajectories for a seed")
    func matchesOverlapKernel() throws {
        let n = 40
        let m = 150
        let chains = 3
        let (examples, start) = Self.problem(n: n, m: m, chains: chains, seed: 50)
        let tensor = try CubicTensor(examples: examples, exampleCount: m, size: n)
        let memories = try PatternMatrix(count: m, size: n, values: examples)
        for (form, modelForm) in [(CubicTensorKernel.Form.krotov, DenseHopfieldForm.krotov(.power)), (.gardner, .gardner)] {
            let network = try DenseHopfieldNetwork(memories: memories, order: 3, form: modelForm)
            var overlap = try OverlapDenseKernel(network: network, spins: start)
            var cubic = try CubicTensorKernel(tensor: tensor, form: form, spins: start)
            let beta = 1 / CubicReference(examples: examples, exampleCount: m, size: n, form: form).meanFlipEnergy(start)
            for rule in UpdateRule.allCases {
                var overlapStreams = Self.streams(chains, seed: 51)
                var cubicStreams = overlapStreams
                var differences = 0
                var accepted = 0
                for _ in 0..<10 {
                    let expected = overlap.sweep(beta: beta, rule: rule, streams: &overlapStreams)
                    accepted += expected
                    if cubic.sweep(beta: beta, rule: rule, streams: &cubicStreams) != expected || cubic.spins != overlap.spins {
                        differences += 1
                    }
                }
                #expect(differences == 0, "\(form), \(rule)")
                #expect(accepted > 0, "\(form), \(rule)")
                for l in 0..<chains { #expect(cubic.energy(chain: l) == overlap.energy(chain: l), "\(form), \(rule)") }
            }
        }
    }

    @Test("thread count does not change results; setSpins restarts a trajectory exactly")
    func threadsAndRestart() throws {
        let n = 24
        let m = 40
        let chains = 5
        let (examples, start) = Self.problem(n: n, m: m, chains: chains, seed: 30)
        let tensor = try CubicTensor(examples: examples, exampleCount: m, size: n)
        let beta = 1 / CubicReference(examples: examples, exampleCount: m, size: n, form: .krotov)
            .meanFlipEnergy(start)
        func run(_ kernel: inout CubicTensorKernel) -> [[Int8]] {
            var streams = Self.streams(chains, seed: 31)
            return (0..<10).map { _ in
                _ = kernel.sweep(beta: beta, rule: .heatBath, streams: &streams)
                return kernel.spins
            }
        }
        var one = try CubicTensorKernel(tensor: tensor, form: .krotov, spins: start)
        var three = try CubicTensorKernel(tensor: tensor, form: .krotov, spins: start, threads: 3)
        let first = run(&one)
        #expect(first.last != start)
        #expect(run(&three) == first)
        one.setSpins(start)
        #expect(run(&one) == first)
    }
}
