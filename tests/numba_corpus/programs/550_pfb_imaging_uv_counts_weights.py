# Source: ratt-ru/pfb-imaging pfb/utils/weighting.py (at commit 0049a990)
# Licence: MIT (pfb-imaging, LICENSE; Copyright (c) 2020 Rhodes University Centre for Radio Astronomy Techniques & Technologies (RATT))
# Notes: radio-interferometric imaging weights: visibilities (uvw in metres scaled by frequency / c into wavelengths) are gridded onto an nx x ny uv grid as counts, either spread with an exponential-of-semicircle (ES) kernel of support k around the nearest cell or binned to the nearest cell, with the rows split into ngrid contiguous chunks accumulated into separate grids in parallel; then Briggs/robust weights 1 / (1 + counts * ssq) are looked up per visibility, and extreme counts are clipped to a median level; Numba features: @njit(nogil=True, cache=True, parallel=True) with prange over the row chunks, a list comprehension with a conditional expression turned into an int64 array via np.asarray(...).astype(bin_idx.dtype), np.cumsum(...)[0:-1] assigned into a slice, a dtype passed in as an argument to np.zeros, keyword defaults (k=6, ngrid=1, nbox=16, level=10.0), `if k:` on an int, a helper jitted with inline='always', int(np.round(...)) / int(np.floor(...)) indices, 3-D scatter-add, counts.any(), (counts ** 2).sum() / counts.sum(), rebinding an argument to an array expression, np.median of a boolean mask and np.where with a scalar fill. Pasted: the module's imports that these kernels need, with lightspeed (imported in the module from africanus.constants) defined as codex-africanus defines c, and _compute_counts, _es_kernel, _counts_to_weights and _filter_extreme_counts as published; left out: the dask blockwise wrappers (compute_counts, counts_to_weights, filter_extreme_counts and their *_wrapper functions), the visibility weighting with stokes_funcs / overload / literally, and the ducc0, dask and quartical imports; the harness grids 300 random baselines at 5 channels (0.9-1.3 GHz) with a few flagged visibilities on a 32 x 32 grid (cell 2e-5 rad) with the ES kernel (k=6, ngrid=3) and nearest-cell binning (k=0), computes robust=0.5, robust=-2 (natural/uniform switch) weights, and filters the counts
import numpy as np
from numba import njit, prange

lightspeed = 2.99792458e8  # africanus.constants.c


@njit(nogil=True, cache=True, parallel=True)
def _compute_counts(uvw, freq, mask, nx, ny,
                    cell_size_x, cell_size_y, dtype,
                    k=6, ngrid=1):  # support hardcoded for now
    # ufreq
    u_cell = 1/(nx*cell_size_x)
    # shifts fftfreq such that they start at zero
    # convenient to look up the pixel value
    umax = np.abs(-1/cell_size_x/2 - u_cell/2)

    # vfreq
    v_cell = 1/(ny*cell_size_y)
    vmax = np.abs(-1/cell_size_y/2 - v_cell/2)

    # initialise array to store counts
    # the additional axis is to allow chunking over row
    counts = np.zeros((ngrid, nx, ny), dtype=dtype)

    # accumulate counts
    nrow = uvw.shape[0]
    nchan = freq.size
    bin_counts = [nrow // ngrid + (1 if x < nrow % ngrid else 0)  for x in range (ngrid)]
    bin_idx = np.zeros(ngrid, dtype=np.int64)
    bin_counts = np.asarray(bin_counts).astype(bin_idx.dtype)
    bin_idx[1:] = np.cumsum(bin_counts)[0:-1]

    normfreq = freq / lightspeed
    ko2 = k//2
    ko2sq = ko2**2

    for g in prange(ngrid):
        for r in range(bin_idx[g], bin_idx[g] + bin_counts[g]):
            uvw_row = uvw[r]
            for c in range(nchan):
                if not mask[r, c]:
                    continue
                # current uv coords
                chan_normfreq = normfreq[c]
                u_tmp = uvw_row[0] * chan_normfreq
                v_tmp = uvw_row[1] * chan_normfreq
                # pixel coordinates
                ug = (u_tmp + umax)/u_cell
                vg = (v_tmp + vmax)/v_cell
                if k:
                    # indices
                    u_idx = int(np.round(ug))
                    v_idx = int(np.round(vg))
                    for i in range(-ko2, ko2):
                        x_idx = i + u_idx
                        x = x_idx - ug + 0.5
                        val = _es_kernel(x/ko2, 2.3, k)
                        for j in range(-ko2, ko2):
                            y_idx = j + v_idx
                            y = y_idx - vg + 0.5
                            counts[g, x_idx, y_idx] += val * _es_kernel(y/ko2, 2.3, k)
                else:  # nearest neighbour
                    # indices
                    u_idx = int(np.floor(ug))
                    v_idx = int(np.floor(vg))
                    counts[g, u_idx, v_idx] += 1.0
    return counts  #.sum(axis=0, keepdims=True)

@njit(nogil=True, cache=True, inline='always')
def _es_kernel(x, beta, k):
    return np.exp(beta*k*(np.sqrt((1-x)*(1+x)) - 1))


@njit(nogil=True, cache=True)
def _counts_to_weights(counts, uvw, freq, nx, ny,
                       cell_size_x, cell_size_y, robust):
    # ufreq
    u_cell = 1/(nx*cell_size_x)
    umax = np.abs(-1/cell_size_x/2 - u_cell/2)

    # vfreq
    v_cell = 1/(ny*cell_size_y)
    vmax = np.abs(-1/cell_size_y/2 - v_cell/2)

    # initialise array to store counts
    # the additional axis is to allow chunking over row
    nchan = freq.size
    nrow = uvw.shape[0]

    weights = np.zeros((nrow, nchan), dtype=counts.dtype)
    if not counts.any():
        return weights

    # Briggs weighting factor
    if robust > -2:
        numsqrt = 5*10**(-robust)
        avgW = (counts ** 2).sum() / counts.sum()
        ssq = numsqrt * numsqrt/avgW
        counts = 1 + counts * ssq

    normfreq = freq / lightspeed
    for r in prange(nrow):
        uvw_row = uvw[r]
        for c in range(nchan):
            # get current uv
            chan_normfreq = normfreq[c]
            u_tmp = uvw_row[0] * chan_normfreq
            v_tmp = uvw_row[1] * chan_normfreq
            # get u index
            u_idx = int(np.floor((u_tmp + umax)/u_cell))
            # get v index
            v_idx = int(np.floor((v_tmp + vmax)/v_cell))
            if counts[u_idx, v_idx]:
                weights[r, c] = 1.0/counts[u_idx, v_idx]
    return weights


@njit(nogil=True, cache=True)
def _filter_extreme_counts(counts, nbox=16, level=10.0):
    '''
    Replaces extreme counts by local mean computed i
    '''
    # nx, ny = counts.shape
    # I, J = np.where(counts>0)
    # for i, j in zip(I, J):
    #     ilow = np.maximum(0, i-nbox//2)
    #     ihigh = np.minimum(nx, i+nbox//2)
    #     jlow = np.maximum(0, j-nbox//2)
    #     jhigh = np.minimum(ny, j+nbox//2)
    #     tmp = counts[ilow:ihigh, jlow:jhigh]
    #     ix, iy = np.where(tmp)
    #     # check if there are too few values to compare to
    #     if ix.size < nbox:
    #         counts[i, j] = 0
    #         continue
    #     print(ix, iy)
    #     local_mean = np.mean(tmp[ix, iy])
    #     if counts[i,j] < local_mean/level:
    #         counts[i, j] = local_mean
    # get the median ounts value
    med = np.median(counts>0)
    counts = np.where(counts > med/level, counts, med)

    return counts
# ---- harness (not part of the program) ----
ENTRY = "run_weighting"


def run_weighting(uvw, freq, mask, nx, ny, cell):
    counts_es = _compute_counts(uvw, freq, mask, nx, ny, cell, cell, np.float64,
                                k=6, ngrid=3)
    counts_nn = _compute_counts(uvw, freq, mask, nx, ny, cell, cell, np.float64,
                                k=0, ngrid=1)
    counts = counts_es.sum(axis=0)
    w_robust = _counts_to_weights(counts, uvw, freq, nx, ny, cell, cell, 0.5)
    w_uniform = _counts_to_weights(counts_nn[0], uvw, freq, nx, ny, cell, cell, -2.0)
    w_empty = _counts_to_weights(np.zeros((nx, ny)), uvw, freq, nx, ny, cell, cell, 0.0)
    filtered = _filter_extreme_counts(counts_nn[0])
    filtered2 = _filter_extreme_counts(counts, 8, 4.0)
    return counts_es, counts_nn, w_robust, w_uniform, w_empty, filtered, filtered2


def inputs():
    rng = np.random.default_rng(0)
    nrow = 300
    uvw = np.column_stack((rng.uniform(-3000.0, 3000.0, nrow),
                           rng.uniform(-3000.0, 3000.0, nrow),
                           rng.uniform(-100.0, 100.0, nrow)))
    freq = np.linspace(0.9e9, 1.3e9, 5)
    mask = rng.random((nrow, 5)) > 0.05
    return (uvw, freq, mask, 32, 32, 2.0e-5)
