# Source: li-plus/seam-carving seam_carving/carve.py (at commit 061c9ede)
# Licence: MIT (seam-carving, setup.py `license="MIT"` and classifier; Jiahao Li)
# Notes: content-aware image resizing by seam carving (computer vision): _get_forward_seam (@jit(nopython=True, cache=True), a typing.Optional[np.ndarray] annotation on keep_mask) finds the minimum-cost vertical seam of a grayscale image with the forward-energy dynamic programme of Rubinstein et al. (2008): `assert gray.size > 0 and gray.ndim == 2`, gray.astype(np.float32), left/right shifted rows built with np.hstack of a slice and a one-element float32 array, `if keep_mask is not None:` with a boolean-mask in-place add cost_top[keep_mask[r]] += KEEP_MASK_ENERGY (a float64 module constant into a float32 array), three candidate costs stacked with np.vstack and reduced by the jitted helper min_argmin_along_axis_0 (min() of three array elements, a float32 (2, w) output whose second row holds argmin indices), parent pointers stored from a float32 row plus an int32 base_idx, then np.argmin and a backtracking loop over range(h - 1, -1, -1); the other jitted function (_create_dst, seam insertion into a uint8 image) is kept; kept too: the module constants and the typing import the annotations use; left out: the plain-NumPy parts (backward energy with scipy.ndimage.sobel, seam removal, resize/remove_object drivers) and the imports only they use (time, scipy.ndimage); the harness passes what _get_forward_seams passes (the uint8 grayscale image from _rgb2gray and a boolean keep mask)
import time
from typing import Optional, Tuple

import numpy as np
from numba import jit

WIDTH_FIRST = 'width-first'
HEIGHT_FIRST = 'height-first'
VALID_ORDERS = (WIDTH_FIRST, HEIGHT_FIRST)

FORWARD_ENERGY = 'forward'
BACKWARD_ENERGY = 'backward'
VALID_ENERGY_MODES = (FORWARD_ENERGY, BACKWARD_ENERGY)

DROP_MASK_ENERGY = 1e5
KEEP_MASK_ENERGY = 1e3


@jit(nopython=True)
def min_argmin_along_axis_0(a: np.ndarray) -> np.ndarray:
    """Return the minimum along the first axis, along with the corresponding indices

    The first row of the output array should match the output of numpy.min(a, axis=0)
    while the second row should match the ouput of numpy.argmin(a, axis=0)."""
    out = np.empty((2, a.shape[1]), dtype=np.float32)
    for j in range(a.shape[1]):
        value = min(a[0, j], a[1, j], a[2, j])
        out[0, j] = value
        for i in range(3):
            if a[i, j] == value:
                out[1, j] = i
    return out


@jit(nopython=True, cache=True)
def _get_forward_seam(gray: np.ndarray, keep_mask: Optional[np.ndarray]) -> np.ndarray:
    """Compute the minimum vertical seam using forward energy"""
    assert gray.size > 0 and gray.ndim == 2
    gray = gray.astype(np.float32)
    h, w = gray.shape

    top_row = gray[0]
    top_row_lshift = np.hstack((top_row[1:], np.array([top_row[-1]], dtype=np.float32)))
    top_row_rshift = np.hstack((np.array([top_row[0]], dtype=np.float32), top_row[:-1]))
    dp = np.abs(top_row_lshift - top_row_rshift)

    parent = np.zeros(gray.shape, dtype=np.int32)
    base_idx = np.arange(-1, w - 1, dtype=np.int32)

    for r in range(1, h):
        curr_row = gray[r]
        curr_lshift = np.hstack((curr_row[1:], np.array([curr_row[-1]], dtype=np.float32)))
        curr_rshift = np.hstack((np.array([curr_row[0]], dtype=np.float32), curr_row[:-1]))
        cost_top = np.abs(curr_lshift - curr_rshift)
        if keep_mask is not None:
            cost_top[keep_mask[r]] += KEEP_MASK_ENERGY

        prev_row = gray[r - 1]
        cost_left = cost_top + np.abs(prev_row - curr_rshift)
        cost_right = cost_top + np.abs(prev_row - curr_lshift)

        dp_left = np.hstack((np.array([np.inf], dtype=np.float32), dp[:-1]))
        dp_right = np.hstack((dp[1:], np.array([np.inf], dtype=np.float32)))

        choices = np.vstack((cost_left + dp_left, cost_top + dp, cost_right + dp_right))
        # dp = np.min(choices, axis=0)
        # parent[r] = np.argmin(choices, axis=0) + base_idx

        minimum_ = min_argmin_along_axis_0(choices)
        dp = minimum_[0, :]
        parent[r] = minimum_[1, :] + base_idx

    c = np.argmin(dp)

    seam = np.empty(h, dtype=np.int32)
    for r in range(h - 1, -1, -1):
        seam[r] = c
        c = parent[r, c]

    return seam


@jit(nopython=True, cache=True)
def _create_dst(src, src_h, src_w, dst_shape, seams_mask):
    dst = np.empty(dst_shape, dtype=np.uint8)
    for row in range(src_h):
        dst_col = 0
        for src_col in range(src_w):
            if seams_mask[row, src_col]:
                lo = max(0, src_col - 1)
                hi = min(src_w-1, src_col + 1)
                dst[row, dst_col] = (src[row, lo] + src[row, hi]) / 2
                dst_col += 1
            dst[row, dst_col] = src[row, src_col]
            dst_col += 1
    return dst

# ---- harness (not part of the program) ----
ENTRY = "_get_forward_seam"


def inputs():
    # a 48 x 64 RGB test image (smooth gradients, two bright discs and
    # noise) converted as _rgb2gray does (uint8 @ float32 coefficients, cast
    # back to uint8), and a keep mask protecting a 10 x 12 block
    rng = np.random.default_rng(0)
    h, w = 48, 64
    yy, xx = np.mgrid[0:h, 0:w]
    img = np.empty((h, w, 3))
    img[..., 0] = 120 + 80 * np.sin(xx / 9.0)
    img[..., 1] = 90 + 60 * np.cos(yy / 7.0)
    img[..., 2] = 60 + 2 * xx
    disc = ((yy - 15) ** 2 + (xx - 20) ** 2 < 60) | ((yy - 33) ** 2 + (xx - 45) ** 2 < 80)
    img[disc] = 240
    img += rng.normal(0.0, 6.0, img.shape)
    src = np.clip(img, 0, 255).astype(np.uint8)
    coeffs = np.array([0.2125, 0.7154, 0.0721], dtype=np.float32)
    gray = (src @ coeffs).astype(src.dtype)
    keep_mask = np.zeros((h, w), dtype=np.bool_)
    keep_mask[20:30, 28:40] = True
    return (gray, keep_mask)
