# Source: PyLops/pyproximal pyproximal/proximal/_Simplex_numba.py (at commit 47cccce9)
# Licence: LGPL-3.0 (pyproximal, pyproject.toml classifier "GNU Lesser General Public License v3 (LGPLv3)" and licence file LICENSE.md; author Matteo Ravasi)
# Notes: the proximal operator of the simplex {x: sum x = r, x >= 0} applied to every row of a matrix (convex optimisation / proximal algorithms): simplex_jit (@jit(nopython=True, parallel=parallel, nogil=True), with parallel decided at import from the NUMBA_NUM_THREADS environment variable) brackets the root of fun_jit (np.dot of the coefficients with a clipped shift, np.minimum(np.maximum(...)) with int bounds) by doubling integer bounds in two while loops, calls bisect_jit (bisection whose bracket ends start as ints and become floats, np.sign comparisons, early returns on the x and f tolerances, and a return of the loop variable after the loop) and writes the clipped projection row by row into np.zeros_like. Pasted: the whole module; the harness passes what Simplex(..., dims=(30, 12), engine='numba').prox passes: the input reshaped to 30 rows of 12, coeffs = np.ones(12), radius 1.0, lower 0, upper 10000000000, maxiter 100, ftol and xtol 1e-8
import os
import numpy as np
from numba import jit, prange

# detect whether to use parallel or not
numba_threads = int(os.getenv('NUMBA_NUM_THREADS', '1'))
parallel = True if numba_threads != 1 else False


@jit(nopython=True)
def fun_jit(mu, x, coeffs, scalar, lower, upper):
    """Bisection function"""
    return np.dot(coeffs, np.minimum(np.maximum(x - mu * coeffs, lower), upper)) - scalar


@jit(nopython=True, nogil=True)
def bisect_jit(x, coeffs, scalar, lower, upper, bisect_lower, bisect_upper,
               maxiter, ftol, xtol):
    """Bisection method

    Parameters
    ----------
    x : :obj:`np.ndarray`
        Input vector
    coeffs : :obj:`np.ndarray`
        Vector of coefficients used in the definition of the hyperplane
    scalar : :obj:`float`
        Scalar used in the definition of the hyperplane
    lower : :obj:`float` or :obj:`np.ndarray`, optional
        Lower bound of Box
    upper : :obj:`float` or :obj:`np.ndarray`, optional
        Upper bound of Box
    bisect_lower : :obj:`float` or :obj:`np.ndarray`, optional
        Lower end of bisection
    bisect_upper : :obj:`float` or :obj:`np.ndarray`, optional
        Upper end of bisection
    maxiter : :obj:`int`, optional
        Maximum number of iterations
    ftol : :obj:`float`, optional
        Function tolerance
    xtol : :obj:`float`, optional
        Solution absolute tolerance

    """
    a, b = bisect_lower, bisect_upper
    fa = fun_jit(a, x, coeffs, scalar, lower, upper)
    for iiter in range(maxiter):
        c = (a + b) / 2.
        if (b - a)/2 < xtol:
            return c
        fc = fun_jit(c, x, coeffs, scalar, lower, upper)
        if np.abs(fc) < ftol:
            return c
        if np.sign(fc) == np.sign(fa):
            a = c
            fa = fc
        else:
            b = c
    return c


@jit(nopython=True, parallel=parallel, nogil=True)
def simplex_jit(x, coeffs, scalar, lower, upper, maxiter, ftol, xtol):
    """Simplex proximal

    Parameters
    ----------
    x : :obj:`np.ndarray`
        Input vector
    coeffs : :obj:`np.ndarray`
        Vector of coefficients used in the definition of the hyperplane
    scalar : :obj:`float`
        Scalar used in the definition of the hyperplane
    lower : :obj:`float` or :obj:`np.ndarray`, optional
        Lower bound of Box
    upper : :obj:`float` or :obj:`np.ndarray`, optional
        Upper bound of Box
    maxiter : :obj:`int`, optional
        Maximum number of iterations
    ftol : :obj:`float`, optional
        Function tolerance
    xtol : :obj:`float`, optional
        Solution absolute tolerance

    """
    y = np.zeros_like(x)
    for i in range(x.shape[0]):
        bisect_lower = -1
        while fun_jit(bisect_lower, x[i], coeffs, scalar, lower, upper) < 0:
            bisect_lower *= 2
        bisect_upper = 1
        while fun_jit(bisect_upper, x[i], coeffs, scalar, lower, upper) > 0:
            bisect_upper *= 2
        c = bisect_jit(x[i], coeffs, scalar, lower, upper,
                       bisect_lower, bisect_upper, maxiter, ftol, xtol)
        y[i] = np.minimum(np.maximum(x[i] - c * coeffs, lower), upper)
    return y
# ---- harness (not part of the program) ----
ENTRY = "simplex_jit"


def inputs():
    # 30 rows of 12 values (a flattened 30 x 12 input reshaped by
    # dims=(30, 12), axis=-1), some far from the simplex so that the
    # bracket has to be widened several times
    rng = np.random.default_rng(0)
    x = rng.normal(0.0, 1.0, (30, 12))
    x[5] *= 40.0
    x[11] -= 25.0
    return (x, np.ones(12), 1.0, 0, 10000000000, 100, 1e-8, 1e-8)
