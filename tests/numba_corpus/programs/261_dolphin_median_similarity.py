# Source: isce-framework/dolphin src/dolphin/similarity.py (at commit 37327e23)
# Licence: Apache-2.0 (dolphin, LICENSE; Copyright 2022 California Institute of Technology)
# Notes: InSAR phase similarity (Wang & Zhao 2022, eq. 5) of every pixel of a stack of interferograms to its neighbours within a circle, the median of them: median_similarity (plain Python, the ENTRY) calls _create_loop_and_run, which marks all-zero/NaN pixels invalid with np.nan_to_num(...).sum(axis=0) == 0, turns the complex stack into unit phasors np.exp(1j * np.angle(...)), builds a float32 output full of NaN and a boolean mask, gets the relative neighbour offsets from get_circle_idxs (plain Python: the mid-point circle algorithm, a sorted list of [dr, dc] pairs into np.array) and the jitted loop from the factory _make_loop_function(np.nanmedian): a closure _masked_sim_loop (@numba.njit(nogil=True, parallel=True)) that captures the summary function, allocates a (rows, cols, n) float64 buffer, and for each pixel in a numba.prange row loop compares the pixel's complex time series ifg_stack[:, r0, c0] with each valid neighbour (offsets unpacked from a row of the 2-D index array with `ir, ic = idxs[i_idx]`, clipped to the image with max(min(...))) through the jitted phase_similarity (@numba.njit(nogil=True): the mean of np.real(x1[i] * np.conj(x2[i]))), and writes summary_func of the filled prefix cur_sim_vec[:count] (np.nanmedian) into the float32 output. Pasted in the file's order: the module docstring and imports, logger, phase_similarity, median_similarity, _create_loop_and_run, _make_loop_function and get_circle_idxs; left out: `from dolphin._types import PathOrStr` (only in create_similarities' annotations), max_similarity, and the raster-file driver create_similarities with its helpers _calc_nearest_diffs and _create_nearest_n_pairs
"""Module for computing phase similarity between complex interferogram pixels.

Uses metric from [@Wang2022AccuratePersistentScatterer] for similarity.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable, Literal, Sequence

import numba
import numpy as np
from numpy.typing import ArrayLike

logger = logging.getLogger(__name__)


@numba.njit(nogil=True)
def phase_similarity(x1: ArrayLike, x2: ArrayLike):
    """Compute the similarity between two complex 1D vectors."""
    n = len(x1)
    out = 0.0
    for i in range(n):
        out += np.real(x1[i] * np.conj(x2[i]))
    return out / n


def median_similarity(
    ifg_stack: ArrayLike, search_radius: int, mask: ArrayLike | None = None
):
    """Compute the median similarity of each pixel and its neighbors.

    Resulting similarity matches Equation (5) of [@Wang2022AccuratePersistentScatterer]

    Parameters
    ----------
    ifg_stack : ArrayLike
        3D stack of complex interferograms, or floating point phase.
        Shape is (n_ifg, rows, cols)
    search_radius: int
        maximum radius (in pixels) to search for neighbors when comparing each pixel.
    mask: ArrayLike (optional)
        Array of mask from True/False indicating whether to include the pixel (True)
        or ignore it (False).

    Returns
    -------
    np.ndarray
        2D array (shape (rows, cols)) of the median similarity at each pixel.

    """
    return _create_loop_and_run(
        ifg_stack=ifg_stack,
        search_radius=search_radius,
        mask=mask,
        func=np.nanmedian,
    )


def _create_loop_and_run(
    ifg_stack: ArrayLike,
    search_radius: int,
    mask: ArrayLike | None,
    func: Callable[[ArrayLike], np.ndarray],
):
    n_ifg, rows, cols = ifg_stack.shape
    # Mark any nans/all zeros as invalid
    invalid_mask = np.nan_to_num(ifg_stack).sum(axis=0) == 0
    if not np.iscomplexobj(ifg_stack):
        unit_ifgs = np.exp(1j * ifg_stack)
    else:
        unit_ifgs = np.exp(1j * np.angle(ifg_stack))
    out_similarity = np.full((rows, cols), fill_value=np.nan, dtype="float32")
    if mask is None:
        mask = np.ones((rows, cols), dtype="bool")
    mask[invalid_mask] = False

    if mask.shape != (rows, cols):
        raise ValueError(f"{ifg_stack.shape = }, but {mask.shape = }")

    idxs = get_circle_idxs(search_radius)
    loop_func = _make_loop_function(func)
    return loop_func(unit_ifgs, idxs, mask, out_similarity)


def _make_loop_function(
    summary_func: Callable[[ArrayLike], np.ndarray],
):
    """Create a JIT-ed function for some summary of the neighbors's similarity.

    E.g.: for median similarity, call

        median_sim = _make_loop_function(np.median)
    """

    @numba.njit(nogil=True, parallel=True)
    def _masked_sim_loop(
        ifg_stack: np.ndarray,
        idxs: np.ndarray,
        mask: np.ndarray,
        out_similarity: np.ndarray,
    ) -> np.ndarray:
        """Loop over each pixel, make a masked phase similarity to its neighbors."""
        _, rows, cols = ifg_stack.shape

        num_compare_pixels = len(idxs)
        # Buffer to hold all comparison during the parallel loop
        cur_sim = np.zeros((rows, cols, num_compare_pixels))

        for r0 in numba.prange(rows):
            for c0 in range(cols):
                # Get the current pixel
                m0 = mask[r0, c0]
                if not m0:
                    continue
                x0 = ifg_stack[:, r0, c0]

                cur_sim_vec = cur_sim[r0, c0]
                count = 0

                # compare to all pixels in the circle around it
                for i_idx in range(num_compare_pixels):
                    ir, ic = idxs[i_idx]
                    # Clip to the image bounds
                    r = max(min(r0 + ir, rows - 1), 0)
                    c = max(min(c0 + ic, cols - 1), 0)
                    if r == r0 and c == c0:
                        continue

                    # Check for a pixel to ignore
                    if not mask[r, c]:
                        continue

                    x = ifg_stack[:, r, c]
                    # cur_sim_vec[count] = w * phase_similarity(x0, x)
                    cur_sim_vec[count] = phase_similarity(x0, x)
                    count += 1
                    # Assuming `summary_func` is nan-aware
                out_similarity[r0, c0] = summary_func(cur_sim_vec[:count])
        return out_similarity

    return _masked_sim_loop


def get_circle_idxs(
    max_radius: int, min_radius: int = 0, sort_output: bool = True
) -> np.ndarray:
    """Get the relative indices of neighboring pixels in a circle.

    Adapted from c++ version of `psps` package:
    https://github.com/UT-Radar-Interferometry-Group/psps/blob/a15d458817fe7d06a6edaa0b3208ea78bc4782e7/src/cpp/similarity.cpp#L16
    """
    # using the mid-point circle drawing algorithm to search for neighboring PS pixels
    # # code adapted from "https://www.geeksforgeeks.org/mid-point-circle-drawing-algorithm/"
    visited = np.zeros((max_radius, max_radius), dtype=bool)
    visited[0][0] = True

    indices = []
    for r in range(1, max_radius):
        x = r
        y = 0
        p = 1 - r
        if r > min_radius:
            indices.append([r, 0])
            indices.append([-r, 0])
            indices.append([0, r])
            indices.append([0, -r])

        visited[r][0] = True
        visited[0][r] = True
        # flag > 0 means there are holes between concentric circles
        flag = 0
        while x > y:
            # do not need to fill holes
            if flag == 0:
                y += 1
                if p <= 0:
                    # Mid-point is inside or on the perimeter
                    p += 2 * y + 1
                else:
                    # Mid-point is outside the perimeter
                    x -= 1
                    p += 2 * y - 2 * x + 1

            else:
                flag -= 1

            # All the perimeter points have already been visited
            if x < y:
                break

            while not visited[x - 1][y]:
                x -= 1
                flag += 1

            visited[x][y] = True
            visited[y][x] = True
            if r > min_radius:
                indices.append([x, y])
                indices.append([-x, -y])
                indices.append([x, -y])
                indices.append([-x, y])

                if x != y:
                    indices.append([y, x])
                    indices.append([-y, -x])
                    indices.append([y, -x])
                    indices.append([-y, x])

            if flag > 0:
                x += 1

    if sort_output:
        # Sorting makes it run faster, better data access patterns
        return np.array(sorted(indices))
    else:
        # Indices run from middle outward
        return np.array(indices)

# ---- harness (not part of the program) ----
ENTRY = "median_similarity"


def inputs():
    # a block of 10 complex64 interferograms of 24 x 30 pixels as
    # create_similarities reads them: a smooth deformation phase common to
    # all pixels plus pixel noise (stronger in a decorrelated patch), a few
    # pixels with zero amplitude in every interferogram (marked invalid),
    # and the default search radius of 7
    rng = np.random.default_rng(0)
    n_ifg, rows, cols = 10, 24, 30
    yy, xx = np.mgrid[0:rows, 0:cols]
    signal = np.arange(1, n_ifg + 1)[:, None, None] * 0.05 * (np.sin(xx / 6.0) + np.cos(yy / 5.0))
    noise_std = np.full((rows, cols), 0.3)
    noise_std[5:12, 18:27] = 1.5
    phase = signal + rng.normal(0.0, 1.0, (n_ifg, rows, cols)) * noise_std
    amp = rng.uniform(0.5, 2.0, (n_ifg, rows, cols))
    ifgs = (amp * np.exp(1j * phase)).astype(np.complex64)
    ifgs[:, 20, 3] = 0
    ifgs[:, 2, 25] = 0
    return (ifgs, 7)
