# Source: sgkit-dev/sgkit sgkit/stats/ld.py (ArrayLike and DType from sgkit/typing.py)
# Licence: Apache-2.0 (sgkit, setup.cfg: license = Apache, "License :: OSI Approved :: Apache Software License"; sgkit Developers)
# Notes: the linkage-disequilibrium matrix of one chunk of variants for LD pruning: _ld_matrix_jit (nogil=True, cache=True) walks overlapping genomic windows, computes Rogers-Huff r² between every pair of variant dosage rows in a window (rogers_huff_r_between: fastmath=True with `locals={"m0": numba.float32, ..., "n": numba.int32}` to match scikit-allel's float32 arithmetic, negative dosages as missing, math.sqrt, np.finfo(np.float32).tiny, NaN early returns), compares variant scores into an np.int8, and appends (i, j, r², cmp) tuples to a list built with list(), converting through the dtype classes passed as arguments (`index_dtype(index)` with np.int32, `value_dtype(res)` with np.float32); the module's other jitted function _maximal_independent_set_jit (a set() of vertex ids, raise ValueError, list(set)) is kept; the dask/pandas/xarray wrappers (ld_matrix, _ld_matrix, _maximal_independent_set, maximal_independent_set, ld_prune) and the imports only they use (dask, pandas, xarray, sgkit.variables, sgkit.window) are left out; sgkit/typing.py's `ArrayLike = Union[np.ndarray, da.Array]` is pasted as `ArrayLike = np.ndarray` (the dask alternative is not needed by the jitted code)
import math
from typing import Any, Hashable, List, Optional

import numba
import numpy as np
from numba import njit

# ---- sgkit/typing.py (ArrayLike and DType; see Notes) ----
ArrayLike = np.ndarray
DType = Any


# ---- sgkit/stats/ld.py ----
# Note that float32 types are used in this function to get an exact match with scikit-allel's equivalent function.
@njit(nogil=True, fastmath=True, cache=True, locals={"m0": numba.float32, "m1": numba.float32, "v0": numba.float32, "v1": numba.float32, "cov": numba.float32, "n": numba.int32})  # type: ignore
def rogers_huff_r_between(gn0: ArrayLike, gn1: ArrayLike) -> float:  # pragma: no cover
    """Rogers Huff R

    From https://github.com/cggh/scikit-allel/blob/961254bd583572eed7f9bd01060e53a8648e620c/allel/opt/stats.pyx
    """
    # initialise variables
    m0 = m1 = v0 = v1 = cov = 0.0
    n = 0

    # iterate over input vectors
    for i in range(len(gn0)):
        x = gn0[i]
        y = gn1[i]
        # consider negative values as missing
        if x >= 0 and y >= 0:
            n += 1
            m0 += x
            m1 += y
            v0 += x ** 2
            v1 += y ** 2
            cov += x * y

    # early out
    if n == 0:
        return np.nan

    # compute mean, variance, covariance
    m0 /= n
    m1 /= n
    v0 /= n
    v1 /= n
    cov /= n
    cov -= m0 * m1
    v0 -= m0 * m0
    v1 -= m1 * m1

    d = math.sqrt(v0 * v1)
    if d < np.finfo(np.float32).tiny:
        return np.nan

    # compute correlation coeficient
    r = cov / d

    return r


@njit(nogil=True, fastmath=True, cache=True)  # type: ignore
def rogers_huff_r2_between(gn0: ArrayLike, gn1: ArrayLike) -> float:  # pragma: no cover
    return rogers_huff_r_between(gn0, gn1) ** 2  # type: ignore


@njit(nogil=True, cache=True)  # type: ignore
def _ld_matrix_jit(
    x: ArrayLike,
    chunk_window_starts: ArrayLike,
    chunk_window_stops: ArrayLike,
    abs_chunk_start: int,
    chunk_max_window_start: int,
    index_dtype: DType,
    value_dtype: DType,
    threshold: float,
    scores: ArrayLike,
) -> List[Any]:  # pragma: no cover

    rows = list()
    no_threshold = np.isnan(threshold)

    # Iterate over each window in this chunk
    for ti in range(len(chunk_window_starts)):
        window_start = chunk_window_starts[ti]
        window_stop = chunk_window_stops[ti]
        max_window_start = min(window_stop, chunk_max_window_start)

        # Iterate over each pair of positions in this window.
        # However, since windows can overlap, the outer loop (i1) should only iterate up to
        # the next window start (which may be in a later chunk), to avoid producing duplicate pairs.
        for i1 in range(window_start, max_window_start):
            index = abs_chunk_start + i1
            for i2 in range(i1, window_stop):
                other = abs_chunk_start + i2

                if i1 == i2:
                    res = 1.0
                else:
                    res = rogers_huff_r2_between(x[i1], x[i2])

                cmp = np.int8(0)
                if scores.shape[0] > 0:
                    if scores[i1] > scores[i2]:
                        cmp = np.int8(1)
                    elif scores[i1] < scores[i2]:
                        cmp = np.int8(-1)

                if no_threshold or res >= threshold:
                    rows.append(
                        (index_dtype(index), index_dtype(other), value_dtype(res), cmp)
                    )

    return rows


@njit(nogil=True, cache=True)  # type: ignore
def _maximal_independent_set_jit(
    idi: ArrayLike, idj: ArrayLike, cmp: ArrayLike
) -> List[int]:  # pragma: no cover
    """Numba Sequential greedy maximal independent set implementation

    Parameters
    ----------
    idi : array-like (M,)
    idj : array-like (M,)
    cmp : array-like (M,) or (0,)

    Returns
    -------
    lost : list[int]
        List of indexes to drop of length <= M
    """
    lost = set()
    assert len(idi) == len(idj)

    for k in range(len(idi)):
        i, j = idi[k], idj[k]

        # Only consider upper triangle
        if j <= i:
            continue

        # Assert presort for unrolled loop
        if k > 0:
            if i < idi[k - 1] or (i == idi[k - 1] and j < idj[k - 1]):
                raise ValueError("Edges must be sorted by vertex id")

        # Always ignore dropped vertex in outer loop
        if i in lost:
            continue

        # Decide whether to drop row
        # cmp = 1 => idi greater, -1 => idj greater
        if len(cmp) > 0 and cmp[k] < 0:
            lost.add(i)
        else:
            lost.add(j)
    return list(lost)

# ---- harness (not part of the program) ----
ENTRY = "_ld_matrix_jit"


def inputs():
    # dosages (0, 1, 2 copies of the alternate allele, -1 missing at 2%) of
    # 160 variants in 120 diploid samples, simulated from haplotype blocks of
    # 8 variants so that nearby variants are in LD; one chunk holding the
    # whole contig, windowed as sgkit's window_by_variant(size=20, step=10)
    # does (overlapping windows, so the outer loop stops at the next window's
    # start), the float64 array that _ld_matrix passes; ld_prune's default
    # threshold 0.2, np.int32/np.float32 as index/value dtypes, and allele
    # frequencies as scores
    rng = np.random.default_rng(0)
    n_var, n_samp = 160, 120
    hap = np.empty((n_var, 2 * n_samp), dtype=np.int64)
    for b in range(0, n_var, 8):
        base = rng.random(2 * n_samp) < rng.uniform(0.1, 0.5)
        for v in range(b, b + 8):
            flip = rng.random(2 * n_samp) < 0.08
            hap[v] = np.where(flip, ~base, base)
    x = (hap[:, 0::2] + hap[:, 1::2]).astype(np.float64)
    x[rng.random(x.shape) < 0.02] = -1.0
    starts = np.arange(0, n_var, 10, dtype=np.int64)
    stops = np.minimum(starts + 20, n_var).astype(np.int64)
    scores = np.where(x >= 0, x, 0.0).sum(axis=1) / (2.0 * n_samp)
    return (x, starts, stops, 0, int(stops.max()), np.int32, np.float32, 0.2, scores)
