# Source: TutteInstitute/datamapplot datamapplot/medoids.py (at commit 132fee10)
# Licence: MIT (DataMapPlot, LICENSE; Copyright (c) 2023 Tutte Institute for Mathematics and Computing)
# Notes: the pairwise-distance kernel behind DataMapPlot's bandit medoid search (cluster label anchors): euclidean is eagerly compiled for two signatures (a string "f4(f4[::1],f4[::1])" and a float32(readonly C-contiguous float32 array x2) built from numba.types.Array(..., readonly=True)) with fastmath=True and locals typing result/diff as float32, dim as intp and the loop index as uint16; chunked_parallel_pairwise_distances (@numba.njit(parallel=True, nogil=True)) has keyword defaults Y=None (branch on `Y is None` with tuple assignment of two arrays and a bool) and metric=euclidean (a jitted function as a default argument, called through the argument), and fills a float32 result in row chunks under numba.prange with min() bounds and a symmetric/asymmetric start. Pasted: the module's imports (numpy, numba) and euclidean and chunked_parallel_pairwise_distances; left out: pull_arms and medoid (np.random.choice inside jitted code); the harness calls the kernel on 37 float32 points in 5 dimensions alone (Y=None: only the upper triangle is filled, as in the source) and against 11 other points (Y given), with chunk_size 16 and 4, and returns the three matrices, plus the row sums that pull_arms takes
import numpy as np
import numba


@numba.njit(
    [
        "f4(f4[::1],f4[::1])",
        numba.types.float32(
            numba.types.Array(numba.types.float32, 1, "C", readonly=True),
            numba.types.Array(numba.types.float32, 1, "C", readonly=True),
        ),
    ],
    fastmath=True,
    locals={
        "result": numba.types.float32,
        "diff": numba.types.float32,
        "dim": numba.types.intp,
        "i": numba.types.uint16,
    },
)
def euclidean(x, y):
    r"""Squared euclidean distance.

    .. math::
        D(x, y) = \\sum_i (x_i - y_i)^2
    """
    result = 0.0
    dim = x.shape[0]
    for i in range(dim):
        diff = x[i] - y[i]
        result += diff * diff

    return np.sqrt(result)


@numba.njit(parallel=True, nogil=True)
def chunked_parallel_pairwise_distances(X, Y=None, metric=euclidean, chunk_size=16):
    if Y is None:
        XX, symmetrical = X, True
        row_size = col_size = X.shape[0]
    else:
        XX, symmetrical = Y, False
        row_size, col_size = X.shape[0], Y.shape[0]

    result = np.zeros((row_size, col_size), dtype=np.float32)
    n_row_chunks = (row_size // chunk_size) + 1
    for chunk_idx in numba.prange(n_row_chunks):
        n = chunk_idx * chunk_size
        chunk_end_n = min(n + chunk_size, row_size)
        m_start = n if symmetrical else 0
        for m in range(m_start, col_size, chunk_size):
            chunk_end_m = min(m + chunk_size, col_size)
            for i in range(n, chunk_end_n):
                for j in range(m, chunk_end_m):
                    result[i, j] = metric(X[i], XX[j])
    return result
# ---- harness (not part of the program) ----
ENTRY = "all_distances"


def all_distances(X, Y):
    d_sym = chunked_parallel_pairwise_distances(X)
    d_xy = chunked_parallel_pairwise_distances(X, Y)
    d_xy4 = chunked_parallel_pairwise_distances(X, Y, chunk_size=4)
    return d_sym, d_xy, d_xy4, np.sum(d_xy, axis=1)


def inputs():
    # 37 and 11 points in 5 dimensions, float32 C-contiguous rows
    rng = np.random.default_rng(0)
    X = rng.normal(size=(37, 5)).astype(np.float32)
    Y = rng.normal(size=(11, 5)).astype(np.float32)
    return (X, Y)
