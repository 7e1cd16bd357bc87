# Source: hippke/wotan wotan/location_estimates.py
# Licence: MIT (wotan, LICENSE; Copyright (c) 2019 Michael Hippke)
# Notes: Hodges-Lehmann-Sen robust location of a window of a stellar light curve (wotan's "hodges" detrending estimator): nested while loops, a list grown with append of float means of array elements, median(array(list)) with median and array imported from numpy by name, @jit(fastmath=True, nopython=True, cache=True); the module's other estimators and its import of wotan.constants (used only by location_iter) left out
from __future__ import print_function, division
from numba import jit
import numpy
from numpy import mean, median, inf, sin, exp, pi, array, sort


@jit(fastmath=True, nopython=True, cache=True)
def hodges(data):
    """Hodges-Lehmann-Sen robust location estimator"""
    i = 0
    j = 0
    len_data = len(data)
    hodges = []
    while i < len_data:
        while j < len_data:
            hodges.append((data[i] + data[j]) / 2)
            j += 1
        i += 1
        j = i
    return median(array(hodges))

# ---- harness (not part of the program) ----
import numpy as np

ENTRY = "hodges"


def inputs():
    # one sliding window of a normalised light curve (flux near 1 with
    # noise, a transit dip and two outliers), as running_segment passes
    # flux[idx_start:idx_end] with method 'hodges'
    rng = np.random.default_rng(0)
    flux = 1.0 + 0.001 * rng.standard_normal(301)
    flux[140:160] -= 0.01
    flux[[20, 250]] += 0.05
    return (flux,)
