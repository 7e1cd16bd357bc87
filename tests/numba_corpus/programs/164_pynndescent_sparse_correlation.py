# Source: lmcinnes/pynndescent pynndescent/sparse.py (+ norm from pynndescent/utils.py, an older version of that file)
# Licence: BSD-2-Clause (pynndescent, LICENSE; Copyright (c) 2018, Leland McInnes)
# Notes: correlation distance between two sparse vectors given as (sorted int32 indices, float32 data) pairs, as sparse NN-descent computes it between CSR rows: sparse_mul merges the two index lists in a while loop into numba.typed.List.empty_list(numba.types.int32 / float32) lists (fastmath=True and a locals= dict typing the loop variables as uint32 and the arrays as int32[::1]/float32[::1]), sparse_correlation centres the data into np.empty float32 arrays, takes jitted l2 norms, builds `set(dot_prod_inds)` from a typed list and tests `ind1[i] not in common_indices`, iterates `for val in` a typed list, and calls arr_union (np.concatenate, np.sort, a bool flag array built by np.concatenate of np.ones(1, dtype=np.bool_) and a comparison, boolean-mask indexing); the module's `from __future__`, `locale.setlocale(...)` and FLOAT32_EPS lines are kept; the `from pynndescent.utils import norm` line is replaced by that function (pynndescent/utils.py at an older commit); left out: the module's other sparse distances, arr_intersect, sparse_sum/sparse_diff and diversify
# Author: Leland McInnes <leland.mcinnes@gmail.com>
# Enough simple sparse operations in numba to enable sparse UMAP
#
# License: BSD 3 clause
from __future__ import print_function
import locale
import numpy as np
import numba


# ---- from pynndescent/utils.py ----

@numba.njit()
def norm(vec):
    """Compute the (standard l2) norm of a vector.

    Parameters
    ----------
    vec: array of shape (dim,)

    Returns
    -------
    The l2 norm of vec.
    """
    result = 0.0
    for i in range(vec.shape[0]):
        result += vec[i] ** 2
    return np.sqrt(result)


# ---- pynndescent/sparse.py ----

locale.setlocale(locale.LC_NUMERIC, "C")

FLOAT32_EPS = np.finfo(np.float32).eps

# Just reproduce a simpler version of numpy unique (not numba supported yet)
@numba.njit()
def arr_unique(arr):
    aux = np.sort(arr)
    flag = np.concatenate((np.ones(1, dtype=np.bool_), aux[1:] != aux[:-1]))
    return aux[flag]


# Just reproduce a simpler version of numpy union1d (not numba supported yet)
@numba.njit()
def arr_union(ar1, ar2):
    if ar1.shape[0] == 0:
        return ar2
    elif ar2.shape[0] == 0:
        return ar1
    else:
        return arr_unique(np.concatenate((ar1, ar2)))


@numba.njit(
    fastmath=True,
    locals={
        "ind1": numba.types.int32[::1],
        "data1": numba.types.float32[::1],
        "ind2": numba.types.int32[::1],
        "data2": numba.types.float32[::1],
        "val": numba.types.float32,
        "i1": numba.types.uint32,
        "i2": numba.types.uint32,
        "j1": numba.types.uint32,
        "j2": numba.types.uint32,
    },
)
def sparse_mul(ind1, data1, ind2, data2):
    result_ind = numba.typed.List.empty_list(numba.types.int32)
    result_data = numba.typed.List.empty_list(numba.types.float32)

    i1 = 0
    i2 = 0

    # pass through both index lists
    while i1 < ind1.shape[0] and i2 < ind2.shape[0]:
        j1 = ind1[i1]
        j2 = ind2[i2]

        if j1 == j2:
            val = data1[i1] * data2[i2]
            if val != 0:
                result_ind.append(j1)
                result_data.append(val)
            i1 += 1
            i2 += 1
        elif j1 < j2:
            i1 += 1
        else:
            i2 += 1

    return result_ind, result_data


@numba.njit()
def sparse_correlation(ind1, data1, ind2, data2, n_features):

    mu_x = 0.0
    mu_y = 0.0
    dot_product = 0.0

    if ind1.shape[0] == 0 and ind2.shape[0] == 0:
        return 0.0
    elif ind1.shape[0] == 0 or ind2.shape[0] == 0:
        return 1.0

    for i in range(data1.shape[0]):
        mu_x += data1[i]
    for i in range(data2.shape[0]):
        mu_y += data2[i]

    mu_x /= n_features
    mu_y /= n_features

    shifted_data1 = np.empty(data1.shape[0], dtype=np.float32)
    shifted_data2 = np.empty(data2.shape[0], dtype=np.float32)

    for i in range(data1.shape[0]):
        shifted_data1[i] = data1[i] - mu_x
    for i in range(data2.shape[0]):
        shifted_data2[i] = data2[i] - mu_y

    norm1 = np.sqrt(
        (norm(shifted_data1) ** 2) + (n_features - ind1.shape[0]) * (mu_x ** 2)
    )
    norm2 = np.sqrt(
        (norm(shifted_data2) ** 2) + (n_features - ind2.shape[0]) * (mu_y ** 2)
    )

    dot_prod_inds, dot_prod_data = sparse_mul(ind1, shifted_data1, ind2, shifted_data2)

    common_indices = set(dot_prod_inds)

    for val in dot_prod_data:
        dot_product += val

    for i in range(ind1.shape[0]):
        if ind1[i] not in common_indices:
            dot_product -= shifted_data1[i] * (mu_y)

    for i in range(ind2.shape[0]):
        if ind2[i] not in common_indices:
            dot_product -= shifted_data2[i] * (mu_x)

    all_indices = arr_union(ind1, ind2)
    dot_product += mu_x * mu_y * (n_features - all_indices.shape[0])

    if norm1 == 0.0 and norm2 == 0.0:
        return 0.0
    elif dot_product == 0.0:
        return 1.0
    else:
        return 1.0 - (dot_product / (norm1 * norm2))

# ---- harness (not part of the program) ----
ENTRY = "sparse_correlation"


def inputs():
    # two rows of a float32 CSR matrix with 500 columns, as sparse NN-descent
    # passes them: the row's sorted int32 column indices and its float32
    # values (60 and 45 stored entries, about a third of them in common),
    # and n_features as a Python int
    rng = np.random.default_rng(0)
    n_features = 500
    common = rng.choice(n_features, 20, replace=False)
    rest = np.setdiff1d(np.arange(n_features), common)
    extra = rng.choice(rest, 65, replace=False)
    ind1 = np.sort(np.concatenate((common, extra[:40]))).astype(np.int32)
    ind2 = np.sort(np.concatenate((common, extra[40:]))).astype(np.int32)
    data1 = rng.gamma(2.0, 1.0, ind1.shape[0]).astype(np.float32)
    data2 = rng.gamma(2.0, 1.0, ind2.shape[0]).astype(np.float32)
    return (ind1, data1, ind2, data2, n_features)
