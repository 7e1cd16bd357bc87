# Source: pyxem/kikuchipy src/kikuchipy/pattern/_pattern.py (at commit 01c116fb)
# Licence: GPL-3.0-or-later (kikuchipy, the file's header; Copyright 2019-2024 The kikuchipy developers)
# Notes: binning and intensity rescaling of an electron backscatter diffraction (EBSD) pattern image (image processing): _downsample2d (@njit(cache=True, fastmath=True, nogil=True)) casts the uint8 pattern to float32, calls _bin2d (eager signature "float32[:, :](float32[:, :], int64)") which sums factor x factor blocks with four nested loops into np.zeros of the input dtype, rescales the binned image to [omin, omax] with _rescale_with_min_max (array arithmetic with int-or-float bounds) and casts the result to the dtype passed in as a np.dtype object with .astype(dtype_out). Pasted: the file's licence header, the numba and numpy imports and all the jitted functions of the file (_rescale_with_min_max, _rescale_without_min_max, _rescale_without_min_max_1d_float32 and _zero_mean_sum_square_1d_float32, which carry eager signature strings, _normalize_intensity, fft_spectrum, the static and dynamic background removal kernels, _get_image_quality_numba, _bin2d and _downsample2d); left out: the plain-Python functions (rescale_intensity, normalize_intensity, fft, ifft, fft_filter, remove_dynamic_background and the rest) and the imports only they use (typing.Callable, scipy.fft, scipy.ndimage, skimage, kikuchipy.filters); the harness passes what EBSD.downsample maps over each pattern: a 60 x 60 uint8 pattern (a Kikuchi-band-like image with noise), factor 2, omin, omax = 0, 255 (skimage's dtype_range for uint8) and dtype_out = the pattern's np.dtype
# Copyright 2019-2024 The kikuchipy developers
#
# This file is part of kikuchipy.
#
# kikuchipy is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# kikuchipy is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU General Public License
# along with kikuchipy. If not, see <http://www.gnu.org/licenses/>.

from numba import njit
import numpy as np


@njit(cache=True, nogil=True, fastmath=True)
def _rescale_with_min_max(
    pattern: np.ndarray,
    imin: int | float,
    imax: int | float,
    omin: int | float,
    omax: int | float,
) -> np.ndarray:
    """Rescale a pattern to a certain intensity range.

    The intensity range is typically given from a data type, e.g.
    [0, 255] for uint8 or [-1, 1] for float32. The data type and shape
    of ``pattern`` is arbitrary.
    """
    rescaled_pattern = (pattern - imin) / float(imax - imin)
    return rescaled_pattern * (omax - omin) + omin


@njit("float32[:, :](float32[:, :])", cache=True, nogil=True, fastmath=True)
def _rescale_without_min_max(pattern: np.ndarray) -> np.ndarray:
    """Rescale a pattern to the intensity range [-1, 1].

    ``pattern`` must be 2D array of data type float32.
    """
    return _rescale_with_min_max(
        pattern, imin=np.min(pattern), imax=np.max(pattern), omin=-1, omax=1
    )


@njit("float32[:](float32[:])", cache=True, nogil=True, fastmath=True)
def _rescale_without_min_max_1d_float32(pattern: np.ndarray) -> np.ndarray:
    """Rescale a pattern to the intensity range [-1, 1].

    ``pattern`` must be 1D array of data type float32.
    """
    return _rescale_with_min_max(
        pattern, imin=np.min(pattern), imax=np.max(pattern), omin=-1, omax=1
    )


@njit("Tuple((float32[:], float32))(float32[:])", cache=True, nogil=True, fastmath=True)
def _zero_mean_sum_square_1d_float32(pattern: np.ndarray) -> tuple[np.ndarray, float]:
    pattern -= np.mean(pattern)
    return pattern, np.square(pattern).sum()


@njit(cache=True, fastmath=True, nogil=True)
def _normalize_intensity(
    pattern: np.ndarray,
    num_std: int = 1,
    divide_by_square_root: bool = False,
) -> np.ndarray:
    pattern_mean = np.mean(pattern)
    pattern_std = np.std(pattern)
    pattern = pattern - pattern_mean
    if divide_by_square_root:
        return pattern / (num_std * pattern_std * np.sqrt(pattern.size))
    else:
        return pattern / (num_std * pattern_std)


@njit(cache=True, fastmath=True, nogil=True)
def fft_spectrum(fft_pattern: np.ndarray) -> np.ndarray:
    """Compute the FFT spectrum of a Fourier transformed EBSD pattern.

    Parameters
    ----------
    fft_pattern
        Fourier transformed EBSD pattern.

    Returns
    -------
    spectrum
        2D FFT spectrum of the EBSD pattern.
    """
    return np.sqrt(fft_pattern.real**2 + fft_pattern.imag**2)


@njit(cache=True, fastmath=True, nogil=True)
def _remove_static_background_subtract(
    pattern: np.ndarray,
    static_bg: np.ndarray,
    dtype_out: np.dtype,
    omin: int | float,
    omax: int | float,
    scale_bg: bool,
) -> np.ndarray:
    """Remove static background from a pattern by subtraction."""
    pattern = pattern.astype(np.float32)
    if scale_bg:
        static_bg = _rescale_with_min_max(
            static_bg,
            imin=np.min(static_bg),
            imax=np.max(static_bg),
            omin=np.min(pattern),
            omax=np.max(pattern),
        )
    pattern = _remove_background_subtract(pattern, static_bg, omin, omax)
    return pattern.astype(dtype_out)


@njit(cache=True, fastmath=True, nogil=True)
def _remove_static_background_divide(
    pattern: np.ndarray,
    static_bg: np.ndarray,
    dtype_out: np.dtype,
    omin: int | float,
    omax: int | float,
    scale_bg: bool,
) -> np.ndarray:
    """Remove static background from a pattern by division."""
    pattern = pattern.astype(np.float32)
    if scale_bg:
        static_bg = _rescale_with_min_max(
            static_bg,
            imin=np.min(static_bg),
            imax=np.max(static_bg),
            omin=np.min(pattern),
            omax=np.max(pattern),
        )
    pattern = _remove_background_divide(pattern, static_bg, omin, omax)
    return pattern.astype(dtype_out)


@njit(cache=True, fastmath=True, nogil=True)
def _remove_background_subtract(
    pattern: np.ndarray,
    background: np.ndarray,
    omin: int | float,
    omax: int | float,
) -> np.ndarray:
    """Remove background from pattern by subtraction and rescale."""
    pattern -= background
    imin = np.min(pattern)
    imax = np.max(pattern)
    return _rescale_with_min_max(pattern, imin, imax, omin, omax)


@njit(cache=True, fastmath=True, nogil=True)
def _remove_background_divide(
    pattern: np.ndarray,
    background: np.ndarray,
    omin: int | float,
    omax: int | float,
) -> np.ndarray:
    """Remove background from pattern by division and rescale."""
    pattern /= background
    imin = np.min(pattern)
    imax = np.max(pattern)
    return _rescale_with_min_max(pattern, imin, imax, omin, omax)


@njit(cache=True, fastmath=True, nogil=True)
def _get_image_quality_numba(
    fft_pattern: np.ndarray, frequency_vectors: np.ndarray, inertia_max: float
) -> float:
    # Obtain (un-shifted) FFT spectrum
    spectrum = fft_spectrum(fft_pattern)

    # Calculate inertia (see Lassen1994)
    inertia = np.sum(spectrum * frequency_vectors) / np.sum(spectrum)

    return 1 - (inertia / inertia_max)


@njit("float32[:, :](float32[:, :], int64)", cache=True, fastmath=True, nogil=True)
def _bin2d(pattern: np.ndarray, factor: int) -> np.ndarray:
    n_rows_new = pattern.shape[0] // factor
    n_cols_new = pattern.shape[1] // factor

    new_pattern = np.zeros((n_rows_new, n_cols_new), dtype=pattern.dtype)

    for r in range(n_rows_new):
        for rr in range(r * factor, (r + 1) * factor):
            for c in range(n_cols_new):
                value = new_pattern[r, c]
                for cc in range(c * factor, (c + 1) * factor):
                    value += pattern[rr, cc]
                new_pattern[r, c] = value

    return new_pattern


@njit(cache=True, fastmath=True, nogil=True)
def _downsample2d(
    pattern: np.ndarray,
    factor: int,
    omin: int | float,
    omax: int | float,
    dtype_out: np.dtype,
) -> np.ndarray:
    pattern = pattern.astype(np.float32)
    binned_pattern = _bin2d(pattern, factor)
    imin = np.min(binned_pattern)
    imax = np.max(binned_pattern)
    rescaled_pattern = _rescale_with_min_max(binned_pattern, imin, imax, omin, omax)
    return rescaled_pattern.astype(dtype_out)
# ---- harness (not part of the program) ----
ENTRY = "_downsample2d"


def inputs():
    # a 60 x 60 uint8 pattern: a bright disc-shaped background, three
    # straight Kikuchi-like bands and Poisson-ish noise
    rng = np.random.default_rng(0)
    sy = sx = 60
    yy, xx = np.mgrid[0:sy, 0:sx].astype(np.float64)
    img = 120.0 * np.exp(-((yy - 28) ** 2 + (xx - 33) ** 2) / (2 * 25.0 ** 2))
    for a, b, c in ((1.0, -0.6, -10.0), (0.3, 1.0, -45.0), (-1.0, -0.9, 70.0)):
        d = np.abs(a * xx + b * yy + c) / np.hypot(a, b)
        img += 40.0 * np.exp(-d ** 2 / (2 * 2.5 ** 2))
    img += rng.normal(0.0, 6.0, (sy, sx))
    pattern = np.clip(np.round(img), 0, 255).astype(np.uint8)
    return (pattern, 2, 0, 255, pattern.dtype)
