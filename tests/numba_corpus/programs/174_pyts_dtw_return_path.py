# Source: johannfaouzi/pyts pyts/metrics/_dtw.py
# Licence: BSD-3-Clause (pyts; the file header: "License: BSD-3-Clause", Author: Johann Faouzi)
# Notes: optimal warping path of dynamic time warping, traced back from the bottom-right corner of an accumulated cost matrix: a list of (int, int) tuples started with one tuple and grown with append, `while path[-1] != (0, 0)` (tuple inequality), tuple unpacking of path[-1], a 3-element np.array built from chained indexing acc_cost_mat[i - 1][j - 1], np.argmin, then np.transpose(np.array(path)[::-1]) (an array from a list of tuples, reversed); an eager signature list of two strings ("int64[:,:](float64[:,:])" and the int64 variant) and numpy.typing annotations. The module's other functions (cost matrices with a first-class dist function, accumulated cost matrices, the region helpers and the dtw front-ends) and the imports only they use (collections.abc.Callable, math, typing.Any, numba.types, sklearn) left out (prange stays on the kept `from numba import njit, prange` line, unused here); inputs() builds the squared-difference cost matrix of two series and its accumulated cost matrix in NumPy, as dtw(..., method="classic", return_path=True) does before calling it
"""Code for Dynamic Time Warping and its variants."""

# Author: Johann Faouzi <johann.faouzi@gmail.com>
# License: BSD-3-Clause

import numpy as np
import numpy.typing as npt
from numba import njit, prange


@njit(
    [
        "int64[:,:](float64[:,:])",
        # The direct unit tests for this private helper pass a plain
        # integer array for ``acc_cost_mat`` (unlike the real caller,
        # ``_return_results``, which always passes the float64 output of
        # ``accumulated_cost_matrix``), so both are compiled eagerly.
        "int64[:,:](int64[:,:])",
    ]
)
def _return_path(
    acc_cost_mat: npt.NDArray[np.float64],
) -> npt.NDArray[np.int64]:
    n_timestamps_1, n_timestamps_2 = acc_cost_mat.shape
    path = [(n_timestamps_1 - 1, n_timestamps_2 - 1)]
    while path[-1] != (0, 0):
        i, j = path[-1]
        if i == 0:
            path.append((0, j - 1))
        elif j == 0:
            path.append((i - 1, 0))
        else:
            arr = np.array(
                [
                    acc_cost_mat[i - 1][j - 1],
                    acc_cost_mat[i - 1][j],
                    acc_cost_mat[i][j - 1],
                ]
            )
            argmin = np.argmin(arr)
            if argmin == 0:
                path.append((i - 1, j - 1))
            elif argmin == 1:
                path.append((i - 1, j))
            else:
                path.append((i, j - 1))
    return np.transpose(np.array(path)[::-1])

# ---- harness (not part of the program) ----
ENTRY = "_return_path"


def inputs():
    # two noisy, time-shifted sine waves of lengths 40 and 55: the squared
    # difference cost matrix and its accumulated cost matrix (first row and
    # column by cumsum, then cost + min of the three predecessors)
    rng = np.random.default_rng(0)
    x = np.sin(np.linspace(0.0, 2.0 * np.pi, 40)) + 0.1 * rng.standard_normal(40)
    y = np.sin(np.linspace(-0.5, 2.0 * np.pi, 55)) + 0.1 * rng.standard_normal(55)
    cost = (x[:, None] - y[None, :]) ** 2
    acc = np.empty_like(cost)
    acc[0] = np.cumsum(cost[0])
    acc[:, 0] = np.cumsum(cost[:, 0])
    for j in range(1, cost.shape[1]):
        for i in range(1, cost.shape[0]):
            acc[i, j] = cost[i, j] + min(acc[i - 1, j - 1], acc[i - 1, j], acc[i, j - 1])
    return (acc,)
