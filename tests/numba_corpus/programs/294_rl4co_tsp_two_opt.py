# Source: ai4co/rl4co rl4co/envs/routing/tsp/local_search.py (at commit 341cc263)
# Licence: MIT (rl4co, LICENSE; Copyright (c) 2024 AI4CO)
# Notes: 2-opt local search improving a batch of travelling-salesman tours (combinatorial optimisation; the code credits henry-yeh/DeepACO): _two_opt_python (@nb.njit with the eager signature nb.uint16[:,:](nb.float32[:,:,:], nb.uint16[:,:], nb.int64), nogil=True, parallel=True) runs, for every tour of the batch (nb.prange), best-improvement passes of two_opt_once (eager nb.float32(nb.float32[:,:], nb.uint16[:], nb.uint16) with a default fixed_i = 0) until no move gains more than 1e-6 or max_iterations is reached; two_opt_once loops over a conditional expression that picks one of two range objects (range(1, n - 1) if fixed_i==0 else range(fixed_i, fixed_i + 1)), unpacks uint16 tour entries in tuple assignments, indexes the float32 distance matrix with them, keeps the best (p, q, delta) with a chained tuple assignment, and reverses the segment in place with tour[p: q + 1] = np.flip(tour[p: q + 1]); the tours are modified in place and returned. Pasted: the module's numpy and numba imports and the two jitted functions; left out: the plain-Python driver local_search (torch tensors in and out) and the imports only it uses (os, `from numba import set_num_threads`, torch, tensordict, rl4co.utils); the harness passes what local_search passes: float32 Euclidean distance matrices of 4 random 40-city instances plus 1e9 on the diagonal, uint16 random-permutation starting tours, and max_iterations 1000
import numpy as np
import numba as nb


@nb.njit(nb.float32(nb.float32[:,:], nb.uint16[:], nb.uint16), nogil=True)
def two_opt_once(distmat, tour, fixed_i = 0):
    '''in-place operation'''
    n = tour.shape[0]
    p = q = 0
    delta = 0
    for i in range(1, n - 1) if fixed_i==0 else range(fixed_i, fixed_i + 1):
        for j in range(i + 1, n):
            node_i, node_j = tour[i], tour[j]
            node_prev, node_next = tour[i - 1], tour[(j + 1) % n]
            if node_prev == node_j or node_next == node_i:
                continue
            change = (
                distmat[node_prev, node_j] + distmat[node_i, node_next]
                - distmat[node_prev, node_i] - distmat[node_j, node_next]
            )
            if change < delta:
                p, q, delta = i, j, change
    if delta < -1e-6:
        tour[p: q + 1] = np.flip(tour[p: q + 1])
        return delta
    else:
        return 0.0

@nb.njit(nb.uint16[:,:](nb.float32[:,:,:], nb.uint16[:,:], nb.int64), nogil=True, parallel=True)
def _two_opt_python(distmat, tour, max_iterations=1000):
    for i in nb.prange(tour.shape[0]):
        iterations = 0
        min_change = -1.0
        while min_change < -1e-6 and iterations < max_iterations:
            min_change = two_opt_once(distmat[i], tour[i], 0)
            iterations += 1
    return tour
# ---- harness (not part of the program) ----
ENTRY = "_two_opt_python"


def inputs():
    # 4 instances of 40 cities uniform in the unit square (rl4co's TSP
    # generator), float32 distance matrices + 1e9 * I as local_search adds,
    # random-permutation starting tours as uint16
    rng = np.random.default_rng(0)
    B, n = 4, 40
    locs = rng.random((B, n, 2)).astype(np.float32)
    d = np.sqrt(((locs[:, :, None, :] - locs[:, None, :, :]) ** 2).sum(-1)).astype(np.float32)
    d = d + 1e9 * np.eye(n, dtype=np.float32)[None, :, :]
    tours = np.stack([rng.permutation(n) for _ in range(B)]).astype(np.uint16)
    return (d, tours, 1000)
