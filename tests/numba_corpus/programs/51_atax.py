# Source: spcl/npbench npbench/benchmarks/polybench/atax/atax_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench ATAX: A transpose times A times x, written as (A @ x) @ A (matrix-vector then vector-matrix @)

import numpy as np
import numba as nb


@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(A, x):

    return (A @ x) @ A

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(M, N) (atax.py), in float64
    M, N = 40, 50
    fn = np.float64(N)
    x = np.fromfunction(lambda i: 1 + (i / fn), (N, ), dtype=np.float64)
    A = np.fromfunction(lambda i, j: ((i + j) % N) / (5 * M), (M, N),
                        dtype=np.float64)
    return (A, x)
