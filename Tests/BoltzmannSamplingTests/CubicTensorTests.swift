import BoltzmannCore
import BoltzmannSampling
import Testing

@Suite("CubicTensor")
struct CubicTensorTests {
    /// Σ_a η_ai η_aj η_ak by the definition, 0 when two indices coincide.
    static func directEntry(_ examples: [Int8], m: Int, n: Int, _ i: Int, _ j: Int, _ k: Int) -> Int {
        if i == j || j == k || i == k { return 0 }
        var sum = 0
        for a in 0..<m { sum += Int(examples[a * n + i] * examples[a * n + j] * examples[a * n + k]) }
        return sum
    }

    @Test("entries equal the direct sums over examples, for both entry types", arguments: [7, 16, 33])
    func entriesMatchDefinition(n: Int) throws {
        let m = 3 * n + 5
        let teacher = CubicTestData.randomSpins(n, seed: 5, stream: UInt64(n))
        let examples = CubicTestData.noisyCopies(of: teacher, count: m, r: 0.4, seed: UInt64(n))
        let narrow = try CubicTensor(examples: examples, exampleCount: m, size: n)
        let wide = try CubicTensor(examples: examples, exampleCount: m, size: n, entryType: .int32)
        #expect(narrow.entryType == .int16)
        #expect(wide.entryType == .int32)
        var largest = 0
        var mismatches = 0
        for i in 0..<n {
            for j in 0..<n {
                for k in 0..<n {
                    let expected = Self.directEntry(examples, m: m, n: n, i, j, k)
                    largest = max(largest, abs(expected))
                    if narrow[i, j, k] != expected || wide[i, j, k] != expected { mismatches += 1 }
                }
            }
        }
        #expect(mismatches == 0)
        #expect(narrow.largestEntryMagnitude == largest)
        #expect(wide.largestEntryMagnitude == largest)
        let sums = (0..<n).map { i in (0..<m).reduce(0) { $0 + Int(examples[$1 * n + i]) } }
        #expect(narrow.columnSums == sums)
        #expect(narrow.byteCount == n * (n - 1) / 2 * n * 2)
        #expect(wide.byteCount == n * (n - 1) / 2 * n * 4)
    }

    @Test("sums over more examples than one build block (5000 = 2·2048 + 904)")
    func manyExamplesAcrossBlocks() throws {
        // 5000 examples span three 2048-row blocks of the build.
        let n = 9
        let m = 5000
        let examples = CubicTestData.randomSpins(m * n, seed: 11, stream: 3)
        let tensor = try CubicTensor(examples: examples, exampleCount: m, size: n)
        var mismatches = 0
        for i in 0..<n {
            for j in 0..<n {
                for k in 0..<n where tensor[i, j, k] != Self.directEntry(examples, m: m, n: n, i, j, k) {
                    mismatches += 1
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("the narrowest exact type: Int16 for M > 32767 when entries fit, else Int32")
    func automaticEntryType() throws {
        // Random examples: |K| ~ √M, far below 32767 although M = 40000.
        let n = 6
        let m = 40_000
        let random = CubicTestData.randomSpins(m * n, seed: 2, stream: 8)
        let small = try CubicTensor(examples: random, exampleCount: m, size: n)
        #expect(small.entryType == .int16)
        #expect(small.largestEntryMagnitude < 32767)
        #expect(small[0, 1, 2] == Self.directEntry(random, m: m, n: n, 0, 1, 2))
        // Identical examples: K_ijk = M η_i η_j η_k, |K| = 40000 needs Int32.
        let pattern: [Int8] = [1, -1, -1, 1, 1, -1]
        let identical = (0..<m).flatMap { _ in pattern }
        let large = try CubicTensor(examples: identical, exampleCount: m, size: n)
        #expect(large.entryType == .int32)
        #expect(large.largestEntryMagnitude == m)
        #expect(large[0, 1, 2] == m)
        #expect(large[5, 1, 2] == -m)
        #expect(large[2, 2, 4] == 0)
        #expect(throws: BoltzmannError.self) {
            try CubicTensor(examples: identical, exampleCount: m, size: n, entryType: .int16)
        }
    }

    @Test("a tensor beyond the memory budget is refused with its size and the alternative")
    func memoryBudgetRefusal() throws {
        let n = 16
        let m = 20
        let examples = CubicTestData.randomSpins(m * n, seed: 1, stream: 1)
        #expect(CubicTensor.storageBytes(size: n, entryType: .int16) == 3840)
        #expect(CubicTensor.storageBytes(size: 256, entryType: .int16) == 16_711_680)
        #expect(CubicTensor.storageBytes(size: 1 << 40, entryType: .int32) == Int.max)
        do {
            _ = try CubicTensor(examples: examples, exampleCount: m, size: n, memoryBudget: 3839)
            Issue.record("a 3840-byte tensor passed a 3839-byte budget")
        } catch {
            #expect(error.source == "memoryBudget")
            #expect(error.problem.contains("3840 bytes"))
            #expect(error.fix.contains("overlap kernel"))
        }
        let fits = try CubicTensor(examples: examples, exampleCount: m, size: n, memoryBudget: 3840)
        #expect(fits.byteCount == 3840)
        // The kernel's budget covers the tensor and 4N² + 15N + 36 bytes per chain, rounded up
        // to a multiple of 64: 1300 → 1344 at N = 16.
        let spins = CubicTestData.randomSpins(2 * n, seed: 1, stream: 2)
        let perChain = 1344
        #expect(throws: BoltzmannError.self) {
            try CubicTensorKernel(
                tensor: fits, form: .krotov, spins: spins, memoryBudget: 3840 + 2 * perChain - 1)
        }
        _ = try CubicTensorKernel(tensor: fits, form: .krotov, spins: spins, memoryBudget: 3840 + 2 * perChain)
    }

    @Test("malformed examples and spins are reported, not trapped")
    func invalidInput() throws {
        let n = 8
        let good = CubicTestData.randomSpins(4 * n, seed: 3, stream: 3)
        var zero = good
        zero[13] = 0
        #expect(throws: BoltzmannError.self) { try CubicTensor(examples: zero, exampleCount: 4, size: n) }
        #expect(throws: BoltzmannError.self) { try CubicTensor(examples: good, exampleCount: 5, size: n) }
        #expect(throws: BoltzmannError.self) { try CubicTensor(examples: [1, -1, 1, 1], exampleCount: 2, size: 2) }
        #expect(throws: BoltzmannError.self) { try CubicTensor(examples: [], exampleCount: 0, size: n) }
        let tensor = try CubicTensor(examples: good, exampleCount: 4, size: n)
        #expect(throws: BoltzmannError.self) {
            try CubicTensorKernel(tensor: tensor, form: .gardner, spins: [Int8](repeating: 1, count: n + 1))
        }
        #expect(throws: BoltzmannError.self) {
            try CubicTensorKernel(tensor: tensor, form: .gardner, spins: [Int8](repeating: 2, count: n))
        }
        #expect(throws: BoltzmannError.self) {
            try CubicTensorKernel(tensor: tensor, form: .gardner, spins: [Int8](repeating: 1, count: n), threads: 0)
        }
        #expect(throws: BoltzmannError.self) {
            try CubicTensorKernel(
                tensor: tensor, form: .gardner, spins: [Int8](repeating: 1, count: n), costs: .init(rowWeight: -1))
        }
    }
}
