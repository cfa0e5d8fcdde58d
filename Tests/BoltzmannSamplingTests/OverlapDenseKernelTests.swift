import BoltzmannCore
import BoltzmannModels
import BoltzmannSampling
import Testing

/// The forms the kernels must handle, with the arithmetic the overlap kernel should pick for p.
private func forms(order p: Int) -> [DenseHopfieldForm] {
    [.gardner, .krotov(.power), .krotov(.rectifiedPower), .krotov(.exponential(rate: 2.5))]
}

/// ΔE of flipping site i of `spins` from the Hamiltonian: the difference of the two energies,
/// with exact integer numerators for the integer forms.
private func hamiltonianDifference(_ network: DenseHopfieldNetwork, _ spins: [Int8], _ i: Int) -> Double {
    var flipped = spins
    flipped[i] = -flipped[i]
    let interaction = network.interaction
    let before = network.memories.overlaps(with: spins)
    let after = network.memories.overlaps(with: flipped)
    if interaction.hasIntegerNumerators {
        let b = before.reduce(Int64(0)) { $0 + interaction.integerNumerator($1)! }
        let a = after.reduce(Int64(0)) { $0 + interaction.integerNumerator($1)! }
        return Double(b - a) / interaction.denominator
    }
    return before.reduce(0.0) { $0 + interaction.overlapEnergy($1) } - after.reduce(0.0) { $0 + interaction.overlapEnergy($1) }
}

@Suite("Overlap kernel against the reference kernel")
struct OverlapDenseKernelTests {
    @Test("ΔE equals the Hamiltonian difference for every form, p = 2…5", arguments: [2, 3, 4, 5])
    func energyChanges(p: Int) throws {
        var stream = RandomStream(seed: 31, stream: UInt64(p))
        let n = 13
        let memories = try PatternMatrix.random(count: 40, size: n, stream: &stream)
        for form in forms(order: p) {
            let network = try DenseHopfieldNetwork(memories: memories, order: p, form: form)
            let spins = try PatternMatrix.random(count: 3, size: n, stream: &stream).values
            let kernel = try OverlapDenseKernel(network: network, spins: spins)
            let quadratic = p <= 3 && (form == .gardner || form == .krotov(.power))
            #expect((kernel.arithmetic == .quadratic) == quadratic, "\(form) p = \(p): \(kernel.arithmetic)")
            var arithmetics: [OverlapDenseKernel.Arithmetic] = [kernel.arithmetic]
            if kernel.arithmetic == .quadratic { arithmetics.append(.integerTable) }
            if kernel.arithmetic != .realTable { arithmetics.append(.realTable) }
            for arithmetic in arithmetics {
                let k = try OverlapDenseKernel(network: network, spins: spins, arithmetic: arithmetic)
                for l in 0..<3 {
                    let chain = Array(spins[(l * n)..<((l + 1) * n)])
                    #expect(abs(k.energy(chain: l) - (try network.energy(chain))) <= 1e-12 * max(1, abs(try network.energy(chain))))
                    for i in 0..<n {
                        let expected = hamiltonianDifference(network, chain, i)
                        let got = k.energyChange(chain: l, site: i)
                        if arithmetic == .realTable || !network.interaction.hasIntegerNumerators {
                            #expect(abs(got - expected) <= 1e-10 * max(1, abs(expected)), "\(form) p = \(p) \(arithmetic)")
                        } else {
                            #expect(got == expected, "\(form) p = \(p) \(arithmetic) chain \(l) site \(i)")
                        }
                    }
                }
            }
        }
    }

    @Test("Identical trajectories to the reference kernel for the same draws", arguments: [
        (3, DenseHopfieldForm.krotov(.power)), (3, .gardner), (2, .krotov(.power)), (4, .gardner),
        (3, .krotov(.rectifiedPower)), (5, .krotov(.power)),
    ])
    func trajectories(p: Int, form: DenseHopfieldForm) throws {
        var stream = RandomStream(seed: 41, stream: UInt64(p))
        let n = 14
        let chains = 3
        let memories = try PatternMatrix.random(count: 30, size: n, stream: &stream)
        let network = try DenseHopfieldNetwork(memories: memories, order: p, form: form)
        let spins = try PatternMatrix.random(count: chains, size: n, stream: &stream).values
        // A temperature of the order of the typical |ΔE|, so that flips are neither all accepted nor all refused.
        let chain = Array(spins[0..<n])
        let typical = (0..<n).reduce(0.0) { $0 + abs((try? network.flipEnergy(site: $1, spins: chain)) ?? 0) } / Double(n)
        for rule in UpdateRule.allCases {
            var reference = try ReferenceDenseKernel(network: network, spins: spins)
            var overlap = try OverlapDenseKernel(network: network, spins: spins)
            var referenceStreams = (0..<chains).map { RandomStream(seed: 5, stream: UInt64($0)) }
            var overlapStreams = referenceStreams
            var acceptedTotal = 0
            for _ in 0..<8 {
                let a = reference.sweep(beta: 1 / typical, rule: rule, streams: &referenceStreams)
                let b = overlap.sweep(beta: 1 / typical, rule: rule, streams: &overlapStreams)
                #expect(a == b)
                #expect(reference.spins == overlap.spins, "\(form) p = \(p) \(rule)")
                acceptedTotal += a
            }
            #expect(referenceStreams == overlapStreams)
            #expect(acceptedTotal > 0, "the test must exercise accepted flips")
        }
    }

    @Test("Seeded sweeps are bit-identical with 1 and 2 threads and any batch size")
    func threads() throws {
        var stream = RandomStream(seed: 51)
        let n = 40
        let chains = 7
        let teacher = try PatternMatrix.random(count: 1, size: n, stream: &stream).values
        let examples = try PatternMatrix.noisyCopies(of: teacher, count: 300, correlation: 0.2, stream: &stream)
        for form in [DenseHopfieldForm.krotov(.power), .krotov(.rectifiedPower)] {
            let network = try DenseHopfieldNetwork(memories: examples, order: 3, form: form)
            let spins = try PatternMatrix.random(count: chains, size: n, stream: &stream).values
            var outcomes: [([Int8], Int, [RandomStream])] = []
            for (threads, batch) in [(1, 1), (2, 3), (2, 16), (1, 7)] {
                var kernel = try OverlapDenseKernel(network: network, spins: spins, threads: threads, chainsPerPass: batch)
                var streams = (0..<chains).map { RandomStream(seed: 9, stream: UInt64($0)) }
                var accepted = 0
                for _ in 0..<5 { accepted += kernel.sweep(beta: 20, rule: .heatBath, streams: &streams) }
                outcomes.append((kernel.spins, accepted, streams))
            }
            #expect(outcomes[0].1 > 0)
            for outcome in outcomes.dropFirst() {
                #expect(outcome.0 == outcomes[0].0)
                #expect(outcome.1 == outcomes[0].1)
                #expect(outcome.2 == outcomes[0].2)
            }
        }
    }

    @Test("Maintained overlaps stay equal to overlaps recomputed from the spins")
    func overlapsStayExact() throws {
        var stream = RandomStream(seed: 61)
        let n = 50
        let memories = try PatternMatrix.random(count: 333, size: n, stream: &stream)
        for form in [DenseHopfieldForm.gardner, .krotov(.exponential(rate: 4))] {
            let network = try DenseHopfieldNetwork(memories: memories, order: 3, form: form)
            var kernel = try OverlapDenseKernel(network: network, spins: try PatternMatrix.random(count: 4, size: n, stream: &stream).values)
            var streams = (0..<4).map { RandomStream(seed: 2, stream: UInt64($0)) }
            var accepted = 0
            for _ in 0..<10 { accepted += kernel.sweep(beta: 0.5, rule: .metropolis, streams: &streams) }
            #expect(accepted > 0)
            for l in 0..<4 {
                #expect(kernel.overlaps(chain: l) == memories.overlaps(with: Array(kernel.spins[(l * n)..<((l + 1) * n)])))
            }
        }
    }
}
