# Source: lmcinnes/pynndescent pynndescent/distances.py
# Licence: BSD-2-Clause (pynndescent, LICENSE; Copyright (c) 2018, Leland McInnes)
# Notes: Spearman rank correlation of two vectors: np.column_stack, a jitted rankdata (scipy's, with a string method argument defaulting to "average", np.ravel(np.asarray(a)), argsort(kind=...), inverse permutation by fancy-index assignment, cumsum, np.nonzero, np.concatenate), rank columns assigned into a[:, i], np.corrcoef(a, rowvar=0); fastmath=True; the module's other distances and its relative import of pynndescent.optimal_transport (used only by the Kantorovich distances) left out
# Author: Leland McInnes <leland.mcinnes@gmail.com>
#
# License: BSD 3 clause
import numpy as np
import numba


@numba.njit()
def rankdata(a, method="average"):
    arr = np.ravel(np.asarray(a))
    if method == "ordinal":
        sorter = arr.argsort(kind="mergesort")
    else:
        sorter = arr.argsort(kind="quicksort")

    inv = np.empty(sorter.size, dtype=np.intp)
    inv[sorter] = np.arange(sorter.size)

    if method == "ordinal":
        return (inv + 1).astype(np.float64)

    arr = arr[sorter]
    obs = np.ones(arr.size, np.bool_)
    obs[1:] = arr[1:] != arr[:-1]
    dense = obs.cumsum()[inv]

    if method == "dense":
        return dense.astype(np.float64)

    # cumulative counts of each unique value
    nonzero = np.nonzero(obs)[0]
    count = np.concatenate((nonzero, np.array([len(obs)], nonzero.dtype)))

    if method == "max":
        return count[dense].astype(np.float64)

    if method == "min":
        return (count[dense - 1] + 1).astype(np.float64)

    # average method
    return 0.5 * (count[dense] + count[dense - 1] + 1)


@numba.njit(fastmath=True)
def spearmanr(x, y):
    a = np.column_stack((x, y))

    n_vars = a.shape[1]

    for i in range(n_vars):
        a[:, i] = rankdata(a[:, i])
    rs = np.corrcoef(a, rowvar=0)

    return rs[1, 0]

# ---- harness (not part of the program) ----
ENTRY = "spearmanr"


def inputs():
    # two float64 feature vectors with ties (rounded values), as
    # NNDescent(metric="spearmanr") compares rows of its data
    rng = np.random.default_rng(0)
    x = np.round(rng.standard_normal(200), 1)
    y = np.round(0.5 * x + rng.standard_normal(200), 1)
    return (x, y)
