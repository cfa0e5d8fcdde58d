import CLinearAlgebra

/// The number of threads OpenBLAS uses inside one BLAS or LAPACK call, and what OpenBLAS build
/// is loaded.
///
/// The setting is process-wide: it applies to every BLAS call from every thread. When the
/// calling code parallelises itself (chains, seeds, grid points), set it to 1 so that the two
/// levels of parallelism do not oversubscribe the cores.
///
/// Thread safety: OpenBLAS's `openblas_set_num_threads` changes global state without
/// synchronisation. Change the count from one place (program start-up, or around a parallel
/// section) and not from concurrent tasks; two overlapping `withThreads` scopes on different
/// threads undo each other. Reading it concurrently is harmless.
public enum BLASThreads {
    /// The number of threads OpenBLAS uses for one call. Setting it needs a value of at least 1;
    /// OpenBLAS caps it at the number of CPUs it was built for (`MAX_THREADS`).
    public static var count: Int {
        get { Int(openblas_get_num_threads()) }
        set {
            precondition(newValue >= 1, "BLASThreads.count: need at least 1 thread, got \(newValue)")
            openblas_set_num_threads(Int32(clamping: newValue))
        }
    }

    /// The number of processors OpenBLAS detected (its default thread count).
    public static var processorCount: Int {
        Int(openblas_get_num_procs())
    }

    /// OpenBLAS's build description, e.g. `OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64`.
    public static var configuration: String {
        String(cString: openblas_get_config())
    }

    /// The CPU kernel family OpenBLAS selected at load time, e.g. `Haswell` or `SkylakeX`.
    public static var coreName: String {
        String(cString: openblas_get_corename())
    }

    /// How OpenBLAS was built to run in parallel: `sequential`, `pthreads` or `OpenMP`.
    public static var threadingModel: String {
        switch openblas_get_parallel() {
        case 0: return "sequential"
        case 1: return "pthreads"
        case 2: return "OpenMP"
        case let other: return "unknown (\(other))"
        }
    }

    /// Runs `body` with OpenBLAS set to `threads` threads, then restores the previous count,
    /// also when `body` throws. See the type's note on thread safety.
    public static func withThreads<Result, Failure: Error>(
        _ threads: Int, _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let previous = count
        count = threads
        defer { count = previous }
        return try body()
    }
}
