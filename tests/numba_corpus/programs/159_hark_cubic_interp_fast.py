# Source: econ-ark/HARK HARK/numba_tools.py (with HARK/_numba.py)
# Licence: Apache-2.0 (HARK, LICENSE; Copyright 2024 Econ-ARK Team)
# Notes: cubic Hermite interpolation of a consumption-style function at many points with a decaying extrapolation toward a limiting line above the grid (HARK's CubicInterp fast path): cubic_interp_fast has None defaults tested with `is None` to choose the limiting line, error_model="numpy" and cache=True on every function; _spline_decay fills an (n+1, 4) coefficient table by row assignment of np.array([...]) (mixing floats and int 0s) and column-slice assignment, then evaluates with np.searchsorted, boolean masks from np.logical_not/np.logical_or, fancy-indexed rows coeffs[i, :], mask assignments y[mask] = ..., and returns a (y, dydx) tuple. HARK/_numba.py (an optional-numba shim that re-exports numba.njit) is pasted first in place of `from HARK._numba import njit`; the module's CRRA utility wrappers (jitted from functions imported from HARK.rewards) and the linear interpolators left out
# ---- HARK/_numba.py ----
"""Optional numba, so that HARK imports on targets where numba has no build.

``HARK.core`` reaches ``numba`` through ``HARK.simulator``, ``HARK.SSJutils`` and
``HARK.utilities``, so without this module ``import HARK`` fails outright wherever
numba is missing. That is the situation on stock Pyodide and PyScript, whose package
set has neither ``numba`` nor ``llvmlite``, and it is also what a minimal install
without the compiled stack looks like.

Where numba is present, including JupyterLite with the emscripten-forge xeus-python
kernel, the real ``njit`` and ``prange`` are re-exported and behaviour is unchanged.

The fallback ``njit`` has to cover every calling convention HARK uses, because numba
spells three different things with one name:

    @njit                                       bare decorator
    @njit(cache=True)                           decorator factory
    @njit(parallel=True)                        decorator factory
    @njit("float64(float64[:])", cache=True)    factory with a signature string
    CRRAutility = njit(CRRAutility_X, cache=True)   direct call on a function

The last form is the dangerous one and it is live in ``HARK.numba_tools``. A guard
that only returns the function for a callable first argument *without* keywords will
hand back a decorator instead, so ``CRRAutility(c, rho)`` silently returns ``c``
rather than raising. The test is therefore whether the first argument is callable,
independent of the keywords. A signature string is not callable, so that form still
reaches the factory branch, which is what it needs.

``prange`` falls back to ``range``. numba's ``prange`` is ``range`` plus a
parallelism hint, and the loops HARK uses it in are order independent, so serial
execution is correct and only slower.
"""

from __future__ import annotations

try:
    from numba import njit, prange

    HAS_NUMBA = True
except ImportError:  # pragma: no cover - exercised only where numba is absent
    HAS_NUMBA = False

    prange = range

    def njit(*args, **kwargs):
        """No-op stand-in for ``numba.njit`` that runs the pure-Python function."""
        if args and callable(args[0]):
            # @njit, njit(func), and njit(func, cache=True)
            return args[0]
        # @njit(...), including a leading signature string
        return lambda func: func


__all__ = ["HAS_NUMBA", "njit", "prange"]

# ---- HARK/numba_tools.py ----
import numpy as np


@njit(cache=True, error_model="numpy")
def _spline_decay(
    x_init, x_list, y_list, dydx_list, intercept_limit, slope_limit, lower_extrap
):  # pragma: no cover
    n = x_list.size

    coeffs = np.empty((n + 1, 4))

    # Define lower extrapolation as linear function (or just NaN)
    if lower_extrap:
        coeffs[0] = np.array([y_list[0], dydx_list[0], 0, 0])
    else:
        coeffs[0] = np.array([np.nan, np.nan, np.nan, np.nan])

    # Calculate interpolation coefficients on segments mapped to [0,1]
    xdiff = np.diff(x_list)
    ydiff = np.diff(y_list)
    dydx0 = dydx_list[:-1] * xdiff
    dydx1 = dydx_list[1:] * xdiff
    coeffs[1:-1, 0] = y_list[:-1]
    coeffs[1:-1, 1] = dydx0
    coeffs[1:-1, 2] = 3 * ydiff - 2 * dydx0 - dydx1
    coeffs[1:-1, 3] = -2 * ydiff + dydx0 + dydx1

    # Calculate extrapolation coefficients as a decay toward limiting function y = mx+b
    gap = slope_limit * x_list[n - 1] + intercept_limit - y_list[n - 1]
    slope = slope_limit - dydx_list[n - 1]
    if (gap != 0) and (slope <= 0):
        coeffs[-1] = np.array([intercept_limit, slope_limit, gap, slope / gap])
    elif slope > 0:
        # fixing a problem when slope is positive
        coeffs[-1] = np.array([intercept_limit, slope_limit, 0, 0])
    else:
        coeffs[-1] = np.array([intercept_limit, slope_limit, gap, 0])

    m = len(x_init)
    pos = np.searchsorted(x_list, x_init)
    y = np.zeros(m)
    dydx = np.zeros(m)

    if m > 0:
        out_bot = pos == 0
        out_top = pos == n
        in_bnds = np.logical_not(np.logical_or(out_bot, out_top))

        # In-bounds evaluation
        i = pos[in_bnds]
        coeffs_in = coeffs[i, :]
        alpha_in = (x_init[in_bnds] - x_list[i - 1]) / (x_list[i] - x_list[i - 1])
        y[in_bnds] = coeffs_in[:, 0] + alpha_in * (
            coeffs_in[:, 1] + alpha_in * (coeffs_in[:, 2] + alpha_in * coeffs_in[:, 3])
        )
        dydx[in_bnds] = (
            coeffs_in[:, 1]
            + alpha_in * (2 * coeffs_in[:, 2] + alpha_in * 3 * coeffs_in[:, 3])
        ) / (x_list[i] - x_list[i - 1])

        # Out-of-bounds: bottom
        y[out_bot] = coeffs[0, 0] + coeffs[0, 1] * (x_init[out_bot] - x_list[0])
        dydx[out_bot] = coeffs[0, 1]

        # Out-of-bounds: top
        alpha_top = x_init[out_top] - x_list[n - 1]
        y[out_top] = (
            coeffs[n, 0]
            + x_init[out_top] * coeffs[n, 1]
            - coeffs[n, 2] * np.exp(alpha_top * coeffs[n, 3])
        )
        dydx[out_top] = coeffs[n, 1] - coeffs[n, 2] * coeffs[n, 3] * np.exp(
            alpha_top * coeffs[n, 3]
        )

    return y, dydx


@njit(cache=True, error_model="numpy")
def cubic_interp_fast(
    x0,
    x_list,
    y_list,
    dydx_list,
    intercept_limit=None,
    slope_limit=None,
    lower_extrap=False,
):  # pragma: no cover
    if intercept_limit is None and slope_limit is None:
        slope = dydx_list[-1]
        intercept = y_list[-1] - slope * x_list[-1]

        return _spline_decay(
            x0, x_list, y_list, dydx_list, intercept, slope, lower_extrap
        )
    else:
        return _spline_decay(
            x0, x_list, y_list, dydx_list, intercept_limit, slope_limit, lower_extrap
        )

# ---- harness (not part of the program) ----
ENTRY = "cubic_interp_fast"


def inputs():
    # a concave consumption-like function c(m) = m**0.7 on a 25-point grid
    # over [0.5, 20] with its slopes, evaluated at 300 points from 0 to 30
    # (below, inside and above the grid); the limiting line is taken from the
    # last grid point (intercept_limit = slope_limit = None), lower_extrap=False
    x_list = np.linspace(0.5, 20.0, 25)
    y_list = x_list ** 0.7
    dydx_list = 0.7 * x_list ** -0.3
    x0 = np.linspace(0.0, 30.0, 300)
    return (x0, x_list, y_list, dydx_list)
