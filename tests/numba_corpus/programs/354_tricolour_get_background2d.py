# Source: ratt-ru/tricolour tricolour/flagging.py (at commit 1cb920af)
# Licence: BSD-3-Clause (tricolour LICENSE: "BSD 3-Clause License, Copyright (c) National Research Foundation (SARAO) and Rhodes University Centre for Radio Astronomy Techniques & Technologies (RATT)")
# Notes: smooth background estimation for radio-astronomy RFI flagging (the SumThreshold flagger of tricolour, after katdal/katsdpsigproc): _get_background2d (@numba.jit(nopython=True, nogil=True, cache=True)) copies the flags, then for each iteration smooths the visibility amplitudes with masked_gaussian_filter (a flag-weighted approximate Gaussian made of repeated boxcar passes: _box_gaussian_filter computes the box radii with (0.5 * np.sqrt(12.0 * sigma**2 / passes + 1)).astype(np.int_) on a 2-element array, processes chunks of 256 columns through slice objects built in jitted code and the rows one by one, and _box_gaussian_filter1d keeps running sums over a zero-padded copy, indexing with np.ndindex over data.shape[1:] and tuple concatenation ((i,) + j), resetting a 0-d accumulator with s[()] = 0 and dividing by data.dtype.type(d)**K), forms the absolute residual in place per frequency chunk (slice(None, None) / slice(a, b) tuples used as indices), takes a MAD threshold with _median_abs (np.ndindex over a 2-D shape, np.median of a prefix) and flags the outliers in place, and finally smooths again and replaces the NaNs left where no unflagged data was in reach by linear interpolation along frequency (_linearly_interpolate_nans / _linearly_interpolate_nans1d: while loops, slice assignment of a scalar); it returns the float32 background. Pasted from flagging.py: the module docstring, its __future__ imports, the numpy and numba imports, MAD_NORMAL and the functions the entry needs (_median_abs, _linearly_interpolate_nans1d, _linearly_interpolate_nans, _box_gaussian_filter1d, _box_gaussian_filter, masked_gaussian_filter, _get_background2d); left out: the `re` import and the rest of the module (apply_static_mask, the generated_jit _asbool, _time_median, _median_abs_axis0, the SumThreshold kernels, _get_flags_impl and friends, uvcontsub_flagger, sum_threshold_flagger and the SumThresholdFlagger class). The harness passes what _get_baseline_flags passes for one baseline after _average_freq: a float32 (40 time x 256 channel) array of visibility amplitudes (a smooth bandpass with noise, a few narrow-band RFI channels, time bursts and NaNs zeroed as flagged), its bool flags, background_iterations = 1, np.array((spike_width_time, spike_width_freq)) = (12.5, 10.0), background_reject = 2.0 and the freq_chunk_ends of sum_threshold_flagger, np.linspace(0, 256, 11).astype(np.int_)
"""Library to contain 2d RFI flagging routines and other RFI related functions."""

from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import numpy as np
import numba

MAD_NORMAL = 1.4826
"""Ratio between `median absolute deviation`_ and standard deviation of a Gaussian distribution.
.. _median absolute deviation: https://en.wikipedia.org/wiki/Median_absolute_deviation
"""


@numba.jit(nopython=True, nogil=True, cache=True)
def _median_abs(data, flags):
    """Compute median of absolute values of non-flagged values in `data`."""
    values = np.empty(data.size, data.dtype)
    n = np.int64(0)
    for idx in np.ndindex(data.shape):
        if not flags[idx]:
            values[n] = np.abs(data[idx])
            n += 1
    if n == 0:
        return np.nan
    else:
        return np.median(values[:n])


@numba.jit(nopython=True, nogil=True, cache=True)
def _linearly_interpolate_nans1d(data):
    """Replace NaNs in `data` by linear interpolation in-place.

    Extrapolation is done by repeating the first/last valid element.  If all
    input data are NaNs, they are all replaced by zeros.

    Parameters
    ----------
    data : ndarray, real
        Data to interpolate, 1D. It is modified in-place.
    """
    n = data.size
    # Find first valid value
    p = 0
    while p < n and np.isnan(data[p]):
        p += 1
    if p == n:
        data[:] = 0
        return
    data[:p] = data[p]     # Extrapolate backwards
    p += 1
    while p < n:
        if np.isnan(data[p]):
            # Find next valid value
            q = p + 1
            while q < n and np.isnan(data[q]):
                q += 1
            if q == n:
                data[p:] = data[p - 1]   # Extrapolate forwards
            else:
                start = data[p - 1]
                grad = (data[q] - start) / (q - (p - 1))
                for i in range(p, q):
                    data[i] = start + (i - (p - 1)) * grad
            p = q
        else:
            p += 1


@numba.jit(nopython=True, nogil=True, cache=True)
def _linearly_interpolate_nans(data):
    """Replace nans in `data` by linear interpolation across frequencies.

    Extrapolation is done by repeating the first/last valid element.

    Parameters
    ----------
    data : ndarray, real
        Data to interpolate, with shape (time, frequency).
    """
    for i in range(data.shape[0]):
        _linearly_interpolate_nans1d(data[i])


@numba.jit(nopython=True, nogil=True, cache=True)
def _box_gaussian_filter1d(data, r, out, passes):
    """Implementation of :func:`_box_gaussian_filter` along the first axis of an array.

    It is safe to use this function in-place i.e. with `out` equal to `data`.

    Parameters
    ----------
    data : ndarray, real
        Input data, with at least 1 dimension.
    r : int
        Radius of the box filter
    out : ndarray, real
        Output data, with same shape as `data`.
    passes : int
        Number of boxcar filters to apply
    """
    K = passes
    if data.shape[0] == 0 or K == 0:
        out[:] = data[:]
        return
    d = 2 * r + 1
    # Pad on left with zeros.
    padding = r * K
    # TODO: hoist memory allocations into caller
    padded = np.empty((data.shape[0] + padding,) + data.shape[1:], data.dtype)
    padded[:padding] = 0
    padded[padding:] = data
    prev_start = padding   # First element with valid data
    s = np.zeros(data.shape[1:], np.float64)
    for p in range(1, K + 1):
        # On each pass, padded[i] is replaced by the sum of padded[i : i + d]
        # from the previous pass. The accumulator is kept in double precision
        # to avoid excessive accumulation of errors.
        s[()] = 0
        start = padding - 2 * r * p
        stop = start + data.shape[0] + 2 * padding
        start = max(start, 0)
        stop = min(stop, padded.shape[0])
        tail = min(stop, padded.shape[0] - 2 * r)
        for i in range(prev_start, min(start + 2 * r, padded.shape[0])):
            s += padded[i]
        for i in range(start, tail):
            for j in np.ndindex(data.shape[1:]):
                s[j] += padded[(i + 2 * r,) + j]
                prev = padded[(i,) + j]
                padded[(i,) + j] = s[j]
                s[j] -= prev
        for i in range(tail, stop):
            for j in np.ndindex(data.shape[1:]):
                prev = padded[(i,) + j]
                padded[(i,) + j] = s[j]
                s[j] -= prev
        prev_start = start
    for idx in np.ndindex(out.shape):
        out[idx] = padded[idx] / data.dtype.type(d)**K


@numba.jit(nopython=True, nogil=True, cache=True)
def _box_gaussian_filter(data, sigma, out, passes=4):
    """Filter `data` with an approximate Gaussian filter.

    The filter is based on repeated filtering with a boxcar function. See
    [Get13]_ for details. It has finite support. Values outside the boundary
    are taken as zero.

    This function is not suitable when the input contains non-finite values,
    or very large variations in magnitude, as it internally computes a rolling
    sum. It also quantizes the requested sigma.

    .. [Get13] Pascal Getreuer, A Survey of Gaussian Convolution Algorithms,
       Image Processing On Line, 3 (2013), pp. 286-310.

    Parameters
    ----------
    data : ndarray
        Input data to filter (2D)
    sigma : ndarray
        Standard deviation of the Gaussian filter, per axis
    out : ndarray
        Output data, with the same shape as the input
    passes : int
        Number of boxcar filters to apply
    """
    if len(sigma) != data.ndim:
        raise ValueError('sigma has wrong number of elements')
    assert data.ndim == 2
    r = (0.5 * np.sqrt(12.0 * sigma**2 / passes + 1)).astype(np.int_)
    need_copy = True
    if r[0] > 0:
        # Process chunks of columns. See _sum_threshold for explanation.
        step = 256
        for i in range(0, data.shape[1], step):
            sub = slice(i, min(i + step, data.shape[1]))
            _box_gaussian_filter1d(data[:, sub], r[0], out[:, sub], passes)
        data = out       # Use out in next step
        need_copy = False
    if r[1] > 0:
        for i in range(data.shape[0]):
            _box_gaussian_filter1d(data[i], r[1], out[i], passes)
        need_copy = False
    if need_copy:
        out[:] = data[:]


@numba.jit(nopython=True, nogil=True, cache=True)
def masked_gaussian_filter(data, flags, sigma, out, passes=4):
    """Filter an image using an approximate Gaussian filter.

    Some values may be flagged and are ignored. Values outside the grid are
    also treated as if flagged.

    See :func:`box_gaussian_filter` for a number of caveats. The result may
    contain non-finite values where the finite support of the Gaussian
    approximation contains no values without flags.

    Parameters
    ----------
    data : ndarray, 2D
        Input data to filter
    flags : ndarray, bool
        True values correspond to elements of `data` to be ignored
    sigma : float or sequence of floats
        Standard deviation of the Gaussian filter, per axis
    passes : int
        Number of boxcar filters to apply

    Returns
    -------
    ndarray
        Output data, with the same shape as the input
    """
    if data.shape != flags.shape:
        raise ValueError('shape mismatch between data and flags')
    if data.shape != out.shape:
        raise ValueError('shape mismatch between data and out')
    weight = np.empty_like(data)
    for idx in np.ndindex(data.shape):
        weight[idx] = not flags[idx]
        out[idx] = 0 if flags[idx] else data[idx]
    _box_gaussian_filter(weight, sigma, weight, passes=passes)
    _box_gaussian_filter(out, sigma, out, passes=passes)
    for idx in np.ndindex(out.shape):
        # Numeric instability can make out non-zero (but tiny) even
        # where filtered_weight is zero, which would make the ratio +/-inf
        # rather than NaN. Set to NaN explicitly in this case.
        if weight[idx] == 0:
            out[idx] = np.nan
        else:
            out[idx] /= weight[idx]


@numba.jit(nopython=True, nogil=True, cache=True)
def _get_background2d(data, flags, iterations, spike_width, reject_threshold, freq_chunk_ends):
    """Determine a smooth background over a 2D array by iteratively convolving
    the data with elliptical Gaussians with linearly decreasing width from
    `iterations`*`spike_width` down to `spike width`. Outliers greater than
    `reject_threshold`*sigma from the background are masked on each
    iteration.

    Initial weights are set to zero at positions specified in `in_flags` if given.
    After the final iteration a final Gaussian smoothed background is computed
    and any stray NaNs in the background are interpolated in frequency (axis 1)
    for each timestamp (axis 0). The NaNs can appear when the the convolving
    Gaussian is completely covering masked data as the sum of convolved weights
    will be zero.

    Parameters
    ----------
    data : 2D ndarray, float
        The input data array to be smoothed, with shape (time, frequency).
    flags : 2D ndarray, boolean
        Flags corresponding to `data`
    spike_width : ndarray, float
        Two-element array containing the 1-sigma radius of the Gaussian filter
        in each axis.
    reject_threshold : float
        Number of standard deviations above which to flag data.
    freq_chunk_ends : ndarray, float
        Endpoints of intervals in which to compute noise estimates
        independently. This array must start with 0 and end of the number of
        channels, and be strictly increasing.
    """

    n_time, n_freq = data.shape
    flags = flags.copy()   # Gets modified
    background = np.empty_like(data)
    for extend_factor in range(iterations, 0, -1):
        sigma = extend_factor * spike_width
        masked_gaussian_filter(data, flags, sigma, background)
        for c in range(freq_chunk_ends.size - 1):
            sub = (slice(None, None), slice(
                freq_chunk_ends[c], freq_chunk_ends[c + 1]))
            sub_data = data[sub]
            sub_flags = flags[sub]
            # Convert background to an absolute value residual, in-place
            sub_residual = background[sub]
            for t in range(n_time):
                for f in range(sub_data.shape[1]):
                    sub_residual[t, f] = np.abs(
                        sub_data[t, f] - sub_residual[t, f])
            threshold = _median_abs(sub_residual, sub_flags)
            threshold *= MAD_NORMAL * reject_threshold
            for t in range(n_time):
                for f in range(sub_data.shape[1]):
                    # sub_residual can contain NaNs, but only where the flags
                    # already apply
                    if sub_residual[t, f] > threshold:
                        sub_flags[t, f] = True
    # Compute final background
    masked_gaussian_filter(data, flags, spike_width, background)
    # Remove NaNs via linear interpolation
    _linearly_interpolate_nans(background)
    return background
# ---- harness (not part of the program) ----
ENTRY = "_get_background2d"


def inputs():
    # visibility amplitudes of one baseline, as _average_freq leaves them
    # (float32, flagged/NaN samples set to 0 and flagged), 40 dumps x 256
    # channels: a smooth bandpass, noise, RFI channels and time bursts
    rng = np.random.default_rng(0)
    n_time, n_freq = 40, 256
    chan = np.arange(n_freq)
    bandpass = 10.0 + 3.0 * np.sin(chan / 40.0) + 0.02 * chan
    data = bandpass[None, :] * (1.0 + 0.01 * np.arange(n_time)[:, None])
    data = data + rng.normal(0.0, 0.5, (n_time, n_freq))
    rfi_chans = rng.choice(n_freq, 12, replace=False)
    data[:, rfi_chans] += rng.uniform(5.0, 50.0, (n_time, 12))
    data[7, :] += 20.0
    data[23, 100:140] += 35.0
    flags = rng.random((n_time, n_freq)) < 0.03
    flags[:, 200:206] = True
    data[flags] = 0.0
    data = data.astype(np.float32)
    spike_width = np.array((12.5, 10.0))
    freq_chunk_ends = np.linspace(0, n_freq, 10 + 1).astype(np.int_)
    return data, flags, 1, spike_width, 2.0, freq_chunk_ends
