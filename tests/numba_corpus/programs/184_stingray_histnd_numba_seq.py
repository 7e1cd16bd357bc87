# Source: StingraySoftware/stingray stingray/utils.py
# Licence: MIT (stingray, setup.cfg: license = MIT; Stingray Developers)
# Notes: N-dimensional histogram of photon-event tracks (e.g. time, energy, detector channel) for X-ray timing analysis, after https://iscinumpy.dev/post/histogram-speeds-in-python/: per event a bin-coordinate array built from a list comprehension over dimensions, np.all of a combined comparison mask, slice assignment of floats into a uint64 index array, and two jitted helpers that turn the index into a flat offset through np.array(a.strides) / a.itemsize and read or write through a.ravel()[ix]; njit(nogil=True, parallel=False). `from numba import njit` is the import stingray/utils.py makes when numba is installed (its try/except fallback that defines a do-nothing njit is left out); the plain-Python wrapper histnd_numba_seq, whose allocation inputs() follows, and the rest of the module are left out
import numpy as np
from numba import njit


@njit(nogil=True, parallel=False)
def _index_arr(a, ix_arr):
    strides = np.array(a.strides) / a.itemsize
    ix = int((ix_arr * strides).sum())
    return a.ravel()[ix]


@njit(nogil=True, parallel=False)
def _index_set_arr(a, ix_arr, val):
    strides = np.array(a.strides) / a.itemsize
    ix = int((ix_arr * strides).sum())
    a.ravel()[ix] = val


@njit(nogil=True, parallel=False)
def _histnd_numba_seq(H, tracks, bins, ranges, slice_int):
    delta = 1 / ((ranges[:, 1] - ranges[:, 0]) / bins)

    for t in range(tracks.shape[1]):
        slicearr = np.array(
            [(tracks[dim, t] - ranges[dim, 0]) * delta[dim] for dim in range(tracks.shape[0])]
        )

        good = np.all((slicearr < bins) & (slicearr >= 0))
        slice_int[:] = slicearr

        if good:
            curr = _index_arr(H, slice_int)
            _index_set_arr(H, slice_int, curr + 1)

    return H

# ---- harness (not part of the program) ----
ENTRY = "_histnd_numba_seq"


def inputs():
    # what histnd_numba_seq(tracks, bins, range) passes: 2000 events with
    # arrival time, energy (keV) and detector number, binned 20 x 12 x 4
    # over ranges that leave some events outside; H is a zeroed uint64
    # array of shape bins and slice_int a uint64 work array of len(bins)
    rng = np.random.default_rng(0)
    n = 2000
    times = np.sort(rng.uniform(0.0, 100.0, n))
    energies = rng.gamma(2.0, 2.5, n)
    detectors = rng.integers(0, 4, n).astype(float) + 0.5
    tracks = np.asanyarray([times, energies, detectors])
    bins = np.array([20, 12, 4])
    ranges = np.array([[0.0, 100.0], [0.5, 12.5], [0.0, 4.0]])
    H = np.zeros(tuple(bins), dtype=np.uint64)
    slice_int = np.zeros(len(bins), dtype=np.uint64)
    return (H, tracks, bins, ranges, slice_int)
