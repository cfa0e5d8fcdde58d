import CLinearAlgebra

extension CubicTensorKernel {
    /// Asks for the cache lines (through `boltzmann_prefetch_read`, `__builtin_prefetch` in the C shim) of `bytes` bytes from `address` to be loaded for reading.
    ///
    /// Why: the kernel reads tensor rows of N entries (512 bytes at N = 256) scattered over a
    /// tensor far larger than the cache (16.7 MB at N = 256), and a row that is only loaded when
    /// it is used costs a full memory latency. Requesting the next rows while the current one is
    /// summed keeps several rows in flight; on the 2-core EPYC of the benchmarks this raises
    /// the throughput of scattered 512-byte rows from about 2 GB/s to about 10 GB/s. A prefetch
    /// never faults and has no visible effect other than speed.
    @inline(__always)
    static func prefetch(_ address: UnsafeRawPointer, bytes: Int) {
        var offset = 0
        while offset < bytes {
            boltzmann_prefetch_read(address + offset)
            offset &+= 64
        }
    }
}
