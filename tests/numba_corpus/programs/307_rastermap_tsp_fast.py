# Source: MouseLand/rastermap rastermap/sort.py (at commit 0f94ddaf)
# Licence: GPL-3.0 (rastermap, setup.py classifier "License :: OSI Approved :: GNU General Public License v3 (GPLv3)"; the file's header: Copyright © 2023 Howard Hughes Medical Institute, Authored by Carsen Stringer and Marius Pachitariu)
# Notes: Rastermap's travelling-salesman sorting of neural activity clusters (neuroscience): tsp_fast (@njit with the eager signature "(float32[:,:], int64, int64, int64, float32[:,:], boolean)", nogil=True, parallel=True, cache=True) repeatedly tries every move of a segment of the cluster-correlation matrix to a new position, forwards or flipped, in a prange loop over all (length, start, position) triples that writes the correlation gain of each candidate into a -np.inf-filled float32 array; each candidate calls the eagerly typed helpers new_correlation -> shift_matrix_forward -> shift_inds (np.concatenate of four np.arange pieces in two branches) and elementwise_mult_sum ((x * y).sum() as float32), with cc[ishift][:, ishift] fancy indexing and reversed-slice assignments (cc0[a:b] = cc0[a:b][::-1], cc0[:, a:b] = cc0[:, a:b][:, ::-1]); then argmax, a break out of the segment-length loop on improvement, and shift_matrix applies the best move (its int64 ordering argument is the value read back from the float32 array ordering_seg), inds = inds[ishift], and the per-iteration move records are returned as a 6-tuple. Pasted: the file's header, its numpy and numba imports (including `from numba.types import Tuple`), the jitted elementwise_mult_sum, shift_inds, shift_matrix_inds, shift_matrix_forward, shift_matrix, new_correlation and tsp_fast, the plain-Python driver traveling_salesman and the helpers compute_BBt_mask and compute_BBt it uses; left out: create_ND_basis and the tsp_sub family (shift_inds_sub, shift_matrix_sub, shift_rows, new_correlation_sub, tsp_sub, matrix_matching), not used by tsp_fast; the harness passes what traveling_salesman passes for 16 clusters: a float32 correlation matrix of z-scored cluster activity, n_iter 400, n_skip = max(1, 16 // 30), the upper triangle of compute_BBt with locality 0 as float32, verbose False
"""
Copright © 2023 Howard Hughes Medical Institute, Authored by Carsen Stringer and Marius Pachitariu.
"""
import numpy as np
from numba import njit, jit, float32, int32, boolean, int64, vectorize, prange
from numba.types import Tuple


@njit("float32 (float32[:,:], float32[:,:])", nogil=True, cache=True)
def elementwise_mult_sum(x, y):
    return (x * y).sum()


@njit("int64[:] (int64, int64, int64, int64)", nogil=True, cache=True)
def shift_inds(i0, i1, inode, n_nodes):
    """ shift segment from i0->i1 to position inode"""
    n_seg = i1 - i0
    l_seg = inode - i0
    if l_seg >= 0:
        inds = np.concatenate((np.arange(i0), np.arange(i1, i1 + l_seg),
                               np.arange(i0, i1), np.arange(i1 + l_seg, n_nodes)))
    else:
        inds = np.concatenate(
            (np.arange(inode), np.arange(i0, i1), np.arange(inode,
                                                            i0), np.arange(i1,
                                                                           n_nodes)))
    return inds


@njit("(float32[:,:], int64[:])", nogil=True, cache=True)
def shift_matrix_inds(cc, ishift):
    return cc[ishift][:, ishift]


@njit("(float32[:,:], int64, int64, int64, int64)", nogil=True, cache=True)
def shift_matrix_forward(cc, i0, i1, inode, n_nodes):
    ishift = shift_inds(i0, i1, inode, n_nodes)
    cc2 = cc[ishift][:, ishift]
    return cc2, ishift


@njit("(float32[:,:], int64, int64, int64, int64, int64)", nogil=True, cache=True)
def shift_matrix(cc, i0, i1, inode, n_nodes, ordering):
    cc2, ishift = shift_matrix_forward(cc, i0, i1, inode, n_nodes)
    ilength = i1 - i0
    if ordering == 1:
        cc2[inode:inode + ilength] = cc2[inode:inode + ilength][::-1]
        cc2[:, inode:inode + ilength] = cc2[:, inode:inode + ilength][:, ::-1]
        ishift[inode:inode + ilength] = ishift[inode:inode + ilength][::-1].copy()
    return cc2, ishift


@njit("float32[:] (float32[:,:], int64, int64, int64, int64, float32[:,:])", nogil=True,
      cache=True)
def new_correlation(cc, i0, i1, inode, n_nodes, BBt):
    """ compute correlation change of moving segment i0:i1+1 to position inode
    inode=-1 is at beginning of sequence
    """
    cc_new = shift_matrix_forward(cc, i0, i1, inode, n_nodes)[0]
    ilength = i1 - i0

    corr_new = elementwise_mult_sum(cc_new, BBt)
    ordering = 0

    if ilength > 1:
        cc0 = cc_new.copy()
        cc0[inode:inode + ilength] = cc0[inode:inode + ilength][::-1]
        cc0[:, inode:inode + ilength] = cc0[:, inode:inode + ilength][:, ::-1]

        corr_new0 = elementwise_mult_sum(cc0, BBt)
        if corr_new0 > corr_new:
            corr_new = corr_new0
            ordering = 1

    corr_out = np.zeros(2, np.float32)
    corr_out[0] = corr_new
    corr_out[1] = ordering

    return corr_out


@njit("(float32[:,:], int64, int64, int64, float32[:,:], boolean)", nogil=True,
      parallel=True, cache=True)
def tsp_fast(cc, n_iter, n_nodes, n_skip, BBt, verbose):
    inds = np.arange(0, n_nodes).astype(np.int32)
    iinds = np.arange(0, n_nodes).astype(np.int32)
    seg_len = -1 * np.ones(n_iter)
    start_pos = -1 * np.ones(n_iter)
    end_pos = -1 * np.ones(n_iter)
    flipped = -1 * np.ones(n_iter)
    n_len = 2
    #print(n_len, n_skip)
    n_test = n_nodes // n_skip
    test_lengths = np.arange(0, ((n_nodes) // n_len) * n_len).reshape(-1, n_len) + 1
    corr_orig = 0

    corr_change_seg = -np.inf * np.ones(n_len * n_nodes * n_test, np.float32)
    ordering_seg = -np.inf * np.ones(n_len * n_nodes * n_test, np.float32)
    for k in range(n_iter):
        improved = False
        if corr_orig == 0:
            corr_orig = elementwise_mult_sum(cc, BBt)
        for tl in range(len(test_lengths)):
            corr_change_seg[:] = -np.inf
            for ix in prange(0, n_len * n_nodes * n_test):
                ilength = (ix // n_test // n_nodes) + test_lengths[tl, 0]
                i0 = ((ix // n_test) % n_nodes)
                inode = (ix % n_test) * n_skip + k % n_skip
                i1 = (i0 + ilength)
                if i1 <= n_nodes and inode + ilength <= n_nodes:
                    new_corr = new_correlation(cc, i0, i1, inode, n_nodes, BBt)
                    corr_change = new_corr[0] - corr_orig
                    corr_change_seg[ix] = corr_change
                    ordering_seg[ix] = new_corr[1]
            #corr_change_seg += np.random.randn(corr_change_seg.shape)*(corr_change_seg**2).mean()
            ix = corr_change_seg.argmax()
            corr_change = corr_change_seg[ix]
            if corr_change > 1e-3:
                improved = True
                break

        if not improved:
            break
        else:
            ordering = ordering_seg[ix]
            ilength = (ix // n_test // n_nodes) + test_lengths[tl, 0]
            i0 = ((ix // n_test) % n_nodes)
            inode = (ix % n_test) * n_skip + k % n_skip
            i1 = (i0 + ilength)
            if corr_change > 1e-3:
                # move segment
                cc, ishift = shift_matrix(cc, i0, i1, inode, n_nodes, ordering)
                inds = inds[ishift]
                corr_new = elementwise_mult_sum(cc, BBt)
                if verbose:
                    print(k, i0, i1, inode, ordering, corr_change, corr_new - corr_orig,
                          corr_new)
                corr_orig = corr_new
                seg_len[k] = i1 - i0
                start_pos[k] = i0
                end_pos[k] = inode
                flipped[k] = ordering
    return cc, inds, seg_len, start_pos, end_pos, flipped


def traveling_salesman(cc, n_iter=400, locality=0.0, n_skip=None, verbose=False):
    """ matches correlation matrix cc to B@B.T basis functions """
    n_nodes = (cc.shape[0])
    if n_skip is None:
        n_skip = max(1, n_nodes // 30)
    cc = cc.astype(np.float32)

    n_components = 1

    x = np.arange(0, 1.0, 1.0 / n_nodes)[:n_nodes]
    BBt = compute_BBt(x, x, locality=locality)
    if np.isinf(locality):
        BBt = np.ones((n_nodes, n_nodes))
        BBt = np.tril(np.triu(BBt, -1), 1)
    BBt = np.triu(BBt)

    n_iter = np.int64(n_iter)

    cc, inds, seg_len, start_pos, end_pos, flipped = tsp_fast(
        cc, n_iter, n_nodes, n_skip, BBt.astype(np.float32), verbose)
    iter_completed = np.nonzero(seg_len == -1)[0][0]
    seg_len = seg_len[:iter_completed]
    start_pos = start_pos[:iter_completed]
    end_pos = end_pos[:iter_completed]
    flipped = flipped[:iter_completed]
    if n_skip > 1:
        cc, inds2, seg_len2, start_pos2, end_pos2, flipped2 = tsp_fast(
            cc, n_iter, n_nodes, 1, BBt.astype(np.float32), verbose)
        iter_completed = np.nonzero(seg_len2 == -1)[0][0]
        seg_len = np.append(seg_len, seg_len2[:iter_completed])
        start_pos = np.append(start_pos, start_pos2[:iter_completed])
        end_pos = np.append(end_pos, end_pos2[:iter_completed])
        flipped = np.append(flipped, flipped2[:iter_completed])
        inds = inds[inds2]

    return cc, inds, seg_len, start_pos, end_pos, flipped


def compute_BBt_mask(xi, yi):
    sigma = 0.5 * (xi[1] - xi[0])
    gaussian = np.exp(-(xi[:, np.newaxis] - yi)**2 / (2 * sigma**2))
    gaussian[(xi[:, np.newaxis] - yi) == 0] = 0
    return gaussian


def compute_BBt(xi, yi, locality=0):
    if locality > 0:
        BBt0 = compute_BBt(xi, xi, locality=0)
        BBt_norm = BBt0.sum()
        BBt_mask_norm = compute_BBt_mask(xi, xi).sum()
    eps = 1e-3
    ds = np.abs(xi[:, np.newaxis] - yi)
    ds[ds == 0] = 1 - eps
    BBt = -np.log(eps + ds)
    if locality > 0:
        BBt_mask = compute_BBt_mask(xi, yi)
        # need to make BBt and BBt_mask on same scale
        BBt /= BBt_norm
        BBt_mask /= BBt_mask_norm
        BBt = BBt * (1 - locality) + BBt_mask * locality
        BBt *= BBt_norm
    return BBt
# ---- harness (not part of the program) ----
ENTRY = "tsp_fast"


def inputs():
    # 16 clusters whose mean activity (400 time points) follows a smooth
    # 1-D sequence of travelling bumps, shuffled so that the sort has work
    # to do; z-scored rows, cc = X X^T / T as float32, BBt as
    # traveling_salesman builds it (locality 0, upper triangle, float32)
    rng = np.random.default_rng(0)
    n_nodes, T = 16, 400
    pos = rng.permutation(n_nodes) / n_nodes
    t = np.arange(T) / T
    X = np.exp(-((t[None, :] * 3.0) % 1.0 - pos[:, None]) ** 2 / 0.02)
    X += 0.3 * rng.normal(size=(n_nodes, T))
    X = (X - X.mean(1, keepdims=True)) / X.std(1, keepdims=True)
    cc = (X @ X.T / T).astype(np.float32)
    x = np.arange(0, 1.0, 1.0 / n_nodes)[:n_nodes]
    BBt = np.triu(compute_BBt(x, x, locality=0.0)).astype(np.float32)
    n_skip = max(1, n_nodes // 30)
    return (cc, 400, n_nodes, n_skip, BBt, False)
