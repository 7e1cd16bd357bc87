# Source: louisabraham/fastnode2vec fastnode2vec/graph.py (at commit 39465df7)
# Licence: MIT (fastnode2vec, LICENSE; Copyright (c) 2020 Louis Abraham)
# Notes: the transition table of weighted node2vec random walks on a graph (graph algorithms): _csr_row_cumsum (@njit(nogil=True)) turns the row-normalised edge weights of a CSR adjacency matrix into per-row cumulative sums in an np.empty_like array, with an accumulator that starts as the integer 0 and takes float weights, and after each row's inner loop writes 1.0 at out[j] using the inner loop's variable after the loop has ended (so the last entry of each row is exactly 1 for np.searchsorted sampling). Pasted: the module's numpy and numba imports and the jitted _csr_row_cumsum, _neighbors and _isin_sorted (the last two not called by it); left out: _random_walk and _random_walk_weighted, which draw np.random.choice / np.random.rand inside jitted code, the Graph class, and the collections, scipy.sparse and tqdm imports only Graph uses; the harness builds what Graph.__init__ builds for an undirected weighted graph, without scipy: sorted CSR indptr (int32) and data divided by each row's weight sum
import numpy as np

from numba import njit


@njit(nogil=True)
def _csr_row_cumsum(indptr, data):
    out = np.empty_like(data)
    for i in range(len(indptr) - 1):
        acc = 0
        for j in range(indptr[i], indptr[i + 1]):
            acc += data[j]
            out[j] = acc
        out[j] = 1.0
    return out


@njit(nogil=True)
def _neighbors(indptr, indices_or_data, t):
    return indices_or_data[indptr[t] : indptr[t + 1]]


@njit(nogil=True)
def _isin_sorted(a, x):
    return a[np.searchsorted(a, x)] == x
# ---- harness (not part of the program) ----
ENTRY = "_csr_row_cumsum"


def inputs():
    # an undirected weighted graph of 200 nodes: a ring (so no node is
    # isolated) plus 600 random chords with weights in [0.5, 5); symmetric
    # entries summed as csr_matrix does for duplicates, rows sorted by
    # column, data normalised by the row sums as Graph.__init__ does
    rng = np.random.default_rng(0)
    n = 200
    a = np.concatenate([np.arange(n), rng.integers(0, n, 600)])
    b = np.concatenate([(np.arange(n) + 1) % n, rng.integers(0, n, 600)])
    keep = a != b
    a, b = a[keep], b[keep]
    w = rng.uniform(0.5, 5.0, a.size)
    dense = np.zeros((n, n))
    np.add.at(dense, (a, b), w)
    np.add.at(dense, (b, a), w)
    rows, cols = np.nonzero(dense)
    vals = dense[rows, cols]
    indptr = np.zeros(n + 1, dtype=np.int32)
    indptr[1:] = np.cumsum(np.bincount(rows, minlength=n))
    data = vals / np.repeat(dense.sum(axis=1), np.diff(indptr))
    return (indptr, data)
