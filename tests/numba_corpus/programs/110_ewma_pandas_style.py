# Source: rjenc29/numerical utilities/ewma.py
# Licence: MIT (Copyright (c) 2017 rjenc29)
# Notes: exponentially weighted moving average mirroring pandas' ewm(...).mean(): NaN tests by x == x, bool flags adjust/ignore_na, int(bool), conditional expressions assigning np.nan, `from numpy import empty` used as a bare name (the file's pytest driver left out)
import numpy as np
from numpy import empty
from numba import jit


@jit(nopython=True)
def ewma(data, alpha, adjust, ignore_na):

    old_wt_factor = 1. - alpha
    new_wt = 1. if adjust else alpha

    n = data.shape[0]
    output = empty(n)

    weighted_avg = data[0]
    is_observation = (weighted_avg == weighted_avg)
    nobs = int(is_observation)
    output[0] = weighted_avg if (nobs >= 1) else np.nan
    old_wt = 1.

    for i in range(1, n):
        cur = data[i]
        is_observation = (cur == cur)
        nobs += int(is_observation)
        if weighted_avg == weighted_avg:

            if is_observation or (not ignore_na):

                old_wt *= old_wt_factor
                if is_observation:

                    if weighted_avg != cur:
                        weighted_avg = ((old_wt * weighted_avg) +
                                        (new_wt * cur)) / (old_wt + new_wt)
                    if adjust:
                        old_wt += new_wt
                    else:
                        old_wt = 1.
        elif is_observation:
            weighted_avg = cur

        output[i] = weighted_avg if (nobs >= 1) else np.nan

    return output

# ---- harness (not part of the program) ----
ENTRY = "ewma"


def inputs():
    # a random walk with a few NaNs (the repository's tests compare with
    # pandas' ewm on series with missing values), adjust=True, ignore_na=False
    rng = np.random.default_rng(0)
    data = np.cumsum(rng.standard_normal(500))
    data[[3, 4, 50, 51, 52, 200]] = np.nan
    return (data, 0.1, True, False)
