# Source: scikit-fingerprints/scikit-fingerprints skfp/distances/ct4.py (at commit 00dcac57)
# Licence: MIT (scikit-fingerprints, pyproject.toml at commit 07567980: license = { text = "MIT" }, classifier "License :: OSI Approved :: MIT License"; AGH ML & Chemoinformatics Group)
# Notes: bulk Consonni-Todeschini 4 (CT4) similarity between the rows of a binary molecular fingerprint matrix (cheminformatics), the kernel behind skfp's bulk_ct4_binary_similarity(X) when no second matrix is given: _bulk_ct4_binary_similarity_single (@numba.njit(parallel=True)) fills an m x m float64 matrix, with numba.prange over the rows and a nested numba.prange over the later rows, np.sum of np.logical_and / np.logical_or of two rows, np.log(1 + count) ratios in a conditional expression (1.0 when the union is empty) and a chained assignment sims[i, j] = sims[j, i]. Pasted: the numba and numpy imports and the two jitted kernels of the module (_bulk_ct4_binary_similarity_single and _bulk_ct4_binary_similarity_two), verbatim; left out: the plain-Python public wrappers, which only add sklearn's validate_params and dispatch on Y is None, and the scipy / sklearn / typing imports they need; the harness passes what bulk_ct4_binary_similarity passes to the kernel, X unchanged: a 60 x 1024 uint8 matrix of 0/1 fingerprint bits (the dtype skfp's fingerprint transformers return), about 4 % of the bits set, with a few near-duplicate rows (analogues differing in a few bits) and one all-zero row
import numba
import numpy as np


@numba.njit(parallel=True)
def _bulk_ct4_binary_similarity_single(X: np.ndarray) -> np.ndarray:
    m = X.shape[0]
    sims = np.empty((m, m))

    for i in numba.prange(m):
        sims[i, i] = 1.0
        for j in numba.prange(i + 1, m):
            intersection = np.sum(np.logical_and(X[i], X[j]))
            union = np.sum(np.logical_or(X[i], X[j]))
            sim = (
                float(np.log(1 + intersection) / np.log(1 + union))
                if union != 0
                else 1.0
            )
            sims[i, j] = sims[j, i] = sim

    return sims


@numba.njit(parallel=True)
def _bulk_ct4_binary_similarity_two(X: np.ndarray, Y: np.ndarray) -> np.ndarray:
    m = X.shape[0]
    n = Y.shape[0]
    sims = np.empty((m, n))

    for i in numba.prange(m):
        for j in numba.prange(n):
            intersection = np.sum(np.logical_and(X[i], Y[j]))
            union = np.sum(np.logical_or(X[i], Y[j]))
            sims[i, j] = (
                float(np.log(1 + intersection) / np.log(1 + union))
                if union != 0
                else 1.0
            )

    return sims
# ---- harness (not part of the program) ----
ENTRY = "_bulk_ct4_binary_similarity_single"


def inputs():
    # 60 ECFP-like 1024-bit fingerprints (uint8 0/1), ~4 % bits on; rows
    # 10-19 are analogues of rows 0-9 with 6 bits flipped; row 59 is empty
    rng = np.random.default_rng(0)
    X = (rng.random((60, 1024)) < 0.04).astype(np.uint8)
    for k in range(10):
        row = X[k].copy()
        flip = rng.choice(1024, 6, replace=False)
        row[flip] = 1 - row[flip]
        X[10 + k] = row
    X[59] = 0
    return (X,)
