# Source: neonnnnn/sparsepoly sparsepoly/dataset.py (at commit 2ce490ff) and sparsepoly/kernels.py (at commit 1fa8305b)
# Licence: MIT (sparsepoly, LICENSE; Copyright (c) 2021 Kyohei Atarashi)
# Notes: sparsepoly (sparse factorization machines and polynomial networks): dataset.py wraps dense and scipy-sparse matrices in four @jitclass row/column accessors (ContiguousDataset, FortranDataset, CSRDataset, CSCDataset, specs with int32 scalars and float64[:, :] / int32[:] arrays, np.arange(..., dtype=np.int32) in __init__, methods returning (n_nz, indices, data) tuples of slices or a column view X[:, j]); kernels.py's @njit _all_subsets_fast takes two such jitclass instances of different classes, iterates the nonzeros of each row of X and of the matching column of P, and multiplies (1 + x*p) into the Gram matrix in place (output[:, :] = 1.0 first); get_dataset picks the class from sp.isspmatrix and the requested order. Pasted: dataset.py whole and, from kernels.py, safe_power, _all_subsets_fast and all_subsets_kernel; left out are the module's scikit-learn imports (polynomial_kernel, safe_sparse_dot; scikit-learn is not installed) and the functions that need them (_D, homogeneous_kernel, anova_kernel, poly_predict), and kernels.py's `from .dataset import get_dataset` line (defined above). The harness computes all-subsets Gram matrices for dense/dense, CSR/CSC sparse/sparse and mixed inputs (np.random.default_rng(0), about 30% nonzeros), and the dataset accessors' counts
# encoding: utf-8
# Author: Kyohei Atarashi
# License: MIT

import numpy as np
import scipy.sparse as sp
from numba import int32, float64
from numba.experimental import jitclass
from abc import ABCMeta, abstractmethod


spec_dense = [
    ("n_samples", int32),
    ("n_features", int32),
    ("X", float64[:, :]),
    ("indices", int32[:])
]


@jitclass(spec_dense)
class ContiguousDataset(object):
    def __init__(self, X):
        self.n_samples = X.shape[0]
        self.n_features = X.shape[1]
        self.X = X
        self.indices = np.arange(self.n_features, dtype=np.int32)

    def get_n_samples(self):
        return self.n_samples

    def get_n_features(self):
        return self.n_features

    def count_nonzero(self):
        return self.n_features * self.n_samples

    def get_row(self, i):
        return self.n_features, self.indices, self.X[i]


@jitclass(spec_dense)
class FortranDataset(object):
    def __init__(self, X):
        self.n_samples = X.shape[0]
        self.n_features = X.shape[1]
        self.X = X
        self.indices = np.arange(self.n_samples, dtype=np.int32)
 
    def get_n_samples(self):
        return self.n_samples

    def get_n_features(self):
        return self.n_features
    
    def count_nonzero(self):
        return self.n_features * self.n_samples

    def get_column(self, j):
        return self.n_samples, self.indices, self.X[:, j]


spec_sparse = [
    ("n_samples", int32),
    ("n_features", int32),
    ("data", float64[:]),
    ("indices", int32[:]),
    ("indptr", int32[:])
]

@jitclass(spec_sparse)
class CSRDataset(object):
    def __init__(self, n_samples, n_features, data, indices, indptr):
        self.n_samples = n_samples
        self.n_features = n_features
        self.data = data
        self.indices =  indices
        self.indptr = indptr
 
    def get_n_samples(self):
        return self.n_samples

    def get_n_features(self):
        return self.n_features
    
    def count_nonzero(self):
        return len(self.data)

    def get_row(self, i):
        start = self.indptr[i]
        end = self.indptr[i+1]
        n_nz = end - start
        return n_nz, self.indices[start:end], self.data[start:end]


@jitclass(spec_sparse)
class CSCDataset(object):
    def __init__(self, n_samples, n_features, data, indices, indptr):
        self.n_samples = n_samples
        self.n_features = n_features
        self.data = data
        self.indices =  indices
        self.indptr = indptr

    def get_n_samples(self):
        return self.n_samples

    def get_n_features(self):
        return self.n_features
    
    def count_nonzero(self):
        return len(self.data)

    def get_column(self, j):
        start = self.indptr[j]
        end = self.indptr[j+1]
        n_nz = end - start
        return n_nz, self.indices[start:end], self.data[start:end]


def get_dataset(X, order="c"):
    if sp.isspmatrix(X):
        if order == "fortran":
            X = X.tocsc()
            ds = CSCDataset(X.shape[0], X.shape[1], 
                            X.data, X.indices, X.indptr)
        else:
            X = X.tocsr()
            ds = CSRDataset(X.shape[0], X.shape[1],
                            X.data, X.indices, X.indptr)
    else:
        if order == "fortran":
            X = np.asfortranarray(X, dtype=np.float64)
            ds = FortranDataset(X)
        else:
            X = np.ascontiguousarray(X, dtype=np.float64)
            ds = ContiguousDataset(X)
    return ds


# ---- sparsepoly/kernels.py (the parts that do not need scikit-learn) ----
# encoding: utf-8
# Author: Kyohei Atarashi
# License: MIT

from numba import njit
import numpy as np
from scipy.sparse import issparse


def safe_power(X, degree=2):
    """Element-wise power supporting both sparse and dense data.

    Parameters
    ----------
    X : ndarray or sparse
        The array whose entries to raise to the power.

    degree : int, default: 2
        The power to which to raise the elements.

    Returns
    -------

    X_ret : ndarray or sparse
        Same shape as X, but (x_ret)_ij = (x)_ij ^ degree
    """
    if issparse(X):
        if hasattr(X, 'power'):
            return X.power(degree)
        else:
            # old scipy
            X = X.copy()
            X.data **= degree
            return X
    else:
        return X ** degree


@njit
def _all_subsets_fast(output, X, P):
    n_samples_x = X.get_n_samples()
    output[:, :] = 1.0
    for i1 in range(n_samples_x):
        n_nz_x, indices_x, data_x = X.get_row(i1)
        for jj in range(n_nz_x):
            j = indices_x[jj]
            n_nz_p, indices_p, data_p = P.get_column(j)
            for ii2 in range(n_nz_p):
                i2 = indices_p[ii2]
                output[i1, i2] *= (1 + data_x[jj]*data_p[ii2])


def all_subsets_kernel(X, P):
    output = np.ones((X.shape[0], P.shape[0]))
    _all_subsets_fast(output,
                      get_dataset(X, order='c'),
                      get_dataset(P, order='fortran'))
    return output


# ---- harness (not part of the program) ----
ENTRY = "sparsepoly_all_subsets"


def sparsepoly_all_subsets(X, P):
    out = {}
    Xs = sp.csr_matrix(X)
    Ps = sp.csr_matrix(P)
    out["dense_dense"] = all_subsets_kernel(X, P)
    out["sparse_sparse"] = all_subsets_kernel(Xs, Ps)
    out["sparse_dense"] = all_subsets_kernel(Xs, P)
    out["dense_sparse"] = all_subsets_kernel(X, Ps.tocsc())
    out["self"] = all_subsets_kernel(X, X)
    out["power"] = safe_power(X, 3)
    out["power_sparse"] = safe_power(Xs, 2).toarray()
    ds = get_dataset(Xs, order="fortran")
    out["counts"] = (ds.get_n_samples(), ds.get_n_features(), ds.count_nonzero(),
                     get_dataset(X).count_nonzero())
    return out


def inputs():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((40, 25)) * (rng.random((40, 25)) < 0.3)
    P = 0.3 * rng.standard_normal((12, 25)) * (rng.random((12, 25)) < 0.3)
    return (X, P)
