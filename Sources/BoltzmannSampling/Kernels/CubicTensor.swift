import BoltzmannCore
#if canImport(Glibc)
import Glibc
#endif

/// The p = 3 coupling tensor of a dense Hopfield network over distinct index triples,
///
///     K_ijk = Σ_a η_ai η_aj η_ak   for i, j, k pairwise distinct,   K_ijk = 0 otherwise,
///
/// built once from M memories η^a ∈ {±1}^N (for a student: the training examples). It is what
/// ``CubicTensorKernel`` needs to run single-spin-flip Monte Carlo at O(1) cost per attempt
/// instead of the O(M) of an overlap kernel. The full sums with self-terms follow from K and the
/// column sums c_i = Σ_a η_ai, since J_iik = J_iki = J_kii = c_k and J_iii = c_i.
///
/// ## Storage
/// K is fully symmetric, so only the pair rows (a, b) with a > b are stored, each as the N
/// entries K_abc, c = 0…N−1 (zero at c = a and c = b): N(N−1)/2 · N integers, half the N³ of
/// the dense tensor. Row (a, b) serves (b, a) as well, and every lookup the kernel makes is one
/// contiguous row. Entries are `Int16` when every |K_ijk| ≤ 32767, `Int32` otherwise. Since the
/// coincident-index entries (which equal the column sums, up to M) are not stored, the largest
/// entry is usually far below M: for r-noise examples of one teacher it is about M r³ + a few √M,
/// so even M ≈ 10⁵ examples fit in `Int16`.
///
/// ## Cost
/// Memory N²(N−1)/2 · (2 or 4) bytes: 16.7 MB at N = 256 (`Int16`), 134 MB at N = 512,
/// 1.07 GB at N = 1024. Building it takes about M·N³/3 · min(f, 1 − f) flops of BLAS `syrk`
/// (f the fraction of +1 entries in a column; see `CubicTensor+Build.swift`), a one-off per
/// example set: 1.5–1.8 s for N = 256, M = 32768 (r = 0.3 examples) and about 5 s for
/// M = 98304, on one core of the 2-core AMD EPYC of the benchmarks.
///
/// The tensor is immutable after construction and safe to share between threads and kernels
/// (one tensor can serve several ``CubicTensorKernel`` values, e.g. chain groups on different
/// threads). Source: the p-body couplings of dense associative memories (Krotov & Hopfield,
/// arXiv 1606.01164) in the teacher–student form of arXiv 2401.04191 (SciPost Phys. 17, 040).
public final class CubicTensor: @unchecked Sendable {
    /// The integer type of the stored entries.
    public enum EntryType: String, Sendable, CaseIterable, Codable {
        case int16
        case int32

        /// Bytes per entry.
        public var byteWidth: Int { self == .int16 ? 2 : 4 }

        /// The largest magnitude an entry of this type can hold.
        public var largestMagnitude: Int { self == .int16 ? Int(Int16.max) : Int(Int32.max) }
    }

    /// The default ceiling on the tensor's storage, 2 GiB.
    public static let defaultMemoryBudget = 2 << 30

    /// Number of spins N.
    public let size: Int
    /// Number of memories (examples) M.
    public let exampleCount: Int
    /// The integer type of the stored entries.
    public let entryType: EntryType
    /// max |K_ijk| over distinct triples (0 when N < 3).
    public let largestEntryMagnitude: Int
    /// c_i = Σ_a η_ai, i = 0…N−1.
    public let columnSums: [Int]
    /// Bytes of entry storage.
    public let byteCount: Int
    /// The pair rows, row (a, b) (a > b) at entry offset `rowOffset(a, b)`. Owned; freed in deinit.
    let storage: UnsafeMutableRawPointer

    /// The storage the tensor of N spins needs with the given entry type, in bytes:
    /// N(N−1)/2 · N · width. Saturates instead of overflowing.
    public static func storageBytes(size: Int, entryType: EntryType) -> Int {
        guard size > 1 else { return 0 }
        let (pairs, o1) = size.multipliedReportingOverflow(by: size - 1)
        let (entries, o2) = (pairs / 2).multipliedReportingOverflow(by: size)
        let (bytes, o3) = entries.multipliedReportingOverflow(by: entryType.byteWidth)
        return o1 || o2 || o3 ? Int.max : bytes
    }

    /// Builds the tensor of the memories `examples` (M × N, row-major, entries ±1).
    ///
    /// - Parameters:
    ///   - entryType: `nil` (default) picks the narrowest exact type: `Int16` is tried first
    ///     (it always fits when M ≤ 32767; for larger M the build switches to `Int32` at the
    ///     first entry that does not fit, at the cost of restarting). An explicit `.int16`
    ///     throws when an entry does not fit.
    ///   - memoryBudget: the most bytes the tensor may occupy; a larger tensor is refused with
    ///     the estimate and the alternative (an overlap kernel, O(M) memory and work per
    ///     attempt). The build needs in addition O(N² + 2048·N) floating-point workspace.
    /// - Throws: `BoltzmannError` when N < 3, M < 1, the array does not hold M·N values ±1,
    ///   the tensor exceeds the budget, or `.int16` was requested and an entry exceeds 32767.
    public init(
        examples: [Int8], exampleCount: Int, size: Int, entryType: EntryType? = nil,
        memoryBudget: Int = CubicTensor.defaultMemoryBudget
    ) throws(BoltzmannError) {
        try Self.validate(examples: examples, exampleCount: exampleCount, size: size)
        var columnSums = [Int](repeating: 0, count: size)
        for a in 0..<exampleCount {
            for i in 0..<size { columnSums[i] += Int(examples[a * size + i]) }
        }
        var type = entryType ?? .int16
        while true {
            let bytes = Self.storageBytes(size: size, entryType: type)
            guard bytes <= memoryBudget else {
                throw BoltzmannError(
                    "the p = 3 coupling tensor of N = \(size) spins needs \(Self.describe(bytes: bytes)) "
                        + "(\(type.rawValue) entries), more than the memory budget of "
                        + "\(Self.describe(bytes: memoryBudget))",
                    fix: "raise the memory budget if the machine has the memory, or use an overlap "
                        + "kernel (memory M·N = \(Self.describe(bytes: exampleCount * size)) of spins, "
                        + "O(M) work per flip attempt)",
                    source: "memoryBudget")
            }
            let storage = Self.allocate(bytes: bytes)
            let largest: Int? = examples.withUnsafeBufferPointer { eta in
                switch type {
                case .int16:
                    return Self.fill(
                        storage.bindMemory(to: Int16.self, capacity: bytes / 2), examples: eta,
                        exampleCount: exampleCount, size: size)
                case .int32:
                    return Self.fill(
                        storage.bindMemory(to: Int32.self, capacity: bytes / 4), examples: eta,
                        exampleCount: exampleCount, size: size)
                }
            }
            if let largest {
                self.size = size
                self.exampleCount = exampleCount
                self.entryType = type
                self.largestEntryMagnitude = largest
                self.columnSums = columnSums
                self.byteCount = bytes
                self.storage = storage
                return
            }
            storage.deallocate()
            guard entryType == nil, type == .int16 else {
                throw BoltzmannError(
                    "the p = 3 coupling tensor of these \(exampleCount) examples has entries beyond "
                        + "the Int16 range (|K| > 32767)",
                    fix: "request Int32 entries (or let the tensor pick its entry type)",
                    source: "entryType")
            }
            type = .int32
        }
    }

    deinit {
        storage.deallocate()
    }

    /// K_ijk: the sum over memories for distinct i, j, k, zero when two indices coincide.
    /// - Precondition: 0 ≤ i, j, k < N (a programmer error otherwise).
    public subscript(i: Int, j: Int, k: Int) -> Int {
        precondition(
            (0..<size).contains(i) && (0..<size).contains(j) && (0..<size).contains(k),
            "CubicTensor: index (\(i), \(j), \(k)) outside 0..<\(size)")
        guard i != j else { return 0 }
        let offset = Self.rowOffset(max(i, j), min(i, j), size: size) + k
        switch entryType {
        case .int16: return Int(storage.load(fromByteOffset: offset * 2, as: Int16.self))
        case .int32: return Int(storage.load(fromByteOffset: offset * 4, as: Int32.self))
        }
    }

    /// Storage for the pair rows: 2 MiB-aligned and, on Linux, advised to use transparent huge
    /// pages, because the kernel reads rows scattered over the whole tensor and with 4 KiB pages
    /// nearly every row would cost a TLB miss (the advice is a hint; without it only speed
    /// suffers).
    private static func allocate(bytes: Int) -> UnsafeMutableRawPointer {
        let hugePage = 2 << 20
        let storage = UnsafeMutableRawPointer.allocate(
            byteCount: max(bytes, 1), alignment: bytes >= hugePage ? hugePage : 64)
        #if canImport(Glibc)
        if bytes >= hugePage { _ = madvise(storage, bytes, MADV_HUGEPAGE) }
        #endif
        return storage
    }

    /// Entry offset of pair row (a, b), a > b: (a(a−1)/2 + b) · N.
    @inline(__always)
    static func rowOffset(_ a: Int, _ b: Int, size: Int) -> Int {
        (a &* (a &- 1) / 2 &+ b) &* size
    }

    /// Entry offset of the row of the unordered pair {a, b}, a ≠ b.
    @inline(__always)
    static func pairOffset(_ a: Int, _ b: Int, size: Int) -> Int {
        a > b ? rowOffset(a, b, size: size) : rowOffset(b, a, size: size)
    }

    private static func validate(examples: [Int8], exampleCount: Int, size: Int) throws(BoltzmannError) {
        guard size >= 3 else {
            throw BoltzmannError(
                "the p = 3 coupling tensor needs at least 3 spins, got N = \(size)",
                fix: "use N ≥ 3", source: "size")
        }
        guard exampleCount >= 1, exampleCount <= Int(Int32.max) else {
            throw BoltzmannError(
                "the number of examples must lie in 1…\(Int32.max), got \(exampleCount)",
                fix: "pass at least one example", source: "exampleCount")
        }
        guard examples.count == exampleCount * size else {
            throw BoltzmannError(
                "the example array holds \(examples.count) values, but M × N = \(exampleCount) × \(size) "
                    + "= \(exampleCount * size) were announced",
                fix: "pass the examples row-major, one row of N spins per example", source: "examples")
        }
        if let bad = examples.firstIndex(where: { $0 != 1 && $0 != -1 }) {
            throw BoltzmannError(
                "example \(bad / size), spin \(bad % size) is \(examples[bad]); examples must be ±1",
                fix: "map the examples to ±1 (e.g. 2x − 1 for 0/1 data)", source: "examples")
        }
    }

    /// "16.7 MB", "2.0 GiB" style sizes for messages.
    static func describe(bytes: Int) -> String {
        let value = Double(bytes)
        if value >= Double(1 << 30) { return "\((value / Double(1 << 30) * 10).rounded() / 10) GiB" }
        if value >= Double(1 << 20) { return "\((value / Double(1 << 20) * 10).rounded() / 10) MiB" }
        return "\(bytes) bytes"
    }
}
