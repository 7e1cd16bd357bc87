# Source: spcl/npbench npbench/benchmarks/polybench/correlation/correlation_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench correlation matrix: axis-0 sums, boolean-mask assignment, in-place broadcast -= and /=, np.eye with dtype, chained slice assignment from @

import numpy as np
import numba as nb


@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(M, float_n, data):

    # mean = np.mean(data, axis=0)
    mean = np.sum(data, axis=0) / float_n
    # stddev = np.std(data, axis=0)
    stddev = np.sqrt(np.sum((data - mean)**2, axis=0) / float_n)
    stddev[stddev <= 0.1] = 1.0
    data -= mean
    data /= np.sqrt(float_n) * stddev
    corr = np.eye(M, dtype=data.dtype)
    for i in range(M - 1):
        corr[i + 1:M, i] = corr[i, i + 1:M] = data[:, i] @ data[:, i + 1:M]

    return corr

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(M, N) (correlation.py), in float64
    M, N = 32, 40
    float_n = np.float64(N)
    data = np.fromfunction(lambda i, j: (i * j) / M + i, (N, M), dtype=np.float64)
    return (M, float_n, data)
