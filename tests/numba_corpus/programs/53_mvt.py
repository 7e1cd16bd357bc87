# Source: spcl/npbench npbench/benchmarks/polybench/mvt/mvt_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench MVT: x1 += A @ y_1 and x2 += y_2 @ A, augmented assignment of matrix-vector products into arguments

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(x1, x2, y_1, y_2, A):
    x1 += A @ y_1
    x2 += y_2 @ A
    return (x1, x2, y_1, y_2, A)

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(N) (mvt.py), in float64
    N = 60
    x1 = np.fromfunction(lambda i: (i % N) / N, (N, ), dtype=np.float64)
    x2 = np.fromfunction(lambda i: ((i + 1) % N) / N, (N, ), dtype=np.float64)
    y_1 = np.fromfunction(lambda i: ((i + 3) % N) / N, (N, ), dtype=np.float64)
    y_2 = np.fromfunction(lambda i: ((i + 4) % N) / N, (N, ), dtype=np.float64)
    A = np.fromfunction(lambda i, j: (i * j % N) / N, (N, N), dtype=np.float64)
    return (x1, x2, y_1, y_2, A)
