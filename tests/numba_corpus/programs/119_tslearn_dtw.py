# Source: tslearn-team/tslearn tslearn/metrics/dtw_variants.py
# Licence: BSD-2-Clause (Copyright (c) 2017, Romain Tavenard)
# Notes: dynamic time warping score between two multivariate time series: np.full with np.inf, a mask tested with np.isfinite, a jitted squared-distance helper over array rows, builtin min of three array elements, cum_sum[1:, 1:] returned from a helper and indexed [-1, -1], @njit() with empty parentheses and @njit(nogil=True); the module's sklearn/tslearn imports (used only by the plain-Python wrappers) and the other DTW variants left out
import numpy
from numba import njit, prange

__author__ = 'Romain Tavenard romain.tavenard[at]univ-rennes2.fr'

GLOBAL_CONSTRAINT_CODE = {None: 0, "": 0, "itakura": 1, "sakoe_chiba": 2}


@njit()
def _local_squared_dist(x, y):
    dist = 0.
    for di in range(x.shape[0]):
        diff = (x[di] - y[di])
        dist += diff * diff
    return dist


@njit()
def njit_accumulated_matrix(s1, s2, mask):
    """Compute the accumulated cost matrix score between two time series.

    Parameters
    ----------
    s1 : array, shape = (sz1,)
        First time series.

    s2 : array, shape = (sz2,)
        Second time series

    mask : array, shape = (sz1, sz2)
        Mask. Unconsidered cells must have infinite values.

    Returns
    -------
    mat : array, shape = (sz1, sz2)
        Accumulated cost matrix.

    """
    l1 = s1.shape[0]
    l2 = s2.shape[0]
    cum_sum = numpy.full((l1 + 1, l2 + 1), numpy.inf)
    cum_sum[0, 0] = 0.

    for i in range(l1):
        for j in range(l2):
            if numpy.isfinite(mask[i, j]):
                cum_sum[i + 1, j + 1] = _local_squared_dist(s1[i], s2[j])
                cum_sum[i + 1, j + 1] += min(cum_sum[i, j + 1],
                                             cum_sum[i + 1, j],
                                             cum_sum[i, j])
    return cum_sum[1:, 1:]


@njit(nogil=True)
def njit_dtw(s1, s2, mask):
    """Compute the dynamic time warping score between two time series.

    Parameters
    ----------
    s1 : array, shape = (sz1,)
        First time series.

    s2 : array, shape = (sz2,)
        Second time series

    mask : array, shape = (sz1, sz2)
        Mask. Unconsidered cells must have infinite values.

    Returns
    -------
    dtw_score : float
        Dynamic Time Warping score between both time series.

    """
    cum_sum = njit_accumulated_matrix(s1, s2, mask)
    return numpy.sqrt(cum_sum[-1, -1])

# ---- harness (not part of the program) ----
import numpy as np

ENTRY = "njit_dtw"


def inputs():
    # what dtw(s1, s2, global_constraint="sakoe_chiba", sakoe_chiba_radius=5)
    # passes: two (sz, d) float64 series and compute_mask's band, 0 inside
    # and inf outside
    rng = np.random.default_rng(0)
    s1 = np.cumsum(rng.standard_normal((60, 2)), axis=0)
    s2 = np.cumsum(rng.standard_normal((70, 2)), axis=0)
    mask = np.zeros((60, 70))
    for i in range(60):
        for j in range(70):
            if abs(i * 69 / 59 - j) > 5:
                mask[i, j] = np.inf
    return (s1, s2, mask)
