# Source: raphaelvallat/yasa yasa/numba.py
# Licence: BSD-3-Clause (yasa, LICENSE; Copyright (c) 2018, Raphael Vallat)
# Notes: the whole module of YASA's Numba helpers for its sleep-spindle and slow-wave detectors: plain @jit with eager signature strings and nopython=True ("float64(float64[:], float64[:])", "float64[:](float64[:], float64[:])"), accumulators started as the int 0 and grown with floats, x.mean(), tuple assignment of two means; the entry _detrend (linear detrending) calls the jitted _slope_lstsq and returns y - (x * slope + intercept)
"""
This file contains Numba-accelerated functions used in the main detections.
"""
import numpy as np
from numba import jit

__all__ = []


#############################################################################
# NUMBA JIT UTILITY FUNCTIONS
#############################################################################


@jit("float64(float64[:], float64[:])", nopython=True)
def _corr(x, y):
    """Fast Pearson correlation."""
    n = x.size
    mx, my = x.mean(), y.mean()
    xm2s, ym2s, r_num = 0, 0, 0
    for i in range(n):
        xm = x[i] - mx
        ym = y[i] - my
        r_num += xm * ym
        xm2s += xm**2
        ym2s += ym**2
    r_d1 = np.sqrt(xm2s)
    r_d2 = np.sqrt(ym2s)
    r_den = r_d1 * r_d2
    return r_num / r_den


@jit("float64(float64[:], float64[:])", nopython=True)
def _covar(x, y):
    """Fast Covariance."""
    n = x.size
    mx, my = x.mean(), y.mean()
    cov = 0
    for i in range(n):
        xm = x[i] - mx
        ym = y[i] - my
        cov += xm * ym
    return cov / (n - 1)


@jit("float64(float64[:])", nopython=True)
def _rms(x):
    """Fast root mean square."""
    n = x.size
    ms = 0
    for i in range(n):
        ms += x[i] ** 2
    ms /= n
    return np.sqrt(ms)


@jit("float64(float64[:], float64[:])", nopython=True)
def _slope_lstsq(x, y):
    """Slope of a 1D least-squares regression."""
    n_times = x.shape[0]
    sx2 = 0
    sx = 0
    sy = 0
    sxy = 0
    for j in range(n_times):
        sx2 += x[j] ** 2
        sx += x[j]
        sxy += x[j] * y[j]
        sy += y[j]
    den = n_times * sx2 - (sx**2)
    num = n_times * sxy - sx * sy
    return num / den


@jit("float64[:](float64[:], float64[:])", nopython=True)
def _detrend(x, y):
    """Fast linear detrending."""
    slope = _slope_lstsq(x, y)
    intercept = y.mean() - x.mean() * slope
    return y - (x * slope + intercept)

# ---- harness (not part of the program) ----
ENTRY = "_detrend"


def inputs():
    # a 2 s EEG-like epoch at 100 Hz with a linear drift: the time vector
    # and the signal, as yasa's spindles_detect passes a window to _detrend
    rng = np.random.default_rng(0)
    t = np.arange(200) / 100.0
    y = 3.0 * t + np.sin(2 * np.pi * 12.0 * t) + 0.2 * rng.standard_normal(200)
    return (t, y)
