# Source: krishnanlab/PecanPy src/pecanpy/rw/sparse_rw.py
# Licence: BSD-3-Clause (PecanPy, setup.cfg: license = BSD 3-Clause License)
# Notes: node2vec+ "out edge" test for a biased random-walk step: a merge-style scan over two sorted uint32 neighbour lists of a CSR graph, np.ones(n, dtype=boolean) with numba's boolean type as the dtype, a float32 array of weight ratios, continue/break out of nested loops, a (bool array, float32 array) tuple returned; get_nbrs (CSR row slices, .copy()) is called in inputs() for the current and previous nodes, as get_extended_normalized_probs does; the SparseRWGraph class (its base class comes from pecanpy.graph) and isnotin left out
import numpy as np
from numba import boolean, njit


@njit(nogil=True)
def get_nbrs(indptr, indices, data, idx):
    """Return neighbor indices and weights of a specific node index."""
    start_idx, end_idx = indptr[idx], indptr[idx + 1]
    nbrs_idx = indices[start_idx:end_idx]
    nbrs_wts = data[start_idx:end_idx].copy()
    return nbrs_idx, nbrs_wts


@njit(nogil=True)
def isnotin_extended(ptr_ary1, ptr_ary2, wts_ary2, avg_wts):
    """Find node2vec+ out edges.

    The node2vec+ out edges is determined by considering the edge weights
    connecting node2 (the potential next state) to the previous state. Unlinke
    node2vec, which only considers neighbors of current state that are not
    neighbors of the previous state, node2vec+ also considers neighbors of
    the previous state as out edges if the edge weight is below average.

    Args:
        ptr_ary1 (:obj:`numpy.ndarray` of :obj:`uint32`): array of pointers to
            the neighbors of the current state
        ptr_ary2 (:obj:`numpy.ndarray` of :obj:`uint32`): array of pointers to
            the neighbors of the previous state
        wts_ary2 (:obj: `numpy.ndarray` of :obj:`float32`): array of edge
            weights of the previous state
        avg_wts (:obj: `numpy.ndarray` of :obj:`float32`): array of average
            edge weights of each node

    Return:
        Indicator of whether a neighbor of the current state is considered as
            an "out edge", with the corresponding parameters used to fine tune
            the out biases

    """
    indicator = np.ones(ptr_ary1.size, dtype=boolean)
    t = np.zeros(ptr_ary1.size, dtype=np.float32)
    idx2 = 0
    for idx1 in range(ptr_ary1.size):
        if idx2 == ptr_ary2.size:  # end of ary2
            break

        ptr1 = ptr_ary1[idx1]
        ptr2 = ptr_ary2[idx2]

        if ptr1 < ptr2:
            continue

        elif ptr1 == ptr2:  # found a matching value
            if wts_ary2[idx2] >= avg_wts[ptr2]:  # check if loose
                indicator[idx1] = False
            else:
                t[idx1] = wts_ary2[idx2] / avg_wts[ptr2]
            idx2 += 1

        elif ptr1 > ptr2:
            # sweep through ptr_ary2 until ptr2 catch up on ptr1
            for j in range(idx2, ptr_ary2.size):
                ptr2 = ptr_ary2[j]
                if ptr2 == ptr1:
                    if wts_ary2[j] >= avg_wts[ptr2]:
                        indicator[idx1] = False
                    else:
                        t[idx1] = wts_ary2[j] / avg_wts[ptr2]
                    idx2 = j + 1
                    break

                elif ptr2 > ptr1:
                    idx2 = j
                    break

    return indicator, t

# ---- harness (not part of the program) ----
ENTRY = "isnotin_extended"


def inputs():
    # a symmetric weighted graph of 60 nodes in CSR form (sorted uint32
    # column indices, float32 weights, uint32 row pointers), the average
    # edge weight of every node (get_average_weights with gamma = 0), and
    # the neighbours of the current node 7 and of the previous node 12
    # (which are linked), taken with the jitted get_nbrs
    rng = np.random.default_rng(0)
    n = 60
    a = np.triu(rng.random((n, n)) < 0.25, 1)
    w = np.triu(rng.random((n, n)).astype(np.float32) + 0.1, 1)
    a[7, 12] = True
    adj = np.where(a | a.T, w + w.T, 0).astype(np.float32)
    rows, cols = np.nonzero(adj)
    indptr = np.zeros(n + 1, dtype=np.uint32)
    indptr[1:] = np.cumsum(np.bincount(rows, minlength=n))
    indices = cols.astype(np.uint32)
    data = adj[rows, cols]
    avg = np.array([data[indptr[i]:indptr[i + 1]].mean() for i in range(n)], dtype=np.float32)
    cur, _ = get_nbrs(indptr, indices, data, 7)
    prev, prev_wts = get_nbrs(indptr, indices, data, 12)
    return (cur, prev, prev_wts, avg)
