# Source: spcl/npbench npbench/benchmarks/polybench/cholesky/cholesky_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: in-place Cholesky factorisation with np.dot of row slices and np.sqrt

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(A):
    A[0, 0] = np.sqrt(A[0, 0])
    for i in range(1, A.shape[0]):
        for j in range(i):
            A[i, j] -= np.dot(A[i, :j], A[j, :j])
            A[i, j] /= A[j, j]
        A[i, i] -= np.dot(A[i, :i], A[i, :i])
        A[i, i] = np.sqrt(A[i, i])
    return A

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # a symmetric positive-definite matrix, as PolyBench's (L @ L.T)
    N = 60
    A = np.empty((N, N), dtype=np.float64)
    for i in range(N):
        A[i, :i + 1] = np.fromfunction(lambda j: (-j % N) / N + 1, (i + 1, ),
                                       dtype=np.float64)
        A[i, i + 1:] = 0.0
        A[i, i] = 1.0
    A[:] = A @ np.transpose(A)
    return (A,)
