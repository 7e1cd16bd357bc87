# Source: spcl/npbench npbench/benchmarks/polybench/bicg/bicg_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench BiCG sub-kernel: returns the tuple (r @ A, A @ p) of a vector-matrix and a matrix-vector product

import numpy as np
import numba as nb


@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(A, p, r):

    return r @ A, A @ p

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(M, N) (bicg.py), in float64
    M, N = 40, 50
    A = np.fromfunction(lambda i, j: (i * (j + 1) % N) / N, (N, M),
                        dtype=np.float64)
    p = np.fromfunction(lambda i: (i % M) / M, (M, ), dtype=np.float64)
    r = np.fromfunction(lambda i: (i % N) / N, (N, ), dtype=np.float64)
    return (A, p, r)
