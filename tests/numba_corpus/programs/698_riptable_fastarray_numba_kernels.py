# Source: rtosholdings/riptable riptable/rt_fastarraynumba.py (commit 062641eb) and riptable/config.py (commit 56866392)
# Licence: BSD-3-Clause (riptable, LICENSE; Copyright (c) 2020, rtosholdings)
# Notes: the Numba kernels behind riptable's FastArray.fill_forward / fill_backward / cummin / cummax / ema_decay. Every kernel is @nb.njit(parallel=False, cache=get_global_settings().enable_numba_cache, nogil=True), the cache flag read at decoration time from a NamedTuple settings object, so riptable/config.py (Settings, a typing.NamedTuple with a docstring-annotated default, and get_global_settings returning a module-level dunder-named instance) is pasted first. The kernels: forward/backward fill of NaNs (np.isnan) or of an integer invalid sentinel, with an optional run-length limit counter and reversed ranges; running min/max that first skips leading invalid/NaN values with a for/break and then reuses the loop variable j after the loop, NaN tests written as val == val / val != val; and three exponentially decaying sums over an irregular time axis (np.exp(-decayRate * (time[i] - lastTime)), integer-initialised accumulators that become float, an optional filter and reset mask). They write into their output arguments. From rt_fastarraynumba.py the module imports of numba/numpy/typing are kept; its imports of riptable's FastArray, INVALID_DICT and empty_like (riptable's C++ riptide_cpp extension is not installed), the Python wrappers that use them (fill_forward, fill_backward, _check_fill_values, cummax, cummin, ema_decay) and the FastArray.register_function lines are left out, so the harness calls the kernels as those wrappers do: on copies, with riptable's invalid sentinel for the integer dtype (INT32_MIN for int32) and a float32 output for ema_decay (its default dtype). The inputs are the wrappers' docstring examples (fill of [nan, 1, nan, nan, nan, 5] with fill_val 0 and limit 1, cummax/cummin of [1,2,3,4,2,3,5,5,6,2,7] with an invalid, ema_decay of ones over times [0, 1, 1, 3, 4, 5, 5.5, 10.5, 10.55, 11] with decay 0 and 0.5, a filter and a reset mask) plus a random series with NaN gaps
# ---- riptable/config.py ----
"""
General-purpose settings for configuring riptable behavior.

This module provides a class encapsulating riptable settings and
feature flags, along with functions for retrieving a top-level,
process-wide instance of the class.
"""
__all__ = [
    'Settings',
    'get_global_settings'
]

from typing import NamedTuple


# TODO: Make this a frozen @dataclass once riptable only supports Python 3.7+.
#       Once the change is made, we can also implement a function which looks for environment
#       variables (e.g. "RIPTABLE_ENABLE_NUMBA_CACHE", "RIPTABLE_MAX_NUM_THREADS") specifying
#       overrides for default values, then creates the global Settings instance accordingly.
class Settings(NamedTuple):
    """
    Encapsulates process-wide settings and feature-flags for riptable.
    """

    enable_numba_cache: bool = False
    """
    Controls whether the numba JIT cache is enabled for functions within riptable.
    This is disabled (False) by default because the caching can lead to occasional
    segfaults in numba-compiled code for some users, possibly caused by a race condition
    or filesystem non-atomicity.
    """


__global_settings = Settings()
"""Global (process-wide) `Settings` instance."""


def get_global_settings() -> Settings:
    """
    Get the global (process-wide) `Settings` instance.

    Returns
    -------
    Settings
        Global (process-wide) settings.
    """
    return __global_settings


# ---- riptable/rt_fastarraynumba.py (the jitted kernels) ----
__all__ = ["fill_forward", "fill_backward"]

# ---------------------------------------------------------------------
# This file is for numba routines that work on numpy arrays
# It is different from CPP routines in the riptide_cpp module
# Others are encouraged to add
#
import warnings
from typing import Optional, Union

import numba as nb
import numpy as np


# -----------------------------------------------------
@nb.njit(parallel=False, cache=get_global_settings().enable_numba_cache, nogil=True)
def fill_forward_float(arr, fill_val, limit):
    lastgood = fill_val
    if limit <= 0:
        for idx in range(arr.shape[0]):
            if np.isnan(arr[idx]):
                arr[idx] = lastgood
            else:
                lastgood = arr[idx]
    else:
        counter = limit
        for idx in range(arr.shape[0]):
            if np.isnan(arr[idx]):
                # leave the value if counter <= 0
                if counter > 0:
                    arr[idx] = lastgood
                    counter -= 1
            else:
                # reset counter
                counter = limit
                lastgood = arr[idx]


# -----------------------------------------------------
@nb.njit(parallel=False, cache=get_global_settings().enable_numba_cache, nogil=True)
def fill_forward_int(arr, inv, fill_val, limit):
    lastgood = fill_val
    if limit <= 0:
        for idx in range(arr.shape[0]):
            if arr[idx] == inv:
                arr[idx] = lastgood
            else:
                lastgood = arr[idx]
    else:
        counter = limit
        for idx in range(arr.shape[0]):
            if arr[idx] == inv:
                # leave the value if counter <= 0
                if counter > 0:
                    arr[idx] = lastgood
                    counter -= 1
            else:
                # reset counter
                counter = limit
                lastgood = arr[idx]


# -----------------------------------------------------
@nb.njit(parallel=False, cache=get_global_settings().enable_numba_cache, nogil=True)
def fill_backward_float(arr, fill_val, limit):
    lastgood = fill_val
    if limit <= 0:
        for idx in range(arr.shape[0] - 1, -1, -1):
            if np.isnan(arr[idx]):
                arr[idx] = lastgood
            else:
                lastgood = arr[idx]
    else:
        counter = limit
        for idx in range(arr.shape[0] - 1, -1, -1):
            if np.isnan(arr[idx]):
                # leave the value if counter <= 0
                if counter > 0:
                    arr[idx] = lastgood
                    counter -= 1
            else:
                # reset counter
                counter = limit
                lastgood = arr[idx]


# -----------------------------------------------------
@nb.njit(parallel=False, cache=get_global_settings().enable_numba_cache, nogil=True)
def fill_backward_int(arr, inv, fill_val, limit):
    lastgood = fill_val
    if limit <= 0:
        for idx in range(arr.shape[0] - 1, -1, -1):
            if arr[idx] == inv:
                arr[idx] = lastgood
            else:
                lastgood = arr[idx]
    else:
        counter = limit
        for idx in range(arr.shape[0] - 1, -1, -1):
            if arr[idx] == inv:
                # leave the value if counter <= 0
                if counter > 0:
                    arr[idx] = lastgood
                    counter -= 1
            else:
                # reset counter
                counter = limit
                lastgood = arr[idx]


# -----------------------------------------------------
@nb.njit(parallel=False, cache=get_global_settings().enable_numba_cache, nogil=True)
def nb_cummin_int(arr: np.ndarray, ret: np.ndarray, inv, skipna):
    if skipna:
        for j in range(len(arr)):
            running_min = arr[j]
            ret[j] = running_min
            if running_min != inv:
                break

        for i in range(j, len(arr)):
            val = arr[i]
            if val != inv and val < running_min:
                running_min = val
            ret[i] = running_min
    else:
        running_min = arr[0]
        for i in range(len(arr)):
            val = arr[i]
            if val == inv or val < running_min:
                running_min = val
            ret[i] = running_min


# -----------------------------------------------------
@nb.njit(parallel=False, cache=get_global_settings().enable_numba_cache, nogil=True)
def nb_cummin_float(arr: np.ndarray, ret: np.ndarray, skipna):
    if skipna:
        for j in range(len(arr)):
            running_min = arr[j]
            ret[j] = running_min
            if running_min == running_min:
                break

        for i in range(j, len(arr)):
            val = arr[i]
            if val == val and val < running_min:
                running_min = val
            ret[i] = running_min
    else:
        running_min = arr[0]
        for i in range(len(arr)):
            val = arr[i]
            if val != val or val < running_min:
                running_min = val
            ret[i] = running_min


# -----------------------------------------------------
@nb.njit(parallel=False, cache=get_global_settings().enable_numba_cache, nogil=True)
def nb_cummax_int(arr: np.ndarray, ret: np.ndarray, inv, skipna):
    if skipna:
        for j in range(len(arr)):
            running_max = arr[j]
            ret[j] = running_max
            if running_max != inv:
                break

        for i in range(j, len(arr)):
            val = arr[i]
            if val != inv and val > running_max:
                running_max = val
            ret[i] = running_max
    else:
        running_max = arr[0]
        for i in range(len(arr)):
            val = arr[i]
            if val == inv or val > running_max:
                running_max = val
            ret[i] = running_max


# -----------------------------------------------------
@nb.njit(parallel=False, cache=get_global_settings().enable_numba_cache, nogil=True)
def nb_cummax_float(arr: np.ndarray, ret: np.ndarray, skipna):
    if skipna:
        for j in range(len(arr)):
            running_max = arr[j]
            ret[j] = running_max
            if running_max == running_max:
                break

        for i in range(j, len(arr)):
            val = arr[i]
            if val == val and val > running_max:
                running_max = val
            ret[i] = running_max
    else:
        running_max = arr[0]
        for i in range(len(arr)):
            val = arr[i]
            if val != val or val > running_max:
                running_max = val
            ret[i] = running_max


# -----------------------------------------------------
@nb.njit(parallel=False, cache=get_global_settings().enable_numba_cache, nogil=True)
def nb_ema_decay_with_filter_and_reset(arr, dest, time, decayRate, filter, resetmask):
    lastEma = 0
    lastTime = 0
    for i in range(len(arr)):
        value = 0

        # NOTE: fill in last value
        if filter[i] != 0:
            value = arr[i]

            if resetmask[i]:
                lastEma = 0
                lastTime = 0

        lastEma = value + lastEma * np.exp(-decayRate * (time[i] - lastTime))
        lastTime = time[i]
        dest[i] = lastEma


# -----------------------------------------------------
@nb.njit(parallel=False, cache=get_global_settings().enable_numba_cache, nogil=True)
def nb_ema_decay_with_filter(arr, dest, time, decayRate, filter):
    lastEma = 0
    lastTime = 0
    for i in range(len(arr)):
        value = 0

        # NOTE: fill in last value
        if filter[i] != 0:
            value = arr[i]

        lastEma = value + lastEma * np.exp(-decayRate * (time[i] - lastTime))
        lastTime = time[i]
        dest[i] = lastEma


# -----------------------------------------------------
@nb.njit(parallel=False, cache=get_global_settings().enable_numba_cache, nogil=True)
def nb_ema_decay(arr, dest, time, decayRate):
    lastEma = 0.0
    lastTime = 0
    for i in range(len(arr)):
        value = arr[i]

        # nan check (assumes float nans and not invalids)
        if value != value:
            value = 0

        lastEma = value + lastEma * np.exp(-decayRate * (time[i] - lastTime))
        lastTime = time[i]
        dest[i] = lastEma


# ---- harness (not part of the program) ----
ENTRY = "riptable_kernels"

INT32_INV = np.int32(np.iinfo(np.int32).min)  # riptable's invalid value for int32


def riptable_kernels(fa, ia, ca, cf, data, times, filt, reset, noisy):
    out = []
    # fill_forward / fill_backward, as the wrappers call them on copies
    for limit in (0, 1):
        a = fa.copy()
        fill_forward_float(a, np.float64(0.0), np.int64(limit))
        out.append(a)
        a = fa.copy()
        fill_backward_float(a, np.float64(0.0), np.int64(limit))
        out.append(a)
        a = ia.copy()
        fill_forward_int(a, INT32_INV, np.int32(-1), np.int64(limit))
        out.append(a)
        a = ia.copy()
        fill_backward_int(a, INT32_INV, INT32_INV, np.int64(limit))
        out.append(a)
    a = noisy.copy()
    fill_forward_float(a, np.float64(np.nan), np.int64(3))
    out.append(a)
    # cummax / cummin
    for skipna in (True, False):
        for k_int, k_float in ((nb_cummax_int, nb_cummax_float), (nb_cummin_int, nb_cummin_float)):
            r = np.empty_like(ca)
            k_int(ca, r, INT32_INV, skipna)
            out.append(r)
            r = np.empty_like(cf)
            k_float(cf, r, skipna)
            out.append(r)
            r = np.empty_like(noisy)
            k_float(noisy, r, skipna)
            out.append(r)
    # ema_decay (default output dtype float32, and float64)
    for rate in (0.0, 0.5):
        d = np.empty_like(data, dtype=np.float32)
        nb_ema_decay(data, d, times, rate)
        out.append(d)
    d = np.empty_like(data, dtype=np.float64)
    nb_ema_decay(data, d, times, 0.5)
    out.append(d)
    d = np.empty_like(data, dtype=np.float32)
    nb_ema_decay_with_filter(data, d, times, 0.5, filt)
    out.append(d)
    d = np.empty_like(data, dtype=np.float32)
    nb_ema_decay_with_filter_and_reset(data, d, times, 0.5, filt, reset)
    out.append(d)
    d = np.empty_like(noisy, dtype=np.float64)
    nb_ema_decay(noisy, d, np.arange(noisy.shape[0], dtype=np.int64), 0.1)
    out.append(d)
    return tuple(out)


def inputs():
    fa = np.array([np.nan, 1.0, np.nan, np.nan, np.nan, 5.0, np.nan])
    ia = np.array([INT32_INV, 1, INT32_INV, INT32_INV, INT32_INV, 5, INT32_INV], dtype=np.int32)
    ca = np.array([1, INT32_INV, 3, 4, 2, 3, 5, 5, 6, 2, 7], dtype=np.int32)
    cf = np.array([np.nan, -1.0, 3.0, -4.0, 2.0, np.nan, 5.0, 5.0, -6.0, 2.0, 7.0])
    data = np.ones(10)
    times = np.array([0, 1, 1, 3, 4, 5, 5.5, 10.5, 10.55, 11])
    filt = np.array([True, True, False, True, True, False, False, True, True, True])
    reset = np.array([False, True, False, False, False, False, False, False, False, True])
    rng = np.random.default_rng(0)
    noisy = rng.standard_normal(60)
    noisy[rng.integers(0, 60, size=15)] = np.nan
    return fa, ia, ca, cf, data, times, filt, reset, noisy
