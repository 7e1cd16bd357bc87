# Source: rjenc29/numerical utilities/rolling_stats.py
# Licence: MIT (Copyright (c) 2017 rjenc29)
# Notes: rolling sum/mean with a NaN count per window: `raise ValueError` on a bad window, early returns of np.full(n, np.nan) and of the input itself, an accumulator started as int 0 and added floats, builtin min, continue; the entry is the jitted kernel (the plain-Python rolling_sum/rolling_mean wrappers pass window_divisor = 1 or window) and the file's pytest driver left out
import numpy as np

from numba import jit


@jit(nopython=True)
def _rolling_statistic(x, window, window_divisor):

    if window < 0:
        raise ValueError('window must be non-negative')

    n = x.shape[0]

    if window == 0:
        return np.full(n, np.nan)

    if window == 1:
        return x

    res = np.empty(n)

    _sum = 0
    nans_in_window = 0

    for i in range(n):
        data_i = x[i]
        _nan_arrived = np.isnan(data_i)

        if _nan_arrived:
            nans_in_window = min(window, nans_in_window + 1)
        else:
            _sum += data_i

        if i < window - 1:
            res[i] = np.nan
            continue

        if i == window - 1:
            if nans_in_window == 0:
                res[i] = _sum / window_divisor
                continue

        if i >= window:
            evict_i = x[i - window]
            _evict_nan = np.isnan(evict_i)

            if _evict_nan:
                if not _nan_arrived:
                    nans_in_window -= 1
            else:
                _sum -= evict_i

            if nans_in_window == 0:
                res[i] = _sum / window_divisor
                continue

        res[i] = np.nan

    return res

# ---- harness (not part of the program) ----
ENTRY = "_rolling_statistic"


def inputs():
    # rolling_mean(x, 7): window_divisor = window; data with a few NaNs
    rng = np.random.default_rng(0)
    x = rng.standard_normal(400)
    x[[10, 11, 90, 250]] = np.nan
    return (x, 7, 7)
