# Source: johannfaouzi/pyts pyts/image/_mtf.py
# Licence: BSD-3-Clause (pyts; the file header: "License: BSD-3-Clause", Author: Johann Faouzi)
# Notes: Markov transition field image of binned time series (Wang & Oates), aggregated to a smaller image without building the full field: eager signature strings (one split over two adjacent string literals), numpy.typing annotations on the parameters and return, prange loops without parallel=True, += into a 3-D count array indexed by array elements, total / count with count an int; _markov_transition_matrix counts the transitions (inputs() calls it and normalises the rows as MarkovTransitionField.transform does) and the entry _aggregated_markov_transition_field_fused averages the windows; the module's other functions, the estimator class and the imports only they use (math.ceil, typing.Self, sklearn, pyts) left out
"""Code for Markov Transition Field."""

# Author: Johann Faouzi <johann.faouzi@gmail.com>
# License: BSD-3-Clause

import numpy as np
import numpy.typing as npt
from numba import njit, prange


@njit("float64[:,:,:](int64[:,:], int64, int64, int64)")
def _markov_transition_matrix(
    X_binned: npt.NDArray[np.int64],
    n_samples: int,
    n_timestamps: int,
    n_bins: int,
) -> npt.NDArray[np.float64]:
    X_mtm = np.zeros((n_samples, n_bins, n_bins))
    for i in prange(n_samples):
        for j in prange(n_timestamps - 1):
            X_mtm[i, X_binned[i, j], X_binned[i, j + 1]] += 1
    return X_mtm


# ``X_binned`` (from ``KBinsDiscretizer``) is always int64 and ``X_mtm``
# (from ``_markov_transition_matrix``) is always float64 in this function's
# only call site (``MarkovTransitionField.transform``), so a single
# signature suffices -- unlike ``_aggregated_markov_transition_field``
# above, this one is not directly unit-tested with other dtype
# combinations.
@njit(
    "float64[:,:,:](int64[:,:], float64[:,:,:], int64, int64, int64[:], "
    "int64[:])"
)
def _aggregated_markov_transition_field_fused(
    X_binned: npt.NDArray[np.int64],
    X_mtm: npt.NDArray[np.float64],
    n_samples: int,
    image_size: int,
    start: npt.NDArray[np.int64],
    end: npt.NDArray[np.int64],
) -> npt.NDArray[np.float64]:
    """Aggregate the Markov transition field without ever materializing
    the full (n_samples, n_timestamps, n_timestamps) field that
    ``_markov_transition_field`` would build: each aggregated pixel is a
    mean over ``X_mtm[i, X_binned[i, row], X_binned[i, col]]`` for
    ``row``/``col`` in its window, computed directly instead of first
    writing every (row, col) entry into a full-size intermediate and then
    reducing it away.
    """
    X_amtf = np.empty((n_samples, image_size, image_size))
    for i in prange(n_samples):
        for j in prange(image_size):
            for k in prange(image_size):
                total = 0.0
                count = 0
                for row in range(start[j], end[j]):
                    binned_row = X_binned[i, row]
                    for col in range(start[k], end[k]):
                        total += X_mtm[i, binned_row, X_binned[i, col]]
                        count += 1
                X_amtf[i, j, k] = total / count
    return X_amtf

# ---- harness (not part of the program) ----
ENTRY = "_aggregated_markov_transition_field_fused"


def inputs():
    # MarkovTransitionField(image_size=16, n_bins=5).transform(X) on 4 random
    # walks of length 96: quantile bins per sample (as KBinsDiscretizer's
    # 'quantile' strategy), the row-normalised transition matrices from the
    # jitted _markov_transition_matrix, and non-overlapping windows of 6
    rng = np.random.default_rng(0)
    n_samples, n_timestamps, n_bins, image_size = 4, 96, 5, 16
    X = np.cumsum(rng.standard_normal((n_samples, n_timestamps)), axis=1)
    X_binned = np.empty((n_samples, n_timestamps), dtype=np.int64)
    for i in range(n_samples):
        edges = np.quantile(X[i], np.linspace(0, 1, n_bins + 1)[1:-1])
        X_binned[i] = np.searchsorted(edges, X[i], side="right")
    X_mtm = _markov_transition_matrix(X_binned, n_samples, n_timestamps, n_bins)
    sum_mtm = X_mtm.sum(axis=2)
    np.place(sum_mtm, sum_mtm == 0, 1)
    X_mtm /= sum_mtm[:, :, None]
    window_size = n_timestamps // image_size
    start = np.arange(0, n_timestamps, window_size, dtype="int64")
    end = start + window_size
    return (X_binned, X_mtm, n_samples, image_size, start, end)
