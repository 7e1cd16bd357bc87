# Source: spcl/npbench npbench/benchmarks/polybench/syrk/syrk_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench SYRK: symmetric rank-k update of the lower triangle with row-prefix slices, *= and +=

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(alpha, beta, C, A):
    for i in range(A.shape[0]):
        C[i, :i + 1] *= beta
        for k in range(A.shape[1]):
            C[i, :i + 1] += alpha * A[i, k] * A[:i + 1, k]
    return (alpha, beta, C, A)

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(M, N) (syrk.py), in float64
    M, N = 40, 50
    C = np.fromfunction(lambda i, j: ((i * j + 2) % N) / M, (N, N),
                        dtype=np.float64)
    A = np.fromfunction(lambda i, j: ((i * j + 1) % N) / N, (N, M),
                        dtype=np.float64)
    return (1.5, 1.2, C, A)
