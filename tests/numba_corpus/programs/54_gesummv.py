# Source: spcl/npbench npbench/benchmarks/polybench/gesummv/gesummv_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench GESUMMV: alpha * A @ x + beta * B @ x (scalar-times-matrix, then matrix-vector @)

import numpy as np
import numba as nb


@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(alpha, beta, A, B, x):

    return alpha * A @ x + beta * B @ x

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(N) (gesummv.py), in float64
    N = 60
    A = np.fromfunction(lambda i, j: ((i * j + 1) % N) / N, (N, N),
                        dtype=np.float64)
    B = np.fromfunction(lambda i, j: ((i * j + 2) % N) / N, (N, N),
                        dtype=np.float64)
    x = np.fromfunction(lambda i: (i % N) / N, (N, ), dtype=np.float64)
    return (1.5, 1.2, A, B, x)
