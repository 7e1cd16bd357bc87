# Source: ratt-ru/QuartiCal quartical/utils/maths.py (at commit 3f3785d4)
# Licence: MIT (QuartiCal, LICENSE; Copyright (c) 2022 Jonathan Simon Kenyon)
# Notes: small numeric helpers of the QuartiCal radio-interferometric calibration package: |z|^2 and |z| of complex gains/visibilities as NumPy ufuncs built by @nb.vectorize with an explicit signature list [nb.float64(nb.complex128), nb.float32(nb.complex64)] (so complex64 input gives float32 output and the result is a fresh contiguous array, used on non-contiguous views), and a grouped mean (sum and count per integer label, as used to average solutions per interval) under @jit(nopython=True, fastmath=True, parallel=False, cache=True, nogil=True) with np.zeros(np.max(inds) + 1, dtype=arr.dtype), np.zeros_like, a scatter-add loop and an array division; Pasted: the module's imports (numba as nb, numpy, jit, math) and cabs2, cabs and mean_for_index as published; left out: the plain-Python helpers of the module (gcd, arr_gcd, fit_hyperplane, matern52, kron_matvec, kron_tensorvec, pcg); the harness applies cabs2/cabs to a complex128 gain array (4 x 6 x 3), to a strided view of it, to a complex64 array and to a scalar, and averages 40 random values over 7 labels (every label present), for float64 and complex128 values
import numba as nb
import numpy as np
from numba import jit
import math


@nb.vectorize([nb.float64(nb.complex128), nb.float32(nb.complex64)])
def cabs2(x):
    """Fast abs^2 for complex numbers which returns a contiguous array."""
    return x.real**2 + x.imag**2


@nb.vectorize([nb.float64(nb.complex128), nb.float32(nb.complex64)])
def cabs(x):
    """Fast abs for complex numbers which returns a contiguous array."""
    return np.sqrt(x.real**2 + x.imag**2)


@jit(nopython=True, fastmath=True, parallel=False, cache=True, nogil=True)
def mean_for_index(arr, inds):

    sums = np.zeros(np.max(inds) + 1, dtype=arr.dtype)
    counts = np.zeros_like(sums)

    for i in range(arr.size):
        ind = inds[i]
        sums[ind] += arr[i]
        counts[ind] += 1

    return sums/counts
# ---- harness (not part of the program) ----
ENTRY = "run_helpers"


def run_helpers(gains, gains64, values, cvalues, labels):
    view = gains[:, ::2, 1]
    return (cabs2(gains), cabs(gains), cabs2(view), cabs(view),
            cabs2(gains64), cabs(gains64), cabs2(3.0 - 4.0j), cabs(3.0 - 4.0j),
            mean_for_index(values, labels), mean_for_index(cvalues, labels))


def inputs():
    rng = np.random.default_rng(0)
    gains = rng.normal(size=(4, 6, 3)) + 1j * rng.normal(size=(4, 6, 3))
    gains64 = gains.astype(np.complex64)
    values = rng.normal(size=40)
    cvalues = values + 1j * rng.normal(size=40)
    labels = np.concatenate((np.arange(7), rng.integers(0, 7, 33)))
    return (gains, gains64, values, cvalues, labels)
