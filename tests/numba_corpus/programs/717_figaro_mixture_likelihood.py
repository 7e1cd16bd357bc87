# Source: sterinaldi/FIGARO figaro/_numba_functions.py and figaro/_likelihood.py (both at commit 855f87bb)
# Licence: MIT (FIGARO, LICENSE; Copyright (c) 2022 Stefano Rinaldi)
# Notes: FIGARO (Fast Inference for GW Astronomy, Research & Observations) fits (hierarchical) Dirichlet-process Gaussian mixtures to gravitational-wave posterior samples; these two modules are its Numba kernels. _numba_functions.py wraps NumPy linear algebra in @njit helpers (inv, det, eigh, outer, diag, log1p, logsumexp, weighted logsumexp, rescale_matrix) and calls scipy's Cython gammaln from nopython code through numba.extending.get_cython_function_address and a ctypes CFUNCTYPE pointer; _likelihood.py builds the predictive likelihood of the hierarchical mixture on them: a quadratic form with nested prange loops inside plain @njit, 1-D and N-D normal log-densities, `@` matrix products, list comprehensions over prange turned into np.array, and a keyword argument (b = w) to a jitted callee. Pasted: both files in full, the second without its `from figaro._numba_functions import *` (the first precedes it here). The harness follows how figaro.mixture.HDPGMM evaluates one event: Monte Carlo draws of a parent component's mean and covariance (sigma from inverse-Wishart-like draws, built here as A A^T + I) against one event's mixture (means, covs, weights), in 2-D and in 1-D, plus the helpers (log_norm, rescale_matrix, log_add, eigh_jit, gammaln_jit)
import numpy as np
from numba import njit, prange
from numba.extending import get_cython_function_address
import ctypes

@njit
def inv_jit(M):
  return np.linalg.inv(M)

@njit
def logdet_jit(M):
    return np.log(np.linalg.det(M))

@njit
def logsumexp_jit(a):
    a_max = np.max(a)
    return np.log(np.sum(np.exp(a - a_max))) + a_max

@njit
def logsumexp_jit_weighted(a, b):
    a_max = np.max(a)
    tmp = b * np.exp(a - a_max)
    return np.log(np.sum(tmp)) + a_max

@njit
def log_add(x, y):
    if x >= y:
        return x+log1p_jit(np.exp(y-x))
    else:
        return y+log1p_jit(np.exp(x-y))

@njit
def outer_jit(x, y):
    return np.outer(x, y)
    
@njit
def divide_jit(x, y):
    return np.divide(x, y)

@njit
def diag_jit(m):
    return np.diag(m)

@njit
def rescale_matrix(S, n):
    std = np.sqrt(diag_jit(S))
    rho = divide_jit(S, outer_jit(std,std))
    return rho * outer_jit(std/np.sqrt(n), std/np.sqrt(n))

@njit
def eigh_jit(m):
    return np.linalg.eigh(m)

@njit
def log1p_jit(x):
    return np.log1p(x)

"""
See https://stackoverflow.com/a/54855769
Wrapper (based on https://github.com/numba/numba/issues/3086) for scipy's cython implementation of gammaln.
"""

_PTR = ctypes.POINTER
_dble = ctypes.c_double
_ptr_dble = _PTR(_dble)

addr = get_cython_function_address("scipy.special.cython_special", "gammaln")
functype = ctypes.CFUNCTYPE(_dble, _dble)
gammaln_float64 = functype(addr)

@njit
def gammaln_jit(x):
    return gammaln_float64(x)

LOG2PI = np.log(2*np.pi)

@njit
def scalar_product(v, M, n):
    """
    Scalar product: v*M*v^T
    
    Arguments:
        np.ndarray v: array
        np.ndarray M: matrix
        int n:        len(v)
    
    Returns:
        double: v*M*v^T
    """
    res = 0.
    for i in prange(n):
        for j in prange(n):
            res = res + M[i,j]*v[i]*v[j]
    return res

@njit
def log_norm_1d(x, m, s):
    """
    1D Normal logpdf
    
    Arguments:
        double x: value
        double m: mean
        double s: var
    
    Returns:
        Normal(m,s).logpdf(x)
    """
    return -(x-m)**2/(2*s) - 0.5*np.log(2*np.pi*s)

@njit
def log_norm(x, mu, cov):
    """
    Multivariate Normal logpdf
    
    Arguments:
        np.ndarray x:   value
        np.ndarray mu:  mean vector
        np.ndarray cov: covariance matrix
    
    Returns:
        double: MultivariateNormal(m,s).logpdf(x)
    """
    inv_cov  = inv_jit(cov)
    exponent = -0.5*scalar_product(x-mu, inv_cov, len(mu))
    lognorm  = 0.5*len(mu)*LOG2PI+0.5*logdet_jit(cov)
    return -lognorm+exponent

@njit
def log_norm_int(x, mu, cov_1, inv_cov_1, cov_2):
    """
    Multivariate Normal logpdf (tailored to this problem!)
    See https://arxiv.org/pdf/1811.04751v1.pdf
    
    Arguments:
        np.ndarray x:         value
        np.ndarray mu:        mean vector
        np.ndarray cov_1:     1st covariance matrix
        np.ndarray inv_cov_1: inverse of 1st covariance matrix
        np.ndarray cov_2:     2nd covariance matrix
    
    Returns:
        double: MultivariateNormal(m,s).logpdf(x)
    """
    inv_cov_2  = inv_jit(cov_2)
    inv_cov    = inv_cov_1@inv_jit(inv_cov_1+inv_cov_2)@inv_cov_2
    exponent   = -0.5*scalar_product(x-mu, inv_cov, len(mu))
    lognorm    = 0.5*len(mu)*LOG2PI+0.5*(logdet_jit(cov_1) + logdet_jit(cov_2) + logdet_jit(inv_cov_1+inv_cov_2))
    return -lognorm+exponent

#------------#
# 1D methods #
#------------#

@njit
def eval_mix_1d(mu, sigma, means, covs):
    """
    Computes N(mu_k| mu, (sigma_k^2+sigma^2) for all the components of a mixture (for predictive likelihood, 1D).
    
    Arguments:
        np.ndarray mu:    temptative mean of the parent mixture component
        np.ndarray sigma: temptative variance of the parent mixture component
        np.ndarray means: means of the event mixture components
        np.ndarray vars:  variances of the event mixture components
    
    Returns:
        np.ndarray: probability for each event mixture components
    """
    return np.array([log_norm_1d(means[i,0], mu, sigma+covs[i,0,0]) for i in prange(len(means))])

@njit
def evaluate_mixture_MC_draws_1d(mu, sigma, means, vars, w):
    """
    Computes N(mu_k| mu, (sigma_k^2+sigma^2) for a set of MC draws for mu and sigma.
    
    Arguments:
        np.ndarray mu:    MC draws for the mean of the parent mixture component
        np.ndarray sigma: MC draws for the variance of the parent mixture component
        np.ndarray means: means of the event mixture components
        np.ndarray vars:  variances of the event mixture components
        np.ndarray w:     component weights
    
    Returns:
        np.ndarray: probability for each MC draw
    """
    logP = np.zeros(len(mu), dtype = np.float64)
    for i in prange(len(mu)):
        logP[i] = logsumexp_jit_weighted(eval_mix_1d(mu[i], sigma[i], means, vars), b = w)
    return logP

#------------#
# ND methods #
#------------#

@njit
def eval_mix(mu, sigma, means, covs):
    """
    Computes N(mu_k| mu, (sigma_k^2+sigma^2) for all the components of a mixture (for predictive likelihood, ND).
    
    Arguments:
        np.ndarray mu:    temptative mean of the parent mixture component
        np.ndarray sigma: temptative covariance matrix of the parent mixture component
        np.ndarray means: means of the event mixture components
        np.ndarray covs:  covariance matrices of the event mixture components
    
    Returns:
        np.ndarray: probability for each event mixture components
    """
    inv_sigma = inv_jit(sigma)
    return np.array([log_norm_int(means[i], mu, sigma, inv_sigma, covs[i]) for i in prange(len(means))])

@njit
def evaluate_mixture_MC_draws(mu, sigma, means, covs, w):
    """
    Computes N(mu_k| mu, (sigma_k^2+sigma^2) for a set of MC draws for mu and sigma.
    
    Arguments:
        np.ndarray mu:    MC draws for the mean vector of the parent mixture component
        np.ndarray sigma: MC draws for the covariance matrix of the parent mixture component
        np.ndarray means: means of the event mixture components
        np.ndarray covs:  covariance matrices of the event mixture components
        np.ndarray w:     component weights
    
    Returns:
        np.ndarray: probability for each MC draw
    """
    logP = np.zeros(len(mu), dtype = np.float64)
    for i in prange(len(mu)):
        logP[i] = logsumexp_jit_weighted(eval_mix(mu[i], sigma[i], means, covs), b = w)
    return logP


# ---- harness (not part of the program) ----
ENTRY = "figaro_likelihood"


def figaro_likelihood(mu_MC, sigma_MC, means, covs, w, mu_MC_1d, sigma_MC_1d, means_1d, vars_1d, w_1d):
    out = {}
    out["logP_nd"] = evaluate_mixture_MC_draws(mu_MC, sigma_MC, means, covs, w)
    out["logP_1d"] = evaluate_mixture_MC_draws_1d(mu_MC_1d, sigma_MC_1d, means_1d, vars_1d, w_1d)
    out["log_norm"] = np.array([log_norm(means[k], mu_MC[0], sigma_MC[0]) for k in range(len(means))])
    out["rescaled"] = rescale_matrix(sigma_MC[1], 4.0)
    out["log_add"] = log_add(out["logP_nd"][0], out["logP_nd"][1])
    out["logsumexp"] = logsumexp_jit(out["logP_nd"])
    vals, vecs = eigh_jit(sigma_MC[2])
    out["eigvals"] = vals
    out["gammaln"] = np.array([gammaln_jit(x) for x in (0.5, 1.0, 3.7, 12.25)])
    return out


def inputs():
    rng = np.random.default_rng(0)
    dim, n_draws, n_comp = 2, 200, 6
    mu_MC = rng.normal(0.0, 2.0, size=(n_draws, dim))
    A = rng.normal(0.0, 0.6, size=(n_draws, dim, dim))
    sigma_MC = np.einsum("nij,nkj->nik", A, A) + np.eye(dim)
    means = rng.normal(0.0, 1.5, size=(n_comp, dim))
    B = rng.normal(0.0, 0.3, size=(n_comp, dim, dim))
    covs = np.einsum("nij,nkj->nik", B, B) + 0.1 * np.eye(dim)
    w = rng.dirichlet(np.ones(n_comp))
    mu_MC_1d = rng.normal(0.0, 2.0, size=n_draws)
    sigma_MC_1d = rng.uniform(0.2, 3.0, size=n_draws)
    means_1d = rng.normal(0.0, 1.5, size=(n_comp, 1))
    vars_1d = rng.uniform(0.05, 0.5, size=(n_comp, 1, 1))
    w_1d = rng.dirichlet(np.ones(n_comp))
    return (mu_MC, sigma_MC, means, covs, w, mu_MC_1d, sigma_MC_1d, means_1d, vars_1d, w_1d)
