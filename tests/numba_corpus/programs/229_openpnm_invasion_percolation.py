# Source: PMEAL/OpenPNM openpnm/algorithms/_invasion_percolation.py (at commit 1a1e0773)
# Licence: MIT (OpenPNM, LICENSE; Copyright (c) 2013 Jeff Gostick)
# Notes: invasion percolation of a non-wetting fluid into a pore network (capillary drainage, throat by throat in order of entry pressure): _run_accelerated (@njit, called with keyword arguments by InvasionPercolation.run) turns an int64 array into a Python list (list(t_start)) and uses it as a binary heap with the heapq module (hq.heapify, hq.heappop, hq.heappush, queue[0] peeks, a `_ = hq.heappop(queue)` loop dropping duplicates), compares the int counter with n_steps = np.inf (`while count < (n_steps + 1):`), gathers the two pores of a throat by a row of the 2-D conns array, filters them and the neighbouring throats with boolean-mask indexing (Ps[p_inv[Ps] < 0], Ts[t_inv[Ts] < 0]), scatters into p_inv / p_inv_t with an index array (p_inv[Ps] = count), slices CSR incidence-matrix arrays, leaves the loop with break when the heap empties, and returns a tuple of the three arrays it updated in place. Only _run_accelerated is pasted; left out: the plain-Python IPSettings and InvasionPercolation classes (whose run and _run_setup inputs() follows), _find_trapped_pores (@jit(forceobj=True), object mode), the `if __name__ == '__main__':` demo, and the imports only they use (logging, namedtuple, tqdm, the openpnm imports)
import heapq as hq

import numpy as np
from numba import jit, njit


@njit
def _run_accelerated(t_start, t_sorted, t_order, t_inv, p_inv, p_inv_t,
                     conns, idx, indptr, n_steps):  # pragma: no cover
    r"""
    Numba-jitted run method for InvasionPercolation class.

    Notes
    -----
    ``idx`` and ``indptr`` are properties are the network's incidence
    matrix, and are used to quickly find neighbor throats.

    Numba doesn't like foreign data types (i.e. Network), and so
    ``find_neighbor_throats`` method cannot be called in a jitted method.

    Nested wrapper is for performance issues (reduced OpenPNM import)
    time due to local numba import

    """
    # TODO: The following line is supposed to be numba's new list, but the
    # heap does not work with this
    # queue = List(t_start)
    queue = list(t_start)
    hq.heapify(queue)
    count = 1
    while count < (n_steps + 1):
        # Find throat at the top of the queue
        t = hq.heappop(queue)
        # Extract actual throat number
        t_next = t_sorted[t]
        t_inv[t_next] = count
        # If throat is duplicated
        while len(queue) > 0 and queue[0] == t:
            _ = hq.heappop(queue)
        # Find pores connected to newly invaded throat from am in coo format
        Ps = conns[t_next]
        # Remove already invaded pores from Ps
        Ps = Ps[p_inv[Ps] < 0]
        # If either of the neighboring pores are uninvaded (-1), set it to
        # invaded and add its neighboring throats to the queue
        if len(Ps) > 0:
            p_inv[Ps] = count
            p_inv_t[Ps] = t_next
            for i in Ps:
                # Get neighboring throat numbers from im in csr format
                Ts = idx[indptr[i]:indptr[i+1]]
                # Keep only throats which are uninvaded
                Ts = Ts[t_inv[Ts] < 0]
            for i in Ts:  # Add throat to the queue
                hq.heappush(queue, t_order[i])
        count += 1
        if len(queue) == 0:
            break
    return t_inv, p_inv, p_inv_t

# ---- harness (not part of the program) ----
ENTRY = "_run_accelerated"


def inputs():
    # what InvasionPercolation.run hands over for a 2-D cubic network of
    # 10 x 10 pores (180 throats between nearest neighbours, conns sorted
    # as op.network.Cubic makes them) with random throat entry pressures:
    # inlets the left face (invasion sequence 0), throat.sorted =
    # argsort(entry pressure), throat.order its inverse permutation,
    # t_start = throat.order of the throats touching an inlet pore, the
    # pore-throat incidence matrix in CSR form (indices and indptr), -1
    # for uninvaded pores and throats and n_steps = np.inf
    rng = np.random.default_rng(0)
    nx, ny = 10, 10
    Np = nx * ny
    pid = np.arange(Np).reshape(nx, ny)
    conns = np.vstack([
        np.stack([pid[:-1, :].ravel(), pid[1:, :].ravel()], axis=1),
        np.stack([pid[:, :-1].ravel(), pid[:, 1:].ravel()], axis=1),
    ])
    Nt = conns.shape[0]
    entry = rng.random(Nt) * 1e4
    t_sorted = np.argsort(entry, axis=0)
    t_order = np.zeros(Nt, dtype=np.int64)
    t_order[t_sorted] = np.arange(0, Nt)
    inlets = pid[0, :]
    is_inlet = np.zeros(Np, dtype=bool)
    is_inlet[inlets] = True
    Ts = np.where(is_inlet[conns[:, 0]] | is_inlet[conns[:, 1]])[0]
    t_start = t_order[Ts]
    rows = np.concatenate([conns[:, 0], conns[:, 1]])
    cols = np.concatenate([np.arange(Nt), np.arange(Nt)])
    order = np.lexsort((cols, rows))
    idx = cols[order].astype(np.int32)
    indptr = np.zeros(Np + 1, dtype=np.int32)
    np.add.at(indptr, rows + 1, 1)
    indptr = np.cumsum(indptr).astype(np.int32)
    t_inv = -np.ones(Nt, dtype=np.int64)
    p_inv = -np.ones(Np, dtype=np.int64)
    p_inv[inlets] = 0
    p_inv_t = np.zeros_like(p_inv)
    return (t_start, t_sorted, t_order, t_inv, p_inv, p_inv_t,
            conns, idx, indptr, np.inf)
