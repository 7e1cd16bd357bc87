# Source: neurodata/hyppo hyppo/independence/dcorr.py (at commit 01e52f50)
# Licence: MIT (hyppo, LICENSE; Copyright (c) 2019 Neurodata)
# Notes: the (unbiased or biased) distance-correlation statistic of the Dcorr independence test (Szekely & Rizzo): _center_distmat double-centres an n x n distance matrix with np.repeat(...).reshape(-1, n).T of axis sums (the comment says sums replace means "because of numba restrictions"), a bool argument choosing two branches, np.fill_diagonal; _dcorr calls it twice, sums np.multiply(a, b.T), and returns `stat = 0` (an int) in one branch and covar / np.real(np.sqrt(varx * vary)) in the other; the Dcorr class (its _statistic/test methods, which build the distance matrices with hyppo's euclidean and run permutation or chi-square p-values) and the three relative imports only it uses are left out
import numpy as np
from numba import njit


@njit
def _center_distmat(distx, bias):  # pragma: no cover
    """Centers the distance matrices"""
    n = distx.shape[0]

    # double centered distance matrices
    if bias:
        # use sum instead of mean because of numba restrictions
        exp_distx = (
            np.repeat(distx.sum(axis=0) / n, n).reshape(-1, n).T
            + np.repeat(distx.sum(axis=1) / n, n).reshape(-1, n)
            - (distx.sum() / (n * n))
        )
    else:
        exp_distx = (
            np.repeat((distx.sum(axis=0) / (n - 2)), n).reshape(-1, n).T
            + np.repeat((distx.sum(axis=1) / (n - 2)), n).reshape(-1, n)
            - distx.sum() / ((n - 1) * (n - 2))
        )
    cent_distx = distx - exp_distx
    if not bias:
        np.fill_diagonal(cent_distx, 0)

    return cent_distx


@njit
def _dcorr(distx, disty, bias):  # pragma: no cover
    """Calculate the Dcorr test statistic"""
    # center distance matrices
    cent_distx = _center_distmat(distx, bias)
    cent_disty = _center_distmat(disty, bias)

    # calculate covariances and variances
    covar = np.sum(np.multiply(cent_distx, cent_disty.T))
    varx = np.sum(np.multiply(cent_distx, cent_distx.T))
    vary = np.sum(np.multiply(cent_disty, cent_disty.T))

    # stat is 0 with negative variances (would make denominator undefined)
    if varx <= 0 or vary <= 0:
        stat = 0

    # calculate generalized test statistic
    else:
        stat = covar / np.real(np.sqrt(varx * vary))

    return stat

# ---- harness (not part of the program) ----
ENTRY = "_dcorr"


def inputs():
    # Dcorr()._statistic(x, y) with the default euclidean distance: 120
    # paired samples, x in 3-D and y in 2-D depending on x nonlinearly plus
    # noise; the Euclidean distance matrices are built here as hyppo's
    # euclidean (sklearn pairwise_distances) does, unbiased statistic
    rng = np.random.default_rng(0)
    n = 120
    x = rng.standard_normal((n, 3))
    y = np.stack([np.sin(x[:, 0]) + 0.3 * rng.standard_normal(n),
                  x[:, 1] * x[:, 2] + 0.3 * rng.standard_normal(n)], axis=1)
    distx = np.sqrt(((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=-1))
    disty = np.sqrt(((y[:, None, :] - y[None, :, :]) ** 2).sum(axis=-1))
    return (distx, disty, False)
