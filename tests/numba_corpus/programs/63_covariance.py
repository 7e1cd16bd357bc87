# Source: spcl/npbench npbench/benchmarks/polybench/covariance/covariance_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench covariance: centre the columns in place (data -= mean), then a chained slice assignment of row-vector @ matrix products into both triangles

import numpy as np
import numba as nb


@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(M, float_n, data):

    # mean = np.mean(data, axis=0)
    mean = np.sum(data, axis=0) / float_n
    data -= mean
    cov = np.zeros((M, M), dtype=data.dtype)
    # for i in range(M):
    #     for j in range(i, M):
    #         cov[i, j] = np.sum(data[:, i] * data[:, j])
    #         cov[i, j] /= float_n - 1.0
    #         cov[j, i] = cov[i, j]
    for i in range(M):
        cov[i:M, i] = cov[i, i:M] = data[:, i] @ data[:, i:M] / (float_n - 1.0)

    return cov

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(M, N) (covariance.py), in float64, smaller than "S"
    M, N = 80, 100
    float_n = np.float64(N)
    data = np.fromfunction(lambda i, j: (i * j) / M, (N, M), dtype=np.float64)
    return (M, float_n, data)
