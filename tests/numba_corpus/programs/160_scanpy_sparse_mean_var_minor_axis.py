# Source: scverse/scanpy scanpy/preprocessing/_utils.py
# Licence: BSD-3-Clause (scanpy, LICENSE; Copyright (c) 2017, F. Alexander Wolf, P. Angerer)
# Notes: per-gene mean and (biased) variance of a sparse single-cell count matrix in CSR form, computed from the stored entries only (the zeros are added back as (major_len - counts) * mean**2), as scanpy's _get_mean_var does for highly-variable-gene selection: a NumPy scalar type (np.float64) passed as an argument and used as dtype= in np.zeros and np.zeros_like, float32 data accumulated into float64, int32 column indices, `from __future__ import annotations`; the module's plain-Python dispatchers, sparse_mean_var_major_axis (keyword-only arguments) and the imports only they use (scipy, sklearn, the relative import of .._utils) left out
from __future__ import annotations

import numba
import numpy as np


@numba.njit(cache=True)
def sparse_mean_var_minor_axis(data, indices, major_len, minor_len, dtype):
    """
    Computes mean and variance for a sparse matrix for the minor axis.

    Given arrays for a csr matrix, returns the means and variances for each
    column back.
    """
    non_zero = indices.shape[0]

    means = np.zeros(minor_len, dtype=dtype)
    variances = np.zeros_like(means, dtype=dtype)

    counts = np.zeros(minor_len, dtype=np.int64)

    for i in range(non_zero):
        col_ind = indices[i]
        means[col_ind] += data[i]

    for i in range(minor_len):
        means[i] /= major_len

    for i in range(non_zero):
        col_ind = indices[i]
        diff = data[i] - means[col_ind]
        variances[col_ind] += diff * diff
        counts[col_ind] += 1

    for i in range(minor_len):
        variances[i] += (major_len - counts[i]) * means[i] ** 2
        variances[i] /= major_len

    return means, variances

# ---- harness (not part of the program) ----
ENTRY = "sparse_mean_var_minor_axis"


def inputs():
    # what sparse_mean_variance_axis(X, axis=0) passes for a CSR count matrix
    # of 300 cells x 120 genes (about 15% non-zero, float32 counts, int32
    # column indices): data, indices, *X.shape, np.float64
    rng = np.random.default_rng(0)
    n_cells, n_genes = 300, 120
    dense = rng.poisson(2.0, (n_cells, n_genes)).astype(np.float32)
    dense[rng.random((n_cells, n_genes)) > 0.15] = 0
    rows, cols = np.nonzero(dense)
    data = dense[rows, cols]
    indices = cols.astype(np.int32)
    return (data, indices, n_cells, n_genes, np.float64)
