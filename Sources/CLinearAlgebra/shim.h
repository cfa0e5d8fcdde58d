// OpenBLAS's CBLAS interface (with openblas_set_num_threads and friends) and LAPACKE.
// Debian: libopenblas-dev, liblapacke-dev.
#include <cblas.h>
#include <lapacke.h>

// A read prefetch hint for the Monte Carlo kernels (Swift has no prefetch API): asks for the
// cache line holding `address` to be loaded with high temporal locality. Never faults.
static inline void boltzmann_prefetch_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}
