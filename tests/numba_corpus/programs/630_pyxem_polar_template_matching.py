# Source: pyxem/pyxem pyxem/utils/_indexation_jit.py (at commit aeab6122), pyxem/utils/_azimuthal_utils.py (at commit 063db777)
# Licence: GPL-3.0-or-later (pyXem; the licence notice at the head of each file, Copyright 2016-2025 The pyXem developers)
# Notes: Numba kernels of pyxem, the electron-diffraction analysis library built on HyperSpy. _indexation_jit.py is pasted whole: template matching of a polar-transformed diffraction pattern against a library of spot templates, in a prange loop over templates (parallel=True, nogil=True) that accumulates in-plane correlations for every rotation by wrapped slice additions (inplane_cor[:split] += column[tsp:] ...), stops at the first zero-radius spot with break, and also scores the mirrored template, returning a tuple of int32 and float arrays (dtype=polar_image.dtype). From _azimuthal_utils.py the two @numba.njit kernels are pasted (radial integration of an image sliced into rectangular chunks weighted by pixel-overlap factors, enumerate(zip(...)) over 2-D index arrays, a reshape of a factor slice, .reshape(...).T of the result; and the 1-D variant, which rebinds its `factors` argument inside the loop as the source does) together with _get_control_points (plain NumPy, used by the harness); left out are _get_factors and the `from shapely import Polygon, box` / `import shapely` lines it needs (shapely polygon intersections, not jitted). The harness builds a 24 x 18 polar image with a few bright rings, 7 templates of up to 5 spots (zero-padded), matches them, radially integrates a 20 x 20 image over 12 rectangular chunks with deterministic weights, runs the 1-D integration over 5 radial bins (comparing the 5 filled entries: the kernel allocates len(factor_slices - 1), one more than it fills, with np.empty), and computes the control points of a 3 x 4 polar grid with and without an affine transform
# -*- coding: utf-8 -*-
# Copyright 2016-2025 The pyXem developers
#
# This file is part of pyXem.
#
# pyXem is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# pyXem is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU General Public License
# along with pyXem.  If not, see <http://www.gnu.org/licenses/>.

"""Utilities for indexing electron diffraction spot patterns."""

from numba import njit, prange
import numpy as np


@njit(parallel=True, nogil=True)
def _match_polar_to_polar_library_cpu(
    polar_image,
    r_templates,
    theta_templates,
    intensities_templates,
):
    """
    Correlates a polar pattern to all polar templates on CPU

    Parameters
    ----------
    polar_image : 2D numpy.ndarray
        The image converted to polar coordinates
    r_templates : 2D numpy.ndarray
        r-coordinates of diffraction spots in templates.
    theta_templates : 2D numpy ndarray
        theta-coordinates of diffraction spots in templates.
    intensities_templates : 2D numpy.ndarray
        intensities of the spots in each template

    Returns
    -------
    best_in_plane_shift : (N) 1D numpy.ndarray
        Shift for all templates that yields best correlation
    best_in_plane_corr : (N) 1D numpy.ndarray
        Correlation at best match for each template
    best_in_plane_shift_m : (N) 1D numpy.ndarray
        Shift for all mirrored templates that yields best correlation
    best_in_plane_corr_m : (N) 1D numpy.ndarray
        Correlation at best match for each mirrored template

    Notes
    -----
    The dimensions of r_templates and theta_templates should be (N, R) where
    N is the number of templates and R the number of spots in the template
    with the maximum number of spots
    """
    N = r_templates.shape[0]
    R = r_templates.shape[1]
    n_shifts = polar_image.shape[0]
    best_in_plane_shift = np.empty(N, dtype=np.int32)
    best_in_plane_shift_m = np.empty(N, dtype=np.int32)
    best_in_plane_corr = np.empty(N, dtype=polar_image.dtype)
    best_in_plane_corr_m = np.empty(N, dtype=polar_image.dtype)

    for template in prange(N):
        inplane_cor = np.zeros(n_shifts)
        inplane_cor_m = np.zeros(n_shifts)
        for spot in range(R):
            rsp = r_templates[template, spot]
            if rsp == 0:
                break
            tsp = theta_templates[template, spot]
            isp = intensities_templates[template, spot]
            split = n_shifts - tsp
            column = polar_image[:, rsp] * isp
            inplane_cor[:split] += column[tsp:]
            inplane_cor[split:] += column[:tsp]
            inplane_cor_m[:tsp] += column[split:]
            inplane_cor_m[tsp:] += column[:split]

        best_shift = np.argmax(inplane_cor)
        best_shift_m = np.argmax(inplane_cor_m)
        best_in_plane_shift[template] = best_shift
        best_in_plane_shift_m[template] = best_shift_m
        best_in_plane_corr[template] = inplane_cor[best_shift]
        best_in_plane_corr_m[template] = inplane_cor_m[best_shift_m]

    return (
        best_in_plane_shift,
        best_in_plane_corr,
        best_in_plane_shift_m,
        best_in_plane_corr_m,
    )


# ---- pyxem/utils/_azimuthal_utils.py (its numba kernels and _get_control_points) ----
# -*- coding: utf-8 -*-
# Copyright 2016-2024 The pyXem developers
#
# This file is part of pyXem.
#
# pyXem is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# pyXem is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU General Public License
# along with pyXem.  If not, see <http://www.gnu.org/licenses/>.


import numpy as np

import numba


@numba.njit
def _slice_radial_integrate(img, factors, factors_slice, slices, npt_rad, npt_azim):
    """Slice the image into small chunks and multiply by the factors.

    Parameters
    ----------
    img: np.array
        The image to be sliced
    factors:
        The factors to multiply the slices by
    slices:
        The slices to slice the image by
    npt_rad:
        The number of radial points
    npt_azim:
        The number of azimuthal points

    Note
    ----
    This function is much faster with numba than without. There is probably a factor
    of 2-10 speedup that could be achieved  by using cython or c++ instead of python

    """
    val = np.empty(slices.shape[0])
    for i, (s, f) in enumerate(zip(slices, factors_slice)):
        val[i] = np.sum(
            img[s[0] : s[2], s[1] : s[3]]
            * factors[f[0] : f[1]].reshape((s[2] - s[0], s[3] - s[1]))
        )
    return val.reshape((npt_azim, npt_rad)).T


@numba.njit
def _slice_radial_integrate1d(img, indexes, factors, factor_slices, npt_rad):
    """Slice the image into small chunks and multiply by the factors.

    Parameters
    ----------
    img: np.array
        The image to be sliced
    indexes:
        The indexes of the pixels to multiply by the `factors`
    factors:
        The percentage of the pixel for each radial bin associated with some index
    factor_slices:
        The slices to slice the factors and the indexes by
    npt_rad:
        The number of radial points


    Note
    ----
    This function is much faster with numba than without. There is probably a factor
    of 2-10 speedup that could be achieved  by using cython or c++ instead of python

    """
    ans = np.empty(len(factor_slices - 1))
    for i in range(len(factor_slices) - 1):
        ind = indexes[factor_slices[i] : factor_slices[i + 1]]
        factors = factors[factor_slices[i] : factor_slices[i + 1]]
        total = 0.0
        for index, f in zip(ind, factors):
            total = total + np.sum(img[index[0], index[1]] * factors)
        ans[i] = total
    return ans


def _get_control_points(npt, npt_azim, radial_range, affine):
    """Get the control points in the form of an array (npt_azim*npt, 4, 2) representing
    the cartesian coordinates of the control points for each azimuthal pixel.

    Parameters
    ----------
    npt: int
        The number of radial points
    npt_azim:
        The number of azimuthal points
    affine: (3x3)
        The affine transformation to apply to the data
    center: (float, float)
        The center of the diffraction pattern
    radial_range: (float, float)
        The radial range of the data

    Returns
    -------
    control_points: (npt_azim*npt, 4, 2)
        The cartesian coordinates of the control points of the polygon for each azimuthal pixel.

    """
    r = np.linspace(radial_range[0], radial_range[1], npt + 1)
    phi = np.linspace(0, 2 * np.pi, npt_azim + 1)
    control_points = np.empty(((len(r) - 1) * (len(phi) - 1), 4, 2))
    # lower left
    control_points[:, 0, 0] = (r[:-1] * np.cos(phi[:-1])[:, np.newaxis]).ravel()
    control_points[:, 0, 1] = (r[:-1] * np.sin(phi[:-1])[:, np.newaxis]).ravel()
    # lower right
    control_points[:, 1, 0] = (r[:-1] * np.cos(phi[1:])[:, np.newaxis]).ravel()
    control_points[:, 1, 1] = (r[:-1] * np.sin(phi[1:])[:, np.newaxis]).ravel()
    # upper left
    control_points[:, 2, 0] = (r[1:] * np.cos(phi[1:])[:, np.newaxis]).ravel()
    control_points[:, 2, 1] = (r[1:] * np.sin(phi[1:])[:, np.newaxis]).ravel()
    # upper right
    control_points[:, 3, 0] = (r[1:] * np.cos(phi[:-1])[:, np.newaxis]).ravel()
    control_points[:, 3, 1] = (r[1:] * np.sin(phi[:-1])[:, np.newaxis]).ravel()

    # apply the affine transformation to the control points
    if affine is not None:
        affine[0, 1] = -affine[0, 1]  # changing the rotation direction
        affine[1, 0] = -affine[1, 0]
        control_points = np.dot(control_points, affine[:2, :2])
    return control_points
# ---- harness (not part of the program) ----
ENTRY = "pyxem_kernels"


def pyxem_kernels(polar_image, r_t, theta_t, int_t, img, indexes, factors1d, fslices1d):
    match = _match_polar_to_polar_library_cpu(polar_image, r_t, theta_t, int_t)
    # 12 rectangular chunks (3 radial x 4 azimuthal) with overlap weights
    slices = []
    fs = []
    start = 0
    for k in range(12):
        x0 = (k * 3) % 14
        y0 = (k * 5) % 13
        x1 = x0 + 2 + (k % 3)
        y1 = y0 + 3 + (k % 2)
        slices.append([x0, y0, x1, y1])
        n = (x1 - x0) * (y1 - y0)
        fs.append([start, start + n])
        start += n
    slices = np.array(slices, dtype=np.int64)
    fs = np.array(fs, dtype=np.int64)
    factors = 0.25 + 0.5 * np.abs(np.sin(0.37 * np.arange(start)))
    radial = _slice_radial_integrate(img, factors, fs, slices, 3, 4)
    radial1d = _slice_radial_integrate1d(img, indexes, factors1d, fslices1d, 5)
    cp = _get_control_points(3, 4, (0.5, 4.0), None)
    affine = np.array([[1.0, 0.1, 0.0], [0.05, 0.9, 0.0], [0.0, 0.0, 1.0]])
    cp_aff = _get_control_points(3, 4, (0.5, 4.0), affine)
    # the kernel allocates len(factor_slices - 1) == len(factor_slices) entries with
    # np.empty and fills one fewer: the last one is uninitialised, so it is not compared
    return match, radial, radial1d[:len(fslices1d) - 1], cp, cp_aff


def inputs():
    n_shifts, n_r = 24, 18
    t = np.arange(n_shifts)[:, None]
    r = np.arange(n_r)[None, :]
    polar_image = (np.exp(-0.5 * ((r - 6) / 1.2) ** 2) * (1.0 + 0.5 * np.cos(2 * np.pi * t / 8))
                   + 0.6 * np.exp(-0.5 * ((r - 12) / 1.0) ** 2) * (1.0 + 0.3 * np.sin(2 * np.pi * t / 6 + 0.4)))
    r_t = np.array([
        [6, 12, 0, 0, 0], [5, 6, 7, 12, 13], [12, 0, 0, 0, 0], [3, 9, 15, 0, 0],
        [6, 6, 12, 12, 0], [17, 1, 0, 0, 0], [8, 10, 11, 14, 16],
    ], dtype=np.int64)
    theta_t = np.array([
        [0, 3, 0, 0, 0], [2, 10, 18, 5, 21], [7, 0, 0, 0, 0], [1, 12, 23, 0, 0],
        [0, 12, 4, 16, 0], [9, 15, 0, 0, 0], [3, 6, 9, 12, 15],
    ], dtype=np.int64)
    int_t = np.array([
        [1.0, 0.8, 0.0, 0.0, 0.0], [0.5, 1.0, 0.5, 0.7, 0.3], [1.0, 0.0, 0.0, 0.0, 0.0],
        [0.2, 0.9, 0.4, 0.0, 0.0], [1.0, 1.0, 0.6, 0.6, 0.0], [0.3, 0.3, 0.0, 0.0, 0.0],
        [0.1, 0.2, 0.3, 0.4, 0.5],
    ])
    img = np.add.outer(np.sin(0.3 * np.arange(20)), np.cos(0.2 * np.arange(20))) + 2.0
    k = np.arange(30)
    indexes = np.stack([(k * 7) % 20, (k * 11) % 20], axis=1).astype(np.int64)
    factors1d = 0.1 + (k % 7) / 7.0
    fslices1d = np.array([0, 4, 9, 15, 22, 30], dtype=np.int64)
    return (polar_image, r_t, theta_t, int_t, img, indexes, factors1d, fslices1d)
