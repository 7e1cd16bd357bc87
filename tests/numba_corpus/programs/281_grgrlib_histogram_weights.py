# Source: gboehl/grgrlib grgrlib/njitted.py (at commit 2077bf6b)
# Licence: MIT (grgrlib, setup.py at commit acfdce96: license='MIT'; Gregor Boehl)
# Notes: weighted histogram by sorting and cumulative sums, a helper of Gregor Boehl's toolbox for DSGE estimation and filtering: histogram_weights (@njit(nogil=True, cache=True)) argsorts the sample, fancy-indexes the values and weights with the permutation, prepends a zero to the cumulative weights with np.hstack((np.zeros(1), sw.cumsum())), finds the bin boundaries with two np.searchsorted calls taking the side as a positional argument ('left' for all edges but the last, 'right' for bins[-1:]) joined by np.hstack, and returns np.diff of the cumulative weights at those positions together with the bins (a tuple). The module is pasted with its module constants (SQRT2, SQRT2exp from np.sqrt/np.exp at import) and its other jitted helpers (subt, cholesky, normal_cdf with math.erfc, normal_pdf), which are not called; left out: numba_rand_norm, which draws np.random.normal inside the jitted code
#!/bin/python
# -*- coding: utf-8 -*-

import numpy as np
from numba import njit
from math import erfc


SQRT2 = np.sqrt(2.0)
SQRT2exp = np.sqrt(2.0 * np.exp(1))


@njit(nogil=True, cache=True)
def subt(A, B):
    res = A
    for i in range(len(A)):
        for j in range(len(A)):
            res[i][j] = A[i][j] - B[i][j]
    return res


@njit(nogil=True, cache=True)
def cholesky(A):
    """Performs a Cholesky decomposition of on symmetric, pos-def A. Returns lower-triangular L (full sized, zeroed above diag)"""
    n = A.shape[0]
    L = np.zeros_like(A)

    # Perform the Cholesky decomposition
    for row in range(n):
        for col in range(row + 1):
            tmp_sum = np.dot(L[row, :col], L[col, :col])
            if row == col:  # Diagonal elements
                L[row, col] = np.sqrt(max(A[row, row] - tmp_sum, 0))
            elif np.abs(L[col, col]) < 1e-5:
                L[row, col] = 0
            else:
                L[row, col] = (1.0 / L[col, col]) * (A[row, col] - tmp_sum)
    return L


@njit(nogil=True, cache=True)
def normal_cdf(x, mu, sig):
    return erfc((mu - x) / sig / SQRT2) / 2.0


@njit(nogil=True, cache=True)
def normal_pdf(x, mu, sig):
    return 1 / (sig * SQRT2exp) * np.exp(-0.5 * ((x - mu) / sig) ** 2)


@njit(nogil=True, cache=True)
def histogram_weights(a, bins, weights):

    sorting_index = np.argsort(a)
    sa = a[sorting_index]
    sw = weights[sorting_index]
    cw = np.hstack((np.zeros(1), sw.cumsum()))

    bin_index = np.hstack((
        np.searchsorted(sa, bins[:-1], 'left'),
        np.searchsorted(sa, bins[-1:], 'right')
    ))

    cum_n = cw[bin_index]

    n = np.diff(cum_n)

    return n, bins
# ---- harness (not part of the program) ----
ENTRY = "histogram_weights"


def inputs():
    # 2000 particles of a particle filter with normalised importance weights
    # and 40 equal-width bins over their range (the weighted histogram of a
    # filtered state distribution); values are distinct, so the sort order is
    # unique
    rng = np.random.default_rng(0)
    a = rng.normal(0.5, 1.5, 2000)
    w = np.exp(-0.5 * (a - 1.0) ** 2)
    weights = w / w.sum()
    bins = np.linspace(a.min(), a.max(), 41)
    return (a, bins, weights)
