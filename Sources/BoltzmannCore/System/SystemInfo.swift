import Foundation

/// What the machine offers the numerical kernels: cores, CPU model and SIMD features.
///
/// Read from `/proc/cpuinfo` on Linux; fields are empty where the file is unavailable.
public struct SystemInfo: Sendable {
    public var processorCount: Int
    public var cpuModel: String
    /// SIMD and arithmetic features relevant to the kernels, as the kernel reports them
    /// (`sse4_2`, `avx`, `avx2`, `fma`, `avx512f`, `neon`, ...).
    public var cpuFeatures: [String]

    /// The features the kernels care about, in this order, when the CPU reports them.
    static let interestingFeatures = [
        "sse4_2", "avx", "avx2", "fma", "bmi2", "popcnt", "avx512f", "avx512bw", "avx512vl",
        "avx512_vnni", "asimd", "sve",
    ]

    public static func current() -> SystemInfo {
        let text = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        var model = ""
        var flags = Set<String>()
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            if model.isEmpty && key == "model name" { model = value }
            if flags.isEmpty && (key == "flags" || key == "Features") {
                flags = Set(value.split(separator: " ").map(String.init))
            }
        }
        return SystemInfo(
            processorCount: ProcessInfo.processInfo.activeProcessorCount,
            cpuModel: model,
            cpuFeatures: interestingFeatures.filter(flags.contains))
    }
}
