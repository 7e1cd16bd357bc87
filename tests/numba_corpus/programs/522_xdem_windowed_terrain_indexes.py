# Source: GlacioHack/xdem xdem/terrain/window.py (at commit 10d33994)
# Licence: Apache-2.0 (xDEM, file header / LICENSE; Copyright (c) 2025 xDEM developers)
# Notes: windowed terrain attributes of a digital elevation model (geomorphometry / glaciology): plain-Python per-window attribute functions turned into jitted ones with numba.njit(inline="always", cache=True)(func) (annotations left unevaluated by `from __future__ import annotations`): topographic position index and terrain ruggedness index (Riley: sqrt of summed squared differences; Wilson: mean absolute difference) with a keyword window_size, fractal roughness after Taud & Parrot (box counting: np.empty((w, w), dtype=out_dtype) with the dtype passed as an argument, if/elif clamp, a uint8 divisor array with boolean-mask selection, slice(...) objects as indices, np.max of a flattened block, manual log-log regression) and Jenness rugosity (16 segment lengths, eight 3-tuples of array scalars collected in a list and iterated, builtin sum() over a tuple and over an array, Heron's formula). Pasted: those five functions and their numba.njit wrappers; left out: the SciPy generic/vectorized filters, the public dispatcher, and the Numba driver _get_windowed_indexes_numba/_make_windowed_indexes with _roughness_func, because the installed Numba rejects its float("nan") at typing (No implementation of float(unicode_type)) and the driver compiles every attribute branch. The harness makes the per-window calls that driver makes (flattened 5 x 5 windows for TPI/TRI/fractal roughness, 3 x 3 for rugosity) over a NaN-padded synthetic 40 x 36 float32 DEM and returns the 5 attribute rasters
from __future__ import annotations

import numba
import numpy as np


def _tri_riley_func(arr: NDArrayf) -> float:
    """
    Non-vectorized TRI from Riley, the squareroot of squared sum of differences between center and
    neighbouring pixels.
    """
    mid_ind = int(arr.shape[0] / 2)
    diff = np.abs(arr - arr[mid_ind])
    return np.sqrt(np.sum(diff**2))


# Numba wrapper for TRI from Riley
# The inline="always" is required to have the nested jit code behaving similarly as if it was in the original function
# We lose speed-up by a factor of ~5 without it
_tri_riley_func_numba = numba.njit(inline="always", cache=True)(_tri_riley_func)


def _tri_wilson_func(arr: NDArrayf, window_size: int) -> float:
    """Non-vectorized TRI from Wilson, the mean difference between center and neighbouring pixels."""
    mid_ind = int(arr.shape[0] / 2)
    diff = np.abs(arr - arr[mid_ind])
    return np.sum(diff) / (window_size**2 - 1)


# Numba wrapper for TRI from Wilson
# The inline="always" is required to have the nested jit code behaving similarly as if it was in the original function
# We lose speed-up by a factor of ~5 without it
_tri_wilson_func_numba = numba.njit(inline="always", cache=True)(_tri_wilson_func)


def _tpi_func(arr: NDArrayf, window_size: int) -> float:
    """Non-vectorized TPI, the difference between center and mean of neighbouring pixels."""

    mid_ind = window_size // 2
    return arr[mid_ind] - (np.sum(arr) - arr[mid_ind]) / (window_size**2 - 1)


# Numba wrapper for TPI
# The inline="always" is required to have the nested jit code behaving similarly as if it was in the original function
# We lose speed-up by a factor of ~5 without it
_tpi_func_numba = numba.njit(inline="always", cache=True)(_tpi_func)


def _fractal_roughness_func(arr: NDArrayf, window_size: int, out_dtype: DTypeLike = np.float32) -> float:
    """Non-vectorized fractal roughness according to the box-counting method of Taud and Parrot."""

    # First, we compute the number of voxels for each pixel of Equation 4
    mid_ind = int(np.floor(arr.shape[0] / 2))
    hw = int(np.floor(window_size / 2))
    mid_val = arr[mid_ind]

    count = 0
    V = np.empty((window_size, window_size), dtype=out_dtype)
    for j in range(window_size):
        for k in range(window_size):
            T = arr[window_size * j + k] - mid_val
            # The following is the equivalent of np.clip, written like this for numba
            if T < 0:
                V[j, k] = 0
            elif T > window_size:
                V[j, k] = window_size
            else:
                V[j, k] = T
            count += 1

    # Then, we compute the maximum number of voxels for varying box splitting of the cube of side the window
    # size, following Equation 5

    # Get all the divisors of the half window size
    list_box_sizes = np.zeros((hw,), dtype=np.uint8)
    for j in range(1, hw + 1):
        if hw % j == 0:
            list_box_sizes[j - 1] = j

    valids = list_box_sizes != 0
    sub_list_box_sizes = list_box_sizes[valids]

    Ns = np.empty((len(sub_list_box_sizes),), dtype=out_dtype)
    for l0 in range(0, len(sub_list_box_sizes)):
        # We loop over boxes of size q x q in the cube
        q = sub_list_box_sizes[l0]
        sumNs = 0
        for j in range(0, int((window_size - 1) / q)):
            for k in range(0, int((window_size - 1) / q)):
                sumNs += np.max(V[slice(j * q, (j + 1) * q), slice(k * q, (k + 1) * q)].flatten())
        Ns[l0] = sumNs / q

    # Finally, we calculate the slope of the logarithm of Ns with q
    # We do the linear regression manually, as np.polyfit is not supported by numba
    x = np.log(sub_list_box_sizes)
    y = np.log(Ns)
    # The number of observations
    n = len(x)
    # Mean of x and y vector
    m_x = np.mean(x)
    m_y = np.mean(y)
    # Cross-deviation and deviation about x
    SS_xy = np.sum(y * x) - n * m_y * m_x
    SS_xx = np.sum(x * x) - n * m_x * m_x
    # Calculating slope
    b_1 = SS_xy / SS_xx

    # The fractal dimension D is the opposite of the slope
    D = -b_1

    return D


# Numba wrapper for fractal roughness
# The inline="always" is required to have the nested jit code behaving similarly as if it was in the original function
# We lose speed-up by a factor of ~5 without it
_fractal_roughness_func_numba = numba.njit(inline="always", cache=True)(_fractal_roughness_func)


def _rugosity_func(arr: NDArrayf, resolution: float, out_dtype: DTypeLike = np.float32) -> float:
    """
    Non-vectorized rugosity, the difference between real surface area and planimetric surface area.

    The below computation only works for a 3x3 array, would need more effort to generalize it.
    """

    # Works only on a 3x3 block
    Z = arr
    L = resolution

    # Rugosity is computed on a 3x3 window like the quadratic coefficients, see Jenness (2004) for details

    # For this, we need elevation differences and horizontal length of 16 segments
    dzs = np.zeros((16,), dtype=out_dtype)
    dls = np.zeros((16,), dtype=out_dtype)

    count_without_center = 0
    count_all = 0
    # First, the 8 connected segments from the center cells, the center cell is index 4
    for j in range(-1, 2):
        for k in range(-1, 2):

            # Skip if this is the center pixel
            if j == 0 and k == 0:
                count_all += 1
                continue
            # The first eight elevation differences from the cell center
            dzs[count_without_center] = Z[4] - Z[count_all]
            # The first eight planimetric length that can be diagonal or straight from the center
            dls[count_without_center] = np.sqrt(j**2 + k**2) * L
            count_all += 1
            count_without_center += 1

    # Manually for the remaining eight segments between surrounding pixels:
    # First, four elevation differences along the x axis
    dzs[8] = Z[0] - Z[1]
    dzs[9] = Z[1] - Z[2]
    dzs[10] = Z[6] - Z[7]
    dzs[11] = Z[7] - Z[8]
    # Second, along the y axis
    dzs[12] = Z[0] - Z[3]
    dzs[13] = Z[3] - Z[6]
    dzs[14] = Z[2] - Z[5]
    dzs[15] = Z[5] - Z[8]
    # For the planimetric lengths, all are equal to one
    dls[8:] = L

    # Finally, the half-surface length of each segment
    hsl = np.sqrt(dzs**2 + dls**2) / 2

    # Starting from up direction anticlockwise, every triangle has 2 segments between center and surrounding
    # pixels and 1 segment between surrounding pixels; pixel 4 is the center
    # above 4 the index of center-surrounding segment decrease by 1, as the center pixel was skipped
    # Triangle 1: pixels 3 and 0
    T1 = (hsl[3], hsl[0], hsl[12])
    # Triangle 2: pixels 0 and 1
    T2 = (hsl[0], hsl[1], hsl[8])
    # Triangle 3: pixels 1 and 2
    T3 = (hsl[1], hsl[2], hsl[9])
    # Triangle 4: pixels 2 and 5
    T4 = (hsl[2], hsl[4], hsl[14])
    # Triangle 5: pixels 5 and 8
    T5 = (hsl[4], hsl[7], hsl[15])
    # Triangle 6: pixels 8 and 7
    T6 = (hsl[7], hsl[6], hsl[11])
    # Triangle 7: pixels 7 and 6
    T7 = (hsl[6], hsl[5], hsl[10])
    # Triangle 8: pixels 6 and 3
    T8 = (hsl[5], hsl[3], hsl[13])

    list_T = [T1, T2, T3, T4, T5, T6, T7, T8]

    # Finally, we compute the 3D surface areas of the 8 triangles
    A = np.empty((8,), dtype=out_dtype)
    count = 0
    for T in list_T:
        # Half sum of lengths
        hs = sum(T) / 2
        # Surface area of triangle
        A[count] = np.sqrt(hs * (hs - T[0]) * (hs - T[1]) * (hs - T[2]))
        count += 1

    rug = sum(A) / L**2

    return rug


# The inline="always" is required to have the nested jit code behaving similarly as if it was in the original function
# We lose speed-up by a factor of ~5 without it
_rugosity_func_numba = numba.njit(inline="always", cache=True)(_rugosity_func)


# ---- harness (not part of the program) ----
ENTRY = "run_terrain"


def run_terrain(dem, resolution):
    # per-window calls, as xdem's numba loop (_get_windowed_indexes_numba) makes them
    padded5 = np.pad(dem, 2, mode="constant", constant_values=np.nan)
    padded3 = np.pad(dem, 1, mode="constant", constant_values=np.nan)
    n1, n2 = dem.shape
    out = np.full((5, n1, n2), np.nan, dtype=np.float32)
    for row in range(n1):
        for col in range(n2):
            w5 = padded5[row:row + 5, col:col + 5].flatten()
            w3 = padded3[row:row + 3, col:col + 3].flatten()
            out[0, row, col] = _tpi_func_numba(w5, window_size=5)
            out[1, row, col] = _tri_riley_func_numba(w5)
            out[2, row, col] = _tri_wilson_func_numba(w5, window_size=5)
            out[3, row, col] = _fractal_roughness_func_numba(w5, window_size=5, out_dtype=np.float32)
            out[4, row, col] = _rugosity_func_numba(w3, resolution=resolution, out_dtype=np.float32)
    return out


def inputs():
    # a 40 x 36 float32 DEM (30 m pixels): two Gaussian hills, a pit, a ridge and small noise
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[0:40, 0:36].astype(np.float64)
    dem = (1200.0 + 80.0 * np.exp(-((xx - 10) ** 2 + (yy - 12) ** 2) / 60.0)
           + 50.0 * np.exp(-((xx - 26) ** 2 + (yy - 28) ** 2) / 40.0)
           - 30.0 * np.exp(-((xx - 24) ** 2 + (yy - 8) ** 2) / 8.0)
           + 6.0 * np.abs(np.sin(xx / 4.0 + yy / 7.0))
           + rng.normal(0, 0.5, xx.shape)).astype(np.float32)
    return (dem, 30.0)
