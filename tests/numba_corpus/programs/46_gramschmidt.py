# Source: spcl/npbench npbench/benchmarks/polybench/gramschmidt/gramschmidt_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: modified Gram-Schmidt QR factorisation with column slices, np.dot and np.sqrt, returning (Q, R)

import numpy as np
import numba as nb


@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(A):

    Q = np.zeros_like(A)
    R = np.zeros((A.shape[1], A.shape[1]), dtype=A.dtype)

    for k in range(A.shape[1]):
        nrm = np.dot(A[:, k], A[:, k])
        R[k, k] = np.sqrt(nrm)
        Q[:, k] = A[:, k] / R[k, k]
        for j in range(k + 1, A.shape[1]):
            R[k, j] = np.dot(Q[:, k], A[:, j])
            A[:, j] -= Q[:, k] * R[k, j]

    return Q, R

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # as NPBench's initialize(M, N) (gramschmidt.py), in float64, seed 0
    A = np.random.default_rng(0).random((60, 40))
    return (A,)
