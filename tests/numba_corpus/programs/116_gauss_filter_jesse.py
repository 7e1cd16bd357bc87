# Source: jesse-ai/jesse jesse/indicators/gauss.py
# Licence: MIT (Copyright (c) 2020 jesse-ai)
# Notes: Ehlers' Gaussian IIR filter (1 to 4 poles): NaN removal by boolean-mask indexing source[~np.isnan(source)], np.power/np.cos/np.sqrt on scalars, a coefficient array and a per-sample window built with np.array of scalars (.item() on an array element) in if/elif chains on the pole count, np.dot of two 1-D arrays, returns (array, int); the plain-Python gauss() wrapper and its `from jesse.helpers import get_candle_source, slice_candles` left out
from typing import Union

import numpy as np
try:
    from numba import njit
except ImportError:
    njit = lambda a : a


@njit
def gauss_fast(source, period, poles):
    N = len(source)
    source = source[~np.isnan(source)]
    to_fill = N - len(source)
    PI = np.pi
    beta = (1 - np.cos(2 * PI / period)) / (np.power(2, 1 / poles) - 1)
    alpha = -beta + np.sqrt(np.power(beta, 2) + 2 * beta)

    fil = np.zeros(poles + len(source))
    if poles == 1:
        coeff = np.array([alpha, (1 - alpha)])
    elif poles == 2:
        coeff = np.array([alpha ** 2, 2 * (1 - alpha), -(1 - alpha) ** 2])
    elif poles == 3:
        coeff = np.array([alpha ** 3, 3 * (1 - alpha), -3 * (1 - alpha) ** 2, (1 - alpha) ** 3])
    elif poles == 4:
        coeff = np.array([alpha ** 4, 4 * (1 - alpha), -6 * (1 - alpha) ** 2, 4 * (1 - alpha) ** 3, -(1 - alpha) ** 4])

    for i in range(len(source)):
        if poles == 1:
            val = np.array([source[i].item(), fil[i]])
        elif poles == 2:
            val = np.array([source[i].item(), fil[1 + i], fil[i]])
        elif poles == 3:
            val = np.array([source[i].item(), fil[2 + i], fil[1 + i], fil[i]])
        elif poles == 4:
            val = np.array([source[i].item(), fil[3 + i], fil[2 + i], fil[1 + i], fil[i]])

        fil[poles + i] = np.dot(coeff, val)

    return fil, to_fill

# ---- harness (not part of the program) ----
ENTRY = "gauss_fast"


def inputs():
    # close prices (a random walk) with two leading NaNs, the wrapper's
    # defaults period=14, poles=4
    rng = np.random.default_rng(0)
    close = 100.0 + np.cumsum(rng.standard_normal(400))
    close[:2] = np.nan
    return (close, 14, 4)
