# Source: pymatting/pymatting pymatting/util/boxfilter.py
# Licence: MIT (Copyright (c) 2020 PyMatting)
# Notes: box filter (uniform blur) along rows by a running sum, in 'valid', 'same' and 'full' modes: three functions with eager signature strings ("f8[:, :](f8[:, :], i8)"), cache=True, parallel= taken from a module constant, a prange row loop with a running scalar carried across sequential inner loops; the import of USE_NUMBA_PARALLEL from pymatting.config.config is replaced by that module's one line (USE_NUMBA_PARALLEL = False), and the apply_to_channels import, used only by the non-jitted boxfilter() driver (left out), is left out
from numba import njit, prange
import numpy as np
USE_NUMBA_PARALLEL = False


@njit("f8[:, :](f8[:, :], i8)", cache=True, parallel=USE_NUMBA_PARALLEL)
def boxfilter_rows_valid(src, r):
    m, n = src.shape

    dst = np.zeros((m, n - 2 * r))

    for i in prange(m):
        for j_dst in range(1):
            s = 0.0
            for j_src in range(j_dst, j_dst + 2 * r + 1):
                s += src[i, j_src]
            dst[i, j_dst] = s

        for j_dst in range(1, dst.shape[1]):
            j_src = j_dst - 1
            s -= src[i, j_src]

            j_src = j_dst + 2 * r
            s += src[i, j_src]

            dst[i, j_dst] = s

    return dst


@njit("f8[:, :](f8[:, :], i8)", cache=True, parallel=USE_NUMBA_PARALLEL)
def boxfilter_rows_same(src, r):
    m, n = src.shape

    dst = np.zeros((m, n))

    for i in prange(m):
        for j_dst in range(1):
            s = 0.0
            for j_src in range(j_dst + r + 1):
                s += src[i, j_src]
            dst[i, j_dst] = s

        for j_dst in range(1, r + 1):
            s += src[i, j_dst + r]
            dst[i, j_dst] = s

        for j_dst in range(r + 1, n - r):
            s -= src[i, j_dst - r - 1]
            s += src[i, j_dst + r]
            dst[i, j_dst] = s

        for j_dst in range(n - r, n):
            s -= src[i, j_dst - r - 1]
            dst[i, j_dst] = s

    return dst


@njit("f8[:, :](f8[:, :], i8)", cache=True, parallel=USE_NUMBA_PARALLEL)
def boxfilter_rows_full(src, r):
    m, n = src.shape

    dst = np.zeros((m, n + 2 * r))

    for i in prange(m):
        for j_dst in range(1):
            s = 0.0
            for j_src in range(j_dst + r + 1 - r):
                s += src[i, j_src]
            dst[i, j_dst] = s

        for j_dst in range(1, 2 * r + 1):
            s += src[i, j_dst]
            dst[i, j_dst] = s

        for j_dst in range(2 * r + 1, dst.shape[1] - 2 * r):
            s -= src[i, j_dst - r - r - 1]
            s += src[i, j_dst]
            dst[i, j_dst] = s

        for j_dst in range(dst.shape[1] - 2 * r, dst.shape[1]):
            s -= src[i, j_dst - r - r - 1]
            dst[i, j_dst] = s

    return dst

# ---- harness (not part of the program) ----
ENTRY = "boxfilter_rows_same"


def inputs():
    # boxfilter(src, radius, mode='same') calls boxfilter_rows(src.T, r)
    # first: a transposed (non-contiguous) float64 image, radius 3
    rng = np.random.default_rng(0)
    src = rng.random((60, 80))
    return (src.T, 3)
