# Source: SWIFTSIM/swiftsimio swiftsimio/visualisation/projection_backends/fast.py (at commit f9a61304), with the lines it imports from swiftsimio/visualisation/projection_backends/kernels.py (at commit 526263e4) and swiftsimio/optional_packages.py (at commit 0267c409)
# Licence: LGPL-3.0-or-later (swiftsimio, pyproject.toml classifier "GNU Lesser General Public License v3 or later (LGPLv3+)"; Josh Borrow and the swiftsimio developers)
# Notes: SPH projection of particles onto a square pixel grid, the "fast" (float32, no special cases) backend of swiftsimio's project_pixel_grid for SWIFT cosmological simulation snapshots: scatter (@jit(nopython=True, fastmath=True)) iterates over zip(x, y, m, h) of four 1-D arrays (float64 positions in [0, 1), float32 masses and smoothing lengths), converts with the numpy scalar types imported by name (int32(...), float32(...), float64(res)), skips particles whose kernel lies off the image, deposits a particle narrower than a pixel into its cell, and otherwise loops over the square of cells the kernel spans (clamped with max/min) adding mass times the Wendland-C2 kernel evaluated at math.sqrt of the distance to the cell centre, into a float32 image made by zeros((res, res), dtype=float32); the kernel is kernel_single_precision (@jit("float32(float32, float32)", nopython=True, fastmath=True), an eager signature string; a local float32 constant shadows the module's kernel_constant; max(..., 0.0)), and the kernel width uses the module constant kernel_gamma = float32(1.897367). The program is kernels.py's imports, constants and kernel_single_precision, then fast.py's docstrings, imports and scatter: the two `from swiftsimio.accelerated import jit, NUM_THREADS, prange` lines are replaced by `from numba import jit, prange` (what swiftsimio/optional_packages.py imports when numba is there; NUM_THREADS, from numba.core.config, is used only by scatter_parallel), and fast.py's `from swiftsimio.visualisation.projection_backends.kernels import (kernel_single_precision as kernel,)` and `import (kernel_constant, kernel_gamma,)` lines by the pasted kernels.py lines plus `kernel = kernel_single_precision` for the alias; left out: kernels.py's kernel_double_precision and fast.py's scatter_parallel (which splits the particles into NUM_THREADS prange chunks and sums scatter images)
"""
Projection kernels.
"""

from typing import Union
from math import sqrt
from numpy import float64, float32, int32

from numba import jit, prange

# Taken from Dehnen & Aly 2012
kernel_gamma = float32(1.897367)
kernel_constant = float32(7.0 / 3.14159)


@jit("float32(float32, float32)", nopython=True, fastmath=True)
def kernel_single_precision(r: float32, H: float32):
    """
    Single precision kernel implementation for swiftsimio. 
    
    This is the Wendland-C2 kernel as shown in Denhen & Aly (2012) [1]_.

    Parameters
    ----------
    r : float32
        radius used in kernel computation
    H : float32
        kernel width (i.e. radius of compact support for the kernel)

    Returns
    -------
    float32
        Contribution to the density by the particle

    See Also
    --------
    kernel_double_precision

    References
    ----------
    .. [1] Denhen & Aly (2012)...
    """
    kernel_constant = float32(2.22817109)

    inverse_H = 1.0 / H
    ratio = r * inverse_H

    kernel = 0.0

    if ratio < 1.0:
        one_minus_ratio = 1.0 - ratio
        one_minus_ratio_2 = one_minus_ratio * one_minus_ratio
        one_minus_ratio_4 = one_minus_ratio_2 * one_minus_ratio_2

        kernel = max(one_minus_ratio_4 * (1.0 + 4.0 * ratio), 0.0)

        kernel *= kernel_constant * inverse_H * inverse_H

    return kernel


kernel = kernel_single_precision

"""
Fast backend.

This uses float32 precision and no special cases.
"""

"""
The original smoothing code. This provides no renormalisation.
"""


from typing import Union
from math import sqrt
from numpy import float64, float32, int32, zeros,  ndarray

from numba import jit, prange


@jit(nopython=True, fastmath=True)
def scatter(x: float64, y: float64, m: float32, h: float32, res: int) -> ndarray:
    """
    Creates a weighted scatter plot

    Computes contributions to from particles with positions
    (`x`,`y`) with smoothing lengths `h` weighted by quantities `m`.
    This ignores boundary effects.
    Parameters
    ----------
    x : np.array[float64]
        array of x-positions of the particles. Must be bounded by [0, 1].
    y : np.array[float64]
        array of y-positions of the particles. Must be bounded by [0, 1].
    m : np.array[float32]
        array of masses (or otherwise weights) of the particles
    h : np.array[float32]
        array of smoothing lengths of the particles
    res : int
        the number of pixels along one axis, i.e. this returns a square
         of res * res..

    Returns
    -------
    np.array[float32, float32, float32]
        pixel grid of quantity 

    See Also
    --------
    scatter_parallel : Parallel implementation of this function

    Notes
    -----
    Explicitly defining the types in this function allows
    for a 25-50% performance improvement. In our testing, using numpy
    floats and integers is also an improvement over using the numba ones.
    """
    # Output array for our image
    image = zeros((res, res), dtype=float32)
    maximal_array_index = int32(res)

    # Change that integer to a float, we know that our x, y are bounded
    # by [0, 1].
    float_res = float32(res)
    pixel_width = 1.0 / float_res

    # We need this for combining with the x_pos and y_pos variables.
    float_res_64 = float64(res)

    # Pre-calculate this constant for use with the above
    inverse_cell_area = res * res

    for x_pos, y_pos, mass, hsml in zip(x, y, m, h):
        # Calculate the cell that this particle; use the 64 bit version of the
        # resolution as this is the same type as the positions
        particle_cell_x = int32(float_res_64 * x_pos)
        particle_cell_y = int32(float_res_64 * y_pos)

        # SWIFT stores hsml as the FWHM.
        kernel_width = kernel_gamma * hsml

        # The number of cells that this kernel spans
        cells_spanned = int32(1.0 + kernel_width * float_res)

        if (
            particle_cell_x + cells_spanned < 0
            or particle_cell_x - cells_spanned > maximal_array_index
            or particle_cell_y + cells_spanned < 0
            or particle_cell_y - cells_spanned > maximal_array_index
        ):
            # Can happily skip this particle
            continue

        if cells_spanned <= 1:
            # Easygame, gg
            image[particle_cell_x, particle_cell_y] += mass * inverse_cell_area
        else:
            # Now we loop over the square of cells that the kernel lives in
            for cell_x in range(
                # Ensure that the lowest x value is 0, otherwise we'll segfault
                max(0, particle_cell_x - cells_spanned),
                # Ensure that the highest x value lies within the array bounds,
                # otherwise we'll segfault (oops).
                min(particle_cell_x + cells_spanned + 1, maximal_array_index),
            ):
                # The distance in x to our new favourite cell -- remember that our x, y
                # are all in a box of [0, 1]; calculate the distance to the cell centre
                distance_x = (float32(cell_x) + 0.5) * pixel_width - float32(x_pos)
                distance_x_2 = distance_x * distance_x
                for cell_y in range(
                    max(0, particle_cell_y - cells_spanned),
                    min(particle_cell_y + cells_spanned + 1, maximal_array_index),
                ):
                    distance_y = (float32(cell_y) + 0.5) * pixel_width - float32(y_pos)
                    distance_y_2 = distance_y * distance_y

                    r = sqrt(distance_x_2 + distance_y_2)

                    kernel_eval = kernel(r, kernel_width)

                    image[cell_x, cell_y] += mass * kernel_eval

    return image

# ---- harness (not part of the program) ----
import numpy as np

ENTRY = "scatter"


def inputs():
    # what project_pixel_grid hands the backend for 3000 gas particles of a
    # small cosmological box, positions rescaled into [0, 1): a clustered
    # distribution (three Gaussian blobs plus a uniform background),
    # float32 masses and smoothing lengths (small in the dense blobs, large
    # outside, so both the single-cell and the kernel-loop branches run),
    # onto a 96 x 96 image
    rng = np.random.default_rng(0)
    n = 3000
    centres = np.array([[0.3, 0.4], [0.7, 0.65], [0.5, 0.2]])
    which = rng.integers(0, 4, n)
    pos = rng.uniform(0.0, 1.0, (n, 2))
    blob = which < 3
    pos[blob] = centres[which[blob]] + rng.normal(0.0, 0.05, (blob.sum(), 2))
    pos = np.clip(pos, 0.0, 0.999)
    h = np.where(blob, rng.uniform(0.001, 0.01, n), rng.uniform(0.01, 0.05, n)).astype(np.float32)
    m = rng.uniform(0.5, 1.5, n).astype(np.float32)
    return (pos[:, 0].copy(), pos[:, 1].copy(), m, h, 96)
