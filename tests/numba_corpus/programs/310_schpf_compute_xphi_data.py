# Source: simslab/scHPF schpf/hpf_numba.py (at commit 278e27b9)
# Licence: BSD-2-Clause (scHPF, LICENSE: Copyright (c) 2018, Sims Lab; the package's setup.py gives license='GPLv3')
# Notes: the local-parameter update of single-cell hierarchical Poisson factorization, variational inference on a sparse UMI count matrix (single-cell genomics): compute_Xphi_data (@numba.njit(parallel=True, nogil=True)) precomputes E[log theta] and E[log beta] with numba.prange loops that call scipy's digamma through a ctypes function pointer (psi, a module-level ctypes.CFUNCTYPE object built from numba.extending.get_cython_function_address("scipy.special.cython_special", "__pyx_fuse_1psi")), then for every nonzero (prange) builds log rho over the factors in a per-iteration np.zeros array, applies the log-sum-exp shift with np.max and np.exp, uses a scalar accumulator made as np.zeros(1, dtype=dtype)[0], and writes X_data[i] * rho / normalizer into row i of an (nnz, nfactors) array whose dtype is taken from an argument (dtype = theta_vi_shape.dtype). Pasted: the whole module as it is (its ctypes, numpy, scipy and numba imports, the module-level ctypes pointers psi and cgammaln, and all jitted and plain functions); the harness passes what scHPF's fit loop passes: the data, row and column arrays of a 200 cells x 300 genes COO matrix of int32 counts (about 10 % nonzero) and float64 variational shape and rate parameters of theta (cells x 8 factors) and beta (genes x 8 factors) around scHPF's initial values
#!/usr/bin/python

import ctypes
import numpy as np
from scipy.sparse import coo_matrix
try:
    from scipy.misc import logsumexp
except ImportError:
    from scipy.special import logsumexp

import numba
from numba.extending import get_cython_function_address as getaddr

# get numba-compatible digamma/psi and gammaln
# psi/digamma
psi_fnaddr = getaddr("scipy.special.cython_special", "__pyx_fuse_1psi")
psi_ftype = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double)
psi = psi_ftype(psi_fnaddr)
# gammaln
gammaln_fnaddr = getaddr("scipy.special.cython_special", "gammaln")
gammaln_ftype = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double)
cgammaln = gammaln_ftype(gammaln_fnaddr)

@numba.njit(parallel=True, nogil=True, fastmath=True)
def compute_pois_llh(X_data, X_row, X_col,
                     theta_vi_shape, theta_vi_rate,
                     beta_vi_shape, beta_vi_rate):
    ncells, ngenes = (theta_vi_shape.shape[0], beta_vi_shape.shape[0])
    nfactors, nnz = (theta_vi_shape.shape[1], X_data.shape[0])
    dtype = theta_vi_shape.dtype

    # precompute expectations
    theta_e_x = np.zeros_like(theta_vi_shape, dtype=dtype)
    for i in numba.prange(ncells):
        for k in range(nfactors):
            theta_e_x[i,k] = theta_vi_shape[i,k] / theta_vi_rate[i,k]

    beta_e_x = np.zeros_like(beta_vi_shape, dtype=dtype)
    for i in numba.prange(ngenes):
        for k in range(nfactors):
            beta_e_x[i,k] = beta_vi_shape[i,k] / beta_vi_rate[i,k]

    # compute llh
    llh = np.zeros(X_data.shape, dtype=dtype)
    for i in numba.prange(nnz):
        e_rate = np.zeros(1, dtype=dtype)[0]
        for k in range(nfactors):
            e_rate += theta_e_x[X_row[i],k] * beta_e_x[X_col[i], k]
        llh[i] = X_data[i] * np.log(e_rate) - e_rate \
            - cgammaln(X_data[i] + 1.0)
    return llh


@numba.njit(parallel=True, nogil=True)
def compute_Xphi_data(X_data, X_row, X_col,
                     theta_vi_shape, theta_vi_rate,
                     beta_vi_shape, beta_vi_rate):
    """ Fast version of Xphi computation using numba & gsl_digamma

    Parameters
    ----------
    X_data : ndarray of np.int32
        (number_nonzero, ) array of nonzero values
    X_row : ndarray of np.int32
        (number_nonzero, ) array of row ids for each nonzero value
    X_col : ndarray (np.int32)
        (number_nonzero, ) array of column ids for each nonzero value
    theta_vi_shape : ndarray
        (ncells, nfactors) array of values for theta's variational shape
    theta_vi_rate : ndarray
        (ncells, nfactors) array of values for theta's variational rate
    beta_vi_shape : ndarray
        (ngenes, nfactors) array of values for beta's variational shape
    beta_vi_rate : ndarray
        (ngenes, nfactors) array of values for beta's variational rate
    """
    # convenience
    ncells, ngenes = (theta_vi_shape.shape[0], beta_vi_shape.shape[0])
    nfactors, nnz = (theta_vi_shape.shape[1], X_data.shape[0])
    dtype = theta_vi_shape.dtype

    # precompute theta.e_logx
    theta_e_logx = np.zeros_like(theta_vi_shape, dtype=dtype)
    for i in numba.prange(ncells):
        for k in range(nfactors):
            theta_e_logx[i,k] = psi(theta_vi_shape[i,k]) \
                                - np.log(theta_vi_rate[i,k])

    # precompute beta.e_logx
    beta_e_logx = np.zeros_like(beta_vi_shape, dtype=dtype)
    for i in numba.prange(ngenes):
        for k in range(nfactors):
            beta_e_logx[i,k] = psi(beta_vi_shape[i,k]) \
                               - np.log(beta_vi_rate[i,k])

    # compute Xphi
    Xphi = np.zeros((X_row.shape[0], theta_e_logx.shape[1]), dtype=dtype)
    for i in numba.prange(nnz):
        logrho = np.zeros((Xphi.shape[1]), dtype=dtype)
        for k in range(nfactors):
            logrho[k] = theta_e_logx[X_row[i],k] + beta_e_logx[X_col[i], k]

        #log normalizer trick
        rho_shift = np.zeros((Xphi.shape[1]), dtype=dtype)
        normalizer = np.zeros(1, dtype=dtype)[0]
        largest_in = np.max(logrho)
        for k in range(nfactors):
            rho_shift[k] = np.exp(logrho[k] - largest_in)
            normalizer += rho_shift[k]

        for k in range(nfactors):
            Xphi[i,k] = X_data[i] * rho_shift[k] / normalizer

    return Xphi


def compute_Xphi_data_numpy(X, theta, beta):
    """Single-threaded version of compute_Xphi_data
    """
    logrho = theta.e_logx[X.row, :] + beta.e_logx[X.col, :]
    logphi = logrho - logsumexp(logrho, axis=1)[:,None]
    return X.data[:,None] * np.exp(logphi)


@numba.njit(fastmath=True) #results unstable with prange. don't do it.
def compute_loading_shape_update(Xphi_data, X_keep, nkeep, shape_prior):
    """Compute gamma shape updates for theta or beta using numba

    Parameters
    ----------
    Xphi_data : ndarray
        (number_nonzero, nfactors) array of X * phi
    X_keep : ndarray
        (number_nonzer,) vector of indices along the axis of interest.
        If X is an (ncell,ngene) coo_matrix, this should be X.row when
        computing updates for theta and X.col when computing updates for
        beta
    nkeep : int
        Number of items on the axis of interest.  ncells when computing
        updates for theta, and ngenes for updates for beta
    shape_prior : float
        Hyperprior for parameter. a for theta, c for beta.

    """
    nnz, nfactors = Xphi_data.shape
    dtype = Xphi_data.dtype

    result = shape_prior * np.ones((nkeep, nfactors), dtype=dtype)
    for i in range(nnz):
        ikeep = X_keep[i]
        for k in range(nfactors):
            result[ikeep, k] += Xphi_data[i,k]
    return result


@numba.njit(fastmath=True)
def compute_loading_rate_update(prior_vi_shape, prior_vi_rate,
        other_loading_vi_shape, other_loading_vi_rate,):
    # shorter names
    pvs, pvr = (prior_vi_shape, prior_vi_rate)
    olvs, olvr = (other_loading_vi_shape, other_loading_vi_rate)
    dtype = prior_vi_shape.dtype

    other_loading_e_x_sum = np.zeros((olvs.shape[1]), dtype=dtype)
    for i in range(olvs.shape[0]):
        for k in range(olvs.shape[1]):
            other_loading_e_x_sum[k] += olvs[i,k] / olvr[i,k]

    result = np.zeros((pvs.shape[0], olvs.shape[1]), dtype=dtype)
    for i in range(pvs.shape[0]):
        prior_e_x = pvs[i] / pvr[i]
        for k in range(olvs.shape[1]):
            result[i, k] = prior_e_x + other_loading_e_x_sum[k]
    return result


@numba.njit(fastmath=True)
def compute_capacity_rate_update(loading_vi_shape, loading_vi_rate, prior_rate):
    dtype = loading_vi_shape.dtype
    result = prior_rate * np.ones((loading_vi_shape.shape[0],),
            dtype=dtype)
    for k in range(loading_vi_shape.shape[1]):
        for i in range(loading_vi_shape.shape[0]):
            result[i] += loading_vi_shape[i,k] / loading_vi_rate[i,k]
    return result
# ---- harness (not part of the program) ----
ENTRY = "compute_Xphi_data"


def inputs():
    # 200 cells x 300 genes, about 10 % nonzero UMI counts (geometric, as
    # int32) in COO order (row-major, as coo_matrix from a CSR matrix); 8
    # factors; variational shapes the priors a = c = 0.3 plus uniform
    # jitter and rates uniform in [0.5, 1.5), as after a random start
    rng = np.random.default_rng(0)
    ncells, ngenes, nfactors = 200, 300, 8
    mask = rng.random((ncells, ngenes)) < 0.1
    rows, cols = np.nonzero(mask)
    data = rng.geometric(0.4, rows.size).astype(np.int32)
    a = c = 0.3
    theta_vi_shape = a + rng.uniform(0.0, 0.5, (ncells, nfactors))
    theta_vi_rate = rng.uniform(0.5, 1.5, (ncells, nfactors))
    beta_vi_shape = c + rng.uniform(0.0, 0.5, (ngenes, nfactors))
    beta_vi_rate = rng.uniform(0.5, 1.5, (ngenes, nfactors))
    return (data, rows.astype(np.int32), cols.astype(np.int32),
            theta_vi_shape, theta_vi_rate, beta_vi_shape, beta_vi_rate)
