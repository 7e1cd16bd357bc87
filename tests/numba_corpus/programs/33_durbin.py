# Source: spcl/npbench npbench/benchmarks/polybench/durbin/durbin_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: Levinson-Durbin recursion (Toeplitz solve) with np.flip, np.dot and slice updates

import numpy as np
import numba as nb


@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(r):

    y = np.empty_like(r)
    alpha = -r[0]
    beta = 1.0
    y[0] = -r[0]

    for k in range(1, r.shape[0]):
        beta *= 1.0 - alpha * alpha
        alpha = -(r[k] + np.dot(np.flip(r[:k]), y[:k])) / beta
        y[:k] += alpha * np.flip(y[:k])
        y[k] = alpha

    return y

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(N) (durbin.py), in float64, scaled to stay finite
    N = 200
    r = np.fromfunction(lambda i: N + 1 - i, (N, ), dtype=np.float64)
    return (r / (4.0 * N * N),)
