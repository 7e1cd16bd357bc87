# Source: lmcinnes/pynndescent pynndescent/pynndescent_.py (diversify; + squared_euclidean from pynndescent/distances.py, at another commit)
# Licence: BSD-2-Clause (pynndescent, LICENSE; Copyright (c) 2018, Leland McInnes)
# Notes: "diversifies" a k-nearest-neighbour graph before it becomes the search graph (NNDescent._init_search_graph, diversify_epsilon=1.0): @numba.njit(parallel=True) with a numba.prange loop over rows, per-row reflected lists started as `[indices[i, 0]]` and appended to, a for/break over len(new_indices), a module-level float constant FLOAT32_EPS, and the distance passed in as a jitted function argument `dist` (here what metric="euclidean" selects, the fast alternative squared_euclidean: @numba.njit with a list of two eager float32 signatures, one a numba.types.Array(float32, 1, "C", readonly=True) pair, fastmath=True and locals= typing the loop index as uint16); writes the pruned rows back into the int32 index and float32 distance arrays (-1 / np.inf padding) and returns them; the harness binds squared_euclidean in a one-line wrapper (the call _init_search_graph makes) so that no function object is among the compared arguments; left out: the module's other functions and classes and the imports only they use (sklearn, scipy.sparse, heapq, the pynndescent submodules), and the other distances of distances.py (and its optimal_transport import)
# Author: Leland McInnes <leland.mcinnes@gmail.com>
#
# License: BSD 2 clause

import numba
import numpy as np


# ---- from pynndescent/distances.py ----

@numba.njit(
    [
        "f4(f4[::1],f4[::1])",
        numba.types.float32(
            numba.types.Array(numba.types.float32, 1, "C", readonly=True),
            numba.types.Array(numba.types.float32, 1, "C", readonly=True),
        ),
    ],
    fastmath=True,
    locals={
        "result": numba.types.float32,
        "diff": numba.types.float32,
        "dim": numba.types.uint32,
        "i": numba.types.uint16,
    },
)
def squared_euclidean(x, y):
    r"""Squared euclidean distance.

    .. math::
        D(x, y) = \sum_i (x_i - y_i)^2
    """
    result = 0.0
    dim = x.shape[0]
    for i in range(dim):
        diff = x[i] - y[i]
        result += diff * diff

    return result


# ---- pynndescent/pynndescent_.py ----

FLOAT32_EPS = np.finfo(np.float32).eps


@numba.njit(parallel=True)
def diversify(indices, distances, data, dist, epsilon=0.01):

    for i in numba.prange(indices.shape[0]):

        new_indices = [indices[i, 0]]
        new_distances = [distances[i, 0]]
        for j in range(1, indices.shape[1]):
            if indices[i, j] < 0:
                break

            flag = True
            for k in range(len(new_indices)):
                c = new_indices[k]
                d = dist(data[indices[i, j]], data[c])
                if new_distances[k] > FLOAT32_EPS and d < epsilon * distances[i, j]:
                    flag = False
                    break

            if flag:
                new_indices.append(indices[i, j])
                new_distances.append(distances[i, j])

        for j in range(indices.shape[1]):
            if j < len(new_indices):
                indices[i, j] = new_indices[j]
                distances[i, j] = new_distances[j]
            else:
                indices[i, j] = -1
                distances[i, j] = np.inf

    return indices, distances

# ---- harness (not part of the program) ----
def diversify_search_graph(indices, distances, data, epsilon):
    # the call in NNDescent._init_search_graph, with the distance function
    # bound here so that no function object is among the compared arguments
    return diversify(indices, distances, data, squared_euclidean, epsilon)


ENTRY = "diversify_search_graph"


def inputs():
    # what _init_search_graph passes: copies of the k-NN graph NN-descent
    # built (here the exact one, by brute force: 200 float32 points in 6
    # dimensions, 12 neighbours each, sorted by distance, the point itself
    # first at distance 0; int32 indices, float32 squared-euclidean
    # distances), the C-contiguous float32 data, and diversify_epsilon = 1.0
    rng = np.random.default_rng(0)
    data = rng.standard_normal((200, 6)).astype(np.float32)
    diff = data[:, None, :].astype(np.float64) - data[None, :, :]
    d2 = (diff ** 2).sum(axis=2)
    order = np.argsort(d2, axis=1, kind="stable")[:, :12]
    indices = order.astype(np.int32)
    distances = np.take_along_axis(d2, order, axis=1).astype(np.float32)
    return (indices, distances, data, 1.0)
