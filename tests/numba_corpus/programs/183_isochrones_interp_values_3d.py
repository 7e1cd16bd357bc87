# Source: timothydmorton/isochrones isochrones/interp.py
# Licence: MIT (isochrones, LICENSE; Copyright (c) 2014 timothydmorton)
# Notes: trilinear interpolation of stellar-model columns on a full (mass/EEP, age, [Fe/H]) grid, as DFInterpolator does for MIST isochrones: for each query point a hand-written binary search (searchsorted returning (index, exact-match) tuples), find_indices_3d returning (uint32 indices, distances, out-of-bounds flag) with an early return, NaN tests by x != x, np.array of a list comprehension of np.nan, the 8 cube corners built with shifts and & on ints, zip over three arrays, a tuple of uint32 array elements and an int used as a 4-D index, numba's uint32/float64 as dtypes; the module's other jitted helpers (find_indices, the 2-D and 4-D variants, sign) are kept, the plain-Python find_closest3/interp_values_4d, the DFInterpolator class and the imports only they use (os, itertools, logging, pandas) are left out
from numba import jit, float64, uint32, TypingError, typeof, prange
from math import sqrt
import numpy as np


@jit(nopython=True)
def searchsorted(arr, x):
    """N is length of arr
    """
    N = len(arr)
    L = 0
    R = N-1
    done = False
    eq = False
    m = (L+R)//2
    while not done:
        xm = arr[m]
        if xm < x:
            L = m + 1
        elif xm > x:
            R = m - 1
        elif xm == x:
            L = m
            eq = True
            done = True
        m = (L + R)//2
        if L > R:
            done = True
    return L, eq


@jit(nopython=True)
def find_indices(point, iis):
    ndim = len(point)

    indices = np.zeros(ndim, dtype=uint32)
    norm_distances = np.zeros(ndim, dtype=float64)
    out_of_bounds = False
    for i in range(ndim):
        ii = iis[i]
        n = len(ii)
        x = point[i]
        ix, eq = searchsorted(ii, x)
        if eq:
            indices[i] = ix
            norm_distances[i] = 0
        else:
            ix = ix - 1
            indices[i] = ix
            dx = (ii[ix + 1] - ii[ix])
            norm_distances[i] = (x - ii[ix]) / dx
        out_of_bounds &= x < ii[0] or x > ii[n - 1]

    return indices, norm_distances, out_of_bounds

@jit(nopython=True)
def find_indices_2d(x0, x1,
                    ii0, ii1):

    n0 = len(ii0)
    n1 = len(ii1)

    indices = np.empty(2, dtype=uint32)
    norm_distances = np.empty(2, dtype=float64)

    if ((x0 < ii0[0]) or (x0 > ii0[n0 - 1]) or
            (x1 < ii1[0]) or (x1 > ii1[n1 - 1])):
        return indices, norm_distances, True  # Out of bounds

    ix, eq = searchsorted(ii0, x0)
    if eq:
        indices[0] = ix
        norm_distances[0] = 0
    else:
        indices[0] = ix - 1
        c0 = ii0[ix - 1]
        norm_distances[0] = (x0 - c0) / (ii0[ix] - c0)

    ix, eq = searchsorted(ii1, x1)
    if eq:
        indices[1] = ix
        norm_distances[1] = 0
    else:
        indices[1] = ix - 1
        c0 = ii1[ix - 1]
        norm_distances[1] = (x1 - c0) / (ii1[ix] - c0)

    return indices, norm_distances, False


@jit(nopython=True)
def find_indices_3d(x0, x1, x2,
                    ii0, ii1, ii2):

    n0 = len(ii0)
    n1 = len(ii1)
    n2 = len(ii2)

    indices = np.empty(3, dtype=uint32)
    norm_distances = np.empty(3, dtype=float64)

    if ((x0 < ii0[0]) or (x0 > ii0[n0 - 1]) or
            (x1 < ii1[0]) or (x1 > ii1[n1 - 1]) or
            (x2 < ii2[0]) or (x2 > ii2[n2 - 1])):
        return indices, norm_distances, True  # Out of bounds

    ix, eq = searchsorted(ii0, x0)
    if eq:
        indices[0] = ix
        norm_distances[0] = 0
    else:
        indices[0] = ix - 1
        c0 = ii0[ix - 1]
        norm_distances[0] = (x0 - c0) / (ii0[ix] - c0)

    ix, eq = searchsorted(ii1, x1)
    if eq:
        indices[1] = ix
        norm_distances[1] = 0
    else:
        indices[1] = ix - 1
        c0 = ii1[ix - 1]
        norm_distances[1] = (x1 - c0) / (ii1[ix] - c0)

    ix, eq = searchsorted(ii2, x2)
    if eq:
        indices[2] = ix
        norm_distances[2] = 0
    else:
        indices[2] = ix - 1
        c0 = ii2[ix - 1]
        norm_distances[2] = (x2 - c0) / (ii2[ix] - c0)

    return indices, norm_distances, False


@jit(nopython=True)
def find_indices_4d(x0, x1, x2, x3,
                    ii0, ii1, ii2, ii3):

    n0 = len(ii0)
    n1 = len(ii1)
    n2 = len(ii2)
    n3 = len(ii3)

    indices = np.empty(4, dtype=uint32)
    norm_distances = np.empty(4, dtype=float64)

    if ((x0 < ii0[0]) or (x0 > ii0[n0 - 1]) or
            (x1 < ii1[0]) or (x1 > ii1[n1 - 1]) or
            (x2 < ii2[0]) or (x2 > ii2[n2 - 1]) or 
            (x3 < ii3[0]) or (x3 > ii3[n3 - 1])):
        return indices, norm_distances, True  # Out of bounds

    ix, eq = searchsorted(ii0, x0)
    if eq:
        indices[0] = ix
        norm_distances[0] = 0
    else:
        indices[0] = ix - 1
        c0 = ii0[ix - 1]
        norm_distances[0] = (x0 - c0) / (ii0[ix] - c0)

    ix, eq = searchsorted(ii1, x1)
    if eq:
        indices[1] = ix
        norm_distances[1] = 0
    else:
        indices[1] = ix - 1
        c0 = ii1[ix - 1]
        norm_distances[1] = (x1 - c0) / (ii1[ix] - c0)

    ix, eq = searchsorted(ii2, x2)
    if eq:
        indices[2] = ix
        norm_distances[2] = 0
    else:
        indices[2] = ix - 1
        c0 = ii2[ix - 1]
        norm_distances[2] = (x2 - c0) / (ii2[ix] - c0)

    ix, eq = searchsorted(ii3, x3)
    if eq:
        indices[3] = ix
        norm_distances[3] = 0
    else:
        indices[3] = ix - 1
        c0 = ii3[ix - 1]
        norm_distances[3] = (x3 - c0) / (ii3[ix] - c0)

    return indices, norm_distances, False

@jit(nopython=True)
def interp_value_2d(x0, x1,
                    grid, icols,
                    ii0, ii1):
    if x0 != x0 or x1 != x1:
        return np.array([np.nan for i in icols])

    indices, norm_distances, out_of_bounds = find_indices_2d(x0, x1, ii0, ii1)

    if out_of_bounds:
        return np.array([np.nan for i in icols])
    # The following should be equivalent to
    #  edges = np.array(list(itertools.product(*[[i, i+1] for i in indices])))

    ndim = 2
    n_edges = 2**ndim
    edges = np.zeros((n_edges, ndim))
    for i in range(n_edges):
        for j in range(ndim):
            edges[i, j] = indices[j] + ((i >> (ndim - 1 - j)) & 1)  # woohoo!

    n_values = len(icols)
    values = np.zeros(n_values, dtype=float64)

    for j in range(n_edges):
        edge_indices = np.zeros(ndim, dtype=uint32)
        for k in range(ndim):
            edge_indices[k] = edges[j, k]

        weight = 1.
        for ei, i, yi in zip(edge_indices, indices, norm_distances):
            if ei == i:
                weight *= 1 - yi
            else:
                weight *= yi

        for i_icol in range(n_values):
            icol = icols[i_icol]

            # Now, get the value; this is why general ND doesn't work
            grid_indices = (edge_indices[0], edge_indices[1], icol)
            values[i_icol] += grid[grid_indices] * weight

    return values

@jit(nopython=True)
def interp_value_3d(x0, x1, x2,
                    grid, icols,
                    ii0, ii1, ii2):
    if x0 != x0 or x1 != x1 or x2 != x2:
        return np.array([np.nan for i in icols])

    indices, norm_distances, out_of_bounds = find_indices_3d(x0, x1, x2, ii0, ii1, ii2)

    if out_of_bounds:
        return np.array([np.nan for i in icols])
    # The following should be equivalent to
    #  edges = np.array(list(itertools.product(*[[i, i+1] for i in indices])))

    ndim = 3
    n_edges = 2**ndim
    edges = np.zeros((n_edges, ndim))
    for i in range(n_edges):
        for j in range(ndim):
            edges[i, j] = indices[j] + ((i >> (ndim - 1 - j)) & 1)  # woohoo!

    n_values = len(icols)
    values = np.zeros(n_values, dtype=float64)

    for j in range(n_edges):
        edge_indices = np.zeros(ndim, dtype=uint32)
        for k in range(ndim):
            edge_indices[k] = edges[j, k]

        weight = 1.
        for ei, i, yi in zip(edge_indices, indices, norm_distances):
            if ei == i:
                weight *= 1 - yi
            else:
                weight *= yi

        for i_icol in range(n_values):
            icol = icols[i_icol]

            # Now, get the value; this is why general ND doesn't work
            grid_indices = (edge_indices[0], edge_indices[1], edge_indices[2], icol)
            values[i_icol] += grid[grid_indices] * weight

    return values


@jit(nopython=True)
def interp_value_4d(x0, x1, x2, x3,
                    grid, icols,
                    ii0, ii1, ii2, ii3):
    if x0 != x0 or x1 != x1 or x2 != x2 or x3 != x3:
        return np.array([np.nan for i in icols])

    indices, norm_distances, out_of_bounds = find_indices_4d(x0, x1, x2, x3,
                                                             ii0, ii1, ii2, ii3)

    if out_of_bounds:
        return np.array([np.nan for i in icols])

    # The following should be equivalent to
    #  edges = np.array(list(itertools.product(*[[i, i+1] for i in indices])))

    ndim = 4
    n_edges = 2**ndim
    edges = np.zeros((n_edges, ndim))
    for i in range(n_edges):
        for j in range(ndim):
            edges[i, j] = indices[j] + ((i >> (ndim - 1 - j)) & 1)  # woohoo!

    n_values = len(icols)
    values = np.zeros(n_values, dtype=float64)

    for j in range(n_edges):
        edge_indices = np.zeros(ndim, dtype=uint32)
        for k in range(ndim):
            edge_indices[k] = edges[j, k]

        weight = 1.
        for ei, i, yi in zip(edge_indices, indices, norm_distances):
            if ei == i:
                weight *= 1 - yi
            else:
                weight *= yi

        for i_icol in range(n_values):
            icol = icols[i_icol]

            # Now, get the value; this is why general ND doesn't work
            grid_indices = (edge_indices[0], edge_indices[1], edge_indices[2],
                            edge_indices[3], icol)
            values[i_icol] += grid[grid_indices] * weight

    return values

@jit(nopython=True)
def interp_values_2d(xx0, xx1,
                     grid, icols,
                     ii0, ii1):
    """xx1, xx2, xx3 are all arrays at which values are desired


    """

    N = len(xx0)
    ncols = len(icols)
    results = np.empty((N, ncols), dtype=float64)
    for i in range(N):
        res = interp_value_2d(xx0[i], xx1[i],
                              grid, icols,
                              ii0, ii1)
        for j in range(ncols):
            results[i, j] = res[j]

    return results


@jit(nopython=True)
def interp_values_3d(xx0, xx1, xx2,
                     grid, icols,
                     ii0, ii1, ii2):
    """xx1, xx2, xx3 are all arrays at which values are desired


    """

    N = len(xx0)
    ncols = len(icols)
    results = np.empty((N, ncols), dtype=float64)
    for i in range(N):
        res = interp_value_3d(xx0[i], xx1[i], xx2[i],
                              grid, icols,
                              ii0, ii1, ii2)
        for j in range(ncols):
            results[i, j] = res[j]

    return results


@jit(nopython=True)
def sign(x):
    if x < 0:
        return -1
    else:
        return 1

# ---- harness (not part of the program) ----
ENTRY = "interp_values_3d"


def inputs():
    # a MIST-like model grid: EEP 200..450 (every 2), log10 age 8.0..10.0
    # (every 0.1), [Fe/H] -2.0..0.5 (every 0.25), with 5 smooth made-up
    # columns (mass, logTeff, logg, logL, radius); 300 query points, most
    # inside the grid, some exactly on grid nodes, a few outside it (rows of
    # NaN) and one NaN input; icols picks 4 of the 5 columns
    rng = np.random.default_rng(0)
    eep = np.arange(200.0, 452.0, 2.0)
    age = np.round(np.arange(8.0, 10.05, 0.1), 2)
    feh = np.arange(-2.0, 0.75, 0.25)
    E, A, F = np.meshgrid(eep, age, feh, indexing="ij")
    grid = np.stack([
        0.5 + 0.004 * (E - 200) - 0.2 * (A - 8) + 0.05 * F,
        3.7 + 0.0008 * (E - 200) - 0.05 * (A - 8) ** 2 - 0.03 * F,
        4.5 - 0.006 * (E - 200) + 0.1 * np.sin(A) + 0.02 * F,
        -1.0 + 0.01 * (E - 200) + 0.3 * (A - 8) - 0.1 * F,
        0.6 + np.exp(0.008 * (E - 200)) * 0.1 + 0.01 * F,
    ], axis=-1)
    n = 300
    xx0 = rng.uniform(190.0, 455.0, n)
    xx1 = rng.uniform(7.9, 10.1, n)
    xx2 = rng.uniform(-2.1, 0.6, n)
    xx0[:20] = eep[rng.integers(0, eep.size, 20)]
    xx1[10:30] = age[rng.integers(0, age.size, 20)]
    xx2[5] = np.nan
    icols = np.array([0, 1, 3, 4])
    return (xx0, xx1, xx2, grid, icols, eep, age, feh)
