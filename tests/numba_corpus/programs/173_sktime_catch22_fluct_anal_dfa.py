# Source: sktime/sktime sktime/transformations/panel/_catch22_numba.py
# Licence: BSD-3-Clause (sktime, LICENSE; Copyright (c) 2019, The Alan Turing Institute, University College London, University of East Anglia, Anthony Bagnall, Sajaysurya Ganesh, Viktor Kazakov, Franz Király, Jason Lines, Markus Löning)
# Notes: the catch22 feature SC_FluctAnal_2_dfa_50_1_2_logi_prop_r1 (detrended fluctuation analysis of the cumulative sum of every second sample): the entry takes a numba.typed.Dict of str -> float64 array (annotated `args_dict: typed.Dict`, read with args_dict.get("series")), then _fluct_prop builds 50 log-spaced int window sizes with int(np.round(np.exp(...))) into an np.int_ array, fills a 2-D buffer through chained indexing buffer[n][j], detrends each row with the helper _linear_regression (which returns the int tuple `0, 0` on a zero denominator and a float tuple otherwise), and picks the two-segment log-log fit with the least error by np.argmin; every function has fastmath=True, cache=True. The module's `from sktime.utils.numba.njit import njit` is replaced by `from numba import njit` (what sktime/utils/numba/njit.py re-exports when numba is installed); the module's other catch22 features and their helpers (histogram mode, outlier include, autocorrelation/FFT helpers, spline fit, ...) and `import math` (used only by them) left out; inputs() builds the dict as catch22.py's _create_numba_dict does (series as float64, scalars as 1-element arrays)
"""Isolated numba imports for catch22."""

__author__ = ["MatthewMiddlehurst"]

import numba.typed as typed
import numpy as np

from numba import njit


@njit(fastmath=True, cache=True)
def _fluct_prop(X, og_length, dfa):
    a = np.zeros(50, dtype=np.int_)
    a[0] = 5
    n_tau = 1
    smin = 1.6094379124341003  # Math.log(5);
    smax = np.log(og_length / 2)
    inc = (smax - smin) / 49
    for i in range(1, 50):
        val = int(np.round(np.exp(smin + inc * i) + 0.000000000001))
        if val != a[n_tau - 1]:
            a[n_tau] = val
            n_tau += 1

    if n_tau < 12:
        return np.nan

    f = np.zeros(n_tau)
    for i in range(n_tau):
        tau = a[i]
        buff_size = int(len(X) / tau)
        lag = 0
        if buff_size == 0:
            buff_size = 1
            lag = 1

        buffer = np.zeros((buff_size, tau))
        count = 0
        for n in range(buff_size):
            for j in range(tau - lag):
                buffer[n][j] = X[count]
                count += 1

        d = np.zeros(tau)
        for n in range(tau):
            d[n] = n + 1

        for n in range(buff_size):
            c1, c2 = _linear_regression(d, buffer[n], tau, 0)

            for j in range(tau):
                buffer[n][j] = buffer[n][j] - (c1 * (j + 1) + c2)

            if dfa:
                for j in range(tau):
                    f[i] += buffer[n][j] * buffer[n][j]
            else:
                f[i] += np.power(np.max(buffer[n]) - np.min(buffer[n]), 2)

        if dfa:
            f[i] = np.sqrt(f[i] / (buff_size * tau))
        else:
            f[i] = np.sqrt(f[i] / buff_size)

    log_a = np.zeros(n_tau)
    log_f = np.zeros(n_tau)
    for i in range(n_tau):
        log_a[i] = np.log(a[i])
        log_f[i] = np.log(f[i])

    sserr = np.zeros(n_tau - 11)
    for i in range(6, n_tau - 5):
        c1_1, c1_2 = _linear_regression(log_a, log_f, i, 0)
        c2_1, c2_2 = _linear_regression(log_a, log_f, n_tau - i + 1, i - 1)

        sum1 = 0
        for n in range(i):
            sum1 += np.power(log_a[n] * c1_1 + c1_2 - log_f[n], 2)
        sserr[i - 6] += np.sqrt(sum1)

        sum2 = 0
        for n in range(n_tau - i + 1):
            sum2 += np.power(log_a[n + i - 1] * c2_1 + c2_2 - log_f[n + i - 1], 2)
        sserr[i - 6] += np.sqrt(sum2)

    return (np.argmin(sserr) + 6) / n_tau


@njit(fastmath=True, cache=True)
def _linear_regression(X, y, n, lag):
    sumx = 0
    sumx2 = 0
    sumxy = 0
    sumy = 0
    for i in range(lag, n + lag):
        sumx += X[i]
        sumx2 += X[i] * X[i]
        sumxy += X[i] * y[i]
        sumy += y[i]

    denom = n * sumx2 - sumx * sumx
    if denom == 0:
        return 0, 0

    return (n * sumxy - sumx * sumy) / denom, (sumy * sumx2 - sumx * sumxy) / denom


@njit(fastmath=True, cache=True)
def _SC_FluctAnal_2_dfa_50_1_2_logi_prop_r1(args_dict: typed.Dict):
    # Proportion of slower timescale fluctuations that scale with DFA (50%
    # sampling).
    X = args_dict.get("series")
    cs = np.zeros(int(len(X) / 2))
    cs[0] = X[0]
    for i in range(1, len(cs)):
        cs[i] = cs[i - 1] + X[i * 2]

    return _fluct_prop(cs, len(X), True)

# ---- harness (not part of the program) ----
ENTRY = "_SC_FluctAnal_2_dfa_50_1_2_logi_prop_r1"


def inputs():
    # one z-normalised series of length 400 (an AR(1) process plus a slow
    # sine), in the dict that Catch22._transform_case builds for it
    import numba
    rng = np.random.default_rng(0)
    n = 400
    e = rng.standard_normal(n)
    x = np.empty(n)
    x[0] = e[0]
    for i in range(1, n):
        x[i] = 0.8 * x[i - 1] + e[i]
    x += 2.0 * np.sin(np.linspace(0.0, 4.0 * np.pi, n))
    series = (x - x.mean()) / x.std()
    d = numba.typed.Dict.empty(key_type=numba.types.unicode_type,
                               value_type=numba.types.float64[::1])
    d["series"] = series
    d["smin"] = np.array([series.min()], dtype=np.float64)
    d["smax"] = np.array([series.max()], dtype=np.float64)
    d["smean"] = np.array([series.mean()], dtype=np.float64)
    d["std"] = np.array([series.std()], dtype=np.float64)
    d["outlier_series"] = series
    return (d,)
