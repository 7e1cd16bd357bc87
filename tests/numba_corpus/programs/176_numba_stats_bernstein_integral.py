# Source: HDembinski/numba-stats src/numba_stats/bernstein.py (with src/numba_stats/_util.py, both at commit 1fc5800e)
# Licence: MIT (numba-stats, LICENSE; Copyright (c) 2021 Hans Dembinski)
# Notes: integral of a Bernstein-polynomial density from xmin to x: the jitted functions are made by the package's `_jit(npar, *, narg=1, cache=True)` decorator factory, which builds a list of two eager signatures (float32 and float64) from numba type objects — `T[:](*[Array(T, 1, "A", readonly=True) ...], *[T ...])` or `T(*([T] * npar))` — and calls `nb.njit(signatures, cache=cache, inline="always", error_model="numpy")`; _integral calls _trans (`type(scale)(1) / scale` on a scalar type, an array expression on a read-only array), _beta_int (np.zeros with dtype=beta.dtype, nested triangular loop, `r *= 1.0 / n`) and the De Casteljau evaluation _de_castlejau (np.full_like(z, np.nan), np.empty_like, `betai[:] = beta` slice copy in a loop). The needed part of _util.py is pasted first in place of `from ._util import (_jit, _Floats, _generate_wrappers, _trans)`: its imports that these functions use (numba as nb, numpy, numba.types.Array) and _readonly_carray, _jit_custom, _jit, _trans; left out are _util's _rvs_jit, _seed, _wrap, _erf_inplace, _erfc_inplace, _type_check, _generate_wrappers and the imports only they use (math, os, TypingError, overload, prange), and bernstein.py's _density, its _wrap/_type_check, the `_generate_wrappers(globals())` call that makes the public overloads, and the module __getattr__
# ---- src/numba_stats/_util.py ----
"""Utilities for code and docs generation to reduce boilerplate code."""

import numba as nb
import numpy as np
from numba.types import Array


def _readonly_carray(T):
    return Array(T, 1, "A", readonly=True)


def _jit_custom(signatures, cache=True):
    """
    Wrap numba.njit to reduce boilerplate code.

    We want to build jitted functions with explicit signatures to restrict the argument
    types which are used in the implemnetation to float32 or float64. We also want to
    pass specific options consistently: error_model='numpy' and inline='always'. The
    latter is important to profit from auto-parallelization of surrounding code.
    """
    return nb.njit(signatures, cache=cache, inline="always", error_model="numpy")


def _jit(npar, *, narg=1, cache=True):
    """
    Wrap numba.njit to reduce boilerplate code.

    We want to build jitted functions with explicit signatures to restrict the argument
    types which are used in the implemnetation to float32 or float64. We also want to
    pass specific options consistently: error_model='numpy' and inline='always'. The
    latter is important to profit from auto-parallelization of surrounding code.

    This decorator builds signatures with "narg" array arguments followed by "npar"
    scalar arguments, and it does that for the types float32 or float64.

    Parameters
    ----------
    npar : int
        Number of scalar arguments.
    narg : int, optional (default: 1)
        Number of array arguments.
    cache : bool, optional (default: True)
        Whether to cache the compilation. We must turn this off if the function uses a
        function pointer from Scipy.
    """
    assert npar >= 0
    assert narg >= 0
    signatures = []
    for T in (nb.float32, nb.float64):
        if narg == 0:
            sig = T(*([T] * npar))
        else:
            sig = T[:](
                *[_readonly_carray(T) for _ in range(narg)], *[T for _ in range(npar)]
            )
        signatures.append(sig)
    return _jit_custom(signatures, cache=cache)


@_jit(2)
def _trans(x, loc, scale):
    inv_scale = type(scale)(1) / scale
    return (x - loc) * inv_scale


# ---- src/numba_stats/bernstein.py ----
"""
Empirical density distribution formed by a Bernstein polynomial.

The Bernstein polynomial basis is better suited to model a probability distribution
than the Chebychev basis, since it is possible to implement the constraint
f(x; p) >= 0 with simple parameter limits p >= 0 (where p is a vector).

The density function and its integral are not normalised. Normalising would create
several issues while providing no practical benefit. Use this function in an extended
maximum-likelihood fit and do not multiply it with a scale. The scale is implicit in the
parameter vector beta. If you really need to know the scale after the fit (usually you
do not), use :func:`integral` to compute it.

See Also
--------
scipy.interpolate.BPoly: Bernstein polynomials in Scipy.
"""

import numpy as np


@_jit(0, narg=2)
def _de_castlejau(z, beta):
    # De Casteljau algorithm, numerically stable
    n = len(beta)
    res = np.full_like(z, np.nan)
    betai = np.empty_like(beta)
    # not sure how to parallelize this, each worker thread needs its own betai
    for i in range(len(z)):
        betai[:] = beta
        azi = 1.0 - z[i]
        for j in range(1, n):
            for k in range(n - j):
                betai[k] = betai[k] * azi + betai[k + 1] * z[i]
        res[i] = betai[0]
    return res


@_jit(0)
def _beta_int(beta):
    n = len(beta)
    r = np.zeros(n + 1, dtype=beta.dtype)
    for j in range(1, n + 1):
        for k in range(j):
            r[j] += beta[k]
    r *= 1.0 / n
    return r


@_jit(2, narg=2)
def _integral(x, beta, xmin, xmax):
    """
    Return integral of a Bernstein polynomial from xmin to x.

    Parameters
    ----------
    x : ArrayLike
        Values up to which the integral is computed, starting from xmin.
    beta : ArrayLike
        Vector of parameters (1D).
    xmin : float
        Lower edge of the domain of x.
    xmax : float
        Upper edge of the domain of x.

    Returns
    -------
    ndarray
        Integral values.

    Examples
    --------
    >>> import numpy as np
    >>> from numba_stats import bernstein
    >>> x = np.linspace(-1, 1)
    >>> y = bernstein.integral(x, [1, 2], -1, 1)

    See Also
    --------
    scipy.interpolate.BPoly
    """
    scale = xmax - xmin
    z = _trans(x, xmin, scale)
    beta = _beta_int(beta) * scale
    return _de_castlejau(z, beta)

# ---- harness (not part of the program) ----
ENTRY = "_integral"


def inputs():
    # what bernstein.integral(x, beta, -1.0, 2.0) passes after its _wrap
    # (flattened float64 arrays): 200 points in [-1, 2] and 6 non-negative
    # coefficients
    rng = np.random.default_rng(0)
    x = np.sort(rng.uniform(-1.0, 2.0, 200))
    beta = rng.uniform(0.0, 3.0, 6)
    return (x, beta, -1.0, 2.0)
