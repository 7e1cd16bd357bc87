# Source: saezlab/decoupler-py decoupler/method_gsva.py and decoupler/method_gsea.py (std) (at commit 06bae401)
# Licence: BSD-3-Clause (decoupler-py's LICENSE: Copyright (c) 2025, Pau Badia i Mompel, Saez lab; the pasted code predates that file)
# Notes: the Gaussian-kernel CDF step of Gene Set Variation Analysis (GSVA, bioinformatics): mat_d (@nb.njit with the eager signature nb.f4[:, :](nb.f4[:, :], nb.f4[:]), parallel=True, cache=True) fills a float32 matrix column by column (prange) with col_d (eager nb.f4[:](nb.f4[:], nb.f4[:])), which takes a bandwidth from the jitted std helper (sample standard deviation with ddof as an int64 argument, returning f4), and for every pair of samples (two nested nb.prange loops outside a parallel function) accumulates a left-tail probability from a precomputed standard-normal CDF table indexed by int(np.abs(diff) / 10 * 10000), with -10/10 cut-offs, then writes the logit -log((1 - p) / p). Pasted: method_gsva.py's numpy and numba imports and its jitted functions apply_ecdf, mat_ecdf, col_d, mat_d, ks_sample and ks_matrix (only col_d and mat_d are called), plus std from method_gsea.py, which method_gsva.py imports (`from .method_gsea import std`, dropped); left out: the jitted nb_get_D_I (not called by mat_d; its np.arange(n, stop=0, step=-1, dtype=nb.f4) fails to compile eagerly at import under the installed Numba 0.56 with parallel=True, 'multiple values for argument stop'), the pandas, scipy, tqdm and package-relative imports and the plain-Python init_cdfs, density, gsva and run_gsva; the harness builds init_cdfs' table norm.cdf(arange(10001) * 10 / 10000) with math.erf instead of scipy, cast to float32, and passes a float32 (40 samples x 120 genes) expression matrix as density(mat, kcdf=True) does
import numpy as np
import numba as nb


@nb.njit(nb.f4(nb.f4[:], nb.i8), cache=True, error_model='numpy')
def std(arr, ddof):
    N = arr.shape[0]
    m = np.mean(arr)
    var = np.sum((arr - m)**2) / (N - ddof)
    sd = np.sqrt(var)
    return sd


@nb.njit(nb.f4[:](nb.f4[:]), cache=True)
def apply_ecdf(x):
    v = np.sort(x)
    n = len(x)
    return (np.searchsorted(v, x, side='right').astype(nb.f4)) / n


@nb.njit(nb.f4[:, :](nb.f4[:, :]), parallel=True, cache=True)
def mat_ecdf(mat):
    for j in nb.prange(mat.shape[1]):
        mat[:, j] = apply_ecdf(mat[:, j])
    return mat


@nb.njit(nb.f4[:](nb.f4[:], nb.f4[:]), cache=True)
def col_d(x, pre_cdf):
    size = x.shape[0]
    bw = (std(x, 1) / 4.0)
    col = np.zeros(size, dtype=nb.f4)
    for j in nb.prange(size):
        left_tail = 0.0
        for i in nb.prange(size):
            diff = (x[j] - x[i]) / bw
            if diff < -10:
                left_tail += 0.0
            elif diff > 10:
                left_tail += 1.0
            else:
                cdf_val = pre_cdf[int(np.abs(diff) / 10 * 10000)]
                if diff < 0:
                    left_tail += 1.0 - cdf_val
                else:
                    left_tail += cdf_val
        left_tail = left_tail/size
        col[j] = -1.0 * np.log((1.0-left_tail)/left_tail)
    return col


@nb.njit(nb.f4[:, :](nb.f4[:, :], nb.f4[:]), parallel=True, cache=True)
def mat_d(mat, pre_cdf):
    D = np.zeros(mat.shape, dtype=nb.f4)
    for j in nb.prange(mat.shape[1]):
        D[:, j] = col_d(mat[:, j], pre_cdf)
    return D


@nb.njit(nb.f4(nb.f4[:], nb.i8[:], nb.i8, nb.i8[:], nb.i8[:], nb.i8, nb.f4), cache=True)
def ks_sample(D, Idx, n_genes, geneset_mask, fset, n_geneset, dec):

    sum_gset = 0.0
    for i in nb.prange(n_geneset):
        sum_gset += D[fset[i]]

    mx_value_sign = 0.0
    cum_sum = 0.0
    mx_pos = 0.0
    mx_neg = 0.0

    for i in nb.prange(n_genes):
        idx = Idx[i]
        if geneset_mask[idx] == 1:
            cum_sum += D[idx] / sum_gset
        else:
            cum_sum -= dec

        if cum_sum > mx_pos:
            mx_pos = cum_sum
        if cum_sum < mx_neg:
            mx_neg = cum_sum

    mx_value_sign = mx_pos + mx_neg

    return mx_value_sign


@nb.njit(nb.f4[:](nb.f4[:, :], nb.i8[:, :], nb.i8[:]), parallel=True, cache=True)
def ks_matrix(D, Idx, fset):
    n_samples, n_genes = D.shape
    n_geneset = fset.shape[0]

    geneset_mask = np.zeros(n_genes, dtype=nb.i8)
    geneset_mask[fset] = 1

    dec = 1.0 / (n_genes - n_geneset)

    res = np.zeros(n_samples, dtype=nb.f4)
    for i in nb.prange(n_samples):
        res[i] = ks_sample(D[i], Idx[i], n_genes, geneset_mask, fset, n_geneset, dec)

    return res
# ---- harness (not part of the program) ----
ENTRY = "mat_d"


def inputs():
    # init_cdfs(pre_res=10000, max_pre=10) without scipy: the standard normal
    # CDF at 0, 0.001, ..., 10 as float32; a float32 log-expression matrix of
    # 40 samples x 120 genes (gene-specific means and spreads)
    import math
    pre_cdf = np.array([0.5 * (1.0 + math.erf(k * 10 / 10000 / math.sqrt(2.0)))
                        for k in range(10001)], dtype=np.float32)
    rng = np.random.default_rng(0)
    mu = rng.uniform(1.0, 8.0, 120)
    sd = rng.uniform(0.3, 2.0, 120)
    mat = (mu + sd * rng.normal(size=(40, 120))).astype(np.float32)
    return (mat, pre_cdf)
