# Source: pyxem/orix orix/quaternion/_conversions.py (at commit 02ea96e4)
# Licence: GPL-3.0-or-later (orix, the file's header: Copyright 2018-2025 the orix developers, GNU General Public License version 3 or later)
# Notes: conversion of cubochoric coordinates to homochoric coordinates (Singh & De Graef 2016), the step by which orix samples orientation space uniformly for crystal orientation mapping (EBSD, materials science): cu2ho_2d (@nb.njit with the eager signature string "float64[:, :](float64[:, :])", cache=True, fastmath=True, nogil=True) fills np.zeros_like(cu, dtype=np.float64) row by row in an nb.prange loop (without parallel=True), storing each row returned by cu2ho_single ("float64[:](float64[:])"), which returns np.zeros(3) outside the cube (np.max(np.abs(cu))), asks get_pyramid_single ("int64(float64[:])": `x, y, z = xyz` unpacking of an array, abs, a chain of comparisons) for the pyramid, tests `pyramid in [1, 2]` against list literals, reorders with np.roll(cu, -1) / np.roll(cu, 1), scales by fractional powers of pi, builds the result with np.array([...]) of scalars (one holding the int 0s) in branches on the sign and size of the coordinates, and rolls it back. Pasted: the module's licence comment, docstring, typing, numba and numpy imports and its first four jitted functions (get_pyramid_single, get_pyramid_2d (not called), cu2ho_single, cu2ho_2d); left out: the `from orix import constants` import (not used by them), the plain-Python N-dimensional wrappers get_pyramid and cu2ho, and the rest of the module (the other representation conversions); the harness passes what cu2ho passes, a C-contiguous (n, 3) float64 array: 400 random points of the cubochoric cube of half-edge pi^(2/3)/2, plus the origin, points on the z, x and y axes and one point outside the cube
#
# Copyright 2018-2025 the orix developers
#
# This file is part of orix.
#
# orix is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# orix is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU General Public License
# along with orix. If not, see <http://www.gnu.org/licenses/>.
#

"""Conversions of rotations between many common representations from
:cite:`rowenhorst2015consistent`, accelerated with Numba.
"""

from typing import Tuple

import numba as nb
import numpy as np


@nb.njit("int64(float64[:])", cache=True, fastmath=True, nogil=True)
def get_pyramid_single(xyz: np.ndarray) -> int:
    """Determine to which out of six pyramids in the cube a (x, y, z)
    coordinate belongs.

    Parameters
    ----------
    xyz
        1D array (x, y, z) of 64-bit floats.

    Returns
    -------
    pyramid
        Which pyramid ``xyz`` belongs to as a 64-bit integer.

    Notes
    -----
    This function is optimized with Numba, so care must be taken with
    array shapes and data types.
    """
    x, y, z = xyz
    x_abs, y_abs, z_abs = abs(x), abs(y), abs(z)
    if (x_abs <= z) and (y_abs <= z):  # Top
        return 1
    elif (x_abs <= -z) and (y_abs <= -z):  # Bottom
        return 2
    elif (z_abs <= x) and (y_abs <= x):  # Front
        return 3
    elif (z_abs <= -x) and (y_abs <= -x):  # Back
        return 4
    elif (x_abs <= y) and (z_abs <= y):  # Right
        return 5
    else:  # (x_abs <= -y) and (z_abs <= -y)  # Left
        return 6


@nb.njit("int64[:](float64[:, :])", cache=True, fastmath=True, nogil=True)
def get_pyramid_2d(xyz: np.ndarray) -> np.ndarray:
    """Determine to which out of six pyramids in the cube a 2D array of
    (x, y, z) coordinates belongs.

    Parameters
    ----------
    xyz
        2D array of n (x, y, z) as 64-bit floats.

    Returns
    -------
    pyramids
        1D array of pyramids as 64-bit integers.

    Notes
    -----
    This function is optimized with Numba, so care must be taken with
    array shapes and data types.
    """
    n = xyz.shape[0]
    pyramids = np.zeros(n, dtype=np.int64)
    for i in nb.prange(n):
        pyramids[i] = get_pyramid_single(xyz[i])
    return pyramids


@nb.njit("float64[:](float64[:])", cache=True, fastmath=True, nogil=True)
def cu2ho_single(cu: np.ndarray) -> np.ndarray:
    """Convert a single set of cubochoric coordinates to un-normalized
    homochoric coordinates :cite:`singh2016orientation`.

    Parameters
    ----------
    cu
        1D array of (x, y, z) as 64-bit floats.

    Returns
    -------
    ho
        1D array of (x, y, z) as 64-bit floats.

    Notes
    -----
    This function is optimized with Numba, so care must be taken with
    array shapes and data types.
    """
    if np.max(np.abs(cu)) > (np.pi ** (2 / 3) / 2) + 1e-8:
        return np.zeros(3)

    # Determine which pyramid pair the point lies in and copy
    # coordinates in correct order
    pyramid = get_pyramid_single(cu)
    if pyramid in [1, 2]:
        pass
    elif pyramid in [3, 4]:
        cu = np.roll(cu, -1)
    else:  # [5, 6]
        cu = np.roll(cu, 1)

    # Scale by the grid parameter ratio
    cu = cu * np.pi ** (1 / 6) / 6 ** (1 / 6)

    cu_abs = np.abs(cu)
    if np.max(cu_abs) == 0:
        ho = np.zeros(3)
    else:
        if np.max(cu_abs[:2]) == 0:
            ho = np.array([0, 0, np.sqrt(6 / np.pi) * cu[2]])
        else:
            x, y, z = cu
            prefactor = (
                (3 * np.pi / 4) ** (1 / 3)
                * 2 ** (1 / 4)
                / (np.pi ** (5 / 6) / 6 ** (1 / 6) / 2)
            )
            sqrt2 = np.sqrt(2)
            if np.abs(y) <= np.abs(x):
                q = (np.pi / 12) * y / x
                cosq = np.cos(q)
                sinq = np.sin(q)
                q = prefactor * x / np.sqrt(sqrt2 - cosq)
                t1 = (sqrt2 * cosq - 1) * q
                t2 = sqrt2 * sinq * q
            else:
                q = (np.pi / 12) * x / y
                cosq = np.cos(q)
                sinq = np.sin(q)
                q = prefactor * y / np.sqrt(sqrt2 - cosq)
                t1 = sqrt2 * sinq * q
                t2 = (sqrt2 * cosq - 1) * q
            c = t1**2 + t2**2
            s = np.pi * c / (24 * z**2)
            c = np.sqrt(np.pi) * c / np.sqrt(24) / z
            q = np.sqrt(1 - s)

            ho = np.array([t1 * q, t2 * q, np.sqrt(6 / np.pi) * z - c])

    if pyramid in [1, 2]:
        return ho
    elif pyramid in [3, 4]:
        return np.roll(ho, 1)
    else:  # pyramid in [5, 6]
        return np.roll(ho, -1)


@nb.njit("float64[:, :](float64[:, :])", cache=True, fastmath=True, nogil=True)
def cu2ho_2d(cu: np.ndarray) -> np.ndarray:
    """Convert multiple cubochoric coordinates to un-normalized
    homochoric coordinates :cite:`singh2016orientation`.

    Parameters
    ----------
    cu
        2D array of n (x, y, z) as 64-bit floats.

    Returns
    -------
    ho
        2D array of n (x, y, z) as 64-bit floats.

    Notes
    -----
    This function is optimized with Numba, so care must be taken with
    array shapes and data types.
    """
    ho = np.zeros_like(cu, dtype=np.float64)
    for i in nb.prange(cu.shape[0]):
        ho[i] = cu2ho_single(cu[i])
    return ho
# ---- harness (not part of the program) ----
ENTRY = "cu2ho_2d"


def inputs():
    # 400 points uniform in the cubochoric cube [-a, a]^3, a = pi^(2/3)/2,
    # then the origin, a point on each axis (the "x = y = 0" branch after
    # the pyramid roll) and one point outside the cube
    rng = np.random.default_rng(0)
    a = np.pi ** (2 / 3) / 2
    cu = rng.uniform(-a, a, (400, 3))
    extra = np.array([
        [0.0, 0.0, 0.0],
        [0.0, 0.0, 0.7],
        [0.0, 0.0, -0.4],
        [0.9, 0.0, 0.0],
        [0.0, -0.6, 0.0],
        [1.2, 0.1, 0.1],
    ])
    cu = np.ascontiguousarray(np.vstack([cu, extra]))
    return (cu,)
