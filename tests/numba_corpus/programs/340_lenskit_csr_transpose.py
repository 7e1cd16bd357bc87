# Source: lenskit/csr csr/layout.py and csr/native_ops.py (both at commit 12e74ea6)
# Licence: MIT (csr, pyproject.toml classifier "License :: OSI Approved :: MIT License"; Michael Ekstrand)
# Notes: the transpose of a user-item rating matrix held in the _CSR jitclass of LensKit's csr package, as item-based recommenders need it (sparse-matrix utilities for recommender systems): transpose (@njit(nogil=True)) counts the entries of every column into the new row pointers, turns the counts into pointers with a running sum, scatters the row indices and values while advancing the pointers, shifts the pointers back down with a reversed range and returns a new _CSR built in jitted code; row_extent returns a (start, end) tuple, and the jitclass constructor tests its values argument against None and falls back to the module constant EMPTY_VALUES. Pasted: layout.py (its docstring, imports, the @jitclass _CSR with its intc/boolean/float64 field spec, and EMPTY_VALUES) followed by native_ops.py (its docstring, imports, logger and all its jitted functions); the `from .layout import _CSR, EMPTY_VALUES` line of native_ops.py is left out since both names are defined above it; the harness builds the _CSR of 60 users x 40 items with about 15% of the cells rated 0.5-5.0 in half-star steps (int32 rowptrs and sorted colinds, float64 values) and calls transpose(csr, True)
"""
Type for CSR storage.
"""

import numpy as np
from numba.experimental import jitclass
import numba.types as nt


@jitclass([
    ('nrows', nt.intc),
    ('ncols', nt.intc),
    ('nnz', nt.intc),
    ('has_values', nt.boolean),
    ('rowptrs', nt.intc[::1]),
    ('colinds', nt.intc[::1]),
    ('values', nt.float64[::1])
])
class _CSR:
    """
    Internal storage for :py:class:`csr.CSR`. If you work with CSRs from Numba,
    you will use this type instead of the CSR class itself, with functions
    from :py:mod:`csr.native_ops`.

    This has the same key attributes as :py:class:`csr.CSR`, except that it always
    has a ``values`` array; if only structure is stored, this array has length 0.

    Attributes:
        nrows(int): the number of rows
        ncols(int): the number of columns
        nnz(int): the number of nonzero entries
        rowptrs(numpy.ndarray): starting position of each row (length ``nrows + 1``)
        colinds(numpy.ndarray): column indices (length ``nnz``)
        has_values(bool):
            Whether or not this matrix has values, or only stores the structure.
        values(numpy.ndarray):
            matrix cell values (length ``nnz`` or 0). If only the matrix structure
            is stored, this has length 0.
    """
    def __init__(self, nrows, ncols, nnz, rowptrs, colinds, values):
        self.nrows = nrows
        self.ncols = ncols
        self.nnz = nnz
        self.rowptrs = rowptrs
        self.colinds = colinds
        if values is None:
            self.values = EMPTY_VALUES
            self.has_values = False
        else:
            self.values = values
            self.has_values = True


EMPTY_VALUES = np.zeros(0)
"""
Backend implementations of Numba operations.
"""

import logging
import numpy as np
from numba import njit

_log = logging.getLogger(__name__)


@njit
def make_empty(nrows, ncols):
    rowptrs = np.zeros(nrows + 1, dtype=np.intc)
    colinds = np.zeros(0, dtype=np.intc)
    values = np.zeros(0)
    return _CSR(nrows, ncols, 0, rowptrs, colinds, values)


@njit
def make_unintialized(nrows, ncols, sizes):
    nnz = np.sum(sizes)
    rowptrs = np.zeros(nrows + 1, dtype=np.intc)
    for i in range(nrows):
        rowptrs[i+1] = rowptrs[i] + sizes[i]
    colinds = np.full(nnz, -1, dtype=np.intc)
    values = np.full(nnz, np.nan)
    return _CSR(nrows, ncols, nnz, rowptrs, colinds, values)


@njit
def row_extent(csr, row):
    "Get the extent of a row in the matrix storage."
    sp = csr.rowptrs[row]
    ep = csr.rowptrs[row+1]
    return sp, ep


@njit
def row(csr, row):
    "Get a row as a dense vector."
    v = np.zeros(csr.ncols)
    if csr.nnz == 0:
        return v

    sp, ep = row_extent(csr, row)
    cols = csr.colinds[sp:ep]
    if csr.has_values > 0:
        v[cols] = csr.values[sp:ep]
    else:
        v[cols] = 1

    return v


@njit
def row_cs(csr, row):
    "Get the column indices for a row."
    sp = csr.rowptrs[row]
    ep = csr.rowptrs[row + 1]

    return csr.colinds[sp:ep]


@njit
def row_vs(csr, row):
    "Get the nonzero values for a row."
    sp = csr.rowptrs[row]
    ep = csr.rowptrs[row + 1]

    if csr.has_values:
        return csr.values[sp:ep]
    else:
        return np.full(ep - sp, 1.0)


@njit
def rowinds(csr):
    "Get the row indices for the nonzero values in a matrix."
    ris = np.zeros(csr.nnz, np.intc)
    for i in range(csr.nrows):
        sp, ep = row_extent(csr, i)
        ris[sp:ep] = i
    return ris


@njit
def subset_rows(csr, begin, end):
    "Take a subset of the rows of a CSR."
    st = csr.rowptrs[begin]
    ed = csr.rowptrs[end]
    rps = csr.rowptrs[begin:(end+1)] - st

    cis = csr.colinds[st:ed]
    if csr.has_values:
        vs = csr.values[st:ed]
    else:
        vs = None
    return _CSR(end - begin, csr.ncols, ed - st, rps, cis, vs)


@njit(nogil=True)
def center_rows(csr):
    "Mean-center the nonzero values of each row of a CSR."
    means = np.zeros(csr.nrows)
    for i in range(csr.nrows):
        sp, ep = row_extent(csr, i)
        if sp == ep:
            continue  # empty row
        vs = row_vs(csr, i)
        m = np.mean(vs)
        means[i] = m
        csr.values[sp:ep] -= m

    return means


@njit(nogil=True)
def unit_rows(csr):
    "Normalize the rows of a CSR to unit vectors."
    norms = np.zeros(csr.nrows)
    for i in range(csr.nrows):
        sp, ep = row_extent(csr, i)
        if sp == ep:
            continue  # empty row
        vs = row_vs(csr, i)
        m = np.linalg.norm(vs)
        norms[i] = m
        csr.values[sp:ep] /= m

    return norms


@njit(nogil=True)
def transpose(csr, include_values):
    "Transpose a CSR."
    brp = np.zeros(csr.ncols + 1, csr.rowptrs.dtype)
    bci = np.zeros(csr.nnz, np.int32)
    if include_values and csr.has_values:
        bvs = np.zeros(csr.nnz, np.float64)
    else:
        bvs = np.zeros(0)

    # count elements
    for i in range(csr.nrows):
        ars, are = row_extent(csr, i)
        for jj in range(ars, are):
            j = csr.colinds[jj]
            brp[j+1] += 1

    # convert to pointers
    for j in range(csr.ncols):
        brp[j+1] = brp[j] + brp[j+1]

    # construct results
    for i in range(csr.nrows):
        ars, are = row_extent(csr, i)
        for jj in range(ars, are):
            j = csr.colinds[jj]
            bci[brp[j]] = i
            if include_values and csr.has_values:
                bvs[brp[j]] = csr.values[jj]
            brp[j] += 1

    # restore pointers
    for i in range(csr.ncols - 1, 0, -1):
        brp[i] = brp[i-1]
    brp[0] = 0

    return _CSR(csr.ncols, csr.nrows, csr.nnz, brp, bci, bvs)


@njit(nogil=True)
def _csr_align(rowinds, nrows, rowptrs, align):
    rcts = np.zeros(nrows, dtype=rowptrs.dtype)
    for r in rowinds:
        rcts[r] += 1

    rowptrs[1:] = np.cumsum(rcts)
    rpos = rowptrs[:-1].copy()

    for i in range(len(rowinds)):
        row = rowinds[i]
        pos = rpos[row]
        align[pos] = i
        rpos[row] += 1
# ---- harness (not part of the program) ----
ENTRY = "transpose"


def inputs():
    # 60 users x 40 items, each cell rated with probability 0.15, ratings
    # in half-star steps from 0.5 to 5.0; the _CSR gets scipy's int32
    # indptr/indices (sorted) and float64 data
    import scipy.sparse
    rng = np.random.default_rng(0)
    nu, ni = 60, 40
    mask = rng.random((nu, ni)) < 0.15
    ratings = np.where(mask, rng.integers(1, 11, (nu, ni)) * 0.5, 0.0)
    m = scipy.sparse.csr_matrix(ratings)
    m.sort_indices()
    csr = _CSR(nu, ni, m.nnz, m.indptr.astype(np.intc),
               m.indices.astype(np.intc), m.data.astype(np.float64))
    return (csr, True)
