# Source: abTEM/abTEM abtem/cpu_kernels.py (at commit 09fb8df1)
# Licence: GPL-3.0-or-later (abTEM, pyproject.toml: license = "GPL-3.0-or-later"; abTEM developers)
# Notes: the PRISM algorithm of transmission-electron-microscopy image simulation (materials science): a probe wave function at each scan position is the sum of the plane-wave scattering-matrix components, weighted by the probe's complex coefficients and cropped to a window around the probe that wraps around the periodic cell: window_and_collapse (@jit(nopython=True, nogil=True), type-annotated `probes: np.ndarray, S: np.ndarray`) unpacks the shapes with `N, M = S.shape[1:]`, loops over the probes, unpacks each corner row (`i, j = corners[k]`), and in four branches (window inside the cell, wrapping along y, along x, along both; the conditions are `&` of booleans) accumulates S[l, i:i + n, j:j + m] * coefficients[k][l] (complex64 slices times complex128 scalars) into 3-D slices of the output with positive and negative slice bounds (probes[k, :-ti, -tj:] += ...), in place. Pasted: the whole module (numba and numpy imports, the plain complex_exponential whose @nb.vectorize is commented out in the source, the @nb.vectorize abs2 with two signatures, the parallel interpolate_radial_functions, not called, and window_and_collapse). The harness passes what SMatrix.build_at of that abTEM version passes with interpolation 2: a zero complex128 probe array (8 positions, 32 x 32 window), a complex64 scattering matrix of 45 plane waves on a 64 x 64 grid (random phases under a smooth envelope), the int corners np.remainder(np.round(positions / sampling - window_shape // 2), gpts) of 8 scan positions (some near the cell edges so that all four branches run) and complex128 coefficients (aberration phase times the plane-wave translation factors exp(2 pi i k.r))
import numba as nb
import numpy as np
from numba import jit, prange


# @nb.vectorize([nb.complex64(nb.float32), nb.complex128(nb.float64)])
def complex_exponential(x):
    return np.cos(x) + 1.j * np.sin(x)


@nb.vectorize([nb.float32(nb.complex64), nb.float64(nb.complex128)])
def abs2(x):
    return x.real ** 2 + x.imag ** 2


@jit(nopython=True, nogil=True, parallel=True)
def interpolate_radial_functions(array, array_rows, array_cols, indices, disc_indices, positions, v, r, dvdr, sampling):
    array = array.ravel()
    for i in range(indices.shape[0]):
        for j in prange(disc_indices.shape[0]):
            k = indices[i] + disc_indices[j]
            if k < array.shape[0]:
                r_interp = np.sqrt((array_rows[k] * sampling[0] - positions[i, 0]) ** 2 +
                                   (array_cols[k] * sampling[1] - positions[i, 1]) ** 2)

                idx = max(np.searchsorted(r, r_interp) - 1, 0)
                #if idx < dvdr.shape[1] - 1:
                array[k] += v[i, idx] + (r_interp - r[idx]) * dvdr[i, idx]


@jit(nopython=True, nogil=True)
def window_and_collapse(probes: np.ndarray, S: np.ndarray, corners, coefficients):
    """
    Function for collapsing a Prism scattering matrix into a probe wave function.

    Parameters
    ----------
    probes : 3d numpy.ndarray
        The array in which the probe wave functions should be written.
    S : 3d numpy.ndarray
        Scattering matrix
    corners :
    coefficients :
    """
    N, M = S.shape[1:]
    n, m = probes.shape[1:]
    for k in range(len(corners)):
        i, j = corners[k]
        ti = n - (N - i)
        tj = m - (M - j)
        if (i + n <= N) & (j + m <= M):
            for l in range(len(coefficients[k])):
                probes[k, :] += S[l, i:i + n, j:j + m] * coefficients[k][l]

        elif (i + n <= N) & (j + m > M):
            for l in range(len(coefficients[k])):
                probes[k, :, :-tj] += S[l, i:i + n, j:] * coefficients[k][l]
                probes[k, :, -tj:] += S[l, i:i + n, :tj] * coefficients[k][l]

        elif (i + n > N) & (j + m <= M):
            for l in range(len(coefficients[k])):
                probes[k, :-ti, :] += S[l, i:, j:j + m] * coefficients[k][l]
                probes[k, -ti:, :] += S[l, :ti, j:j + m] * coefficients[k][l]

        elif (i + n > N) & (j + m > M):
            for l in range(len(coefficients[k])):
                probes[k, :-ti, :-tj] += S[l, i:, j:] * coefficients[k][l]
                probes[k, :-ti, -tj:] += S[l, i:, :tj] * coefficients[k][l]
                probes[k, -ti:, -tj:] += S[l, :ti, :tj] * coefficients[k][l]
                probes[k, -ti:, :-tj] += S[l, :ti, j:] * coefficients[k][l]
# ---- harness (not part of the program) ----
ENTRY = "window_and_collapse"


def inputs():
    # S-matrix of 45 plane waves on a 64 x 64 grid (10 A cell), probe window
    # 32 x 32 (interpolation 2), 8 scan positions
    rng = np.random.default_rng(0)
    gpts = np.array((64, 64))
    extent = np.array((10.0, 10.0))
    sampling = extent / gpts
    n_waves = 45
    xx = np.arange(64)[:, None] * np.ones(64)[None, :]
    envelope = np.exp(-((xx - 32.0) ** 2 + (xx.T - 32.0) ** 2) / 800.0)
    phases = rng.uniform(0.0, 2 * np.pi, (n_waves, 64, 64))
    S = (envelope[None] * np.exp(1j * phases)).astype(np.complex64)
    kx = rng.uniform(-0.8, 0.8, n_waves)
    ky = rng.uniform(-0.8, 0.8, n_waves)
    positions = np.array([[5.0, 5.0], [1.0, 5.0], [5.0, 9.5], [9.0, 9.0],
                          [0.2, 0.3], [7.5, 2.5], [3.3, 8.8], [9.9, 0.1]])
    ctf = np.exp(-1j * 0.5 * (kx ** 2 + ky ** 2))
    translation = (np.exp(2j * np.pi * kx[None] * positions[:, 0, None]) *
                   np.exp(2j * np.pi * ky[None] * positions[:, 1, None]))
    coefficients = ctf[None] * translation
    probes = np.zeros((len(positions), 32, 32), dtype=complex)
    corners = np.round(positions / sampling - np.floor_divide(probes.shape[1:], 2)).astype(int)
    corners = np.remainder(corners, gpts)
    return probes, S, corners, coefficients
