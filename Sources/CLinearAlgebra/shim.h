// OpenBLAS's CBLAS interface (with openblas_set_num_threads and friends) and LAPACKE.
// Debian: libopenblas-dev, liblapacke-dev.
#include <cblas.h>
#include <lapacke.h>
