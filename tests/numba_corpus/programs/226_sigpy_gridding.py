# Source: mikgroup/sigpy sigpy/interp.py (at commit 5bd25cdf)
# Licence: BSD-3-Clause (sigpy, LICENSE; Copyright (c) 2016, Frank Ong; Copyright (c) 2016, The Regents of the University of California)
# Notes: gridding and interpolation between non-Cartesian k-space samples and a Cartesian grid, the CPU kernels behind sigpy's NUFFT: every kernel is @nb.jit(nopython=True, cache=True) (imported `import numba as nb`) and calls the jitted lin_interpolate (@nb.jit(nopython=True), no cache), which linearly interpolates a tabulated Kaiser-Bessel kernel array (int(x * n), an early `return 0.0`, a branch at the table's end); the coordinate of each point is read from the last axis with negative indices (coord[i, -1], coord[i, -2]), the window bounds come from np.ceil/np.floor as floats and are used directly as range() bounds (range(x0, x1 + 1) over float64 values), the loop variable enters abs(x - kx) / (width / 2) and the periodic wrap y % ny, x % nx in the index of a complex output, tuple assignments set two bounds at once; the entry _gridding2 accumulates w * input[b, i] into output[b, y % ny, x % nx] in place and returns output. All six CPU kernels and lin_interpolate are kept; left out: the plain-Python interpolate, gridding, _select_interpolate and _select_gridding (and `from sigpy import backend, config, util` that only they use), and the `if config.cupy_enabled:` block of CuPy ElementwiseKernels
# -*- coding: utf-8 -*-
"""Interpolation functions.
"""
import numpy as np
import numba as nb


__all__ = ['interpolate', 'gridding']


@nb.jit(nopython=True)  # pragma: no cover
def lin_interpolate(kernel, x):
    if x >= 1:
        return 0.0
    n = len(kernel)
    idx = int(x * n)
    frac = x * n - idx

    left = kernel[idx]
    if idx == n - 1:
        right = 0.0
    else:
        right = kernel[idx + 1]
    return (1.0 - frac) * left + frac * right


@nb.jit(nopython=True, cache=True)  # pragma: no cover
def _interpolate1(output, input, width, kernel, coord):
    batch_size, nx = input.shape
    npts = coord.shape[0]

    for i in range(npts):

        kx = coord[i, -1]

        x0 = np.ceil(kx - width / 2)
        x1 = np.floor(kx + width / 2)

        for x in range(x0, x1 + 1):

            w = lin_interpolate(kernel, abs(x - kx) / (width / 2))

            for b in range(batch_size):
                output[b, i] += w * input[b, x % nx]

    return output


@nb.jit(nopython=True, cache=True)  # pragma: no cover
def _gridding1(output, input, width, kernel, coord):
    batch_size, nx = output.shape
    npts = coord.shape[0]

    for i in range(npts):

        kx = coord[i, -1]

        x0 = np.ceil(kx - width / 2)
        x1 = np.floor(kx + width / 2)

        for x in range(x0, x1 + 1):

            w = lin_interpolate(kernel, abs(x - kx) / (width / 2))

            for b in range(batch_size):
                output[b, x % nx] += w * input[b, i]

    return output


@nb.jit(nopython=True, cache=True)  # pragma: no cover
def _interpolate2(output, input, width, kernel, coord):

    batch_size, ny, nx = input.shape
    npts = coord.shape[0]

    for i in range(npts):

        kx, ky = coord[i, -1], coord[i, -2]

        x0, y0 = (np.ceil(kx - width / 2),
                  np.ceil(ky - width / 2))

        x1, y1 = (np.floor(kx + width / 2),
                  np.floor(ky + width / 2))

        for y in range(y0, y1 + 1):
            wy = lin_interpolate(kernel, abs(y - ky) / (width / 2))

            for x in range(x0, x1 + 1):
                w = wy * lin_interpolate(kernel, abs(x - kx) / (width / 2))

                for b in range(batch_size):
                    output[b, i] += w * input[b, y % ny, x % nx]

    return output


@nb.jit(nopython=True, cache=True)  # pragma: no cover
def _gridding2(output, input, width, kernel, coord):
    batch_size, ny, nx = output.shape
    npts = coord.shape[0]

    for i in range(npts):

        kx, ky = coord[i, -1], coord[i, -2]

        x0, y0 = (np.ceil(kx - width / 2),
                  np.ceil(ky - width / 2))

        x1, y1 = (np.floor(kx + width / 2),
                  np.floor(ky + width / 2))

        for y in range(y0, y1 + 1):
            wy = lin_interpolate(kernel, abs(y - ky) / (width / 2))

            for x in range(x0, x1 + 1):
                w = wy * lin_interpolate(kernel, abs(x - kx) / (width / 2))

                for b in range(batch_size):
                    output[b, y % ny, x % nx] += w * input[b, i]

    return output


@nb.jit(nopython=True, cache=True)  # pragma: no cover
def _interpolate3(output, input, width, kernel, coord):
    batch_size, nz, ny, nx = input.shape
    npts = coord.shape[0]

    for i in range(npts):

        kx, ky, kz = coord[i, -1], coord[i, -2], coord[i, -3]

        x0, y0, z0 = (np.ceil(kx - width / 2),
                      np.ceil(ky - width / 2),
                      np.ceil(kz - width / 2))

        x1, y1, z1 = (np.floor(kx + width / 2),
                      np.floor(ky + width / 2),
                      np.floor(kz + width / 2))

        for z in range(z0, z1 + 1):
            wz = lin_interpolate(kernel, abs(z - kz) / (width / 2))

            for y in range(y0, y1 + 1):
                wy = wz * lin_interpolate(kernel, abs(y - ky) / (width / 2))

                for x in range(x0, x1 + 1):
                    w = wy * lin_interpolate(kernel, abs(x - kx) / (width / 2))

                    for b in range(batch_size):
                        output[b, i] += w * input[b, z % nz, y % ny, x % nx]

    return output


@nb.jit(nopython=True, cache=True)  # pragma: no cover
def _gridding3(output, input, width, kernel, coord):
    batch_size, nz, ny, nx = output.shape
    npts = coord.shape[0]

    for i in range(npts):

        kx, ky, kz = coord[i, -1], coord[i, -2], coord[i, -3]

        x0, y0, z0 = (np.ceil(kx - width / 2),
                      np.ceil(ky - width / 2),
                      np.ceil(kz - width / 2))

        x1, y1, z1 = (np.floor(kx + width / 2),
                      np.floor(ky + width / 2),
                      np.floor(kz + width / 2))

        for z in range(z0, z1 + 1):
            wz = lin_interpolate(kernel, abs(z - kz) / (width / 2))

            for y in range(y0, y1 + 1):
                wy = wz * lin_interpolate(kernel, abs(y - ky) / (width / 2))

                for x in range(x0, x1 + 1):
                    w = wy * lin_interpolate(kernel, abs(x - kx) / (width / 2))

                    for b in range(batch_size):
                        output[b, z % nz, y % ny, x % nx] += w * input[b, i]

    return output

# ---- harness (not part of the program) ----
ENTRY = "_gridding2"


def inputs():
    # what sigpy's nufft_adjoint hands to gridding for a 16 x 16 image from
    # two coils (batch 2) sampled on 12 radial spokes of 24 points: width 4,
    # oversampling 1.25 (grid 20 x 20), the Kaiser-Bessel table of 64
    # entries that fourier._kb gives (1 / width * np.i0(beta * sqrt(1 -
    # x**2))), and the coordinates scaled by 20 / 16 and shifted by 10 as
    # _scale_coord does; complex128 samples and a zeroed complex128 output
    rng = np.random.default_rng(0)
    width, oversamp, n = 4, 1.25, 64
    beta = np.pi * (((width / oversamp) * (oversamp - 0.5))**2 - 0.8)**0.5
    x = np.arange(n) / n
    kernel = 1 / width * np.i0(beta * (1 - x**2)**0.5).astype(np.float64)
    angles = np.arange(12) * np.pi / 12
    radii = np.linspace(-8, 8, 24, endpoint=False)
    coord = np.stack([np.outer(np.sin(angles), radii).ravel(),
                      np.outer(np.cos(angles), radii).ravel()], axis=-1)
    coord = 20 / 16 * coord + 10
    npts = coord.shape[0]
    inp = (rng.standard_normal((2, npts))
           + 1j * rng.standard_normal((2, npts))).astype(np.complex128)
    output = np.zeros((2, 20, 20), dtype=np.complex128)
    return (output, inp, float(width), kernel, coord)
