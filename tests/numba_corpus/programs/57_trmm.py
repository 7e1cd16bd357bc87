# Source: spcl/npbench npbench/benchmarks/polybench/trmm/trmm_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench TRMM: triangular matrix multiply in place with np.dot of column suffixes (empty on the last row), then B *= alpha

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(alpha, A, B):
    for i in range(B.shape[0]):
        for j in range(B.shape[1]):
            B[i, j] += np.dot(A[i + 1:, i], B[i + 1:, j])
    B *= alpha
    return (alpha, A, B)

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(M, N) (trmm.py), in float64
    M, N = 40, 50
    A = np.fromfunction(lambda i, j: ((i * j) % M) / M, (M, M), dtype=np.float64)
    for i in range(M):
        A[i, i] = 1.0
    B = np.fromfunction(lambda i, j: ((N + i - j) % N) / N, (M, N),
                        dtype=np.float64)
    return (1.5, A, B)
