# Source: spcl/npbench npbench/benchmarks/polybench/syr2k/syr2k_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench SYR2K: symmetric rank-2k update of the lower triangle with row-prefix and column slices

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(alpha, beta, C, A, B):
    for i in range(A.shape[0]):
        C[i, :i + 1] *= beta
        for k in range(A.shape[1]):
            C[i, :i + 1] += A[:i + 1, k] * alpha * B[i, k] + B[:i + 1, k] * alpha * A[i, k]
    return (alpha, beta, C, A, B)

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(M, N) (syr2k.py), in float64
    M, N = 40, 50
    C = np.fromfunction(lambda i, j: ((i * j + 3) % N) / M, (N, N),
                        dtype=np.float64)
    A = np.fromfunction(lambda i, j: ((i * j + 1) % N) / N, (N, M),
                        dtype=np.float64)
    B = np.fromfunction(lambda i, j: ((i * j + 2) % M) / M, (N, M),
                        dtype=np.float64)
    return (1.5, 1.2, C, A, B)
