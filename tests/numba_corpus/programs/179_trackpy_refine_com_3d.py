# Source: soft-matter/trackpy trackpy/refine/center_of_mass.py (commit 41d934e5, with trackpy/try_numba.py)
# Licence: BSD-3-Clause (trackpy, LICENSE; Copyright (c) 2013-2014 trackpy contributors)
# Notes: centre-of-mass refinement of particle positions in a 3-D image (trackpy.locate's numba engine for z-stacks): for each feature, iterate the brightness centroid over an ellipsoidal mask given as int16 offset arrays, move the integer centre by one pixel per axis while the centroid is off by more than shift_thresh (clamped to the image), then characterise the feature (mass, radius of gyration per axis or isotropic, signal, raw mass) into a results row; the column indices RG_COL or RGZ_COL/RGY_COL/RGX_COL are assigned only in one branch of `if isotropic:` (a bool from chained `==` on ints) and used only under the same condition, `int(round(coordZ))` uses the builtins re-imported by try_numba, a bool `characterize` argument, `pass` in an if/elif chain, writes into the argument `results` and returns 0. trackpy/try_numba.py (a version that imports numba, reads numba.__version__, sets `try_numba_jit = numba.jit`, and re-imports range, int and round from six/builtins, which center_of_mass imports with `from ..try_numba import NUMBA_AVAILABLE, int, round`) is pasted first in place of both try_numba imports; the module's pandas/warnings/logging imports, the trackpy.utils and trackpy.masks imports, the Python functions (_safe_center_of_mass, refine_com, refine_com_arr, _refine) and the 2-D numba variants left out; inputs() prepares the arguments as refine_com_arr does for a 3-D image with radius (2, 3, 3) (binary_mask, r_squared_mask and x_squared_masks of trackpy/masks.py recomputed in NumPy)
# ---- trackpy/try_numba.py ----
from __future__ import (absolute_import, division, print_function,
                        unicode_literals)
import six

from warnings import warn
import logging

# re-import some builtins for legacy numba versions if future is installed
from six.moves import range
try:
    from __builtin__ import int, round
except ImportError:
    from builtins import int, round

NUMBA_AVAILABLE = False

try:
    import numba
except ImportError:
    message = ("To use numba-accelerated variants of core "
               "functions, you must install numba.")
else:
    v = numba.__version__
    NUMBA_AVAILABLE = True


def nojit(func=None, **kw):
    """Function decorator that does nothing, in the case numba is not available."""
    def return_decorator(func):
        return func
    if func is None:
        return return_decorator
    else:
        return return_decorator(func)


if NUMBA_AVAILABLE:
    try_numba_jit = numba.jit
else:
    try_numba_jit = nojit


def disable_numba():
    """Deprecated. Does nothing."""
    pass


def enable_numba():
    """Deprecated. Does nothing."""
    pass


# ---- trackpy/refine/center_of_mass.py ----
import numpy as np


@try_numba_jit(nopython=True)
def _numba_refine_3D(raw_image, image, radiusZ, radiusY, radiusX, coords, N,
                     max_iterations, shift_thresh, characterize, shapeZ, shapeY,
                     shapeX, maskZ, maskY, maskX, N_mask, r2_mask, z2_mask,
                     y2_mask, x2_mask, results):
    # Column indices into the 'results' array
    MASS_COL = 3
    isotropic = (radiusX == radiusY and radiusX == radiusZ)
    if isotropic:
        RG_COL = 4
        ECC_COL = 5
        SIGNAL_COL = 6
        RAW_MASS_COL = 7
    else:
        RGZ_COL = 4
        RGY_COL = 5
        RGX_COL = 6
        ECC_COL = 7
        SIGNAL_COL = 8
        RAW_MASS_COL = 9

    upper_boundZ = shapeZ - radiusZ - 1
    upper_boundY = shapeY - radiusY - 1
    upper_boundX = shapeX - radiusX - 1

    for feat in range(N):
        # coord is an integer.
        coordZ = coords[feat, 0]
        coordY = coords[feat, 1]
        coordX = coords[feat, 2]

        for iteration in range(max_iterations):
            # Define the neighborhood of (x, y, z).
            cm_nZ = 0.
            cm_nY = 0.
            cm_nX = 0.
            squareZ = int(round(coordZ)) - radiusZ
            squareY = int(round(coordY)) - radiusY
            squareX = int(round(coordX)) - radiusX
            mass_ = 0.0
            for i in range(N_mask):
                px = image[squareZ + maskZ[i],
                           squareY + maskY[i],
                           squareX + maskX[i]]
                cm_nZ += px*maskZ[i]
                cm_nY += px*maskY[i]
                cm_nX += px*maskX[i]
                mass_ += px

            cm_nZ /= mass_
            cm_nY /= mass_
            cm_nX /= mass_
            cm_iZ = cm_nZ - radiusZ + coordZ
            cm_iY = cm_nY - radiusY + coordY
            cm_iX = cm_nX - radiusX + coordX

            off_centerZ = cm_nZ - radiusZ
            off_centerY = cm_nY - radiusY
            off_centerX = cm_nX - radiusX
            if (abs(off_centerZ) < shift_thresh and
                abs(off_centerY) < shift_thresh and
                abs(off_centerX) < shift_thresh):
                break  # Go to next feature

            if off_centerZ > shift_thresh:
                coordZ += 1
            elif off_centerZ < - shift_thresh:
                coordZ -= 1
            if off_centerY > shift_thresh:
                coordY += 1
            elif off_centerY < - shift_thresh:
                coordY -= 1
            if off_centerX > shift_thresh:
                coordX += 1
            elif off_centerX < - shift_thresh:
                coordX -= 1
            # Don't move outside the image!
            if coordZ < radiusZ:
                coordZ = radiusZ
            if coordY < radiusY:
                coordY = radiusY
            if coordX < radiusX:
                coordX = radiusX
            if coordZ > upper_boundZ:
                coordZ = upper_boundZ
            if coordY > upper_boundY:
                coordY = upper_boundY
            if coordX > upper_boundX:
                coordX = upper_boundX

        # use zyx order
        results[feat, 0] = cm_iZ
        results[feat, 1] = cm_iY
        results[feat, 2] = cm_iX

        # Characterize the neighborhood of our final centroid.
        raw_mass_ = 0.
        Rg_ = 0.
        RgZ = 0.
        RgY = 0.
        RgX = 0.
        signal_ = 0.

        if not characterize:
            pass
        elif isotropic:
            for i in range(N_mask):
                px = image[squareZ + maskZ[i],
                           squareY + maskY[i],
                           squareX + maskX[i]]

                Rg_ += r2_mask[i]*px
                raw_mass_ += raw_image[squareZ + maskZ[i],
                                       squareY + maskY[i],
                                       squareX + maskX[i]]
                if px > signal_:
                    signal_ = px
            results[feat, RG_COL] = np.sqrt(Rg_/mass_)
        else:
            for i in range(N_mask):
                px = image[squareZ + maskZ[i],
                           squareY + maskY[i],
                           squareX + maskX[i]]

                RgZ += z2_mask[i]*px
                RgY += y2_mask[i]*px
                RgX += x2_mask[i]*px

                raw_mass_ += raw_image[squareZ + maskZ[i],
                                       squareY + maskY[i],
                                       squareX + maskX[i]]
                if px > signal_:
                    signal_ = px
            results[feat, RGZ_COL] = np.sqrt(RgZ/mass_)
            results[feat, RGY_COL] = np.sqrt(RgY/mass_)
            results[feat, RGX_COL] = np.sqrt(RgX/mass_)

        results[feat, MASS_COL] = mass_
        if characterize:
            results[feat, SIGNAL_COL] = signal_
            results[feat, ECC_COL] = np.nan
            results[feat, RAW_MASS_COL] = raw_mass_

    return 0  # Unused

# ---- harness (not part of the program) ----
ENTRY = "_numba_refine_3D"


def inputs():
    # a 16 x 32 x 32 z-stack with 6 Gaussian spots (sigma 1.2 in z, 1.5 in
    # y and x) plus noise: raw image as uint16, the processed image as
    # float64 (background-subtracted and clipped at 0); feature guesses are
    # the rounded true centres shifted by up to one pixel; radius (2, 3, 3),
    # max_iterations 10, shift_thresh 0.6, characterize True; masks as
    # trackpy/masks.py builds them
    rng = np.random.default_rng(0)
    shape = (16, 32, 32)
    radius = (2, 3, 3)
    centres = np.column_stack([rng.uniform(4, 12, 6), rng.uniform(5, 27, 6),
                               rng.uniform(5, 27, 6)])
    zz, yy, xx = np.indices(shape).astype(float)
    img = np.zeros(shape)
    for cz, cy, cx in centres:
        img += 200.0 * np.exp(-((zz - cz) / 1.2) ** 2 / 2
                              - ((yy - cy) / 1.5) ** 2 / 2
                              - ((xx - cx) / 1.5) ** 2 / 2)
    raw = (img + 10.0 + rng.normal(0.0, 3.0, shape)).clip(0).astype(np.uint16)
    image = np.clip(raw.astype(np.float64) - 10.0, 0.0, None)
    coords = np.round(centres + rng.integers(-1, 2, centres.shape)).astype(int)
    N = coords.shape[0]
    points = [np.arange(-rad, rad + 1) for rad in radius]
    grid = np.array(np.meshgrid(*points, indexing="ij"))
    r = [(c / rad) ** 2 for (c, rad) in zip(grid, radius)]
    mask = sum(r) <= 1
    r2 = np.sum(grid ** 2, 0).astype(int)
    r2[sum(r) > 1] = 0
    x2_masks = np.asarray(grid ** 2, dtype=int)
    x2_masks[:, sum(r) > 1] = 0
    ndim = 3
    r2_mask = r2[mask]
    z2_mask = ndim * x2_masks[0][mask]
    y2_mask = ndim * x2_masks[1][mask]
    x2_mask = ndim * x2_masks[2][mask]
    results = np.empty((N, 10), dtype=np.float64)
    maskZ, maskY, maskX = np.asarray(np.asarray(mask.nonzero()), dtype=np.int16)
    return (raw, image, radius[0], radius[1], radius[2], coords, N, int(10),
            0.6, True, shape[0], shape[1], shape[2], maskZ, maskY, maskX,
            maskX.shape[0], r2_mask, z2_mask, y2_mask, x2_mask, results)
