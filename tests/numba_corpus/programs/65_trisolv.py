# Source: spcl/npbench npbench/benchmarks/polybench/trisolv/trisolv_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench triangular solve by forward substitution: x[i] from a row slice @ the solved prefix of x (empty at i = 0)

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(L, x, b):
    for i in range(x.shape[0]):
        x[i] = (b[i] - L[i, :i] @ x[:i]) / L[i, i]
    return (L, x, b)

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(N) (trisolv.py), in float64, smaller than "S"
    N = 120
    L = np.fromfunction(lambda i, j: (i + N - j + 1) * 2 / N, (N, N),
                        dtype=np.float64)
    x = np.full((N, ), -999, dtype=np.float64)
    b = np.fromfunction(lambda i: i, (N, ), dtype=np.float64)
    return (L, x, b)
