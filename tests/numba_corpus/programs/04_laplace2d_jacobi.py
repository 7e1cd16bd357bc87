# Source: numba/numba examples/laplace2d/laplace2d-numba.py
# Licence: BSD-2-Clause (Numba)
# Notes: one Jacobi relaxation sweep of the 2-D Laplace equation, returning the max change

import numpy as np

from numba import jit


@jit
def jacobi_relax_core(A, Anew):
    error = 0.0
    n = A.shape[0]
    m = A.shape[1]
    for j in range(1, n - 1):
        for i in range(1, m - 1):
            Anew[j, i] = 0.25 * ( A[j, i + 1] + A[j, i - 1] \
                                + A[j - 1, i] + A[j + 1, i])
            error = max(error, abs(Anew[j, i] - A[j, i]))
    return error

# ---- harness (not part of the program) ----
ENTRY = "jacobi_relax_core"


def inputs():
    NN = NM = 128
    A = np.zeros((NN, NM), dtype=np.float64)
    Anew = np.zeros((NN, NM), dtype=np.float64)
    A[:, 0] = 1.0
    Anew[:, 0] = 1.0
    A[1:-1, 1:-1] = np.random.default_rng(0).random((NN - 2, NM - 2))
    return (A, Anew)
