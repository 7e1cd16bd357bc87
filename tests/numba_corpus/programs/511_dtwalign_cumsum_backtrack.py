# Source: statefb/dtwalign dtwalign/cost.py and dtwalign/backtrack.py (at commit 1b2afe94)
# Licence: MIT (dtwalign, LICENSE.txt; Copyright 2018 statefb)
# Notes: dynamic time warping with general step patterns and global windows, as dtwalign computes it (time series alignment): _calc_cumsum_matrix_jit (@jit(nopython=True)) fills the accumulated cost matrix cell by cell over an explicit window list (int64 (cells, 2) array), evaluating for every step pattern of a 3-D pattern array (pattern x step x [di, dj, weight]) the weighted local costs and the predecessor's accumulated cost, with np.inf for steps that leave the matrix, `if i == j == 0` chained comparison and an optional open begin that prepends a zero row with np.vstack and shifts the window in place (w_list[:, 0] += 1); _backtrack_jit (@jit(nopython=True), default argument last_idx=-1) walks back from the end (or an open-end column) choosing the cheapest pattern with np.argmin, stops when all candidates are inf ((D_cache == np.inf).all()), and grows the path with np.vstack of the local steps from _get_local_path (np.where on the weight column, a (ii, jj) tuple assigned into an array row, reversed slices). Pasted: both modules whole; the harness builds the symmetric2 and symmetricP05 step-pattern arrays as step_pattern.BasePattern._get_array does, a Sakoe-Chiba window list for a 120 x 100 cross-distance matrix of two noisy sine sequences, and aligns them closed-end with both patterns and open-begin/open-end with symmetric2 (end column chosen as dtwalign's open_end does from the N+M-normalised last row)
# -*- coding: utf-8 -*-
"""Cost matrix computation."""

import numpy as np
from numba import jit


@jit(nopython=True)
def _calc_cumsum_matrix_jit(X, w_list, p_ar, open_begin):
    """Fast implementation by numba.jit."""
    len_x, len_y = X.shape
    # cumsum matrix
    D = np.ones((len_x, len_y), dtype=np.float64) * np.inf

    if open_begin:
        X = np.vstack((np.zeros((1, X.shape[1])), X))
        D = np.vstack((np.zeros((1, D.shape[1])), D))
        w_list[:, 0] += 1

    # number of patterns
    num_pattern = p_ar.shape[0]
    # max pattern length
    max_pattern_len = p_ar.shape[1]
    # pattern cost
    pattern_cost = np.zeros(num_pattern, dtype=np.float64)
    # step cost
    step_cost = np.zeros(max_pattern_len, dtype=np.float64)
    # number of cells
    num_cells = w_list.shape[0]

    for cell_idx in range(num_cells):
        i = w_list[cell_idx, 0]
        j = w_list[cell_idx, 1]
        if i == j == 0:
            D[i, j] = X[0, 0]
            continue

        for pidx in range(num_pattern):
            # calculate local cost for each pattern
            for sidx in range(1, max_pattern_len):
                # calculate step cost of pair-wise cost matrix
                pattern_index = p_ar[pidx, sidx, 0:2]
                ii = int(i + pattern_index[0])
                jj = int(j + pattern_index[1])
                if ii < 0 or jj < 0:
                    step_cost[sidx] = np.inf
                    continue
                else:
                    step_cost[sidx] = X[ii, jj] \
                        * p_ar[pidx, sidx, 2]

            pattern_index = p_ar[pidx, 0, 0:2]
            ii = int(i + pattern_index[0])
            jj = int(j + pattern_index[1])
            if ii < 0 or jj < 0:
                pattern_cost[pidx] = np.inf
                continue

            pattern_cost[pidx] = D[ii, jj] \
                + step_cost.sum()

        min_cost = pattern_cost.min()
        if min_cost != np.inf:
            D[i, j] = min_cost

    return D
# -*- coding: utf-8 -*-
"""Backtracking implementation."""

import numpy as np
from numba import jit


@jit(nopython=True)
def _backtrack_jit(D, p_ar, last_idx=-1):
        """Fast implementation by numba.jit.

        D : 2D array
            cumsum cost matrix
        p_ar : 3D array
            step pattern array (see step_pattern.py)
        """
        # number of patterns
        num_pattern = p_ar.shape[0]
        # initialize index
        i, j = D.shape
        i -= 1
        if last_idx == -1:
            j -= 1
        else:
            j = last_idx
        # alignment path
        path = np.array(((i, j),), dtype=np.int64)
        # cache to memorize D
        D_cache = np.ones(num_pattern, dtype=np.float64) * np.inf

        while True:
            if i == 0 and j == 0:
                break
            for pidx in range(num_pattern):
                # get D value corresponds to end of pattern node
                pattern_index = p_ar[pidx, 0, 0:2]
                ii = int(i + pattern_index[0])
                jj = int(j + pattern_index[1])
                if ii < 0 or jj < 0:
                    D_cache[pidx] = np.inf
                else:
                    D_cache[pidx] = D[ii, jj]

            if (D_cache == np.inf).all():
                # break if there is no direction can be taken
                break

            # find path minimize D_chache
            min_pattern_idx = np.argmin(D_cache)
            # get where pattern passed
            path_to_add = _get_local_path(D, p_ar[min_pattern_idx, :, :], i, j)
            # concatenate
            path = np.vstack((path, path_to_add))

            i += p_ar[min_pattern_idx, 0, 0]
            j += p_ar[min_pattern_idx, 0, 1]

        return path[::-1]


@jit(nopython=True)
def _get_local_path(D, p_ar, i, j):
    """Helper function to get local path.
    D : cumsum matrix
    p_ar : array of pattern that minimize D at i,j
    """
    weight_col = p_ar[:, 2]
    step_selector = np.where(weight_col != 0)[0]
    # note: starting point of pattern was already added
    step_selector = step_selector[:-1]
    # initialize local path
    local_path = np.ones((step_selector.size, 2),
        dtype=np.int64) * -1
    for sidx in step_selector:
        # memorize where passed
        pattern_index = p_ar[sidx, 0:2]

        ii = int(i + pattern_index[0])
        jj = int(j + pattern_index[1])

        local_path[sidx, :] = (ii, jj)
    return local_path[::-1]
# ---- harness (not part of the program) ----
ENTRY = "align"

_SYMMETRIC2 = [dict(indices=[(-1, 0), (0, 0)], weights=[1]),
               dict(indices=[(-1, -1), (0, 0)], weights=[2]),
               dict(indices=[(0, -1), (0, 0)], weights=[1])]
_SYMMETRICP05 = [dict(indices=[(-1, -3), (0, -2), (0, -1), (0, 0)], weights=[2, 1, 1]),
                 dict(indices=[(-1, -2), (0, -1), (0, 0)], weights=[2, 1]),
                 dict(indices=[(-1, -1), (0, 0)], weights=[2]),
                 dict(indices=[(-2, -1), (-1, 0), (0, 0)], weights=[2, 1]),
                 dict(indices=[(-3, -1), (-2, 0), (-1, 0), (0, 0)], weights=[2, 1, 1])]


def _pattern_array(pattern_info):
    # step_pattern.BasePattern._get_array
    num_pattern = len(pattern_info)
    max_pattern_len = max([len(pi["indices"]) for pi in pattern_info])
    array = np.zeros([num_pattern, max_pattern_len, 3], dtype="float")
    for pidx in range(num_pattern):
        pattern_len = len(pattern_info[pidx]["indices"])
        for sidx in range(pattern_len):
            array[pidx, sidx, 0:2] = pattern_info[pidx]["indices"][sidx]
            if sidx == 0:
                array[pidx, sidx, 2] = np.nan
            else:
                array[pidx, sidx, 2] = pattern_info[pidx]["weights"][sidx - 1]
    return array


def align(X, w_list):
    out = []
    for info in (_SYMMETRIC2, _SYMMETRICP05):
        p_ar = _pattern_array(info)
        D = _calc_cumsum_matrix_jit(X, w_list.copy(), p_ar, False)
        path = _backtrack_jit(D, p_ar)
        out += [D, path]
    p_ar = _pattern_array(_SYMMETRIC2)
    w_open = w_list.copy()
    D = _calc_cumsum_matrix_jit(X, w_open, p_ar, True)
    n, m = X.shape
    last_row = D[-1] / (n + np.arange(1, m + 1))
    last_idx = int(np.argmin(last_row))
    path = _backtrack_jit(D, p_ar, last_idx)
    out += [D, w_open, path]
    return tuple(out)


def inputs():
    rng = np.random.default_rng(0)
    M, N = 120, 100
    x = np.sin(np.linspace(0, 4 * np.pi, M) ** 1.1) + rng.normal(0, 0.1, M)
    y = np.sin(np.linspace(0, 4 * np.pi, N)) + rng.normal(0, 0.1, N)
    X = np.abs(x[:, None] - y[None, :])
    cells = [(i, j) for i in range(M) for j in range(N) if abs(i * (N - 1) / (M - 1) - j) <= 15]
    w_list = np.array(cells, dtype=np.int64)
    return (X, w_list)
