import ArgumentParser
import Boltzmann

/// `boltzmann info`: the toolkit version and what the machine offers the kernels.
struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the version, the BLAS library and its threads, and the CPU features.",
        discussion: """
            Use it in bug reports and next to benchmark figures: numerical throughput depends on \
            the BLAS build (its core type) and on SIMD features such as AVX2 and FMA.
            """)

    @OptionGroup var output: OutputOptions

    func run() throws {
        let system = SystemInfo.current()
        output.emit(ResultRecord([
            "version": .text(BoltzmannVersion.current),
            "blasVendor": .text("OpenBLAS"),
            "blasConfiguration": .text(BLASThreads.configuration),
            "blasCore": .text(BLASThreads.coreName),
            "blasThreading": .text(BLASThreads.threadingModel),
            "blasThreads": .integer(BLASThreads.count),
            "processors": .integer(system.processorCount),
            "cpuModel": .text(system.cpuModel),
            "cpuFeatures": .list(system.cpuFeatures.map { .text($0) }),
        ]))
    }
}
