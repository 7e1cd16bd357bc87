# Source: tridesclous/tridesclous tridesclous/numba_tools.py (at commit 89467292)
# Licence: MIT (tridesclous, setup.py `license = "MIT"` and classifier; C. Pouzat, S. Garcia)
# Notes: template matching in the "peeler" of the tridesclous spike sorter (neuroscience): numba_explore_best_shift (@jit(nopython=True, parallel=True), nested prange over jitter shifts and candidate clusters) scores a window of the float32 residual signal against the waveform templates (centers) of the candidate clusters at every shift in [-maximum_jitter_shift, maximum_jitter_shift]: per channel kept by a common channel mask or the cluster's sparse mask it accumulates the projection (v - ct) * projector into a scalar product and the squared difference into a distance, and returns two float32 (n_clus, n_shift) arrays as a tuple (each (clus, shi) cell is written once, so the result does not depend on the schedule). Pasted: the try/except import block and the one function; left out: the module's other jitted kernels (numba_loop_sparse_dist, numba_sparse_scalar_product, peak_loop_plus/minus) and the plain-Python wrapper; the harness builds what the geometry peeler engine passes (fifo residuals of 16 channels, 6 templates of width 40 with projectors, sparse and common channel masks)
try:
    import numba
    from numba import jit, prange
    HAVE_NUMBA = True
except ImportError:
    HAVE_NUMBA = False

import numpy as np

@jit(nopython=True, parallel=True)
def numba_explore_best_shift(fifo_residuals, left_ind, centers, projector, candidates_idx,  maximum_jitter_shift, common_mask, sparse_mask_level1):

    nb_clus, width, nb_chan = centers.shape
    
    n_shift = maximum_jitter_shift*2 +1
    n_clus = len(candidates_idx)
    
    shift_scalar_product = np.zeros((n_clus, n_shift), dtype=np.float32)
    shift_distance = np.zeros((n_clus, n_shift), dtype=np.float32)
    
    for shi in prange(n_shift):
        shift =  shi - maximum_jitter_shift
        
        for clus in prange(len(candidates_idx)):
            clus_idx = candidates_idx[clus]
            
            sum_sp = 0.
            sum_d = 0.
            for chan in range(nb_chan):
                if common_mask[chan] or sparse_mask_level1[clus_idx, chan]:
                    for s in range(width):
                        v = fifo_residuals[left_ind+s+shift, chan]
                        ct = centers[clus_idx, s, chan]
                        
                        if sparse_mask_level1[clus_idx, chan]:
                            sum_sp += (v - ct) * projector[clus_idx, s, chan]
                        
                        if common_mask[chan]:
                            sum_d += (v - ct) * (v - ct)
                    
            shift_scalar_product[clus, shi] = sum_sp
            shift_distance[clus, shi] = sum_d
    
    return shift_scalar_product, shift_distance

# ---- harness (not part of the program) ----
ENTRY = "numba_explore_best_shift"


def inputs():
    # 16-channel float32 residual fifo of 400 samples, 6 float32 templates
    # (width 40) with their projectors, a peak at sample 200 whose window
    # starts at left_ind = 180, candidate clusters 1, 3, 4, jitter of +-4
    # samples, sparse masks of 5-8 channels per cluster and a common mask of
    # the 3 channels around the peak channel
    rng = np.random.default_rng(0)
    nb_chan, width, nb_clus = 16, 40, 6
    fifo_residuals = rng.standard_normal((400, nb_chan)).astype(np.float32)
    centers = (rng.standard_normal((nb_clus, width, nb_chan)) * 2.0).astype(np.float32)
    projector = (rng.standard_normal((nb_clus, width, nb_chan)) * 0.05).astype(np.float32)
    sparse_mask_level1 = np.zeros((nb_clus, nb_chan), dtype=np.bool_)
    for k in range(nb_clus):
        c0 = int(rng.integers(0, nb_chan - 8))
        sparse_mask_level1[k, c0:c0 + int(rng.integers(5, 9))] = True
    common_mask = np.zeros(nb_chan, dtype=np.bool_)
    common_mask[6:9] = True
    candidates_idx = np.array([1, 3, 4], dtype=np.int64)
    left_ind = 180
    maximum_jitter_shift = 4
    return (fifo_residuals, left_ind, centers, projector, candidates_idx,
            maximum_jitter_shift, common_mask, sparse_mask_level1)
