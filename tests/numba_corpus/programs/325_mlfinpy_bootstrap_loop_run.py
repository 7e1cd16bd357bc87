# Source: baobach/mlfinpy mlfinpy/sampling/bootstrapping.py (at commit 0acfe07d)
# Licence: MIT (mlfinpy, LICENSE; Copyright (c) 2024, Robert Bach)
# Notes: one step of sequential bootstrapping of overlapping labels (financial machine learning, Lopez de Prado's Advances in Financial Machine Learning, snippet 4.5): _bootstrap_loop_run (@njit(parallel=True)) loops over the labels with prange, takes each label's column of the integer bar-by-label indicator matrix, and over the bars where the label is active updates a running mean of the uniqueness 1 / (1 + concurrency so far) (integer and float accumulators, average_uniqueness first bound inside the if), writing the label's average uniqueness into a float64 array. Pasted: the module docstring, the numpy and numba imports and _bootstrap_loop_run; left out: the pandas and typing imports and the plain-Python get_ind_matrix, get_ind_mat_average_uniqueness, get_ind_mat_label_uniqueness and seq_bootstrap (which draws from the resulting probabilities with a RandomState); the harness passes what seq_bootstrap passes after four warm-up draws: an int64 indicator matrix of 60 labels spanning 1 to 12 of 150 bars (as get_ind_matrix builds from triple-barrier events) and the accumulated concurrency of the drawn labels 3, 17, 17 and 42
"""
Logic regarding sequential bootstrapping from chapter 4.
"""

import numpy as np
from numba import njit, prange


@njit(parallel=True)
def _bootstrap_loop_run(
    ind_mat: np.ndarray, prev_concurrency: np.ndarray
) -> np.ndarray:
    """
    Part of Sequential Bootstrapping for-loop. Using previously accumulated concurrency array, loops through all samples
    and generates averages uniqueness array of label based on previously accumulated concurrency

    Parameters
    ----------
    ind_mat : np.ndarray
        Indicator matrix from get_ind_matrix function.
    prev_concurrency : np.ndarray
        Accumulated concurrency from previous iterations of sequential bootstrapping.

    Returns
    -------
    avg_unique : np.ndarray
        Label average uniqueness based on prev_concurrency.
    """
    avg_unique = np.zeros(
        ind_mat.shape[1], dtype=np.float64
    )  # Array of label uniqueness

    for i in prange(ind_mat.shape[1]):  # pylint: disable=not-an-iterable
        prev_average_uniqueness = 0
        number_of_elements = 0
        reduced_mat = ind_mat[:, i]
        for j in range(len(reduced_mat)):  # pylint: disable=consider-using-enumerate
            if reduced_mat[j] > 0:
                new_el = reduced_mat[j] / (reduced_mat[j] + prev_concurrency[j])
                average_uniqueness = (
                    prev_average_uniqueness * number_of_elements + new_el
                ) / (number_of_elements + 1)
                number_of_elements += 1
                prev_average_uniqueness = average_uniqueness
        avg_unique[i] = average_uniqueness
    return avg_unique
# ---- harness (not part of the program) ----
ENTRY = "_bootstrap_loop_run"


def inputs():
    # 60 labels over 150 bars, each label active from its start bar to an
    # end bar 0..11 bars later (get_ind_matrix's ones from label_index to
    # label_endtime); concurrency accumulated from 4 warm-up draws
    rng = np.random.default_rng(0)
    n_bars, n_labels = 150, 60
    starts = np.sort(rng.integers(0, n_bars - 12, n_labels))
    ends = starts + rng.integers(0, 12, n_labels)
    ind_mat = np.zeros((n_bars, n_labels), dtype=np.int64)
    for k in range(n_labels):
        ind_mat[starts[k]:ends[k] + 1, k] = 1
    prev_concurrency = np.zeros(n_bars, dtype=np.float64)
    for choice in (3, 17, 17, 42):
        prev_concurrency += ind_mat[:, choice]
    return (ind_mat, prev_concurrency)
