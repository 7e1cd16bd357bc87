# Source: PynPoint/PynPoint pynpoint/util/apply_func.py (release 0.10.0)
# Licence: GPL-3.0-only (PynPoint; "Source: https://github.com/PynPoint/PynPoint ... License: GPL-3-only" in the package's copyright file)
# Notes: one update of the error spectrum in the Fourier-space bad-pixel interpolation of a high-contrast imaging frame (Gerchberg-Papoulis-style selective deconvolution, Aach & Metzler): calc_fast_convolution (@jit(cache=True), compiled in nopython mode) allocates a complex64 image, tests whether the selected frequency line tmp_s (a tuple) is one of the self-conjugate lines by comparing its entries with N[0] / 2 and N[1] / 2, and fills it with F_roof_tmp times the window spectrum shifted by tmp_s (negative indices wrapping around) plus, for ordinary lines, the conjugate term at the mirrored (modulo) index, then divides by N_size and subtracts from the current error spectrum, returning the new complex128 array. Pasted: the module docstring, the typing, numpy and numba import lines the function needs and calc_fast_convolution with its comment (the rest of the module's imports, cv2, pywt, photutils, scipy, skimage, statsmodels, typeguard and pynpoint internals, are used only by other functions); the harness passes what bad_pixel_interpolation passes on its second iteration (the first, on the zero-frequency line, replayed in NumPy) for a 64 x 64 frame of a Gaussian star on noise with 2% bad pixels: F_roof_tmp (complex128), W = fft2 of the good-pixel map, tmp_s = the np.unravel_index of the strongest line, N_size = 4096.0, tmp_G = fft2 of the masked image and N = (64, 64)
"""
Functions that are executed with
:func:`~pynpoint.core.processing.ProcessingModule.apply_function_to_images` and
:func:`~pynpoint.core.processing.ProcessingModule.apply_function_in_time`. The functions are placed
here such that they are pickable by the multiprocessing functionalities. The first two parameters
are always the sliced data and the index in the dataset.

TODO Docstrings are missing for most of the functions.
"""


from typing import List, Optional, Union, Tuple

import numpy as np

from numba import jit


# This function cannot by @typechecked because of a compatibility issue with numba
@jit(cache=True)
def calc_fast_convolution(F_roof_tmp: np.complex128,
                          W: np.ndarray,
                          tmp_s: tuple,
                          N_size: float,
                          tmp_G: np.ndarray,
                          N: Tuple[int, ...]) -> np.ndarray:

    new = np.zeros(N, dtype=np.complex64)

    if ((tmp_s[0] == 0) and (tmp_s[1] == 0)) or \
            ((tmp_s[0] == N[0] / 2) and (tmp_s[1] == 0)) or \
            ((tmp_s[0] == 0) and (tmp_s[1] == N[1] / 2)) or \
            ((tmp_s[0] == N[0] / 2) and (tmp_s[1] == N[1] / 2)):

        for m in range(0, N[0], 1):
            for j in range(0, N[1], 1):
                new[m, j] = F_roof_tmp * W[m - tmp_s[0], j - tmp_s[1]]

    else:

        for m in range(0, N[0], 1):
            for j in range(0, N[1], 1):
                new[m, j] = (F_roof_tmp * W[m - tmp_s[0], j - tmp_s[1]] +
                             np.conjugate(F_roof_tmp) * W[(m + tmp_s[0]) %
                             N[0], (j + tmp_s[1]) % N[1]])

    if ((tmp_s[0] == N[0] / 2) and (tmp_s[1] == 0)) or \
            ((tmp_s[0] == 0) and (tmp_s[1] == N[1] / 2)) or \
            ((tmp_s[0] == N[0] / 2) and (tmp_s[1] == N[1] / 2)):  # causes problems, unknown why

        res = new / float(N_size)

    else:

        res = new / float(N_size)

    tmp_G = tmp_G - res

    return tmp_G
# ---- harness (not part of the program) ----
ENTRY = "calc_fast_convolution"


def inputs():
    # a 64 x 64 frame: Gaussian star (FWHM ~ 4 px) on a noisy background,
    # 2% of the pixels flagged bad; bad_pixel_interpolation's loop run in
    # NumPy up to its call of the jitted kernel on the second iteration
    # (the first selects the zero-frequency line, whose update, the
    # self-conjugate branch of the kernel, is replayed here in NumPy)
    rng = np.random.default_rng(0)
    n = 64
    yy, xx = np.mgrid[0:n, 0:n]
    image = 1000.0 * np.exp(-((xx - 31.3) ** 2 + (yy - 32.6) ** 2) / (2 * 1.7 ** 2))
    image += rng.normal(10.0, 1.0, (n, n))
    bad_pixel_map = np.ones((n, n))
    bad_pixel_map[rng.random((n, n)) < 0.02] = 0.0
    image_in = image * bad_pixel_map
    G = np.fft.fft2(image_in)
    W = np.fft.fft2(bad_pixel_map)
    N = image_in.shape
    N_size = float(N[0] * N[1])
    tmp_G = G.copy()
    for iteration in range(2):
        tmp_s = np.unravel_index(np.argmax(abs(tmp_G.real[:, 0: N[1] // 2])),
                                 (N[0], N[1] // 2))
        if ((tmp_s[0] == 0) and (tmp_s[1] == 0)) or \
                ((tmp_s[0] == N[0] / 2) and (tmp_s[1] == 0)) or \
                ((tmp_s[0] == 0) and (tmp_s[1] == N[1] / 2)) or \
                ((tmp_s[0] == N[0] / 2) and (tmp_s[1] == N[1] / 2)):
            F_roof_tmp = N_size * tmp_G[tmp_s] / W[(0, 0)]
        else:
            a = np.abs(W[(0, 0)]) ** 2
            b = np.abs(W[(2 * tmp_s[0]) % N[0], (2 * tmp_s[1]) % N[1]]) ** 2 + 0.01
            F_roof_tmp = N_size * (tmp_G[tmp_s] * W[(0, 0)] - np.conj(tmp_G[tmp_s]) *
                                   W[(2 * tmp_s[0]) % N[0], (2 * tmp_s[1]) % N[1]]) / (a - b)
        if iteration == 0:
            shifted = np.roll(W, (int(tmp_s[0]), int(tmp_s[1])), axis=(0, 1))
            new = (F_roof_tmp * shifted).astype(np.complex64)
            tmp_G = tmp_G - new / N_size
    return (F_roof_tmp, W, tmp_s, N_size, tmp_G, N)
