# Source: IntelPython/dpbench dpbench/benchmarks/default/dbscan/dbscan_numba_n.py (commit 59c1b205)
# Licence: Apache-2.0 (SPDX-License-Identifier in the file; Copyright 2022 - 2023 Intel Corporation)
# Notes: DBSCAN density clustering: the plain-Python dbscan allocates an n*n neighbour-index buffer with np.empty_like(data, shape=..., dtype=...) and calls two jitted kernels: get_neighborhood (parallel=False, fastmath=True; blocked loops with `int(n % block_size > 0)` over a flattened point array, an eps-radius query writing into flat index and size arrays) and compute_clusters (breadth-first cluster growth against module constants NOISE/UNDEFINED/DEFAULT_QUEUE_CAPACITY, with a growable int64 queue kept as an (array, head, tail) tuple threaded through jitted helpers that return tuples, `min` of ints, a doubling resize with slice copy, `while not _queue_empty(...)`); returns the number of clusters; the whole file, nothing left out
# SPDX-FileCopyrightText: 2022 - 2023 Intel Corporation
#
# SPDX-License-Identifier: Apache-2.0

import numba as nb
import numpy as np

NOISE = -1
UNDEFINED = -2
DEFAULT_QUEUE_CAPACITY = 10


@nb.njit()
def _queue_create(capacity):
    return (np.empty(capacity, dtype=np.int64), 0, 0)


@nb.njit()
def _queue_resize(qu, tail, new_capacity):
    tail = min(tail, new_capacity)

    new_qu = np.empty(new_capacity, dtype=np.int64)
    new_qu[:tail] = qu[:tail]
    return new_qu, tail


@nb.njit()
def _queue_push(qu, value, tail, capacity):
    if tail == capacity:
        capacity = 2 * capacity
        qu, tail = _queue_resize(qu, tail, capacity)

    qu[tail] = value
    tail += 1

    return qu, tail, capacity


@nb.njit()
def _queue_pop(qu, head, tail):
    head += 1
    return qu[head - 1], head


@nb.njit()
def _queue_empty(head, tail):
    return head == tail


@nb.njit(parallel=False, fastmath=True)
def get_neighborhood(n, dim, data, eps, ind_lst, sz_lst):
    block_size = 1
    nblocks = n // block_size + int(n % block_size > 0)
    for i in range(nblocks):
        start = i * block_size
        stop = n if i + 1 == nblocks else start + block_size
        eps2 = eps * eps
        block_size1 = 256
        nblocks1 = n // block_size1 + int(n % block_size1 > 0)
        for ii in range(nblocks1):
            i1 = ii * block_size1
            i2 = n if ii + 1 == nblocks1 else i1 + block_size1
            for j in range(start, stop):
                for k in range(i1, i2):
                    dist = 0.0
                    for m in range(dim):
                        diff = data[k * dim + m] - data[j * dim + m]
                        dist += diff * diff
                    if dist <= eps2:
                        size = sz_lst[j]
                        ind_lst[j * n + size] = k
                        sz_lst[j] = size + 1


@nb.njit(parallel=False, fastmath=True)
def compute_clusters(  # noqa: C901: TODO: can we simplify logic?
    n, min_pts, assignments, sizes, indices_list
):
    nclusters = 0
    nnoise = 0
    for i in range(n):
        if assignments[i] != UNDEFINED:
            continue
        size = sizes[i]
        if size < min_pts:
            nnoise += 1
            assignments[i] = NOISE
            continue
        nclusters += 1
        assignments[i] = nclusters - 1

        qu_capacity = DEFAULT_QUEUE_CAPACITY
        qu, head, tail = _queue_create(qu_capacity)
        for j in range(size):
            next_point = indices_list[i * n + j]
            if assignments[next_point] == NOISE:
                nnoise -= 1
                assignments[next_point] = nclusters - 1
            elif assignments[next_point] == UNDEFINED:
                assignments[next_point] = nclusters - 1
                qu, tail, qu_capacity = _queue_push(
                    qu, next_point, tail, qu_capacity
                )

        while not _queue_empty(head, tail):
            cur_point, head = _queue_pop(qu, head, tail)
            size = sizes[cur_point]
            assignments[cur_point] = nclusters - 1
            if size < min_pts:
                continue

            for j in range(size):
                next_point = indices_list[cur_point * n + j]
                if assignments[next_point] == NOISE:
                    nnoise -= 1
                    assignments[next_point] = nclusters - 1
                elif assignments[next_point] == UNDEFINED:
                    assignments[next_point] = nclusters - 1
                    qu, tail, qu_capacity = _queue_push(
                        qu, next_point, tail, qu_capacity
                    )

    return nclusters


def dbscan(n_samples, n_features, data, eps, min_pts):
    indices_list = np.empty_like(
        data, shape=n_samples * n_samples, dtype=np.int64
    )
    sizes = np.zeros_like(data, shape=n_samples, dtype=np.int64)

    get_neighborhood(n_samples, n_features, data, eps, indices_list, sizes)

    assignments = np.empty(n_samples, dtype=np.int64)
    for i in range(n_samples):
        assignments[i] = UNDEFINED

    return compute_clusters(
        n_samples, min_pts, assignments, sizes, indices_list
    )

# ---- harness (not part of the program) ----
ENTRY = "dbscan"


def inputs():
    # as dpbench's dbscan_initialize: 2**9 points in 2 features from
    # isotropic Gaussian blobs (make_blobs-like: 5 centres in [-10, 10]^2,
    # unit spread), standardised per feature and flattened to float64, with
    # its OPTIMAL_PARAMS entry for (512, 2): eps=0.15, minpts=4
    rng = np.random.default_rng(0)
    n, d, k = 512, 2, 5
    centers = rng.uniform(-10.0, 10.0, (k, d))
    labels = rng.integers(0, k, n)
    X = centers[labels] + rng.standard_normal((n, d))
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    return (n, d, X.flatten().astype(np.float64), 0.15, 4)
