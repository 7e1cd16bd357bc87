# Source: YosefLab/Hotspot hotspot/local_stats.py (at commit 0912550d)
# Licence: MIT (Hotspot, LICENSE; Copyright (c) 2020 David DeTomaso)
# Notes: the null moments of Hotspot's local autocorrelation statistic G for one gene over a k-nearest-neighbour cell graph (single-cell bioinformatics): compute_moments_weights (@jit(nopython=True)) sums E[G] = sum w_ij mu_i mu_j over the (N, K) neighbour and weight tables (accumulators that start as the integer 0 and become floats), scatters per-node first and second weighted moments into two np.zeros(N) arrays through the neighbour indices (both endpoints of every edge, skipping zero weights with continue), squares one array in place of itself (t1 = t1**2), adds the x^2*y*z and x^2*y^2 terms with ** on scalars and returns the tuple (EG, EG2). Pasted: the module's numpy and numba imports and compute_moments_weights; left out: the module's tqdm, pandas, scipy, statsmodels, multiprocessing and package-relative imports (used only by the plain-Python compute_hs driver, which is left out), and the module's other jitted functions (local_cov_weights, compute_moments_weights_slow, compute_local_cov_max), not called by it; the harness passes what _compute_hs_inner passes for the "danb" model: per-cell expected counts mu and second moments x2 = var + mu^2 from a negative-binomial fit, and a 10-NN graph of 300 cells with Gaussian-kernel weights
import numpy as np
from numba import jit


@jit(nopython=True)
def compute_moments_weights(mu, x2, neighbors, weights):

    N = neighbors.shape[0]
    K = neighbors.shape[1]

    # Calculate E[G]
    EG = 0
    for i in range(N):
        for k in range(K):
            j = neighbors[i, k]
            wij = weights[i, k]

            EG += wij * mu[i] * mu[j]

    # Calculate E[G^2]
    EG2 = 0

    #   Get the x^2*y*z terms
    t1 = np.zeros(N)
    t2 = np.zeros(N)

    for i in range(N):
        for k in range(K):
            j = neighbors[i, k]

            wij = weights[i, k]
            if wij == 0:
                continue

            t1[i] += wij * mu[j]
            t2[i] += wij**2 * mu[j] ** 2

            t1[j] += wij * mu[i]
            t2[j] += wij**2 * mu[i] ** 2

    t1 = t1**2

    for i in range(N):
        EG2 += (x2[i] - mu[i] ** 2) * (t1[i] - t2[i])

    #  Get the x^2*y^2 terms
    for i in range(N):
        for k in range(K):
            j = neighbors[i, k]

            wij = weights[i, k]

            EG2 += wij**2 * (x2[i] * x2[j] - (mu[i] ** 2) * (mu[j] ** 2))

    EG2 += EG**2

    return EG, EG2
# ---- harness (not part of the program) ----
ENTRY = "compute_moments_weights"


def inputs():
    # 300 cells in a 5-D latent space, 10 nearest neighbours each (self
    # excluded) with Gaussian-kernel weights scaled by the distance to the
    # K/3-th neighbour as Hotspot's compute_weights does; a gene with mean
    # 0.8 UMIs per cell scaled by each cell's UMI total, NB variance
    # mu + mu^2 / 5, x2 = var + mu^2
    rng = np.random.default_rng(0)
    N, K = 300, 10
    latent = rng.normal(size=(N, 5))
    d = np.sqrt(((latent[:, None, :] - latent[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    neighbors = np.argsort(d, axis=1)[:, :K].astype(np.int64)
    dist = np.take_along_axis(d, neighbors, axis=1)
    sigma = dist[:, K // 3][:, None]
    weights = np.exp(-dist ** 2 / sigma ** 2)
    weights = weights / weights.sum(axis=1, keepdims=True)
    umi = rng.lognormal(8.0, 0.4, N)
    mu = 0.8 * umi / umi.mean()
    var = mu + mu ** 2 / 5.0
    x2 = var + mu ** 2
    return (mu, x2, neighbors, weights)
