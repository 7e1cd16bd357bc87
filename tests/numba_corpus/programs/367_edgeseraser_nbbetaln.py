# Source: devmessias/edgeseraser edgeseraser/misc/fast_math.py (at commit 3b3bbc45)
# Licence: MIT (edgeseraser, pyproject.toml: license = "MIT"; Bruno Messias)
# Notes: the log-beta function of edgeseraser's Pólya-urn backbone filter for weighted graphs (edge filtering/graph sparsification: the probability of an edge's integer weight under the Pólya null model is a sum of terms exp(gammaln(...) + betaln(x + 1/a, s - x + b) - ...)): nbbetaln (@njit(fastmath=True, error_model="numpy")) calls nbbeta (same decorator), which calls nbgammaln three times and exponentiates; nbgammaln (@njit(fastmath=True, nogil=True, error_model="numpy", parallel=True)) is the Numerical Recipes 6.1 log-gamma series with a 14-coefficient np.array, evaluated element by element in an nb prange loop over n elements; nbbetaln then takes np.log(np.abs(beta)). Pasted: the whole module (its docstring, numpy and numba imports, nbgammaln, nbbeta, nbbetaln); the harness passes what the Pólya filter evaluates, as the project's tests call it (nbbetaln(z, w, n) with n = z.shape[0]): for every edge of a random weighted graph of 60 nodes and 240 edges whose integer weight w_ij >= 2, the terms x + 1/a and s_i - x + (k_i - 1)/a for x = 0..w_ij - 1 with a = 2 (filter_nx_graph's default), s_i the weighted degree and k_i the degree of the edge's source, concatenated into two float64 arrays of 783 values
"""Contains some math functions that are faster than the standard library."""

import numpy as np
from numba import njit, prange


@njit(fastmath=True, nogil=True, error_model="numpy", parallel=True)
def nbgammaln(z: np.ndarray, n: int) -> np.ndarray:
    """Compute the log of the gamma function.

    Algorithm extracted from **Numerical Recipes in C**[1] chapter 6.1


    [1]: http://www.it.uom.gr/teaching/linearalgebra/NumericalRecipiesInC/

    Args:
        z: np.array
    Returns:
        np.array

    """
    coefs = np.array(
        [
            57.1562356658629235,
            -59.5979603554754912,
            14.1360979747417471,
            -0.491913816097620199,
            0.339946499848118887e-4,
            0.465236289270485756e-4,
            -0.983744753048795646e-4,
            0.158088703224912494e-3,
            -0.210264441724104883e-3,
            0.217439618115212643e-3,
            -0.164318106536763890e-3,
            0.844182239838527433e-4,
            -0.261908384015814087e-4,
            0.368991826595316234e-5,
        ]
    )
    out = np.zeros(n)
    for i in prange(n):
        y = z[i]
        tmp = z[i] + 5.24218750000000000
        tmp = (z[i] + 0.5) * np.log(tmp) - tmp
        ser = 0.999999999999997092
        for j in range(14):
            y = y + 1.0
            ser = ser + coefs[j] / y

        out[i] = tmp + np.log(2.5066282746310005 * ser / z[i])
    return out


@njit(fastmath=True, error_model="numpy")
def nbbeta(z, w, n):
    """Compute the beta function.

    Algorithm extracted from **Numerical Recipes in C**[1] chapter 6.1


    [1]: http://www.it.uom.gr/teaching/linearalgebra/NumericalRecipiesInC/

    Args:
        z: np.array
        w: np.array
    Returns:
        np.array

    """
    arg = nbgammaln(z, n) + nbgammaln(w, n) - nbgammaln(z + w, n)
    beta = np.exp(arg)
    return beta


@njit(fastmath=True, error_model="numpy")
def nbbetaln(z, w, n):
    """Compute the log of the beta function.

    We know
    $$ \\ln\\beta = \\ln\\abs(\\beta)$$



    Args:
        z: np.array
    Returns:
        np.array

    """
    beta = nbbeta(z, w, n)
    out = np.log(np.abs(beta))

    return out
# ---- harness (not part of the program) ----
ENTRY = "nbbetaln"


def inputs():
    # a random weighted digraph: 60 nodes, 240 distinct edges with integer
    # weights 1..12 (geometric-like); terms of the Polya filter with a = 2
    rng = np.random.default_rng(0)
    n_nodes, n_edges, a = 60, 240, 2.0
    flat = rng.choice(n_nodes * (n_nodes - 1), size=n_edges, replace=False)
    src, dst = flat // (n_nodes - 1), flat % (n_nodes - 1)
    dst = dst + (dst >= src)
    weights = np.minimum(rng.geometric(0.3, size=n_edges), 12)
    s = np.bincount(src, weights=weights, minlength=n_nodes)
    k = np.bincount(src, minlength=n_nodes).astype(np.float64)
    z_parts, w_parts = [], []
    a_inv = 1.0 / a
    for e in range(n_edges):
        if weights[e] < 2:
            continue
        x = np.arange(0, weights[e], dtype=np.float64)
        b = (k[src[e]] - 1.0) * a_inv
        z_parts.append(x + a_inv)
        w_parts.append(s[src[e]] - x + b)
    z = np.concatenate(z_parts)
    w = np.concatenate(w_parts)
    return z, w, z.shape[0]
