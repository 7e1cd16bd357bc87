# Source: tslearn-team/tslearn tslearn/metrics/dtw_variants.py
# Licence: BSD-2-Clause (tslearn, LICENSE; Copyright (c) 2017, Romain Tavenard)
# Notes: longest common subsequence (LCSS) similarity of two multivariate time series: an integer DP table from numpy.full(..., 0), a jitted squared-distance helper on rows, a mask of finite cells, chained acc[i][j] indexing, float() of a table entry divided by min() of a list (the module's sklearn/tslearn imports, used only by non-jitted functions, left out)
import numpy
from numba import njit, prange


@njit()
def _local_squared_dist(x, y):
    dist = 0.
    for di in range(x.shape[0]):
        diff = (x[di] - y[di])
        dist += diff * diff
    return dist


@njit(nogil=True)
def njit_lcss_accumulated_matrix(s1, s2, eps, mask):
    """Compute the longest common subsequence similarity score between
    two time series.

    Parameters
    ----------
    s1 : array, shape = (sz1,)
        First time series.

    s2 : array, shape = (sz2,)
        Second time series.

    eps : float
        Matching threshold.

    mask : array, shape = (sz1, sz2)
        Mask. Unconsidered cells must have infinite values.

    Returns
    -------
    lcss_score : float
        Longest Common Subsequence similarity score between both time series.

    """
    l1 = s1.shape[0]
    l2 = s2.shape[0]
    acc_cost_mat = numpy.full((l1 + 1, l2 + 1), 0)

    for i in range(1, l1 + 1):
        for j in range(1, l2 + 1):
            if numpy.isfinite(mask[i - 1, j - 1]):
                if numpy.sqrt(_local_squared_dist(s1[i - 1], s2[j - 1])) <= eps:
                    acc_cost_mat[i][j] = 1 + acc_cost_mat[i - 1][j - 1]
                else:
                    acc_cost_mat[i][j] = max(acc_cost_mat[i][j - 1],
                                             acc_cost_mat[i - 1][j])

    return acc_cost_mat


@njit(nogil=True)
def njit_lcss(s1, s2, eps, mask):
    """Compute the longest common subsequence score between two time series.

    Parameters
    ----------
    s1 : array, shape = (sz1,)
        First time series.

    s2 : array, shape = (sz2,)
        Second time series

    eps : float (default: 1.)
        Maximum matching distance threshold.

    mask : array, shape = (sz1, sz2)
        Mask. Unconsidered cells must have infinite values.

    Returns
    -------
    lcss_score : float
        Longest Common Subsquence score between both time series.
    """
    l1 = s1.shape[0]
    l2 = s2.shape[0]
    acc_cost_mat = njit_lcss_accumulated_matrix(s1, s2, eps, mask)

    return float(acc_cost_mat[-1][-1]) / min([l1, l2])

# ---- harness (not part of the program) ----
ENTRY = "njit_lcss"


def inputs():
    # two 2-D time series of lengths 150 and 180 (a noisy resampled copy),
    # eps=0.3, and compute_mask's all-zero mask (no global constraint)
    rng = numpy.random.default_rng(0)
    t1 = numpy.linspace(0, 6, 150)
    t2 = numpy.linspace(0, 6, 180)
    s1 = numpy.column_stack((numpy.sin(t1), numpy.cos(2 * t1)))
    s2 = numpy.column_stack((numpy.sin(t2), numpy.cos(2 * t2))) + 0.2 * rng.standard_normal((180, 2))
    mask = numpy.zeros((150, 180))
    return (s1, s2, 0.3, mask)

