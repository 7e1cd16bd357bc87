# Source: numba/numba examples/k-means/k-means_numba.py
# Licence: BSD-2-Clause (Numba; Copyright (c) 2017 Intel Corporation)
# Notes: k-means clustering written with list comprehensions, boolean masks and argmin

#
# Copyright (c) 2017 Intel Corporation
# SPDX-License-Identifier: BSD-2-Clause
#

from numba import njit
import numpy as np
from math import sqrt

@njit
def kmeans(A, numCenter, numIter, N, D, init_centroids):
    centroids = init_centroids

    for l in range(numIter):
        dist = np.array([[sqrt(np.sum((A[i,:]-centroids[j,:])**2))
                                for j in range(numCenter)] for i in range(N)])
        labels = np.array([dist[i,:].argmin() for i in range(N)])

        centroids = np.array([[np.sum(A[labels==i, j])/np.sum(labels==i)
                                 for j in range(D)] for i in range(numCenter)])

    return centroids

# ---- harness (not part of the program) ----
ENTRY = "kmeans"


def inputs():
    rng = np.random.default_rng(0)
    N, D, centers = 300, 4, 3
    A = rng.random((N, D))
    init_centroids = A[:centers].copy()
    return (A, centers, 5, N, D, init_centroids)
