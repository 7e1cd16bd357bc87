# Source: TDAmeritrade/stumpy stumpy/core.py
# Licence: BSD-3-Clause (STUMPY; the file header: "Copyright 2019 TD Ameritrade. Released under the terms of the 3-Clause BSD license.")
# Notes: rolling variance of a 1-D series that ignores NaNs (a modified Welford update, restarted with np.nanmean/np.nanvar of the window slice wherever a window holds a NaN): fastmath given as a set of flag strings, a bool mask argument read with `not`; the module's other functions (and its relative import of config, which this one does not use) left out
# STUMPY
# Copyright 2019 TD Ameritrade. Released under the terms of the 3-Clause BSD license.  # noqa: E501
# STUMPY is a trademark of TD Ameritrade IP Company, Inc. All rights reserved.

import numpy as np
from numba import njit, prange
import tempfile
import math


@njit(fastmath={"nsz", "arcp", "contract", "afn", "reassoc"})
def _welford_nanvar(a, w, subseq_a_isfinite):
    """
    Compute the rolling variance for a 1-D array while ignoring NaNs using a modified
    version of Welford's algorithm but is much faster than using `np.nanstd` with stride
    tricks.

    Parameters
    ----------
    a : ndarray
        The input array

    w : ndarray
        The rolling window size

    Returns
    -------
    all_variances : ndarray
        Rolling window nanvar
    """
    all_variances = np.empty(a.shape[0] - w + 1, dtype=np.float64)
    prev_mean = 0.0
    prev_var = 0.0

    for start_idx in range(a.shape[0] - w + 1):
        prev_start_idx = start_idx - 1
        stop_idx = start_idx + w  # Exclusive index value
        last_idx = start_idx + w - 1  # Last inclusive index value

        if (
            start_idx == 0
            or not subseq_a_isfinite[prev_start_idx]
            or not subseq_a_isfinite[start_idx]
        ):
            curr_mean = np.nanmean(a[start_idx:stop_idx])
            curr_var = np.nanvar(a[start_idx:stop_idx])
        else:
            curr_mean = prev_mean + (a[last_idx] - a[prev_start_idx]) / w
            curr_var = (
                prev_var
                + (a[last_idx] - a[prev_start_idx])
                * (a[last_idx] - curr_mean + a[prev_start_idx] - prev_mean)
                / w
            )

        all_variances[start_idx] = curr_var

        prev_mean = curr_mean
        prev_var = curr_var

    return all_variances

# ---- harness (not part of the program) ----
ENTRY = "_welford_nanvar"


def inputs():
    # what welford_nanvar(a, w) passes: a random walk with a few NaNs,
    # window 25, and the per-window "all finite" mask it builds with
    # rolling_window (here with sliding_window_view)
    rng = np.random.default_rng(0)
    a = np.cumsum(rng.standard_normal(500))
    a[[40, 41, 200, 377]] = np.nan
    w = 25
    isfinite = np.all(np.isfinite(np.lib.stride_tricks.sliding_window_view(a, w)), axis=1)
    return (a, w, isfinite)
