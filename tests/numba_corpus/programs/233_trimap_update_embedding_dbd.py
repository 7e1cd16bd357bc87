# Source: eamid/trimap trimap/trimap_.py (at commit 940db32b)
# Licence: Apache-2.0 (trimap, LICENSE; Copyright 2018 Ehsan Amid)
# Notes: one delta-bar-delta momentum step of TriMap's gradient descent (dimensionality reduction with triplet constraints, opt_method='dbd', the default): update_embedding_dbd is @numba.njit with an eager float32 signature string 'void(f4[:,:],f4[:,:],f4[:,:],f4[:,:],f4,i4)', parallel=True and nogil=True; it picks the momentum from the iteration number (a float local bound in both branches of an if), loops with nested numba.prange over points and dimensions, indexes rows then elements (gain[i][d]), sets each gain with a conditional expression comparing np.sign of two float32 elements and taking np.maximum of two scalars in the other arm, and updates the velocity and the embedding in place (float32 arrays written from float64 arithmetic); the gradient array has one extra row (the loss row trimap_grad appends). The file's other optimisation kernels (update_embedding and trimap_grad, which follow it in the file, both eagerly compiled from float32/int32 signatures) are kept; left out: the distance functions, the random triplet samplers (np.random inside jitted code), find_p and find_weights, the plain-Python generate_triplets, trimap and TRIMAP estimator (whose loop inputs() follows), the `if sys.version_info < (3,): range = xrange` shim and the imports only they use (sklearn, annoy, time, datetime, sys, warnings)
#!/usr/bin/env python2
# -*- coding: utf-8 -*-
"""

TriMap: Large-scale Dimensionality Reduction Using Triplet Constraints

"""


import numba
import numpy as np


@numba.njit('void(f4[:,:],f4[:,:],f4[:,:],f4,i4,i4)', parallel=True, nogil=True)
def update_embedding(Y, grad, vel, lr, iter_num, opt_method):
    n, dim = Y.shape
    if opt_method == 0: # sd
        for i in numba.prange(n):
            for d in numba.prange(dim):
                Y[i][d] -= lr * grad[i][d]
    elif opt_method == 1: # momentum
        if iter_num > 250:
            gamma = 0.5
        else:
            gamma = 0.3
        for i in numba.prange(n):
            for d in numba.prange(dim):
                vel[i][d] = gamma * vel[i][d] - lr * grad[i][d] # - 1e-5 * Y[i,d]
                Y[i][d] += vel[i][d]

@numba.njit('void(f4[:,:],f4[:,:],f4[:,:],f4[:,:],f4,i4)', parallel=True, nogil=True)
def update_embedding_dbd(Y, grad, vel, gain, lr, iter_num):
    n, dim = Y.shape
    if  iter_num > 250:
        gamma = 0.8 # moment parameter
    else:
        gamma = 0.5
    min_gain = 0.01
    for i in numba.prange(n):
        for d in numba.prange(dim):
            gain[i][d] = (gain[i][d]+0.2) if (np.sign(vel[i][d]) != np.sign(grad[i][d])) else np.maximum(gain[i][d]*0.8, min_gain)
            vel[i][d] = gamma * vel[i][d] - lr * gain[i][d] * grad[i][d]
            Y[i][d] += vel[i][d]

@numba.njit('f4[:,:](f4[:,:],i4,i4,i4[:,:],f4[:])', parallel=True, nogil=True)
def trimap_grad(Y, n_inlier, n_outlier, triplets, weights):
    n, dim = Y.shape
    n_triplets = triplets.shape[0]
    grad = np.zeros((n, dim), dtype=np.float32)
    y_ij = np.empty(dim, dtype=np.float32)
    y_ik = np.empty(dim, dtype=np.float32)
    n_viol = 0.0
    loss = 0.0
    n_knn_triplets = n * n_inlier * n_outlier
    for t in range(n_triplets):
        i = triplets[t,0]
        j = triplets[t,1]
        k = triplets[t,2]
        if (t % n_outlier) == 0 or (t >= n_knn_triplets):  # update y_ij, y_ik, d_ij, d_ik
            d_ij = 1.0
            d_ik = 1.0
            for d in range(dim):
                y_ij[d] = Y[i,d] - Y[j,d]
                y_ik[d] = Y[i,d] - Y[k,d]
                d_ij += y_ij[d]**2
                d_ik += y_ik[d]**2
        else:  # update y_ik and d_ik only
            d_ik = 1.0
            for d in range(dim):
                y_ik[d] = Y[i,d] - Y[k,d]
                d_ik += y_ik[d]**2
        if (d_ij > d_ik):
            n_viol += 1.0
        loss += weights[t] * 1.0/(1.0 + d_ik/d_ij)
        w = weights[t]/(d_ij + d_ik)**2
        for d in range(dim):
            gs = y_ij[d] * d_ik * w
            go = y_ik[d] * d_ij * w
            grad[i,d] += gs - go
            grad[j,d] -= gs
            grad[k,d] += go
    last = np.zeros((1,dim), dtype=np.float32)
    last[0] = loss
    last[1] = n_viol
    return np.vstack((grad, last))  

# ---- harness (not part of the program) ----
ENTRY = "update_embedding_dbd"


def inputs():
    # what trimap(..., opt_method='dbd') hands to update_embedding_dbd at
    # iteration 300 for 200 points embedded in 2 dimensions: the float32
    # embedding (of the 0.01 * PCA scale the default initialisation
    # gives), the float32 gradient with trimap_grad's extra loss row, the
    # velocity and per-coordinate gains left by earlier iterations (mixed
    # signs against the gradient, gains between 0.01 and 2), and the
    # learning rate 1000 * n / n_triplets for the default 10 inliers, 5
    # outliers and 5 random triplets per point
    rng = np.random.default_rng(0)
    n, dim = 200, 2
    n_triplets = n * (10 * 5 + 5)
    Y = (0.01 * rng.standard_normal((n, dim))).astype(np.float32)
    grad = (1e-4 * rng.standard_normal((n + 1, dim))).astype(np.float32)
    grad[-1] = 1234.5
    vel = (1e-3 * rng.standard_normal((n, dim))).astype(np.float32)
    gain = rng.uniform(0.01, 2.0, (n, dim)).astype(np.float32)
    lr = np.float32(1000.0 * n / n_triplets)
    return (Y, grad, vel, gain, lr, 300)
