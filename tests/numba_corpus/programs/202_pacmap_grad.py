# Source: YingfanWang/PaCMAP source/pacmap/pacmap.py
# Licence: Apache-2.0 (PaCMAP, LICENSE; Copyright 2020 Yingfan Wang, Haiyang Huang, Cynthia Rudin, Yaron Shaposhnik)
# Notes: the PaCMAP gradient of one optimisation step: for the near-neighbour, mid-near and further pairs it accumulates float32 attractive/repulsive forces into an (n + 1, dim) gradient whose extra last row carries the summed loss; an eager signature string "f4[:,:](f4[:,:],i4[:,:],i4[:,:],i4[:,:],f4,f4,f4)" with parallel=True, nogil=True and cache=True (no prange in the body), scalar reads as Y[i, d] and as Y[i][d], grad[-1, 0] = loss.sum(); the module's other jitted functions (the distance kernels, the pair samplers, which draw with np.random inside njit, scale_dist, update_embedding_adam and pacmap_grad_fit), the plain-Python PaCMAP class and its helpers, and the imports only they use (datetime, logging, math, os, time, pickle, sklearn, annoy) are left out
import numba

import numpy as np


@numba.njit("f4[:,:](f4[:,:],i4[:,:],i4[:,:],i4[:,:],f4,f4,f4)", parallel=True, nogil=True, cache=True)
def pacmap_grad(Y, pair_neighbors, pair_MN, pair_FP, w_neighbors, w_MN, w_FP):
    '''Calculate the gradient for pacmap embedding given the particular set of weights.'''
    n, dim = Y.shape
    grad = np.zeros((n + 1, dim), dtype=np.float32)
    y_ij = np.empty(dim, dtype=np.float32)
    loss = np.zeros(4, dtype=np.float32)
    # NN
    for t in range(pair_neighbors.shape[0]):
        i = pair_neighbors[t, 0]
        j = pair_neighbors[t, 1]
        d_ij = 1.0
        for d in range(dim):
            y_ij[d] = Y[i, d] - Y[j, d]
            d_ij += y_ij[d] ** 2
        loss[0] += w_neighbors * (d_ij / (10. + d_ij))
        w1 = w_neighbors * (20. / (10. + d_ij) ** 2)
        for d in range(dim):
            grad[i, d] += w1 * y_ij[d]
            grad[j, d] -= w1 * y_ij[d]
    # MN
    for tt in range(pair_MN.shape[0]):
        i = pair_MN[tt, 0]
        j = pair_MN[tt, 1]
        d_ij = 1.0
        for d in range(dim):
            y_ij[d] = Y[i][d] - Y[j][d]
            d_ij += y_ij[d] ** 2
        loss[1] += w_MN * d_ij / (10000. + d_ij)
        w = w_MN * 20000. / (10000. + d_ij) ** 2
        for d in range(dim):
            grad[i, d] += w * y_ij[d]
            grad[j, d] -= w * y_ij[d]
    # FP
    for ttt in range(pair_FP.shape[0]):
        i = pair_FP[ttt, 0]
        j = pair_FP[ttt, 1]
        d_ij = 1.0
        for d in range(dim):
            y_ij[d] = Y[i, d] - Y[j, d]
            d_ij += y_ij[d] ** 2
        loss[2] += w_FP * 1. / (1. + d_ij)
        w1 = w_FP * 2. / (1. + d_ij) ** 2
        for d in range(dim):
            grad[i, d] -= w1 * y_ij[d]
            grad[j, d] += w1 * y_ij[d]
    grad[-1, 0] = loss.sum()
    return grad

# ---- harness (not part of the program) ----
ENTRY = "pacmap_grad"


def inputs():
    # a 2-D float32 embedding of 300 points (PaCMAP's PCA-scaled start,
    # 0.01 * N(0, 1)), with the pair tables as generate_pair builds them:
    # 10 neighbour pairs, 5 mid-near pairs and 20 further pairs per point,
    # each row (i, j) with j != i; weights of the first phase at iteration 0
    rng = np.random.default_rng(0)
    n, n_nb, n_mn, n_fp = 300, 10, 5, 20

    def pairs(k):
        i = np.repeat(np.arange(n), k)
        j = (i + rng.integers(1, n, size=n * k)) % n
        return np.stack([i, j], axis=1).astype(np.int32)

    Y = (0.01 * rng.standard_normal((n, 2))).astype(np.float32)
    return (Y, pairs(n_nb), pairs(n_mn), pairs(n_fp), 2.0, 1000.0, 1.0)
