# Source: Jammy2211/PyAutoArray autoarray/mask/mask_1d_util.py (at commit 10a735bd) with jit from autoarray/numba_util.py (at commit 0465eb01)
# Licence: MIT (PyAutoArray, setup.py: license="MIT License"; James Nightingale and Richard Hayes)
# Notes: mask utilities of PyAutoArray, the data-structure layer of the PyAutoLens/PyAutoGalaxy strong-lensing and galaxy-modelling packages (astronomy): every function is decorated with a jit() factory (autoarray's numba_util.jit, called decorator_util in this version of the module) that returns numba.jit(func, nopython=..., cache=..., parallel=...) with defaults read from autoconf's configuration inside a try/except that falls back to nopython=True, cache=True, parallel=False; total_pixels_1d_from counts False entries of a bool mask with `if not mask_1d[x]`, total_sub_pixels_1d_from calls it, and native_index_for_slim_index_1d_from calls total_sub_pixels_1d_from with keyword arguments, allocates np.zeros(shape=...) (float64) and fills sub-pixel indexes; functions are annotated with -> int / -> np.ndarray. Pasted: numba_util.py's imports, configuration try block and jit (its `from autoconf import conf` and `from autoarray import exc` left out, so the try block takes its except branch as it does when no configuration is found; profile_func left out), the added line `decorator_util = sys.modules[__name__]` for the module's `from autoarray import decorator_util`, and mask_1d_util.py whole; the harness builds 1-D masks (all unmasked, all masked, and random ones of 40 pixels) and evaluates the three functions with sub sizes 1, 2 and 4
import sys
from functools import wraps
import numba
import time
from typing import Callable

"""
Depending on if we're using a super computer, we want two different numba decorators:

If on laptop:

@numba.jit(nopython=True, cache=True, parallel=False)

If on super computer:

@numba.jit(nopython=True, cache=False, parallel=True)
"""

try:
    nopython = conf.instance["general"]["numba"]["nopython"]
    cache = conf.instance["general"]["numba"]["cache"]
    parallel = conf.instance["general"]["numba"]["parallel"]
except Exception:
    nopython = True
    cache = True
    parallel = False


def jit(nopython=nopython, cache=cache, parallel=parallel):
    def wrapper(func):
        return numba.jit(func, nopython=nopython, cache=cache, parallel=parallel)

    return wrapper


decorator_util = sys.modules[__name__]


import numpy as np


@decorator_util.jit()
def total_pixels_1d_from(mask_1d: np.ndarray) -> int:
    """
    Returns the total number of unmasked pixels in a mask.

    Parameters
    ----------
    mask_1d
        A 2D array of bools, where `False` values are unmasked and included when counting pixels.

    Returns
    -------
    int
        The total number of pixels that are unmasked.

    Examples
    --------

    mask = np.array([[True, False, True],
                 [False, False, False]
                 [True, False, True]])

    total_regular_pixels = total_regular_pixels_from_mask(mask=mask)
    """

    total_regular_pixels = 0

    for x in range(mask_1d.shape[0]):
        if not mask_1d[x]:
            total_regular_pixels += 1

    return total_regular_pixels


@decorator_util.jit()
def total_sub_pixels_1d_from(mask_1d: np.ndarray, sub_size: int) -> int:
    """
    Returns the total number of sub-pixels in unmasked pixels in a mask.

    Parameters
    ----------
    mask_1d
        A 2D array of bools, where `False` values are unmasked and included when counting sub pixels.
    sub_size
        The size of the sub-grid that each pixel of the 2D mask array is divided into.

    Returns
    -------
    int
        The total number of sub pixels that are unmasked.

    Examples
    --------

    mask = np.array([[True, False, True],
                     [False, False, False]
                     [True, False, True]])

    total_sub_pixels = total_sub_pixels_from_mask(mask=mask, sub_size=2)
    """
    return total_pixels_1d_from(mask_1d) * sub_size


@decorator_util.jit()
def native_index_for_slim_index_1d_from(
    mask_1d: np.ndarray, sub_size: int
) -> np.ndarray:
    """
    Returns an array of shape [total_unmasked_pixels*sub_size] that maps every unmasked sub-pixel to its
    corresponding native 2D pixel using its (y,x) pixel indexes.

    For example, for a sub-grid size of 2x2, if pixel [2,5] corresponds to the first pixel in the masked slim array:

    - The first sub-pixel in this pixel on the 1D array is sub_native_index_for_sub_slim_index_2d[4] = [2,5]
    - The second sub-pixel in this pixel on the 1D array is sub_native_index_for_sub_slim_index_2d[5] = [2,6]
    - The third sub-pixel in this pixel on the 1D array is sub_native_index_for_sub_slim_index_2d[5] = [3,5]

    Parameters
    -----------
    mask_2d
        A 2D array of bools, where `False` values are unmasked.
    sub_size
        The size of the sub-grid in each mask pixel.

    Returns
    -------
    ndarray
        An array that maps pixels from a slimmed array of shape [total_unmasked_pixels*sub_size] to its native array
        of shape [total_pixels*sub_size, total_pixels*sub_size].

    Examples
    --------
    mask_2d = np.array([[True, True, True],
                     [True, False, True]
                     [True, True, True]])

    sub_native_index_for_sub_slim_index_2d = sub_native_index_for_sub_slim_index_via_mask_2d_from(mask_2d=mask_2d, sub_size=1)

    """

    total_sub_pixels = total_sub_pixels_1d_from(mask_1d=mask_1d, sub_size=sub_size)
    sub_native_index_for_sub_slim_index_1d = np.zeros(shape=total_sub_pixels)

    sub_slim_index = 0

    for x in range(mask_1d.shape[0]):
        if not mask_1d[x]:
            for x1 in range(sub_size):

                sub_native_index_for_sub_slim_index_1d[sub_slim_index] = (
                    x * sub_size
                ) + x1
                sub_slim_index += 1

    return sub_native_index_for_sub_slim_index_1d
# ---- harness (not part of the program) ----
ENTRY = "run_masks"


def run_masks(masks):
    out = []
    for mask in masks:
        for sub_size in (1, 2, 4):
            out.append((total_pixels_1d_from(mask), total_sub_pixels_1d_from(mask, sub_size),
                        native_index_for_slim_index_1d_from(mask, sub_size)))
    return out


def inputs():
    rng = np.random.default_rng(0)
    masks = [np.zeros(12, dtype=bool), np.ones(8, dtype=bool)]
    for _ in range(3):
        masks.append(rng.uniform(size=40) < 0.4)
    return (masks,)
