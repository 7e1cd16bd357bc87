# Source: holoviz/datashader datashader/utils.py
# Licence: BSD-3-Clause (setup.py: license='New BSD')
# Notes: merges two max_n aggregates (what combining the per-partition results of a `max_n` reduction does): for every pixel and category, the n largest values kept in descending order and NaN-padded in `other` are merged into those of `ret` in place; the decorators are module-level objects ngjit = nb.jit(nopython=True, nogil=True) and ngjit_parallel = nb.jit(nopython=True, nogil=True, parallel=True); a prange over rows (nb.prange) calls a per-pixel jitted helper on 1-D views ret[y, x, cat], which iterates `for other_value in other_pixel` with break/else, tests NaN with the jitted isnull (`not (val <= 0 or val > 0)`), and inserts through shift_and_insert (a backwards range(n-1, index, -1) shift that returns the next index); 4-tuple unpacking of ret.shape with an unused name; left out: the module's other functions and classes, the module constant numba_version (parsed from nb.__version__ with `re`, used elsewhere in datashader, not by these functions) and the imports only they use (os, re, inspect, pandas, toolz, xarray, datashape, dask, cudf, geopandas, spatialpandas)
from __future__ import annotations

import numba as nb
import numpy as np


ngjit = nb.jit(nopython=True, nogil=True)
ngjit_parallel = nb.jit(nopython=True, nogil=True, parallel=True)


@ngjit
def isnull(val):
    """
    Equivalent to isnan for floats, but also numba compatible with integers
    """
    return not (val <= 0 or val > 0)


@ngjit
def shift_and_insert(target, value, index):
    """Insert a value into a 1D array at a particular index, but before doing
    that shift the previous values along one to make room. For use in
    ``FloatingNReduction`` classes such as ``max_n`` and ``first_n`` which
    store ``n`` values per pixel.

    Parameters
    ----------
    target : 1d numpy array
        Target pixel array.

    value : float
        Value to insert into target pixel array.

    index : int
        Index to insert at.

    Returns
    -------
    Index beyond insertion, i.e. where the first shifted value now sits.
    """
    n = len(target)
    for i in range(n-1, index, -1):
        target[i] = target[i-1]
    target[index] = value
    return index + 1


@ngjit
def _nanmax_n_impl(ret_pixel, other_pixel):
    """Single pixel implementation of nanmax_n_in_place.
    ret_pixel and other_pixel are both 1D arrays of the same length.

    Walk along other_pixel a value at a time, find insertion index in
    ret_pixel and shift values along to insert.  Next other_pixel value is
    inserted at a higher index, so this walks the two pixel arrays just once
    each.
    """
    n = len(ret_pixel)
    istart = 0
    for other_value in other_pixel:
        if isnull(other_value):
            break
        else:
            for i in range(istart, n):
                if isnull(ret_pixel[i]) or other_value > ret_pixel[i]:
                    istart = shift_and_insert(ret_pixel, other_value, i)
                    break


@ngjit_parallel
def nanmax_n_in_place_4d(ret, other):
    """Combine two max-n arrays, taking nans into account. Max-n arrays are 4D
    with shape (ny, nx, ncat, n) where ny and nx are the number of pixels,
    ncat the number of categories (will be 1 if not using a categorical
    reduction) and the last axis containing n values in descending order.
    If there are fewer than n values it is padded with nans.
    Return the first array.
    """
    ny, nx, ncat, _n = ret.shape
    for y in nb.prange(ny):
        for x in range(nx):
            for cat in range(ncat):
                _nanmax_n_impl(ret[y, x, cat], other[y, x, cat])

# ---- harness (not part of the program) ----
ENTRY = "nanmax_n_in_place_4d"


def inputs():
    # two partial max_n(n=4) aggregates of a categorical reduction over a
    # 24 x 30 canvas with 3 categories, as two dask partitions would leave
    # them: per pixel and category, between 0 and 4 values (some pixels
    # empty) in descending order, padded with NaN
    rng = np.random.default_rng(0)
    shape = (24, 30, 3, 4)

    def partial_aggregate():
        agg = np.full(shape, np.nan)
        counts = rng.integers(0, 5, shape[:3])
        for idx in np.ndindex(*shape[:3]):
            k = counts[idx]
            agg[idx][:k] = np.sort(rng.normal(0.0, 10.0, k))[::-1]
        return agg

    ret = partial_aggregate()
    other = partial_aggregate()
    return (ret, other)
