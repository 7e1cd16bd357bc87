# Source: spcl/npbench npbench/benchmarks/polybench/cholesky2/cholesky2_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: Cholesky factorisation through np.linalg.cholesky plus np.triu(A, k=1), assigned into A[:]

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(A):
    A[:] = np.linalg.cholesky(A) + np.triu(A, k=1)
    return A

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(N) (cholesky2.py), in float64, smaller than "S"
    N = 60
    A = np.empty((N, N), dtype=np.float64)
    for i in range(N):
        A[i, :i + 1] = np.fromfunction(lambda j: (-j % N) / N + 1, (i + 1, ),
                                       dtype=np.float64)
        A[i, i + 1:] = 0.0
        A[i, i] = 1.0
    A[:] = A @ np.transpose(A)
    return (A,)
