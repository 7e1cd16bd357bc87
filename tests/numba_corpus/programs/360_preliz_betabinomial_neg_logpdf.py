# Source: arviz-devs/preliz preliz/distributions/betabinomial.py (at commit 047d88c9), with betaln and gammaln from preliz/internal/special.py (at commit 031f74bd)
# Licence: Apache-2.0 (preliz, pyproject.toml classifier "License :: OSI Approved :: Apache Software License"; ArviZ team)
# Notes: the negative log-likelihood of a beta-binomial sample, the objective PreliZ minimises when it fits the distribution to data by maximum likelihood (prior elicitation, Bayesian modelling): nb_neg_logpdf (@nb.njit(cache=True)) calls nb_logpdf on the whole int64 sample and sums it; nb_logpdf is a lazily typed @nb.vectorize(nopython=True, cache=True) ufunc (called with an array and five scalars from jitted code) that returns -np.inf outside [lower, upper] and otherwise combines three betaln calls; betaln is itself a @nb.vectorize ufunc called on scalars inside the other ufunc's kernel (with raise ValueError and np.inf branches), and it calls gammaln (@nb.njit), the Numerical Recipes series with a list of six coefficients, np.ones_like of a scalar and np.log. Pasted: special.py's pylint comments, its numba and numpy imports, betaln and gammaln, then the two jitted functions at the end of betabinomial.py; left out: the BetaBinomial class and its imports (Discrete, all_not_none, eps, find_ppf, optimize_ml, optimize_moments, cdf_bounds) and the rest of special.py; the harness passes what BetaBinomial(alpha=2.3, beta=4.1, n=20)._neg_logpdf passes: a sample of 500 counts drawn from that distribution (int64), np.float64 alpha and beta, np.int64 n and the support (0, n) as the Python int 0 and np.int64(20)
# pylint: disable=invalid-name
# pylint: disable=no-else-raise
import numba as nb
import numpy as np


@nb.vectorize(nopython=True, cache=True)
def betaln(a, b):
    if a < 0 or b < 0:
        raise ValueError("Arguments must be positive.")
    elif a == 0 and b == 0:
        return np.inf
    elif a == 0 or b == 0:
        return np.inf

    return gammaln(a) + gammaln(b) - gammaln(a + b)


@nb.njit(cache=True)
def gammaln(x):
    cof = [
        76.18009172947146,
        -86.50532032941677,
        24.01409824083091,
        -1.231739572450155,
        0.1208650973866179e-2,
        -0.5395239384953e-5,
    ]
    stp = 2.5066282746310005
    fpf = 5.5
    x = x - 1.0
    tmp = x + fpf
    tmp = (x + 0.5) * np.log(tmp) - tmp
    ser = np.ones_like(x) * 1.000000000190015
    for j in range(6):
        x = x + 1
        ser = ser + cof[j] / x
    return tmp + np.log(stp * ser)


@nb.vectorize(nopython=True, cache=True)
def nb_logpdf(x, alpha, beta, n, lower, upper):
    if x < lower:
        return -np.inf
    if x > upper:
        return -np.inf
    else:
        combiln = -np.log(n + 1) - betaln(n - x + 1, x + 1)
        return combiln + betaln(x + alpha, n - x + beta) - betaln(alpha, beta)


@nb.njit(cache=True)
def nb_neg_logpdf(x, alpha, beta, n, lower, upper):
    return -(nb_logpdf(x, alpha, beta, n, lower, upper)).sum()
# ---- harness (not part of the program) ----
ENTRY = "nb_neg_logpdf"


def inputs():
    # 500 draws from BetaBinomial(2.3, 4.1, 20), as BetaBinomial.rvs draws
    # them (a binomial with beta-distributed success probabilities)
    rng = np.random.default_rng(0)
    alpha, beta, n = np.float64(2.3), np.float64(4.1), np.int64(20)
    x = rng.binomial(n=n, p=rng.beta(alpha, beta, size=500)).astype(np.int64)
    return x, alpha, beta, n, 0, n
