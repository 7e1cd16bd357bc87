# Source: chriscainx/mnnpy mnnpy/utils.py (at commit 0bf0573f)
# Licence: BSD-3-Clause (mnnpy, LICENSE; Copyright (c) 2018, Chris Kang)
# Notes: the variance-adjustment step of mutual-nearest-neighbour batch correction of single-cell expression data (single-cell genomics, a Python port of scran's mnnCorrect): adjust_s_variance (@jit with the eager signature float32(float32[:,:], float32[:,:], float32[:], float32[:], float32), no nopython option) projects both batches onto the unit correction vector of one cell, iterating over the rows of a 2-D array (for samecell in data2), calls the eagerly typed sq_dist_to_line (@jit(float32(float32[:], float32[:], float32[:]), nopython=True), defined after it in the module) for Gaussian weights, fills an (n, 2) float32 table, sorts it by its first column (distance1[distance1[:, 0].argsort()]), walks its rows to the weighted quantile with a break, and returns a float32 scaling; a local variable l2_norm shadows the module's jitted l2_norm. Pasted: the module's numpy and numba imports, adjust_s_variance and sq_dist_to_line in their order; left out: the other jitted functions (l2_norm, scale_rows, kdist, find_mutual_nn, compute_correction), the plain-Python drivers (transform_input_data, svd_internal, find_shared_subspace, get_bio_span, subtract_bio, adjust_shift_variance) and the adjust_v_worker class that calls adjust_s_variance from a multiprocessing pool, and the math, collections, multiprocessing, scipy and package-relative imports only they use; the harness passes what adjust_v_worker passes for one cell: two cosine-normalised float32 batches (150 and 120 cells x 20 genes), that cell's row of the second batch, its float32 correction vector, and sigma 1.0 (mnn_correct's default)
import numpy as np
from numba import jit, float32, int32, int8


@jit(float32(float32[:,:], float32[:,:], float32[:], float32[:], float32))
def adjust_s_variance(data1, data2, curcell, curvect, sigma):
    distance1 = np.zeros((data1.shape[0], 2), dtype=np.float32)
    l2_norm = np.linalg.norm(curvect)
    grad = np.divide(curvect, l2_norm)
    curproj = np.dot(grad, curcell)
    prob2 = 0.
    totalprob2 = 0.
    for samecell in data2:
        sameproj = np.dot(grad, samecell)
        samedist = sq_dist_to_line(curcell, grad, samecell)
        sameprob = np.exp(-samedist / sigma)
        if sameproj <= curproj:
            prob2 += sameprob
        totalprob2 += sameprob
    prob2 /= totalprob2
    totalprob1 = 0.
    for other in range(data1.shape[0]):
        othercell = data1[other]
        distance1[other, 0] = np.dot(grad, othercell)
        otherdist = sq_dist_to_line(curcell, grad, othercell)
        weight = np.exp(-otherdist / sigma)
        distance1[other, 1] = weight
        totalprob1 += weight
    distance1 = distance1[distance1[:, 0].argsort()]
    target = prob2 * totalprob1
    cumulative = 0.
    ref_quan = distance1[-1, 0]
    for i in distance1:
        cumulative += i[1]
        if cumulative > target:
            ref_quan = i[0]
            break
    return (ref_quan - curproj) / l2_norm


@jit(float32(float32[:], float32[:], float32[:]), nopython=True)
def sq_dist_to_line(ref, grad, point):
    working = ref - point
    scale = np.dot(working, grad)
    working = working - grad * scale
    return np.dot(working, working)
# ---- harness (not part of the program) ----
ENTRY = "adjust_s_variance"


def inputs():
    # two batches of 20-gene log-expression profiles drawn from the same
    # three cell types, the second shifted by a batch effect; rows
    # cosine-normalised and float32 as transform_input_data makes them;
    # the correction vector of cell 7 of the second batch is the batch
    # shift plus noise
    rng = np.random.default_rng(0)
    d = 20
    centres = rng.normal(2.0, 1.0, size=(3, d))
    b1 = centres[rng.integers(0, 3, 150)] + 0.3 * rng.normal(size=(150, d))
    shift = rng.normal(0.0, 0.5, d)
    b2 = centres[rng.integers(0, 3, 120)] + shift + 0.3 * rng.normal(size=(120, d))
    b1 = (b1 / np.linalg.norm(b1, axis=1, keepdims=True)).astype(np.float32)
    b2 = (b2 / np.linalg.norm(b2, axis=1, keepdims=True)).astype(np.float32)
    curcell = b2[7].copy()
    curvect = (b1[:40].mean(0) - b2[:40].mean(0)
               + 0.01 * rng.normal(size=d)).astype(np.float32)
    return (b1, b2, curcell, curvect, 1.0)
