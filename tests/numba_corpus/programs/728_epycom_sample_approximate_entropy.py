# Source: ICRC-BME/epycom epycom/univariate/sample_entropy.py and epycom/univariate/approximate_entropy.py, the Numba versions as vendored in nstene/SleepSEEG (sample_entropy.py at commit 10d60682, approximate_entropy.py at commit 9601b89a)
# Licence: BSD-3-Clause (epycom, file headers "Distributed under the (new) BSD License"; Copyright (c) St. Anne's University Hospital in Brno, International Clinical Research Center, Biomedical Engineering; Institute of Scientific Instruments of the CAS)
# Notes: EpyCom (EEG/iEEG feature extraction) sample entropy and approximate entropy of a signal: eagerly compiled kernels with signature strings ('f8(f8[:], f8[:])', 'f8(f8[:], f8, i8)', 'f8(i8, i8, f8, f8[:])') and cache=True; a Chebyshev-distance helper _maxdist with an int accumulator that becomes a float, template matrices built with np.full((n, m), np.inf, dtype='float64') and row assignment from signal slices, r scaled by np.nanstd, pairwise template counting in nested loops, iteration over the rows of a 2-D array (for x_i in x), chained assignment `iterator = cnt = 0`, a trailing slice C[:iterator] and np.log of a ratio of int counts; the Python wrappers cast with .astype(float), float() and int(). Pasted: both modules (their shared _maxdist helper once, from the sample-entropy module, identical in both), without `from ..utils.method import Method` and the SampleEntropy/ApproximateEntropy Method subclasses (epycom's windowing framework, not installed). The harness follows the package's tests (ApproximateEntropy(r=0.223, m=2), SampleEntropy(r=0.402, m=2) on windows of a test signal) on windows of a deterministic noisy multi-sine signal at several m and r
# -*- coding: utf-8 -*-
# Copyright (c) St. Anne's University Hospital in Brno. International Clinical
# Research Center, Biomedical Engineering;
# Institute of Scientific Instruments of the CAS, v. v. i., Medical signals -
# Computational neuroscience. All Rights Reserved.
# Distributed under the (new) BSD License. See LICENSE.txt for more info.

# Std imports
import warnings

# Third party imports
import numpy as np
from numba import njit


@njit('f8(f8[:], f8[:])', cache=True)
def _maxdist(x_i, x_j):
    dist = 0

    leni = len(x_i)
    lenj = len(x_j)

    if leni < lenj:
        n = len(x_i)
    else:
        n = len(x_j)

    for ua in range(n):
        if abs(x_i[ua] - x_j[ua]) > dist:
            dist = abs(x_i[ua] - x_j[ua])

    return dist


@njit('f8(f8[:], f8, i8)', cache=True)
def _compute_sample_entropy(sig, r, m):
    N = sig.shape[0]
    R = r*np.nanstd(sig)
    xlen = N - m

    # Preparing vectors x_B, for calculating denominator
    x_B = np.full((xlen + 1, m), np.inf, dtype='float64')
    for i in range(xlen + 1):
        x_B[i] = sig[i: i + m]

    # Save all matches, compute B
    B = 0
    lenB = len(x_B)
    for i in range(lenB):
        for j in range(i+1, lenB):
            if _maxdist(x_B[i], x_B[j]) <= R:
                B += 1

    # Same for computing nominator A, now with m +=1
    m += 1
    x_A = np.full((N - m + 1, m), np.inf, dtype='float64')
    for i in range(N - m + 1):
        x_A[i] = sig[i: i + m]

    A = 0
    lenA = len(x_A)
    for i in range(lenA):
        for j in range(i+1, lenA):
            if _maxdist(x_A[i], x_A[j]) <= R:
                A += 1

    return -np.log(A / B)

def compute_sample_entropy(sig, r=0.1, m=2):
    """
       Function to compute sample entropy

       Parameters
       ----------
       sig: np.ndarray
           1D signal
       r: np.float64
           filtering threshold, recommended values: 0.1-0.25
       m: int
           window length of compared run of data, recommended (2-8)

       Returns
       -------
       entropy: numpy.float64 (computed as -np.log(A / B))
           approximate entropy

       Example
       -------
       sample_entropy = compute_sample_entropy(data, 0.1, 2)
    """

    # Check the length of the signal with regard to m
    if len(sig) < 100:
        warnings.warn(RuntimeWarning,
                      """The length of the signal is smaller than 400
                       the result might not make sense""")

    return _compute_sample_entropy(sig.astype(float), float(r), int(m))


# ---- epycom/univariate/approximate_entropy.py ----

@njit('f8(i8, i8, f8, f8[:])', cache=True)
def _phi_jitted(m, N, r, sig):
    z = N - m + 1

    xlen = N - m + 1
    x = np.full((xlen, m), np.inf, dtype='float64')

    # Sampling the signal
    for i in range(xlen):
        x[i] = sig[i: i + m]

    C = np.full(len(sig), np.inf, dtype='float64')
    iterator = cnt = 0
    for x_i in x:
        for x_j in x:
            if _maxdist(x_i, x_j) <= r:
                cnt += 1
        C[iterator] = cnt / (N - m + 1.0)
        cnt = 0
        iterator += 1

    C = C[:iterator]

    phi = 0
    for c in C:
        phi = phi+np.log(c)

    return phi/z


@njit('f8(f8[:], f8, i8)', cache=True)
def _compute_approximate_entropy(sig, r, m):
    N = sig.shape[0]
    r = r*np.nanstd(sig)
    return abs(_phi_jitted(m + 1, N, r, sig) - _phi_jitted(m, N, r, sig))

def compute_approximate_entropy(sig, r=0.1, m=2):
    """
    Function computes approximate entropy of given signal

    Parameters
    ----------
    sig: np.ndarray
        1D signal
    r: np.float64
        filtering threshold, recommended values: 0.1-0.25
    m: int
        window length of compared run of data, recommended (2-8)

    Returns
    -------
    entro: numpy.float64
        approximate entropy

    Example
    -------
    signal_entropy = compute_approximate_entropy(data, 0.1, 2)
    """

    return _compute_approximate_entropy(sig.astype(float), float(r), int(m))


# ---- harness (not part of the program) ----
ENTRY = "epycom_entropies"


def epycom_entropies(sig):
    out = {}
    windows = [sig[k * 500:(k + 1) * 500] for k in range(3)]
    out["sampen"] = np.array([compute_sample_entropy(w, 0.402, 2) for w in windows])
    out["apen"] = np.array([compute_approximate_entropy(w, 0.223, 2) for w in windows])
    out["sampen_m3"] = compute_sample_entropy(windows[0], 0.2, 3)
    out["apen_m1"] = compute_approximate_entropy(windows[1], 0.15, 1)
    out["sampen_int"] = compute_sample_entropy(np.round(windows[2] * 10).astype(np.int64), 0.3, 2)
    out["maxdist"] = _maxdist(sig[:5], sig[10:13])
    return out


def inputs():
    rng = np.random.default_rng(0)
    t = np.arange(1500) / 500.0
    sig = (np.sin(2 * np.pi * 7 * t) + 0.5 * np.sin(2 * np.pi * 23 * t + 0.3)
           + 0.4 * rng.standard_normal(t.size))
    return (sig,)
