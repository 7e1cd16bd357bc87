# Source: QuantEcon/QuantEcon.py quantecon/markov/gth_solve.py
# Licence: MIT (Copyright (c) 2013-2024 Thomas J. Sargent and John Stachurski)
# Notes: stationary distribution of an irreducible Markov chain by the Grassmann-Taksar-Heyman algorithm: in-place Gaussian-elimination-like reduction of A with an early break that rebinds the loop bound n, back substitution into `out`, normalisation; the entry is the jitted kernel _gth_solve_jit (the plain-Python wrapper gth_solve, which allocates A1 and x, left out)
import numpy as np
from numba import jit


@jit(nopython=True)
def _gth_solve_jit(A, out):
    """
    JIT complied version of the main routine of gth_solve.

    Parameters
    ----------
    A : numpy.ndarray(float, ndim=2)
        Stochastic matrix or generator matrix. Must be of shape n x n.
        Data will be overwritten.

    out : numpy.ndarray(float, ndim=1)
        Output array in which to place the stationary distribution of A.

    """
    n = A.shape[0]

    # === Reduction === #
    for k in range(n-1):
        scale = np.sum(A[k, k+1:n])
        if scale <= 0:
            # There is one (and only one) recurrent class contained in
            # {0, ..., k};
            # compute the solution associated with that recurrent class.
            n = k+1
            break
        for i in range(k+1, n):
            A[i, k] /= scale

            for j in range(k+1, n):
                A[i, j] += A[i, k] * A[k, j]

    # === Backward substitution === #
    out[n-1] = 1
    for k in range(n-2, -1, -1):
        for i in range(k+1, n):
            out[k] += out[i] * A[i, k]

    # === Normalization === #
    norm = np.sum(out)
    for k in range(n):
        out[k] /= norm

# ---- harness (not part of the program) ----
ENTRY = "_gth_solve_jit"


def inputs():
    # as gth_solve(P) calls it: a C-ordered float copy of a random
    # stochastic matrix, and x = np.zeros(n)
    rng = np.random.default_rng(0)
    n = 60
    P = rng.random((n, n))
    P /= P.sum(axis=1, keepdims=True)
    A1 = np.array(P, dtype=float, copy=True, order='C')
    x = np.zeros(n)
    return (A1, x)
