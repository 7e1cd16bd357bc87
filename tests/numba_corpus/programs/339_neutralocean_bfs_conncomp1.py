# Source: geoffstanley/neutralocean neutralocean/bfs.py (at commit 015c644c)
# Licence: MIT (neutralocean, LICENSE; Copyright (c) 2021 Geoff Stanley)
# Notes: the connected region of wet ocean casts reachable from a reference cast, found by breadth-first search over the grid's adjacency graph before a neutral surface is grown (graph traversal on a CSR graph): bfs_conncomp1 (@nb.njit) keeps its queue in a preallocated np.empty(N, dtype=np.int_) array with integer head and tail counters starting at -1, loops `for n in indices[indptr[m] : indptr[m + 1]]` over the neighbours of the popped node, marks discovered nodes by writing False into the caller's bool mask (mutated in place) and returns the slice qu[0 : qt + 1]. Pasted: the module's numpy and numba imports and bfs_conncomp1; left out: bfs_conncomp1_wet (the jitted variant that wets dry casts through neutral-tangent-plane links) with the `from neutralocean.traj import _ntp_bottle_to_cast` and `from neutralocean.ppinterp import valid_range_1_two` imports only it uses; the harness passes what the surface solvers pass: the indptr and indices (int32) of the symmetric adjacency matrix in CSR form of a 30 x 40 latitude-longitude grid, zonally periodic, with 4-connectivity (as neutralocean.grid.rectilinear builds it), the root cast at the grid centre, and good = np.isfinite(p) of a surface whose land and outcropped casts (a smooth random field below a threshold, about a third of the casts) are NaN
import numpy as np
import numba as nb


@nb.njit
def bfs_conncomp1(indptr, indices, root, good):
    """
    Find the Connected Component containing 1 reference location using
    Breadth-first Search

    Parameters
    ----------
    indptr, indices : ndarray of int

        Together, these specify the connectivity of the full graph.  Node `m` is
        adjacent to the nodes `indices[indptr[m] : indptr[m+1]]`.  Note that
        these are simply the `indptr` and `indices` attributes of a the graph
        specified as a sparse matrix in csr_matrix format, i.e. a square matrix
        `G` that has `G[i,j] != 0` whenever nodes `i` and `j` are adjacent.

    root : int

        Index to the chosen root node, where the BFS begins.

    good : ndarray of bool

        A 1D array of logicals for masking out certain nodes in the graph.
        The BFS only operates on "valid nodes" `m` for which `good[m]` is True.
        Note, this function mutates `good`!

    Returns
    -------
    qu : ndarray of int

        The BFS search queue.  A 1D array giving the indices to nodes in the
        connected component containing the `root` node, in the order that the
        BFS discovered them.
        If the root node is valid (`good[root] == True`), then `qu[0] == root`.
        Otherwise, the BFS goes nowhere and `qu` is an empty array.
    """

    N = len(good)
    qu = np.empty(N, dtype=np.int_)

    qt = -1  # Queue Tail
    qh = -1  # Queue Head

    if good[root]:
        # Root node is valid.  Initialize BFS from root node
        qt += 1  # Add root to queue
        qu[qt] = root
        good[root] = False  # mark root as discovered

        while qt > qh:
            qh += 1  # advance head of the queue
            m = qu[qh]  # me node; pop from head of queue

            # loop over neighbour nodes
            for n in indices[indptr[m] : indptr[m + 1]]:
                if good[n]:
                    # n is good and undiscovered
                    qt += 1  # Add n to queue
                    qu[qt] = n
                    good[n] = False  # mark n as discovered
    # else, root node is invalid.  Leave qt as -1, so qu[0:qt+1] is empty

    return qu[0 : qt + 1]
# ---- harness (not part of the program) ----
ENTRY = "bfs_conncomp1"


def inputs():
    # a 30 x 40 (lat x lon) grid, periodic in longitude, 4-connected; the
    # symmetric adjacency in CSR form (scipy's int32 indptr/indices); the
    # surface p is NaN where a smoothed random field is low (land and
    # outcrops), the root is the central cast, made wet
    import scipy.sparse
    rng = np.random.default_rng(0)
    ni, nj = 30, 40
    n = ni * nj
    idx = np.arange(n).reshape(ni, nj)
    a = np.concatenate([idx[:, :].ravel(), idx[:-1, :].ravel()])
    b = np.concatenate([np.roll(idx, -1, axis=1).ravel(), idx[1:, :].ravel()])
    rows = np.concatenate([a, b])
    cols = np.concatenate([b, a])
    G = scipy.sparse.csr_matrix((np.ones(rows.size, dtype=bool), (rows, cols)),
                                shape=(n, n))
    G.sort_indices()
    field = rng.normal(size=(ni, nj))
    for _ in range(4):
        field = (field + np.roll(field, 1, 0) + np.roll(field, -1, 0)
                 + np.roll(field, 1, 1) + np.roll(field, -1, 1)) / 5.0
    p = 1000.0 + 200.0 * field
    p[field < np.quantile(field, 0.33)] = np.nan
    root = int(idx[ni // 2, nj // 2])
    p.ravel()[root] = 1000.0
    good = np.isfinite(p).ravel()
    return (G.indptr, G.indices, root, good)
