# Source: pynapple-org/pynapple pynapple/process/correlograms.py (at commit 004e034f)
# Licence: MIT (pynapple, LICENSE; Copyright (c) pynapple authors)
# Notes: lagged Pearson correlations between all pairs of columns of a regularly sampled multichannel signal, pooled over several epochs without crossing epoch boundaries (nap.compute_lagged_crosscorrelation): _lagged_crosscorrelation (@jit(nopython=True, cache=True), typing annotations with npt.NDArray under `from __future__ import annotations`) first gets per-lag power-of-two column scales from the jitted _lagged_correlation_scales (math.frexp returning a (mantissa, exponent) tuple indexed with [1], math.ldexp, abs on array elements, `for count in counts` over an int array, a conditional expression choosing the row, .fill(0.0) on a scratch array, a row view `maximums = scales[0]` updated in place), and calls it only once when `data1 is data2` (an identity test between two array arguments inside a conditional expression); then, per lag, Welford-style running means and sums of squares over shifted, rescaled samples (whole-row slice assignments anchors1[:] = data1[...] / scales1), pair products through index arrays, np.sqrt(x, out) with a positional output array, `continue` when fewer than two observations, and min(1.0, max(-1.0, ...)) clipping into an np.full(..., np.nan) result. The module's other jitted function (_cross_correlogram, the spike-train correlogram) is kept; left out: the plain-Python compute_* wrappers (whose compute_lagged_crosscorrelation set-up inputs() follows), the input-validation decorator, and the imports only they use (inspect, functools.wraps, itertools, numbers.Number, typing, pandas, `from .. import core as nap`)
"""
Functions to compute correlograms of timestamps data.
"""

from __future__ import annotations

from math import frexp, ldexp

import numpy as np
import numpy.typing as npt
from numba import jit


@jit(nopython=True, cache=True)
def _cross_correlogram(
    t1: npt.NDArray[np.float64],
    t2: npt.NDArray[np.float64],
    binsize: float,
    windowsize: float,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """
    Performs the discrete cross-correlogram of two time series.
    The units should be in s for all arguments.
    Return the firing rate of the series t2 relative to the timings of t1.
    See compute_crosscorrelogram, compute_autocorrelogram and compute_eventcorrelogram
    for wrappers of this function.

    Parameters
    ----------
    t1 : numpy.ndarray
        The timestamps of the reference time series (in seconds)
    t2 : numpy.ndarray
        The timestamps of the target time series (in seconds)
    binsize : float
        The bin size (in seconds)
    windowsize : float
        The window size (in seconds)

    Returns
    -------
    numpy.ndarray
        The cross-correlogram
    numpy.ndarray
        Center of the bins (in s)

    """
    # nbins = ((windowsize//binsize)*2)

    nt1 = len(t1)
    nt2 = len(t2)

    nbins = int((windowsize * 2) // binsize)
    if np.floor(nbins / 2) * 2 == nbins:
        nbins = nbins + 1

    w = (nbins / 2) * binsize
    C = np.zeros(nbins)
    i2 = 0

    for i1 in range(nt1):
        lbound = t1[i1] - w
        while i2 < nt2 and t2[i2] < lbound:
            i2 = i2 + 1
        while i2 > 0 and t2[i2 - 1] > lbound:
            i2 = i2 - 1

        rbound = lbound
        leftb = i2
        for j in range(nbins):
            k = 0
            rbound = rbound + binsize
            while leftb < nt2 and t2[leftb] < rbound:
                leftb = leftb + 1
                k = k + 1

            C[j] += k

    C = C / (nt1 * binsize)

    m = -w + binsize / 2
    B = np.zeros(nbins)
    for j in range(nbins):
        B[j] = m + j * binsize

    return C, B


@jit(nopython=True, cache=True)
def _lagged_correlation_scales(data, counts, max_lag):
    """Power-of-two scales for overlaps at lags from -max_lag to max_lag."""
    scales = np.zeros((2 * max_lag + 1, data.shape[1]))
    if max_lag == 0:
        # All restricted samples contribute; no prefix/suffix bookkeeping is needed.
        maximums = scales[0]
        for row in range(data.shape[0]):
            for column in range(data.shape[1]):
                magnitude = abs(data[row, column])
                if magnitude > maximums[column]:
                    maximums[column] = magnitude
    else:
        maximums = np.empty(data.shape[1])
        start = 0
        for count in counts:
            # Prefix/suffix maxima avoid a full scan per lag.
            for direction in range(2):
                maximums.fill(0.0)
                for offset in range(count):
                    row = (
                        start + offset if direction == 0 else start + count - 1 - offset
                    )
                    lag = count - 1 - offset
                    index = max_lag - lag if direction == 0 else max_lag + lag
                    for column in range(data.shape[1]):
                        magnitude = abs(data[row, column])
                        if magnitude > maximums[column]:
                            maximums[column] = magnitude
                        if lag <= max_lag and maximums[column] > scales[index, column]:
                            scales[index, column] = maximums[column]
            start += count
    for index in range(scales.shape[0]):
        for column in range(scales.shape[1]):
            scales[index, column] = ldexp(1.0, frexp(scales[index, column])[1] - 1)
    return scales


@jit(nopython=True, cache=True)
def _lagged_crosscorrelation(
    data1: npt.NDArray[np.float64],
    data2: npt.NDArray[np.float64],
    counts: npt.NDArray[np.int64],
    pairs1: npt.NDArray[np.int64],
    pairs2: npt.NDArray[np.int64],
    max_lag: int,
) -> npt.NDArray[np.float64]:
    """Compute Pearson correlations for lagged column pairs within epochs."""
    n_lags = 2 * max_lag + 1
    n_pairs = len(pairs1)
    correlations = np.full((n_lags, n_pairs), np.nan)

    # Shift each stream before the online updates to preserve small variations.
    anchors1 = np.empty(data1.shape[1])
    anchors2 = np.empty(data2.shape[1])
    means1 = np.empty(data1.shape[1])
    means2 = np.empty(data2.shape[1])
    sums_of_squares1 = np.empty(data1.shape[1])
    sums_of_squares2 = np.empty(data2.shape[1])
    norms1 = np.empty(data1.shape[1])
    norms2 = np.empty(data2.shape[1])
    deltas1 = np.empty(data1.shape[1])
    residuals2 = np.empty(data2.shape[1])
    sums_of_products = np.empty(n_pairs)

    # Scale before subtracting/squaring; powers of two preserve close values.
    all_scales1 = _lagged_correlation_scales(data1, counts, max_lag)
    all_scales2 = (
        all_scales1
        if data1 is data2
        else _lagged_correlation_scales(data2, counts, max_lag)
    )
    for lag_index in range(n_lags):
        lag = lag_index - max_lag
        scales1 = all_scales1[n_lags - 1 - lag_index]
        scales2 = all_scales2[lag_index]
        means1.fill(0.0)
        means2.fill(0.0)
        sums_of_squares1.fill(0.0)
        sums_of_squares2.fill(0.0)
        sums_of_products.fill(0.0)
        n_observations = 0
        epoch_start = 0

        for count in counts:
            n_valid = count - abs(lag)
            if n_valid > 0:
                if lag >= 0:
                    start1 = epoch_start
                    start2 = epoch_start + lag
                else:
                    start1 = epoch_start - lag
                    start2 = epoch_start

                for sample in range(n_valid):
                    if n_observations == 0:
                        anchors1[:] = data1[start1 + sample] / scales1
                        anchors2[:] = data2[start2 + sample] / scales2
                    n_observations += 1

                    for column in range(data1.shape[1]):
                        value = (
                            data1[start1 + sample, column] / scales1[column]
                            - anchors1[column]
                        )
                        delta = value - means1[column]
                        means1[column] += delta / n_observations
                        sums_of_squares1[column] += delta * (value - means1[column])
                        deltas1[column] = delta

                    for column in range(data2.shape[1]):
                        value = (
                            data2[start2 + sample, column] / scales2[column]
                            - anchors2[column]
                        )
                        delta = value - means2[column]
                        means2[column] += delta / n_observations
                        residual = value - means2[column]
                        sums_of_squares2[column] += delta * residual
                        residuals2[column] = residual

                    for pair in range(n_pairs):
                        sums_of_products[pair] += (
                            deltas1[pairs1[pair]] * residuals2[pairs2[pair]]
                        )

            epoch_start += count

        if n_observations < 2:
            continue
        np.sqrt(sums_of_squares1, norms1)
        np.sqrt(sums_of_squares2, norms2)
        for pair in range(n_pairs):
            norm1 = norms1[pairs1[pair]]
            norm2 = norms2[pairs2[pair]]
            if norm1 > 0.0 and norm2 > 0.0:
                correlation = (sums_of_products[pair] / norm1) / norm2
                correlations[lag_index, pair] = min(1.0, max(-1.0, correlation))

    return correlations

# ---- harness (not part of the program) ----
ENTRY = "_lagged_crosscorrelation"


def inputs():
    # what compute_lagged_crosscorrelation(frame, windowsize=0.1) hands to
    # the kernel for one TsdFrame of 4 channels sampled at 100 Hz (so
    # data1 is data2: the same float64 array is passed twice), restricted to
    # three epochs of 120, 90 and 150 samples (the counts that
    # jitrestrict_with_count returns), the column pairs of
    # itertools.combinations(range(4), 2) and max_lag = 10 samples; the
    # channels are phase-shifted oscillations plus noise, with one
    # channel offset by 1000 to exercise the rescaling
    rng = np.random.default_rng(0)
    counts = np.array([120, 90, 150], dtype=np.int64)
    n = int(counts.sum())
    t = np.arange(n) / 100.0
    data = np.column_stack([
        np.sin(2 * np.pi * 3 * t),
        np.sin(2 * np.pi * 3 * (t - 0.04)),
        1000.0 + np.cos(2 * np.pi * 5 * t),
        np.sin(2 * np.pi * 3 * (t + 0.02)),
    ]) + 0.3 * rng.standard_normal((n, 4))
    pairs = [(i, j) for i in range(4) for j in range(i + 1, 4)]
    pairs1 = np.asarray([p[0] for p in pairs], dtype=np.int64)
    pairs2 = np.asarray([p[1] for p in pairs], dtype=np.int64)
    return (data, data, counts, pairs1, pairs2, 10)
