# Source: makepath/xarray-spatial xrspatial/convolution.py
# Licence: MIT (Copyright (c) 2020-2022 makepath)
# Notes: 2-D convolution of a raster with an odd-sized kernel, NaN on the borders: data.astype(np.float32) rebinding the argument, np.zeros with dtype=float32 (numba's type object, imported from numba), out[:] = np.nan, nested prange loops (no parallel=True) with max/min clamps; the module's import line was `from numba import cuda, float32, prange, jit` -- cuda is left out of it (only the file's @cuda.jit kernel and CuPy/Dask drivers use it, all left out), as are the xarray/re/functools imports and xrspatial.utils helpers the drivers use
import numpy as np

from numba import float32, prange, jit


@jit(nopython=True, nogil=True)
def _convolve_2d_numpy(data, kernel):
    # apply kernel to data image.
    # TODO: handle nan
    data = data.astype(np.float32)
    nx = data.shape[0]
    ny = data.shape[1]
    nkx = kernel.shape[0]
    nky = kernel.shape[1]
    wkx = nkx // 2
    wky = nky // 2

    out = np.zeros(data.shape, dtype=float32)
    out[:] = np.nan
    for i in prange(wkx, nx-wkx):
        iimin = max(i - wkx, 0)
        iimax = min(i + wkx + 1, nx)
        for j in prange(wky, ny-wky):
            jjmin = max(j - wky, 0)
            jjmax = min(j + wky + 1, ny)
            num = 0.0
            for ii in range(iimin, iimax, 1):
                iii = wkx + ii - i
                for jj in range(jjmin, jjmax, 1):
                    jjj = wky + jj - j
                    num += kernel[iii, jjj] * data[ii, jj]
            out[i, j] = num

    return out

# ---- harness (not part of the program) ----
ENTRY = "_convolve_2d_numpy"


def inputs():
    # a float64 raster and circle_kernel(1, 1, 2): the module's
    # _ellipse_kernel(2, 2), a 5x5 float 0/1 disc
    rng = np.random.default_rng(0)
    data = rng.random((40, 50)) * 100.0
    half_w = half_h = 2
    x = np.linspace(-half_w, half_w, 2 * half_w + 1)
    y = np.linspace(-half_h, half_h, 2 * half_h + 1)[:, None]
    kernel = ((x * half_h) ** 2 + (y * half_w) ** 2
              <= (half_w * half_h) ** 2).astype(float)
    return (data, kernel)
