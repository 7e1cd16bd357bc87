# Source: TDAmeritrade/stumpy stumpy/core.py
# Licence: BSD-3-Clause (STUMPY; the file header: "Copyright 2019 TD Ameritrade. Released under the terms of the 3-Clause BSD license.")
# Notes: split the diagonals of a matrix-profile distance matrix into balanced chunks, one per thread: _count_diagonal_ndist (parallel=True, fastmath=True, prange, builtin min) counts the distances on each diagonal; _get_array_ranges (a bool default argument) splits them by cumsum / sum, np.linspace(...)[1:-1], np.searchsorted, column slices assigned into an int64 table, np.diff, np.any, np.argmin; inputs() gets the counts from the jitted _count_diagonal_ndist and the entry _get_array_ranges splits them, as stumpy's _stump does; the module's other functions and its relative import of config left out
# STUMPY
# Copyright 2019 TD Ameritrade. Released under the terms of the 3-Clause BSD license.  # noqa: E501
# STUMPY is a trademark of TD Ameritrade IP Company, Inc. All rights reserved.

import numpy as np
from numba import njit, prange
import tempfile
import math


@njit(parallel=True, fastmath=True)
def _count_diagonal_ndist(diags, m, n_A, n_B):
    """
    Count the number of distances that would be computed for each diagonal index
    referenced in `diags`

    Parameters
    ----------
    m : int
        Window size

    n_A : ndarray
        The length of time series `T_A`

    n_B : ndarray
        The length of time series `T_B`

    diags : ndarray
        The diagonal indices of interest

    Returns
    -------
    diag_ndist_counts : ndarray
        Counts of distances computed along each diagonal of interest
    """
    diag_ndist_counts = np.zeros(diags.shape[0], dtype=np.int64)
    for diag_idx in prange(diags.shape[0]):
        k = diags[diag_idx]
        if k >= 0:
            diag_ndist_counts[diag_idx] = min(n_B - m + 1 - k, n_A - m + 1)
        else:
            diag_ndist_counts[diag_idx] = min(n_B - m + 1, n_A - m + 1 + k)

    return diag_ndist_counts


@njit()
def _get_array_ranges(a, n_chunks, truncate=False):
    """
    Given an input array, split it into `n_chunks`.

    Parameters
    ----------
    a : ndarray
        An array to be split

    n_chunks : int
        Number of chunks to split the array into

    truncate : bool
        If `truncate=True`, truncate the rows of `array_ranges` if there are not enough
        elements in `a` to be chunked up into `n_chunks`.  Otherwise, if
        `truncate=False`, all extra chunks will have their start and stop indices set
        to `a.shape[0]`.

    Returns
    -------
    array_ranges : ndarray
        A two column array where each row consists of a start and (exclusive) stop index
        pair. The first column contains the start indices and the second column
        contains the stop indices.
    """
    array_ranges = np.zeros((n_chunks, 2), np.int64)
    cumsum = a.cumsum() / a.sum()
    insert = np.linspace(0, 1, n_chunks + 1)[1:-1]
    idx = 1 + np.searchsorted(cumsum, insert)
    array_ranges[1:, 0] = idx  # Fill the first column with start indices
    array_ranges[:-1, 1] = idx  # Fill the second column with exclusive stop indices
    array_ranges[-1, 1] = a.shape[0]  # Handle the stop index for the final chunk

    diff_idx = np.diff(idx)
    if np.any(diff_idx == 0):
        row_truncation_idx = np.argmin(diff_idx) + 2
        array_ranges[row_truncation_idx:, 0] = a.shape[0]
        array_ranges[row_truncation_idx - 1 :, 1] = a.shape[0]
        if truncate:
            array_ranges = array_ranges[:row_truncation_idx]

    return array_ranges

# ---- harness (not part of the program) ----
ENTRY = "_get_array_ranges"


def inputs():
    # what stumpy's _stump does for a self-join of a length-1000 series with
    # m=50 split over 8 threads: the diagonals past the exclusion zone,
    # their distance counts from the jitted _count_diagonal_ndist
    n, m = 1000, 50
    excl_zone = int(np.ceil(m / 4))
    diags = np.arange(excl_zone + 1, n - m + 1, dtype=np.int64)
    counts = _count_diagonal_ndist(diags, m, n, n)
    return (counts, 8)
