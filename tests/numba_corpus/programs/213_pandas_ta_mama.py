# Source: twopirllc/pandas-ta pandas_ta/overlap/mama.py (at commit 2a173b46; Array/Int/IntFloat from pandas_ta/_typing.py, commit 837e618f)
# Licence: MIT (pandas-ta, LICENSE; Copyright (c) 2021+ pandas-ta)
# Notes: Ehler's MESA Adaptive Moving Average (MAMA) and its following average FAMA over a closing-price series: @njit(cache=True) with typing annotations on the arguments, tuple unpacking of float constants, fifteen work arrays made by zeros_like and .copy() in tuple assignments, a Hilbert-transform loop from i = 3 whose sm[i - 4], sm[i - 6], dt[i - 6], ... read negative indices (wrapping to the end of the arrays, still zero there) on the first iterations, numpy's arctan imported by name, clamps by chained ifs, a tuple-target slice assignment `mama[:prenan], fama[:prenan] = nan, nan`, returns a tuple of two arrays; the pandas wrapper mama() (validation, the optional TA-Lib path, DataFrame naming, offset and fills) with its pandas, pandas_ta.maps and pandas_ta.utils imports is left out, and the `from pandas_ta._typing import Array, DictLike, Int, IntFloat` line is replaced by the _typing.py lines that define the three names the jitted function uses
# -*- coding: utf-8 -*-
from numpy import arctan, isnan, nan, zeros_like
from numba import njit

# ---- from pandas_ta/_typing.py ----
from typing import *

from numpy import ndarray
from numpy import floating as np_floating
from numpy import integer as np_integer

Int = Union[int, np_integer]
Float = Union[float, np_floating]
IntFloat = Union[Int, Float]
Array = ndarray


# ---- pandas_ta/overlap/mama.py ----
@njit(cache=True)
def np_mama(
    x: Array, fastlimit: IntFloat, slowlimit: IntFloat,
    prenan: Int
):
    """Ehler's Mother of Adaptive Moving Averages
    http://traders.com/documentation/feedbk_docs/2014/01/traderstips.html
    """
    a1, a2 = 0.0962, 0.5769
    p_w, smp_w, smp_w_c = 0.2, 0.33, 0.67 # smp_w + smp_w_c = 1

    sm = zeros_like(x)
    dt, smp, q1, q2 = sm.copy(), sm.copy(), sm.copy(), sm.copy()
    i1, i2, jI, jQ = sm.copy(), sm.copy(), sm.copy(), sm.copy()
    re, im, alpha = sm.copy(), sm.copy(), sm.copy()
    period, phase, mama, fama = sm.copy(), sm.copy(), sm.copy(), sm.copy()

    # Ehler's starts from 6, TV-LB starts at 3, TALib 32
    n = x.size
    for i in range(3, n):
        w_period = .075 * period[i - 1] + .54

        # Smoother and Detrend the Smoother
        sm[i] = 0.4 * x[i] + 0.3 * x[i - 1] + 0.2 * x[i - 2] + 0.1 * x[i - 3]
        dt[i] = w_period * (a1 * sm[i] + a2 * sm[i - 2] - a2 * sm[i - 4] - a1 * sm[i - 6])

        # Quadrature(Detrender) and In Phase Component
        q1[i] = w_period * (a1 * dt[i] + a2 * dt[i - 2] - a2 * dt[i - 4] - a1 * dt[i - 6])
        i1[i] = dt[i - 3]

        # Phase advance I1 and Q1 by 90 degrees
        jI[i] = w_period * (a1 * i1[i] + a2 * i1[i - 2] - a2 * i1[i - 4] - a1 * i1[i - 6])
        jQ[i] = w_period * (a1 * q1[i] + a2 * q1[i - 2] - a2 * q1[i - 4] - a1 * q1[i - 6])

        # Phasor Addition for 3 Bar Averaging
        i2[i] = i1[i] - jQ[i]
        q2[i] = q1[i] + jI[i]

        # Smooth I and Q components
        i2[i] = p_w * i2[i] + (1 - p_w) * i2[i - 1]
        q2[i] = p_w * q2[i] + (1 - p_w) * q2[i - 1]

        # Homodyne Discriminator
        re[i] = i2[i] * i2[i - 1] + q2[i] * q2[i - 1]
        im[i] = i2[i] * q2[i - 1] + q2[i] * i2[i - 1]

        re[i] = p_w * re[i] + (1 - p_w) * re[i - 1]
        im[i] = p_w * im[i] + (1 - p_w) * im[i - 1]

        if im[i] != 0.0 and re[i] != 0.0:
            period[i] = 360 / arctan(im[i] / re[i])
        else:
            period[i] = 0

        if period[i] > 1.5 * period[i - 1]:
            period[i] = 1.5 * period[i - 1]
        if period[i] < 0.67 * period[i - 1]:
            period[i] = 0.67 * period[i - 1]
        if period[i] < 6:
            period[i] = 6
        if period[i] > 50:
            period[i] = 50

        period[i] = p_w * period[i] + (1 - p_w) * period[i - 1]
        smp[i] = smp_w * period[i] + smp_w_c * smp[i - 1]

        if i1[i] != 0.0:
            phase[i] = arctan(q1[i] / i1[i])

        dphase = phase[i - 1] - phase[i]
        if dphase < 1:
            dphase = 1

        alpha[i] = fastlimit / dphase
        if alpha[i] > fastlimit:
            alpha[i] = fastlimit
        if alpha[i] < slowlimit:
            alpha[i] = slowlimit

        mama[i] = alpha[i] * x[i] + (1 - alpha[i]) * mama[i - 1]
        fama[i] = 0.5 * alpha[i] * mama[i] + (1 - 0.5 * alpha[i]) * fama[i - 1]

    mama[:prenan], fama[:prenan] = nan, nan
    return mama, fama

# ---- harness (not part of the program) ----
import numpy as np

ENTRY = "np_mama"


def inputs():
    # what mama(close) passes with its defaults: close.values of 500 daily
    # closes (a geometric random walk from 100 with a slow cycle), fastlimit
    # 0.5, slowlimit 0.05, prenan 3
    rng = np.random.default_rng(0)
    n = 500
    t = np.arange(n)
    logp = np.cumsum(0.01 * rng.standard_normal(n)) + 0.05 * np.sin(2 * np.pi * t / 40)
    close = 100.0 * np.exp(logp)
    return (close, 0.5, 0.05, 3)

