# Source: spcl/npbench npbench/benchmarks/polybench/symm/symm_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench SYMM: symmetric matrix multiply from the lower triangle, np.empty with dtype=C.dtype, prefix slices and @ of 1-D slices (empty when i == 0)

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(alpha, beta, C, A, B):
    temp2 = np.empty((C.shape[1],), dtype=C.dtype)
    C *= beta
    for i in range(C.shape[0]):
        for j in range(C.shape[1]):
            C[:i, j] += alpha * B[i, j] * A[i, :i]
            temp2[j] = B[:i, j] @ A[i, :i]
        C[i, :] += alpha * B[i, :] * A[i, i] + alpha * temp2
    return (alpha, beta, C, A, B)

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(M, N) (symm.py), in float64
    M, N = 40, 50
    C = np.fromfunction(lambda i, j: ((i + j) % 100) / M, (M, N),
                        dtype=np.float64)
    B = np.fromfunction(lambda i, j: ((N + i - j) % 100) / M, (M, N),
                        dtype=np.float64)
    A = np.empty((M, M), dtype=np.float64)
    for i in range(M):
        A[i, :i + 1] = np.fromfunction(lambda j: ((i + j) % 100) / M,
                                       (i + 1, ),
                                       dtype=np.float64)
        A[i, i + 1:] = -999
    return (1.5, 1.2, C, A, B)
