# Source: spcl/npbench npbench/benchmarks/polybench/gemver/gemver_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench GEMVER: rank-2 update with np.outer, then vector-matrix and matrix-vector products with @, updating A, x and w in place

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(alpha, beta, A, u1, v1, u2, v2, w, x, y, z):
    A += np.outer(u1, v1) + np.outer(u2, v2)
    x += beta * y @ A + z
    w += alpha * A @ x
    return (alpha, beta, A, u1, v1, u2, v2, w, x, y, z)

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(N) (gemver.py), in float64, smaller than "S"
    N = 120
    datatype = np.float64
    alpha = datatype(1.5)
    beta = datatype(1.2)
    fn = datatype(N)
    A = np.fromfunction(lambda i, j: (i * j % N) / N, (N, N), dtype=datatype)
    u1 = np.fromfunction(lambda i: i, (N, ), dtype=datatype)
    u2 = np.fromfunction(lambda i: ((i + 1) / fn) / 2.0, (N, ), dtype=datatype)
    v1 = np.fromfunction(lambda i: ((i + 1) / fn) / 4.0, (N, ), dtype=datatype)
    v2 = np.fromfunction(lambda i: ((i + 1) / fn) / 6.0, (N, ), dtype=datatype)
    w = np.zeros((N, ), dtype=datatype)
    x = np.zeros((N, ), dtype=datatype)
    y = np.fromfunction(lambda i: ((i + 1) / fn) / 8.0, (N, ), dtype=datatype)
    z = np.fromfunction(lambda i: ((i + 1) / fn) / 9.0, (N, ), dtype=datatype)
    return (alpha, beta, A, u1, v1, u2, v2, w, x, y, z)
