# Source: ulikoehler/UliAcceleration UliAcceleration/SignalProcessing/SlidingWindow.py (at commit 039d7c99)
# Licence: Apache-2.0 (UliAcceleration; license='Apache License v2.0' in its setup.py; author Uli Köhler)
# Notes: numba-accelerated sliding-window statistics from UliAcceleration, a small signal-processing toolkit. SlidingWindow.py is pasted whole: the plain-Python _sliding_window_chunkoffsets (ValueError on a zero window or shift, the number of chunks taken as len() of a range object), sliding_window_rms / sliding_window_integral / sliding_window_average (dispatch on an optional window or weights array, early return of np.asarray([]) when the data is shorter than the window) and sliding_window_offsets, and the six jitted kernels, plain @njit and @njit(nogil=True): RMS with np.square of the whole array and np.sqrt(np.mean(...)) of slices (optionally multiplied by the squared window), windowed and plain sums of slices, and averages returned as result / size or result / np.sum(window). The harness runs every public function on a noisy 1200-sample sine (window 64 with shift 1, and window 100 with shift 37, with and without a Blackman window or weights), on an int64 ramp (integer input to the kernels), on data shorter than the window, and reports the ValueError for a zero shift
#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
Utilities for generating chunks from datasets
"""
import numpy as np
from numba import njit

__all__ = ["sliding_window_rms", "sliding_window_integral", "sliding_window_average", "sliding_window_offsets"]

def _sliding_window_chunkoffsets(data, window_size, shift_size):
    if window_size == 0:
        raise ValueError("Chunksize must not be zero")
    elif shift_size == 0:
        raise ValueError("Shiftsize must not be zero")
    return range(0, data.shape[0] - (window_size - 1), shift_size)

def sliding_window_rms(data, window=None, window_size=500, shift_size=1):
    """
    Numba accelerated sliding-window RMS algorithm.

    Takes array and takes [window_size] chunks, shifting the window
    by [shift_size] to the right every time.
    The number of chunks is automatically capped so the last chunk
    also has a length of [window_size].

    Parameters
    ----------
    data : numpy array
        The data array to process. Should be a 1D numpy array.
    window : None or numpy array of size window_size
        Optionally you can use a window function (like a blackman window)
        that is multiplied to each chunk. this allows to reduce effects of shifting
        the window into the data.
        Note that using a window makes the algorithm take ~2x as long
    window_size : int
        The size of the sliding window
    shift_size : int
        The number of samples the window is shifted to the right for each iteration
    """
    num_chunks = len(_sliding_window_chunkoffsets(data, window_size, shift_size))
    if num_chunks == 0:
        return np.asarray([])
    if window is None:
        return _numba_sliding_window_rms(data, num_chunks, window_size, shift_size)
    else:
        return _numba_sliding_window_rms_with_window(data, num_chunks, window, window_size, shift_size)

def sliding_window_integral(data, window=None, window_size=500, shift_size=1):
    """
    Numba accelerated sliding-window sum/integral algorithm.

    Takes array and takes [window_size] chunks, shifting the window
    by [shift_size] to the right every time.
    The number of chunks is automatically capped so the last chunk
    also has a length of [window_size].

    Parameters
    ----------
    data : numpy array
        The data array to process. Should be a 1D numpy array.
    window : None or numpy array of size window_size
        Optionally you can use a window function (like a blackman window)
        that is multiplied to each chunk. this allows to reduce effects of shifting
        the window into the data.
        Note that using a window makes the algorithm take ~2x as long
    window_size : int
        The size of the sliding window
    shift_size : int
        The number of samples the window is shifted to the right for each iteration
    """
    num_chunks = len(_sliding_window_chunkoffsets(data, window_size, shift_size))
    if num_chunks == 0:
        return np.asarray([])
    if window is None:
        return _numba_sliding_window_integral(data, num_chunks, window_size, shift_size)
    else:
        return _numba_sliding_window_integral_with_window(data, num_chunks, window, window_size, shift_size)


def sliding_window_average(data, weights=None, window_size=500, shift_size=1):
    """
    Numba accelerated sliding-window average algorithm.

    Takes array and takes [window_size] chunks, shifting the window
    by [shift_size] to the right every time.
    The number of chunks is automatically capped so the last chunk
    also has a length of [window_size].

    Parameters
    ----------
    data : numpy array
        The data array to process. Should be a 1D numpy array.
    weights : None or numpy array of size window_size
        Optionally you can use a weight function (like a blackman window)
        that is applied during computation. this allows to reduce effects of shifting
        the window into rapidly changing data.
        Note that using weights makes the algorithm take ~2x as long
    window_size : int
        The size of the sliding window
    shift_size : int
        The number of samples the window is shifted to the right for each iteration
    """
    num_chunks = len(_sliding_window_chunkoffsets(data, window_size, shift_size))
    if num_chunks == 0:
        return np.asarray([])
    if weights is None:
        return _numba_sliding_window_average(data, num_chunks, window_size, shift_size)
    else:
        return _numba_sliding_window_average_with_weights(data, num_chunks, weights, window_size, shift_size)


def sliding_window_offsets(data, window_size=500, shift_size=1):
    """
    Utility that can be used with sliding_window_rms.
    Provide the offsets that are used to generate each chunk.

    This allows the user to reconstruct from which data each chunk
    has been generated.

    Returns
    -------
    A 1D numpy array of offsets, one for each chunk.
    
    Pseudocode:
        offsets = sliding_window_offsets(data, ...)
        chunks[i] = data[offsets[i]:offsets[i] + window_size]
    """
    offsets = np.asarray(_sliding_window_chunkoffsets(data, window_size, shift_size))
    return offsets 

@njit
def _numba_sliding_window_rms_with_window(data, nchunks, window, size, shift_size):
    result = np.zeros(nchunks)
    # We want to apply the window on the squared array to avoid repeated squaring
    # Use (data * window)² = arr² * window²
    window_squared = window * window
    # Square array once instead of every chunk!
    square_arr = np.square(data)
    # Generate RMS value for every chunk
    for i in range(nchunks):
        ofs = i * shift_size
        result[i] = np.sqrt(np.mean(square_arr[ofs:ofs + size] * window_squared))
    return result

@njit
def _numba_sliding_window_rms(data, nchunks, size, shift_size):
    result = np.zeros(nchunks)
    # Square array once instead of every chunk!
    square_arr = np.square(data)
    # Generate RMS value for every chunk
    for i in range(nchunks):
        ofs = i * shift_size
        result[i] = np.sqrt(np.mean(square_arr[ofs:ofs + size]))
    return result

@njit(nogil=True)
def _numba_sliding_window_average(data, nchunks, size, shift_size):
    result = np.zeros(nchunks)
    # Generate sum value for every chunk
    # This is expected to be faster than np.mean()
    for i in range(nchunks):
        ofs = i * shift_size
        result[i] = np.sum(data[ofs:ofs + size])
    # We now compute the mean from the average
    return result / size

@njit(nogil=True)
def _numba_sliding_window_average_with_weights(data, nchunks, window, size, shift_size):
    result = np.zeros(nchunks)
    # Generate windowed sum for every chunk
    for i in range(nchunks):
        ofs = i * shift_size
        result[i] = np.sum(data[ofs:ofs + size] * window)
    # Compute weighted mean from average
    return result / np.sum(window)

@njit(nogil=True)
def _numba_sliding_window_integral_with_window(data, nchunks, window, size, shift_size):
    result = np.zeros(nchunks)
    # Generate integral value for every chunk
    for i in range(nchunks):
        ofs = i * shift_size
        result[i] = np.sum(data[ofs:ofs + size] * window)
    return result

@njit(nogil=True)
def _numba_sliding_window_integral(data, nchunks, size, shift_size):
    result = np.zeros(nchunks)
    # Generate integral value for every chunk
    for i in range(nchunks):
        ofs = i * shift_size
        result[i] = np.sum(data[ofs:ofs + size])
    return result

# ---- harness (not part of the program) ----
ENTRY = "sliding_windows"


def sliding_windows(sig, ramp):
    bw64 = np.blackman(64)
    bw100 = np.blackman(100)
    out = [
        sliding_window_rms(sig, window_size=64),
        sliding_window_rms(sig, window=bw64, window_size=64),
        sliding_window_rms(sig, window_size=100, shift_size=37),
        sliding_window_integral(sig, window_size=64),
        sliding_window_integral(sig, window=bw100, window_size=100, shift_size=37),
        sliding_window_average(sig, window_size=64),
        sliding_window_average(sig, weights=bw100, window_size=100, shift_size=37),
        sliding_window_offsets(sig, window_size=100, shift_size=37),
        sliding_window_rms(ramp, window_size=10, shift_size=3),
        sliding_window_integral(ramp, window_size=10, shift_size=3),
        sliding_window_average(ramp, window_size=10, shift_size=3),
        sliding_window_rms(sig[:50], window_size=64),
    ]
    try:
        sliding_window_average(sig, shift_size=0)
        msg = "no error"
    except ValueError as err:
        msg = str(err)
    out.append(msg)
    return out


def inputs():
    rng = np.random.default_rng(0)
    t = np.arange(1200) / 200.0
    sig = np.sin(2 * np.pi * 3.0 * t) * (1.0 + 0.5 * t) + rng.normal(0.0, 0.2, t.size)
    ramp = np.arange(-40, 61, dtype=np.int64)
    return (sig, ramp)
