# Source: lmcinnes/umap umap/utils.py
# Licence: BSD (the file header says "License: BSD 3 clause"; the repository's LICENSE.txt is BSD-2-Clause, Copyright (c) 2017, Leland McInnes)
# Notes: k-nearest-neighbour indices from a precomputed distance matrix: parallel=True with numba.prange over rows, the array method argsort(kind="quicksort") on a row, a slice of the result assigned into a row of an int32 matrix; the time and scipy.sparse imports and the file's other functions (random-number and heap helpers) are left out
# Author: Leland McInnes <leland.mcinnes@gmail.com>
#
# License: BSD 3 clause

import numpy as np
import numba


@numba.njit(parallel=True)
def fast_knn_indices(X, n_neighbors):
    """A fast computation of knn indices.

    Parameters
    ----------
    X: array of shape (n_samples, n_features)
        The input data to compute the k-neighbor indices of.

    n_neighbors: int
        The number of nearest neighbors to compute for each sample in ``X``.

    Returns
    -------
    knn_indices: array of shape (n_samples, n_neighbors)
        The indices on the ``n_neighbors`` closest points in the dataset.
    """
    knn_indices = np.empty((X.shape[0], n_neighbors), dtype=np.int32)
    for row in numba.prange(X.shape[0]):
        # v = np.argsort(X[row])  # Need to call argsort this way for numba
        v = X[row].argsort(kind="quicksort")
        v = v[:n_neighbors]
        knn_indices[row] = v
    return knn_indices

# ---- harness (not part of the program) ----
ENTRY = "fast_knn_indices"


def inputs():
    # UMAP calls it on a precomputed (metric="precomputed") distance
    # matrix: pairwise Euclidean distances of 150 random 5-D points
    rng = np.random.default_rng(0)
    pts = rng.random((150, 5))
    dmat = np.sqrt(((pts[:, None, :] - pts[None, :, :]) ** 2).sum(-1))
    return (dmat, 10)
