# Source: imartinezl/tsclust tsclust/metrics.py (at commit bde7f035), tsclust/window.py (at commit 45c50401), tsclust/dtw.py (at commit 125caafc)
# Licence: MIT (tsclust, LICENSE; Copyright (c) 2020, Iñigo Martinez); metrics.py notes that it borrows code from numpy (Copyright (c) 2005, NumPy Developers)
# Notes: the numba core of tsclust, a time-series clustering package built around dynamic time warping (DTW): tsclust/metrics.py pasted whole (an @overload(np.average) that handles weights=None / an array / axis by returning different implementations, jitted clones of the scipy.spatial.distance metrics minkowski, wminkowski, euclidean, sqeuclidean, correlation, cosine, hamming, seuclidean, cityblock, mahalanobis, chebyshev, braycurtis and canberra with optional weights w=None tested by `is not None`, a _validate_vector whose default dtype argument is the numba type nb.float64 and which accepts scalars through np.asarray(...).flatten() and np.atleast_1d, keyword calls between jitted functions, all compiled through a shared jitkw dict with nopython, nogil, cache, error_model='numpy', fastmath and debug=True, plus the plain-Python get_metric lookup); tsclust/window.py pasted without its matplotlib import and the matplotlib display() helper (the no_window, Sakoe-Chiba, Itakura and slanted-band window predicates, and precompute / get_position which take one of them as a first-class function argument and build a mask and np.argwhere of it); and from tsclust/dtw.py its imports, its own jitkw and the jitted functions _compute_cost (the DTW accumulated cost and the direction matrix for any step pattern given as a (num_pattern, max_len, 3) array of (dx, dy, weight) rows, calling the metric and the window passed in as jitted functions, step costs summed per pattern with sum(axis=1), min / argmin), _compute_local_cost (a nb.prange loop in a function compiled without parallel=True), _compute_global_cost, _backtrack (a list comprehension of per-pattern local paths, np.vstack growth of the path, tuple unpacking of an array row, path[::-1]) and _get_local_path / _get_local_path2. Left out of dtw.py: the dtw() driver (it prints and plots through DtwResult from tsclust/result.py and takes its pattern object from tsclust/step_pattern.py, whose get_pattern does not exist at that commit), _get_distance (plain Python on that pattern object), _compute_cost_open_end (jitted but unfinished: it uses an undefined w_list), the timeit / matplotlib imports and the module-level demo that ran dtw() on import. The harness builds the step-pattern arrays the way BasePattern._get_array in tsclust/step_pattern.py does, for its Symmetric1 and SymmetricP05 patterns, and runs _compute_cost + _backtrack for three combinations of metric, pattern and window (euclidean / Symmetric1 / no window and sqeuclidean / SymmetricP05 / Sakoe-Chiba on noisy warped sines of 24 samples, where the metrics get scalars; chebyshev / SymmetricP05 / slanted band on 3-D random walks of 14 and 18 steps), _get_local_path, the weighted local cost and the global cost from it, the window masks and positions, and each metric once, with weights where it takes them (the calls are few because every metric, window and pattern combination is a separate compilation)
# ---- tsclust/metrics.py ----
#!/usr/bin/env python3
# -*- coding: utf-8 -*-

"""
This file contains code that was borrowed from numpy.

Copyright (c) 2005, NumPy Developers
All rights reserved.
"""


import numpy as np
import numba as nb
from numba.extending import overload

jitkw = {
    "nopython": True,
    "nogil": True,
    "cache": True,
    "error_model": "numpy",
    "fastmath": True,
    "debug": True,
}

__all__ = {
    "minkowski",
    "wminkowski",
    "euclidean",
    "sqeuclidean",
    "correlation",
    "cosine",
    "hamming",
    "seuclidean",
    "cityblock",
    "mahalanobis",
    "chebyshev",
    "braycurtis",
    "canberra",
}


@overload(np.average)
def np_average(arr, axis=None, weights=None):
    # https://github.com/numba/numba/pull/3655
    if weights is None or isinstance(weights, nb.types.NoneType):

        def np_average_impl(arr, axis=None, weights=None):
            arr = np.asarray(arr)
            return np.mean(arr)

    else:
        if axis is None or isinstance(axis, nb.types.NoneType):

            def np_average_impl(arr, axis=None, weights=None):
                arr = np.asarray(arr)
                weights = np.asarray(weights)

                if arr.shape != weights.shape:
                    if axis is None:
                        raise TypeError(
                            "Numba does not support average when shapes of a and weights "
                            "differ."
                        )
                    if weights.ndim != 1:
                        raise TypeError(
                            "1D weights expected when shapes of a and weights differ."
                        )

                scl = np.sum(weights)
                if scl == 0.0:
                    raise ZeroDivisionError("Weights sum to zero, can't be normalized.")

                avg = np.sum(np.multiply(arr, weights)) / scl
                return avg

        else:

            def np_average_impl(arr, axis=None, weights=None):
                raise TypeError("Numba does not support average with axis.")

    return np_average_impl


@nb.jit(**jitkw)
def _validate_weights(w=None, dtype=nb.float64):
    w = _validate_vector(w, dtype=dtype)
    if np.any(w < 0):
        raise ValueError("Input weights should be all non-negative")
    return w


@nb.jit(**jitkw)
def _validate_vector(u=None, dtype=nb.float64):
    u = np.asarray(u, dtype=dtype).flatten()  # .squeeze()
    # Ensure values such as u=1 and u=[1] still return 1-D arrays.
    u = np.atleast_1d(u)
    if u.ndim > 1:
        raise ValueError("Input vector should be 1-D.")
    return u


@nb.jit(**jitkw)
def minkowski(u, v, p=2, w=None):
    u = _validate_vector(u)
    v = _validate_vector(v)
    if p < 1:
        raise ValueError("p must be at least 1")
    u_v = u - v
    # if w is not None:
    if w is not None:
        # w = _validate_weights(w) # gives error when w is None
        if p == 1:
            root_w = w
        if p == 2:
            # better precision and speed
            root_w = np.sqrt(w)
        else:
            root_w = np.power(w, 1 / p)
        u_v = root_w * u_v
    dist = np.linalg.norm(u_v, ord=p)  # exists implementation in numba
    return dist


@nb.jit(**jitkw)
def wminkowski(u, v, p, w):
    # w = _validate_weights(w)
    return minkowski(u, v, p=p, w=w ** p)


@nb.jit(**jitkw)
def euclidean(u, v, w=None):
    return minkowski(u, v, p=2, w=w)


@nb.jit(**jitkw)
def sqeuclidean(u, v, w=None):
    u = _validate_vector(u)
    v = _validate_vector(v)
    u_v = u - v
    u_v_w = u_v  # only want weights applied once
    if w is not None:
        # w = _validate_weights(w)
        u_v_w = w * u_v
    return np.dot(u_v, u_v_w)


@nb.jit(**jitkw)
def correlation(u, v, w=None, centered=True):
    u = _validate_vector(u)
    v = _validate_vector(v)
    # if w is not None:
    #     w = _validate_weights(w)
    if centered:
        umu = np.average(u, weights=w)
        vmu = np.average(v, weights=w)
        u = u - umu
        v = v - vmu
    uv = np.average(u * v, weights=w)
    uu = np.average(np.square(u), weights=w)
    vv = np.average(np.square(v), weights=w)
    dist = 1.0 - uv / np.sqrt(uu * vv)
    # Return absolute value to avoid small negative value due to rounding
    return np.abs(dist)


@nb.jit(**jitkw)
def cosine(u, v, w=None):
    return correlation(u, v, w=w, centered=False)


@nb.jit(**jitkw)
def hamming(u, v, w=None):
    u = _validate_vector(u)
    v = _validate_vector(v)
    if u.shape != v.shape:
        raise ValueError("The 1d arrays must have equal lengths.")
    u_ne_v = u != v
    # if w is not None:
    # w = _validate_weights(w)
    return np.average(u_ne_v, weights=w)


@nb.jit(**jitkw)
def seuclidean(u, v, V):
    u = _validate_vector(u)
    v = _validate_vector(v)
    V = _validate_vector(V, dtype=np.float64)
    if V.shape[0] != u.shape[0] or u.shape[0] != v.shape[0]:
        raise TypeError("V must be a 1-D array of the same dimension as u and v.")
    return euclidean(u, v, w=1 / V)


@nb.jit(**jitkw)
def cityblock(u, v, w=None):
    u = _validate_vector(u)
    v = _validate_vector(v)
    l1_diff = np.abs(u - v)
    if w is not None:
        # w = _validate_weights(w)
        l1_diff = w * l1_diff
    return l1_diff.sum()


@nb.jit(**jitkw)
def mahalanobis(u, v, VI):
    u = _validate_vector(u)
    v = _validate_vector(v)
    VI = np.atleast_2d(VI)
    delta = u - v
    m = np.dot(np.dot(delta, VI), delta)
    return np.sqrt(m)


@nb.jit(**jitkw)
def chebyshev(u, v, w=None):
    u = _validate_vector(u)
    v = _validate_vector(v)
    if w is not None:
        # w = _validate_weights(w)
        has_weight = w > 0
        if has_weight.sum() < w.size:
            u = u[has_weight]
            v = v[has_weight]
    return np.max(np.abs(u - v))


@nb.jit(**jitkw)
def braycurtis(u, v, w=None):
    u = _validate_vector(u)
    v = _validate_vector(v)
    l1_diff = np.abs(u - v)
    l1_sum = np.abs(u + v)
    if w is not None:
        # w = _validate_weights(w)
        l1_diff = w * l1_diff
        l1_sum = w * l1_sum
    return l1_diff.sum() / l1_sum.sum()


@nb.jit(**jitkw)
def canberra(u, v, w=None):
    u = _validate_vector(u)
    v = _validate_vector(v)
    # if w is not None:
    #     w = _validate_weights(w)
    # with np.errstate(invalid='ignore'):
    abs_uv = np.abs(u - v)
    abs_u = np.abs(u)
    abs_v = np.abs(v)
    d = abs_uv / (abs_u + abs_v)
    if w is not None:
        d = w * d
    d = np.nansum(d)
    return d


def get_metric(metric_str):
    if metric_str == "minkowski":
        return minkowski
    elif metric_str == "wminkowski":
        return wminkowski
    elif metric_str == "euclidean":
        return euclidean
    elif metric_str == "sqeuclidean":
        return sqeuclidean
    elif metric_str == "correlation":
        return correlation
    elif metric_str == "cosine":
        return cosine
    elif metric_str == "hamming":
        return hamming
    elif metric_str == "seuclidean":
        return seuclidean
    elif metric_str == "cityblock":
        return cityblock
    elif metric_str == "mahalanobis":
        return mahalanobis
    elif metric_str == "chebyshev":
        return chebyshev
    elif metric_str == "braycurtis":
        return braycurtis
    elif metric_str == "canberra":
        return canberra
    else:
        raise NotImplementedError("given metric not supported")


# ---- tsclust/window.py ----
#!/usr/bin/env python3
# -*- coding: utf-8 -*-


import numpy as np
import numba as nb

jitkw = {
    "nopython": True,
    "nogil": True,
    "cache": True,
    "error_model": "numpy",
    "fastmath": True,
    "debug": True,
}

__all__ = {"none", "sakoechiba", "itakura", "slanted"}


@nb.jit(**jitkw)
def no_window(i, j, query_size, reference_size, window_size):
    return True


@nb.jit(**jitkw)
def sakoe_chiba_window(i, j, query_size, reference_size, window_size):
    ok = abs(j - i) <= window_size
    return ok


@nb.jit(**jitkw)
def itakura_window(i, j, query_size, reference_size, window_size):
    n = query_size
    m = reference_size
    ok = (
        (j < 2 * i)
        and (i <= 2 * j)
        and (i >= n - 1 - 2 * (m - j))
        and (j > m - 1 - 2 * (n - i))
    )
    return ok


@nb.jit(**jitkw)
def slanted_band_window(i, j, query_size, reference_size, window_size):
    diag = i * reference_size / query_size
    return abs(j - diag) <= window_size


@nb.jit(**jitkw)
def precompute(window, query_size, reference_size, window_size=None):
    mask = np.empty((query_size, reference_size))
    for i in range(query_size):
        for j in range(reference_size):
            mask[i, j] = window(i, j, query_size, reference_size, window_size)
    return mask


@nb.jit(**jitkw)
def get_position(window, query_size, reference_size, window_size=None):
    mask = precompute(window, query_size, reference_size, window_size)
    return np.argwhere(mask)


def get_window(window_name):
    if window_name == "sakoechiba":
        return sakoe_chiba_window
    elif window_name == "itakura":
        return itakura_window
    elif window_name == "slanted":
        return slanted_band_window
    elif window_name == "none":
        return no_window
    else:
        raise NotImplementedError("given window type not supported")


# ---- tsclust/dtw.py ----
#!/usr/bin/env python3
# -*- coding: utf-8 -*-

import numpy as np
import numba as nb

# from scipy.spatial.distance import cdist

jitkw = {
    "nopython": True,
    "nogil": True,
    "cache": False,
    "error_model": "numpy",
    "fastmath": True,
    "debug": True,
}

# nb.config.THREADING_LAYER = 'omp'


@nb.jit(**jitkw)
def _compute_cost(x, y, dist, pattern, window, window_size):
    n = x.shape[0]
    m = y.shape[0]
    cost = np.ones((n, m), dtype=np.float64) * np.inf
    direction = np.ones((n, m), dtype=np.float64) * (-1)

    num_pattern = pattern.shape[0]
    max_pattern_len = pattern.shape[1]
    # pattern_cost = np.zeros(num_pattern, dtype=np.float64)
    step_cost = np.zeros((num_pattern, max_pattern_len), dtype=np.float64)

    for i in range(n):
        for j in range(m):
            if window(i, j, n, m, window_size):
                if i == 0 and j == 0:
                    cost[i, j] = dist(x[i], y[j])
                    continue
                for p in range(num_pattern):
                    for s in range(max_pattern_len):
                        dx, dy, weight = pattern[p, s, :]
                        ii, jj = int(i + dx), int(j + dy)
                        if ii < 0 or jj < 0:
                            step_cost[p, s] = np.inf
                            continue
                        if weight == -1:
                            step_cost[p, s] = cost[ii, jj]
                        else:
                            step_cost[p, s] = dist(x[ii], y[jj]) * weight
                pattern_cost = step_cost.sum(axis=1)
                # TO-DO: review if this only happens at i==0 and j==0
                # if np.isinf(pattern_cost).sum() == num_pattern:
                #     pattern_cost = np.zeros(num_pattern, dtype=np.float64)
                #     for p in range(num_pattern):
                #         for s in range(max_pattern_len):
                #             if not step_cost[p, s] == np.inf:
                #                 pattern_cost[p] += step_cost[p, s]
                min_cost = pattern_cost.min()
                min_cost_dir = pattern_cost.argmin()
                if min_cost != np.inf:
                    cost[i, j] = min_cost
                    direction[i, j] = min_cost_dir

    return cost, direction


@nb.jit(**jitkw)
def _compute_local_cost(x, y, dist, weight=None):
    n = len(x)
    m = len(y)
    local_cost = np.empty((n, m), dtype=np.float64)
    for i in nb.prange(n):
        for j in nb.prange(m):
            local_cost[i, j] = dist(x[i], y[j], weight)
    return local_cost


@nb.jit(**jitkw)
def _compute_global_cost(local_cost, pattern, window, window_size=None):
    n, m = local_cost.shape
    cost = np.ones((n, m), dtype=np.float64) * np.inf

    num_pattern = pattern.shape[0]
    max_pattern_len = pattern.shape[1]
    # pattern_cost = np.zeros(num_pattern, dtype=np.float64)
    step_cost = np.zeros((num_pattern, max_pattern_len), dtype=np.float64)

    for i in range(n):
        for j in range(m):
            if window(i, j, n, m, window_size):
                if i == 0 and j == 0:
                    cost[i, j] = local_cost[i, j]
                    continue
                for p in range(num_pattern):
                    for s in range(max_pattern_len):
                        dx, dy, weight = pattern[p, s, :]
                        ii, jj = int(i + dx), int(j + dy)
                        if ii < 0 or jj < 0:
                            step_cost[p, s] = np.inf
                            continue
                        if weight == -1:
                            step_cost[p, s] = cost[ii, jj]
                        else:
                            step_cost[p, s] = local_cost[ii, jj] * weight
                pattern_cost = step_cost.sum(axis=1)
                min_cost = pattern_cost.min()
                if min_cost != np.inf:
                    cost[i, j] = min_cost
    return cost


@nb.jit(**jitkw)
def _backtrack(direction, pattern):
    i, j = direction.shape
    i -= 1
    j -= 1
    path = np.array(((i, j),), dtype=np.int64)
    path_origin = np.array(((i, j),), dtype=np.int64)

    num_pattern = pattern.shape[0]
    pattern_paths = [_get_local_path2(pattern, pattern_idx) for pattern_idx in range(num_pattern)]

    while i + j > 0:
        pattern_idx = int(direction[i, j])
        local_path = pattern_paths[pattern_idx] + np.array((i,j), dtype=np.int64)
        i, j = local_path[-1]
        path = np.vstack((path, local_path))
        path_origin = np.vstack((path_origin, np.array(((i,j),), dtype=np.int64)))
        # local_path, origin = _get_local_path(pattern, pattern_idx, i, j)
        # path_origin = np.vstack((path_origin, np.array((origin,), dtype=np.int64)))
        # i, j = origin
        # i, j = origin
    return path[::-1], path_origin[::-1]


# TO-DO: move this function to the step pattern? NO! BUT CALL ONLY ONCE
# the output should be the same for a given step pattern. only the i,j change
@nb.jit(**jitkw)
def _get_local_path(pattern, pattern_idx, i, j):
    """Helper function to get local path."""
    origin = (0, 0)
    max_pattern_len = pattern.shape[1]
    # # note: starting point of pattern was already added
    local_path = np.ones((max_pattern_len - 1, 2), dtype=np.int64) * -1
    for s in range(max_pattern_len):
        dx, dy, weight = pattern[pattern_idx, s, :]
        if dx == 0 and dy == 0:
            break  # condition that all step pattern end at the point (0,0)
        ii, jj = int(i + dx), int(j + dy)
        if weight == -1:
            origin = (ii, jj)
        local_path[s, :] = (ii, jj)
    local_path = local_path[:s]
    return local_path[::-1], origin


@nb.jit(**jitkw)
def _get_local_path2(pattern, pattern_idx):
    """Helper function to get local path."""
    max_pattern_len = pattern.shape[1]
    # # note: starting point of pattern was already added
    local_path = np.ones((max_pattern_len - 1, 2), dtype=np.int64) * -1
    for s in range(max_pattern_len):
        dx, dy, weight = pattern[pattern_idx, s, :]
        if dx == 0 and dy == 0:
            break  # condition that all step pattern end at the point (0,0)
        ii, jj = int(dx), int(dy)
        # if weight == -1:
        #     origin = (ii, jj)
        local_path[s, :] = (ii, jj)
    local_path = local_path[:s]
    return local_path[::-1]


# ---- harness (not part of the program) ----
ENTRY = "dtw_suite"

# step patterns as tsclust/step_pattern.py lists them, turned into the
# (num_pattern, max_pattern_len, 3) array of (dx, dy, weight) that
# BasePattern._get_array builds (weight -1 marks the origin cell)
_SYMMETRIC1 = [
    ([(-1, 0), (0, 0)], [-1, 1]),
    ([(-1, -1), (0, 0)], [-1, 1]),
    ([(0, -1), (0, 0)], [-1, 1]),
]
_SYMMETRIC_P05 = [
    ([(-1, -3), (0, -2), (0, -1), (0, 0)], [-1, 2, 1, 1]),
    ([(-1, -2), (0, -1), (0, 0)], [-1, 2, 1]),
    ([(-1, -1), (0, 0)], [-1, 2]),
    ([(-2, -1), (-1, 0), (0, 0)], [-1, 2, 1]),
    ([(-3, -1), (-2, 0), (-1, 0), (0, 0)], [-1, 2, 1, 1]),
]


def _pattern_array(pattern):
    num_pattern = len(pattern)
    max_pattern_len = max(len(p[0]) for p in pattern)
    array = np.zeros([num_pattern, max_pattern_len, 3], dtype="float")
    for i in range(num_pattern):
        for j in range(len(pattern[i][0])):
            array[i, j, 0:2] = pattern[i][0][j]
            array[i, j, 2] = pattern[i][1][j]
    return array


def dtw_suite(x, y, X2, Y2, u, v, w, V, VI, ku, kv):
    sym1 = _pattern_array(_SYMMETRIC1)
    p05 = _pattern_array(_SYMMETRIC_P05)
    runs = []
    for xs, ys, dist, pattern, window, window_size in (
        (x, y, euclidean, sym1, no_window, 0),
        (x, y, sqeuclidean, p05, sakoe_chiba_window, 3),
        (X2, Y2, chebyshev, p05, slanted_band_window, 3.0),
    ):
        cost, direction = _compute_cost(xs, ys, dist, pattern, window, window_size)
        path, path_origin = _backtrack(direction, pattern)
        runs.append((cost[-1, -1], cost, direction, path, path_origin))
    local_paths = [_get_local_path(p05, k, 6, 7) for k in range(p05.shape[0])]
    local = _compute_local_cost(X2, Y2, euclidean, w[:X2.shape[1]])
    glob = _compute_global_cost(local, p05, sakoe_chiba_window, 4)
    mask = precompute(sakoe_chiba_window, 8, 10, 2)
    pos = get_position(itakura_window, 9, 12)
    pos_s = get_position(slanted_band_window, 6, 9, 1.0)
    metrics = (
        minkowski(u, v, 3), minkowski(u, v, 1, w), wminkowski(u, v, 3, w),
        euclidean(u, v), sqeuclidean(u, v, w), correlation(u, v, w),
        cosine(u, v), hamming(ku, kv), seuclidean(u, v, V), cityblock(u, v, w),
        mahalanobis(u, v, VI), chebyshev(u, v, w), braycurtis(u, v),
        canberra(u, v, w),
    )
    return (runs, local_paths, local, glob, mask, pos, pos_s, metrics,
            _validate_weights(w))


def inputs():
    rng = np.random.default_rng(0)
    t = np.linspace(0.0, 1.0, 24)
    x = np.sin(2 * np.pi * 2.0 * t) + 0.1 * rng.standard_normal(24)
    y = np.sin(2 * np.pi * 2.0 * t ** 1.3) + 0.1 * rng.standard_normal(24)
    X2 = rng.standard_normal((14, 3)).cumsum(axis=0)
    Y2 = rng.standard_normal((18, 3)).cumsum(axis=0)
    u = rng.standard_normal(6)
    v = rng.standard_normal(6)
    w = np.array([0.5, 1.0, 2.0, 0.0, 1.5, 0.25])
    V = rng.uniform(0.5, 2.0, 6)
    A = rng.standard_normal((6, 6))
    VI = np.linalg.inv(A @ A.T + 6.0 * np.eye(6))
    ku = rng.integers(0, 3, 6)
    kv = ku.copy()
    kv[1] += 1
    kv[4] -= 2
    return (x, y, X2, Y2, u, v, w, V, VI, ku, kv)
