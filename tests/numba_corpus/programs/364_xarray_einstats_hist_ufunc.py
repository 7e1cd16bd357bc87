# Source: arviz-devs/xarray-einstats src/xarray_einstats/numba.py (at commit 1bcf4620)
# Licence: Apache-2.0 (xarray-einstats LICENSE; Copyright (c) 2022 ArviZ developers)
# Notes: vectorised histograms of MCMC draws, one histogram per variable, the kernel of xarray_einstats.numba.histogram (statistics, Bayesian workflow with ArviZ): hist_ufunc is a @numba.guvectorize generalized ufunc with ten eager signatures (uint8 ... float64), layout "(n),(m)->(m)", cache=True, target="parallel" and nopython=True; its kernel zeroes the output core with res[:] = 0, calls np.histogram(data, bins=bin_edges) and copies the counts into the output in a numba.prange loop (the last output element stays 0 and histogram() slices it off). Pasted: the module docstring, the numba and numpy imports, __all__, and its two guvectorized kernels (hist_ufunc, and searchsorted_ufunc, which ecdf uses and which is not called here); left out: the xarray import, `from . import _remove_indexes_to_reduce, sort` and the plain-Python wrappers histogram, searchsorted and ecdf that call the kernels through xarray.apply_ufunc; the harness calls hist_ufunc as histogram(da, dims=("chain", "draw")) does through apply_ufunc: the float64 draws of 6 parameters x 4 chains x 250 draws, stacked so that the (chain, draw) core dimension of 1000 values is last, and the 11 bin edges np.histogram_bin_edges gives for the flattened data
"""Module with numba enhanced functions."""
import numba
import numpy as np

__all__ = ["histogram", "searchsorted", "ecdf"]


@numba.guvectorize(
    [
        "void(uint8[:], uint8[:], uint8[:])",
        "void(uint16[:], uint16[:], uint16[:])",
        "void(uint32[:], uint32[:], uint32[:])",
        "void(uint64[:], uint64[:], uint64[:])",
        "void(int8[:], int8[:], int8[:])",
        "void(int16[:], int16[:], int16[:])",
        "void(int32[:], int32[:], int32[:])",
        "void(int64[:], int64[:], int64[:])",
        "void(float32[:], float32[:], float32[:])",
        "void(float64[:], float64[:], float64[:])",
    ],
    "(n),(m)->(m)",
    cache=True,
    target="parallel",
    nopython=True,
)
def hist_ufunc(data, bin_edges, res):  # pragma: no cover
    """Use :func:`numba.guvectorize` to convert numpy histogram into a ufunc.

    Notes
    -----
    ``bin_edges`` is a required argument because it is needed to have a valid call
    signature. The shape of the output must be generated from the dimensions available
    in the inputs; they can be in different order, duplicated or reduced, but the output
    can't introduce new dimensions.
    """
    # coverage doesn't seem to recognize that we do call this functions, and I assume
    # it happens with all guvectorized functions, so skipping them from coverage
    # Note: it would be nice to add something to tox.ini about *auto* skipping if guvectorized
    # TODO: check signatures
    m = len(bin_edges)
    res[:] = 0
    aux, _ = np.histogram(data, bins=bin_edges)
    for i in numba.prange(m - 1):
        res[i] = aux[i]


@numba.guvectorize(
    [
        "void(uint8[:], uint8[:], uint8[:])",
        "void(uint16[:], uint16[:], uint16[:])",
        "void(uint32[:], uint32[:], uint32[:])",
        "void(uint64[:], uint64[:], uint64[:])",
        "void(int8[:], int8[:], int8[:])",
        "void(int16[:], int16[:], int16[:])",
        "void(int32[:], int32[:], int32[:])",
        "void(int64[:], int64[:], int64[:])",
        "void(float32[:], float32[:], float32[:])",
        "void(float64[:], float64[:], float64[:])",
    ],
    "(n),(m)->(m)",
    cache=True,
    target="parallel",
    nopython=True,
)
def searchsorted_ufunc(da, v, res):  # pragma: no cover
    """Use :func:`numba.guvectorize` to convert numpy searchsorted into a vectorized ufunc.

    Notes
    -----
    As of now, its only intended use is in for `ecdf`, so the `side` is
    hardcoded and the rest of the library will assume so.
    """
    res[:] = np.searchsorted(da, v, side="right")
# ---- harness (not part of the program) ----
ENTRY = "hist_ufunc"


def inputs():
    # posterior-like draws: 6 parameters, 4 chains x 250 draws each, with
    # different locations and scales; the (chain, draw) dims stacked last
    rng = np.random.default_rng(0)
    loc = rng.normal(0, 2, size=(6, 1, 1))
    scale = rng.uniform(0.5, 2.0, size=(6, 1, 1))
    draws = loc + scale * rng.standard_normal((6, 4, 250))
    data = draws.reshape(6, 1000)
    bin_edges = np.histogram_bin_edges(data.flatten())
    return data, bin_edges
