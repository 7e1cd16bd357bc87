# Source: PyLops/pylops pylops/signalprocessing/_radon2d_numba.py (at commit 1af2e30d)
# Licence: LGPL-3.0 (PyLops, pyproject.toml classifier "GNU Lesser General Public License v3 (LGPLv3)", license file LICENSE.md; Matteo Ravasi and the PyLops developers)
# Notes: look-up table of the 2-D Radon transform used in seismic processing (geophysics): _create_table_numba (@jit(nopython=True, parallel=parallel, nogil=True, cache=cache), with parallel and cache module flags computed at import from os.getenv) receives the parametric-curve function f as a first-class jitted function argument (here _linear_numba, t + px * x) and, for every slowness px and intercept time it, calls the jitted _indices_2d_numba, which evaluates f on the whole offset axis, builds a boolean mask with chained comparisons and &, boolean-indexes the times, and splits them into integer part and fractional remainder in an enumerate loop; the table loop then scatters them into float32 and float64 (npx, nt, nx) arrays pre-filled with np.full(..., np.nan). Pasted: the whole module (its _parabolic_numba, _hyperbolic_numba and _indices_2d_onthefly_numba are not called); the harness passes what pylops.signalprocessing.Radon2D passes for kind="linear", engine="numba", centeredh=True: the unitless integer offset axis np.arange(nh) - nh // 2, the slowness axis multiplied by dh/dt, nt, npx, nh and interp=True
import os

import numpy as np
from numba import jit

# Detect whether to use parallel and cache or not
numba_threads = int(os.getenv("NUMBA_NUM_THREADS", "1"))
parallel = True if numba_threads != 1 else False
cache = bool(int(os.getenv("NUMBA_CACHE_PYLOPS", 0)))


@jit(nopython=True, cache=cache)
def _linear_numba(x, t, px):
    return t + px * x


@jit(nopython=True, cache=cache)
def _parabolic_numba(x, t, px):
    return t + px * x**2


@jit(nopython=True, cache=cache)
def _hyperbolic_numba(x, t, px):
    return np.sqrt(t**2 + (x / px) ** 2)


@jit(nopython=True, nogil=True, cache=cache)
def _indices_2d_numba(f, x, px, t, nt, interp=True):
    """Compute time and space indices of parametric line in ``f`` function
    using numba. Refer to ``_indices_2d`` for full documentation.

    """
    tdecscan = f(x, t, px)
    if not interp:
        xscan = (tdecscan >= 0) & (tdecscan < nt)
    else:
        xscan = (tdecscan >= 0) & (tdecscan < nt - 1)
    tscanfs = tdecscan[xscan]
    tscan = np.zeros(len(tscanfs))
    dtscan = np.zeros(len(tscanfs))
    for it, tscanf in enumerate(tscanfs):
        tscan[it] = int(tscanf)
        if interp:
            dtscan[it] = tscanf - tscan[it]
    return xscan, tscan, dtscan


@jit(nopython=True, parallel=parallel, nogil=True, cache=cache)
def _indices_2d_onthefly_numba(f, x, px, ip, t, nt, interp=True):
    """Wrapper around _indices_2d to allow on-the-fly computation of
    parametric curves using numba
    """
    tscan = np.full(len(x), np.nan, dtype=np.float32)
    if interp:
        dtscan = np.full(len(x), np.nan)
    else:
        dtscan = None
    xscan, tscan1, dtscan1 = _indices_2d_numba(f, x, px[ip], t, nt, interp=interp)
    tscan[xscan] = tscan1
    if interp:
        dtscan[xscan] = dtscan1
    return xscan, tscan, dtscan


@jit(nopython=True, parallel=parallel, nogil=True, cache=cache)
def _create_table_numba(f, x, pxaxis, nt, npx, nx, interp):
    """Create look up table using numba"""
    table = np.full((npx, nt, nx), np.nan, dtype=np.float32)
    dtable = np.full((npx, nt, nx), np.nan)
    for ipx in range(npx):
        px = pxaxis[ipx]
        for it in range(nt):
            xscans, tscan, dtscan = _indices_2d_numba(f, x, px, it, nt, interp=interp)
            itscan = 0
            for ixscan, xscan in enumerate(xscans):
                if xscan:
                    table[ipx, it, ixscan] = tscan[itscan]
                    if interp:
                        dtable[ipx, it, ixscan] = dtscan[itscan]
                    itscan += 1
    return table, dtable

# ---- harness (not part of the program) ----
ENTRY = "_create_table_numba"


def inputs():
    # Radon2D(taxis, haxis, pxaxis, kind="linear", centeredh=True,
    # interp=True, engine="numba"): 60 time samples of 4 ms, 41 offsets 10 m
    # apart, 21 slownesses between -1 and 1 ms/m, made unitless by dh/dt
    taxis = np.arange(60) * 0.004
    haxis = np.arange(41) * 10.0 - 200.0
    pxaxis = np.linspace(-1e-3, 1e-3, 21)
    nt, nh, npx = taxis.size, haxis.size, pxaxis.size
    dh, dt = np.abs(haxis[1] - haxis[0]), np.abs(taxis[1] - taxis[0])
    pxaxis = pxaxis * (dh / dt)
    haxisunitless = np.arange(nh) - nh // 2
    return (_linear_numba, haxisunitless, pxaxis, nt, npx, nh, True)
