# Source: HDembinski/numba-stats src/numba_stats/crystalball.py (commit 002eb9b4), with src/numba_stats/_util.py (commit 1fc5800e, the version with the same `_jit(npar, *, narg=1, cache=True)` interface)
# Licence: MIT (numba-stats, LICENSE; Copyright (c) 2021 Hans Dembinski)
# Notes: Crystal Ball probability density (a Gaussian core with a power-law lower tail): every function is made by the package's `_jit` decorator factory, which builds two eager signatures (float32 and float64) from numba type objects — scalar ones `T(T, T, T)` for narg=0 and `T[:](Array(T, 1, "A", readonly=True), T, ...)` otherwise — and calls `nb.njit(signatures, cache=cache, inline="always", error_model="numpy")`; the scalar helpers use `T = type(beta)` as a constructor (`T(0.5)`, `type(beta)(np.inf)`), np.log/np.exp/np.sqrt on scalars and math.erf imported as _erf; _pdf is np.exp of _logpdf, which overwrites the array returned by _trans element by element in a `for i in _prange(len(z))` loop (numba.prange re-exported by _util as _prange) calling _log_density, which branches to _log_powerlaw. The needed part of _util.py is pasted first in place of `from ._util import _jit, _trans, _generate_wrappers, _prange`: its imports that these use (numba as nb, numpy, numba.types.Array, `from numba import prange as _prange`) and _readonly_carray, _jit_custom, _jit, _trans; left out are _util's _rvs_jit, _seed, _wrap, _erf_inplace, _erfc_inplace, _type_check, _generate_wrappers and the imports only they use (math, os, TypingError, overload), and crystalball.py's _cdf, _ppf, _powerlaw_ppf, _normal_ppf, `from . import norm as _norm` (used only by _normal_ppf) and the `_generate_wrappers(globals())` call that makes the public overloads
# ---- src/numba_stats/_util.py ----
"""Utilities for code and docs generation to reduce boilerplate code."""

import numba as nb
import numpy as np
from numba.types import Array
from numba import prange as _prange  # noqa


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


# ---- src/numba_stats/crystalball.py ----
"""
Crystal Ball distribution.

The Crystal Ball distribution replaces the lower tail of a normal distribution with
a power-law tail.

https://en.wikipedia.org/wiki/Crystal_Ball_function

See Also
--------
scipy.stats.crystalball: Scipy equivalent.
"""

import numpy as np
from math import erf as _erf

_doc_par = """
x : Array-like
    Random variate.
beta : float
    Distance from the mode in units of standard deviations where the Crystal
    Ball turns from a gaussian into a power law.
m : float
    Absolute value of the slope of the powerlaw tail. Must be large than 1.
"""


@_jit(3, narg=0)
def _log_powerlaw(z, beta, m):
    T = type(beta)
    c = -T(0.5) * beta * beta
    log_a = m * np.log(m / beta) + c
    b = m / beta - beta
    return log_a - m * np.log(b - z)


@_jit(3, narg=0)
def _powerlaw_integral(z, beta, m):
    T = type(beta)
    log_a = m * np.log(m / beta) - T(0.5) * beta * beta
    b = m / beta - beta
    m1 = m - T(1)
    return np.exp(log_a - m1 * np.log(b - z) - np.log(m1))


@_jit(2, narg=0)
def _normal_integral(a, b):
    T = type(a)
    sqrt_half = np.sqrt(T(0.5))
    return sqrt_half * np.sqrt(T(np.pi)) * (_erf(b * sqrt_half) - _erf(a * sqrt_half))


@_jit(3, narg=0)
def _log_density(z, beta, m):
    if z < -beta:
        return _log_powerlaw(z, beta, m)
    return -0.5 * z * z


@_jit(4)
def _logpdf(x, beta, m, loc, scale):
    z = _trans(x, loc, scale)
    norm = scale * (
        _powerlaw_integral(-beta, beta, m) + _normal_integral(-beta, type(beta)(np.inf))
    )
    c = np.log(norm)
    for i in _prange(len(z)):
        z[i] = _log_density(z[i], beta, m) - c
    return z


@_jit(4)
def _pdf(x, beta, m, loc, scale):
    return np.exp(_logpdf(x, beta, m, loc, scale))

# ---- harness (not part of the program) ----
ENTRY = "_pdf"


def inputs():
    # what crystalball.pdf(x, beta=1.5, m=3.0, loc=0.5, scale=1.2) passes
    # after its _wrap: 300 float64 points across the tail and the core
    x = np.linspace(-8.0, 5.0, 300)
    return (x, 1.5, 3.0, 0.5, 1.2)
