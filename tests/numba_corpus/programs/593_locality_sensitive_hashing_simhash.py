# Source: akdel/locality-sensitive-hashing numba_helpers.py (at commit cc757364)
# Licence: MIT (locality-sensitive-hashing, LICENSE; Copyright (c) 2019 akdel)
# Notes: the Numba kernels of a random-hyperplane (SimHash) locality-sensitive hashing package used to bucket similar signals and vectors (similarity search / recommender-style nearest-neighbour candidate generation): check_pass takes the sign of np.dot of two 1-D float vectors (a row of a 2-D array passed as an argument), vector_score hashes one observation against every hyperplane of the table, and vector_scores hashes a batch in a prange loop over observations (@nb.njit(parallel=True)), writing 0/1 bits into an int8 result argument and returning it. Pasted: the whole module verbatim; create_random_vectors draws np.random.randn inside jitted code and is not called. The harness (a plain-Python driver doing what LSH/lsh.py's VecorsInLSH does: LSH.create_custom_table centres each hyperplane, search_signals packs the bits with np.packbits and views the packed rows as byte strings, np.unique counts the buckets; lsh.py itself is left out because it uses np.bool, which NumPy removed, so the harness uses bool) hashes 200 noisy copies of 8 prototype signals of length 64 with 32 hyperplanes from a fixed table, and also hashes single signals with vector_score
import numpy as np
import numba as nb

@nb.njit
def create_random_vectors(k, d):
    return np.random.randn(k, d)


@nb.njit
def check_pass(v1, v2):
    dot = np.dot(v1, v2)
    if dot < 0:
        return 0
    else:
        return 1


@nb.njit
def vector_score(observation, table):
    r = np.zeros(table.shape[0])
    for i in range(table.shape[0]):
        r[i] = check_pass(observation, table[i])
    return r


@nb.njit(parallel=True)
def vector_scores(table, observations, res):
    for i in nb.prange(observations.shape[0]):
        for j in range(table.shape[0]):
            res[i, j] = check_pass(observations[i], table[j])
    return res


# ---- harness (not part of the program) ----
ENTRY = "lsh_buckets"


def lsh_buckets(signals, custom_table):
    table = np.zeros(custom_table.shape, dtype=np.float64)
    for i in range(custom_table.shape[0]):
        table[i] = custom_table[i] - np.mean(custom_table[i])
    res = np.zeros((signals.shape[0], table.shape[0]), dtype=np.int8)
    out = vector_scores(table, signals, res)
    packed = np.packbits(res.astype(bool)).reshape((signals.shape[0], -1)).view("uint8")
    keys = packed.view("|S%s" % packed.shape[1]).flatten()
    bins, counts = np.unique(keys, return_counts=True)
    singles = np.array([vector_score(signals[i], table) for i in range(5)])
    same = np.array([check_pass(signals[0], signals[1]), check_pass(signals[0], -signals[0])])
    return res, out, packed, [bytes(b) for b in bins], counts, singles, same


def inputs():
    rng = np.random.default_rng(0)
    protos = rng.normal(0.0, 1.0, (8, 64))
    labels = rng.integers(0, 8, 200)
    signals = protos[labels] + rng.normal(0.0, 0.15, (200, 64))
    custom_table = rng.normal(0.0, 1.0, (32, 64))
    return (signals, custom_table)
