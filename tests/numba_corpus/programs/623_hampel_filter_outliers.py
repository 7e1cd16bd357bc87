# Source: huangzesen/hampel_filter_public src/hampel_filter/hampel_filter.py (release 0.0.4, the hampel_filter 0.0.4 sdist on PyPI)
# Licence: MIT (hampel_filter, LICENSE; Copyright (c) 2024 huangzesen)
# Notes: the whole module of hampel_filter, a Hampel outlier filter: calc_medians / calc_medians_std (@jit(nopython=True)) compute the moving median and the scaled median absolute deviation (1.4826 * median(|x - median(x)|)) of the window arr[i - w:i + w] for every interior point, calc_medians_parallel / calc_medians_std_parallel do the same with @njit(parallel=True) and a three-argument prange; the plain-Python hampel driver accepts a NumPy array, a pandas Series or a DataFrame, fills NaN-initialised arrays through the kernels and flags points farther than n MADs from the median (np.where indices or a squeezed bool mask). The harness filters a noisy sine with 12 spikes (300 points), an int64 Poisson count series, a pandas Series and a one-column DataFrame (a 2-D (80, 1) array, so the kernels write whole rows), serial and parallel, returning indices and masks, and calls the four kernels directly
from numba import jit, njit, prange
import numpy as np
import pandas as pd

@jit(nopython=True)
def calc_medians(window_size, arr, medians): 
    for i in range(window_size, len(arr)-window_size, 1):
        id0 = i - window_size
        id1 = i + window_size
        median = np.median(arr[id0:id1])
        medians[i] = median

@jit(nopython=True)
def calc_medians_std(window_size, arr, medians, medians_diff): 
    k = 1.4826
    for i in range(window_size, len(arr)-window_size, 1):
        id0 = i - window_size
        id1 = i + window_size
        x = arr[id0:id1]
        medians_diff[i] = k * np.median(np.abs(x - np.median(x)))
        
        
@njit(parallel=True) 
def calc_medians_parallel(window_size, arr, medians): 
    for i in prange(window_size, len(arr)-window_size, 1):
        id0 = i - window_size
        id1 = i + window_size
        median = np.median(arr[id0:id1])
        medians[i] = median

@njit(parallel=True) 
def calc_medians_std_parallel(window_size, arr, medians, medians_diff): 
    k = 1.4826
    for i in prange(window_size, len(arr)-window_size, 1):
        id0 = i - window_size
        id1 = i + window_size
        x = arr[id0:id1]
        medians_diff[i] = k * np.median(np.abs(x - np.median(x)))
        
        
def hampel(arr, window_size=5, n=3, parallel=False, return_indices=True):

    if isinstance(arr, np.ndarray):
        pass
    elif isinstance(arr, pd.Series):
        arr = arr.values
    elif isinstance(arr, pd.DataFrame):
        arr = arr.values
    else:
        raise ValueError("arr must be a numpy array or pandas Series or DataFrame!")
    
    medians = np.ones_like(arr, dtype=float)*np.nan
    medians_diff = np.ones_like(arr, dtype=float)*np.nan
    if parallel:
        calc_medians_parallel(window_size, arr, medians)
        calc_medians_std_parallel(window_size, arr, medians, medians_diff)
    else:
        calc_medians(window_size, arr, medians)
        calc_medians_std(window_size, arr, medians, medians_diff)
    
    ind = np.abs(arr - medians) > n*(medians_diff)
    outlier_indices = np.where(ind)
    if return_indices:
        return outlier_indices
    else:
        return np.squeeze(ind)


# ---- harness (not part of the program) ----
ENTRY = "hampel_outliers"


def hampel_outliers(signal, counts, column):
    out = []
    for parallel in (False, True):
        out.append(hampel(signal, window_size=5, n=3, parallel=parallel)[0])
        out.append(hampel(signal, window_size=8, n=2, parallel=parallel,
                          return_indices=False))
        out.append(hampel(counts, window_size=3, n=3, parallel=parallel)[0])
        out.append(hampel(pd.Series(signal[::2]), window_size=4, n=3,
                          parallel=parallel, return_indices=False))
        out.append(hampel(pd.DataFrame({'x': column}), window_size=4, n=2,
                          parallel=parallel)[0])
    medians = np.full(signal.shape[0], np.nan)
    mad = np.full(signal.shape[0], np.nan)
    calc_medians(6, signal, medians)
    calc_medians_std(6, signal, medians, mad)
    medians_p = np.full(signal.shape[0], np.nan)
    mad_p = np.full(signal.shape[0], np.nan)
    calc_medians_parallel(6, signal, medians_p)
    calc_medians_std_parallel(6, signal, medians_p, mad_p)
    return out, medians, mad, medians_p, mad_p


def inputs():
    rng = np.random.default_rng(0)
    t = np.linspace(0.0, 6.0, 300)
    signal = np.sin(2.0 * t) + 0.1 * rng.standard_normal(300)
    spikes = rng.choice(300, 12, replace=False)
    signal[spikes] += rng.choice([-1.0, 1.0], 12) * rng.uniform(1.0, 3.0, 12)
    counts = rng.poisson(4.0, 120).astype(np.int64)
    counts[[10, 50, 90]] = [30, 25, 40]
    column = np.cumsum(rng.standard_normal(80))
    column[[20, 60]] += [8.0, -9.0]
    return signal, counts, column
