# Source: open2c/cooltools cooltools/lib/numutils.py
# Licence: MIT (cooltools, LICENSE; Copyright (c) 2017 mirnylab)
# Notes: distance normalisation of a Hi-C contact matrix: the diagonals are grouped into log-spaced distance bins made by the jitted _logbins_numba (int(), np.log ratio arithmetic, `10 ** np.linspace(...)`, np.rint, np.sort(np.unique(...)).astype(np.int_), asserts, a bool default and np.concatenate), and each bin's valid pixels are divided by their mean; observed_over_expected has an array default argument `mask=np.empty(shape=(0), dtype=np.bool_)`, branches on mask.ndim (a 1-D mask becomes a 2-D one through a broadcast product of two reshapes), zips a range with two slices of the bin edges, uses `not has_mask or mask2d[...]`, and returns a 4-tuple; the module's other jitted functions (iterative_correction_symmetric/asymmetric and the ones further down the file) and its plain-Python helpers, with the imports only they use (warnings, scipy, cooler, functools, the Cython _numutils), are left out
import numpy as np
import numba


@numba.njit
def _logbins_numba(lo, hi, ratio=0, N=0, prepend_zero=False):
    """Make bins with edges evenly spaced in log-space.

    Parameters
    ----------
    lo, hi : int
        The span of the bins.
    ratio : float
        The target ratio between the upper and the lower edge of each bin.
        Either ratio or N must be specified.
    N : int
        The target number of bins. The resulting number of bins is not guaranteed.
        Either ratio or N must be specified.

    """
    lo = int(lo)
    hi = int(hi)
    if ratio != 0:
        if N != 0:
            raise ValueError("Please specify N or ratio")
        N = np.log(hi / lo) / np.log(ratio)
    elif N == 0:
        raise ValueError("Please specify N or ratio")
    data10 = 10 ** np.linspace(np.log10(lo), np.log10(hi), int(N))
    data10 = np.rint(data10)
    data10_int = np.sort(np.unique(data10)).astype(np.int_)
    assert data10_int[0] == lo
    assert data10_int[-1] == hi
    if prepend_zero:
        data10_int = np.concatenate((np.array([0]), data10_int))
    return data10_int


@numba.njit
def observed_over_expected(
    matrix, mask=np.empty(shape=(0), dtype=np.bool_), dist_bin_edge_ratio=1.03
):
    """
    Normalize the contact matrix for distance-dependent contact decay.
    The diagonals of the matrix, corresponding to contacts between loci pairs
    with a fixed distance, are grouped into exponentially growing bins of
    distances; the diagonals from each bin are normalized by their average value.

    Parameters
    ----------
    matrix : np.ndarray
        A 2D symmetric matrix of contact frequencies.
    mask : np.ndarray
        A 1D or 2D mask of valid data.
        If 1D, it is interpreted as a mask of "good" bins.
        If 2D, it is interpreted as a mask of "good" pixels.
    dist_bin_edge_ratio : float
        The ratio of the largest and the shortest distance in each distance bin.

    Returns
    -------
    OE : np.ndarray
        The diagonal-normalized matrix of contact frequencies.
    dist_bins : np.ndarray
        The edges of the distance bins used to calculate average
        distance-dependent contact frequency.
    sum_pixels : np.ndarray
        The sum of contact frequencies in each distance bin.
    n_pixels : np.ndarray
        The total number of valid pixels in each distance bin.

    """
    N = matrix.shape[0]

    mask2d = np.empty(shape=(0, 0), dtype=np.bool_)
    if mask.ndim == 1:
        if mask.size > 0:
            mask2d = mask.reshape((1, -1)) * mask.reshape((-1, 1))
    elif mask.ndim == 2:
        # Numba expects mask to be a 1d array, so we need to hint
        # that it is now a 2d array
        mask2d = mask.reshape((int(np.sqrt(mask.size)), int(np.sqrt(mask.size))))
    else:
        raise ValueError("The mask must be either 1D or 2D.")

    data = np.copy(matrix).astype(np.float64)

    has_mask = mask2d.size > 0
    dist_bins = _logbins_numba(1, N, dist_bin_edge_ratio)
    dist_bins = np.concatenate((np.array([0]), dist_bins))
    n_pixels_arr = np.zeros_like(dist_bins[1:])
    sum_pixels_arr = np.zeros_like(dist_bins[1:], dtype=np.float64)

    bin_idx, n_pixels, sum_pixels = 0, 0, 0

    for bin_idx, lo, hi in zip(
        range(len(dist_bins) - 1), dist_bins[:-1], dist_bins[1:]
    ):
        sum_pixels = 0
        n_pixels = 0
        for offset in range(lo, hi):
            for j in range(0, N - offset):
                if not has_mask or mask2d[offset + j, j]:
                    sum_pixels += data[offset + j, j]
                    n_pixels += 1

        n_pixels_arr[bin_idx] = n_pixels
        sum_pixels_arr[bin_idx] = sum_pixels

        if n_pixels == 0:
            continue
        mean_pixel = sum_pixels / n_pixels
        if mean_pixel == 0:
            continue

        for offset in range(lo, hi):
            for j in range(0, N - offset):
                if not has_mask or mask2d[offset + j, j]:

                    data[offset + j, j] /= mean_pixel
                    if offset > 0:
                        data[j, offset + j] /= mean_pixel

    return data, dist_bins, sum_pixels_arr, n_pixels_arr

# ---- harness (not part of the program) ----
ENTRY = "observed_over_expected"


def inputs():
    # a symmetric 200 x 200 Hi-C-like contact matrix (integer counts decaying
    # as a power of the genomic distance, with a few TAD-like blocks of
    # enriched contacts), passed as float64 with a 1-D mask of good bins
    # that drops a few low-coverage rows, as cooltools' expected code does;
    # the default dist_bin_edge_ratio
    rng = np.random.default_rng(0)
    n = 200
    i, j = np.indices((n, n))
    dist = np.abs(i - j)
    lam = 400.0 / (1.0 + dist) ** 1.1
    for a, b in ((10, 50), (50, 120), (130, 190)):
        block = (i >= a) & (i < b) & (j >= a) & (j < b)
        lam = np.where(block, lam * 1.8, lam)
    counts = rng.poisson(lam)
    counts = np.triu(counts) + np.triu(counts, 1).T
    mask = np.ones(n, dtype=np.bool_)
    mask[rng.choice(n, 8, replace=False)] = False
    return (counts.astype(np.float64), mask)
