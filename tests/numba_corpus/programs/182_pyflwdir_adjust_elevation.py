# Source: Deltares/pyflwdir pyflwdir/dem.py
# Licence: MIT (pyflwdir, LICENSE; Copyright (c) Deltares)
# Notes: hydrologically adjusts the elevation profile of one river streamline (ordered from up- to downstream) so that it never rises downstream, with the least total modification (Yamazaki et al., 2012): for every pit it costs three options (dig everything after the pit down to zmin, fill everything before it up to zmax, or dig-and-fill to each intermediate level z3 taken from np.unique) and keeps the cheapest; np.arange with builtin min, np.full(..., dtype=elevtn.dtype), np.where(...)[0] and np.logical_and, tuple assignment rebinding three arrays at once, fancy-index writes elevtn[idxs] = zmod, imax/imin first bound inside a branch of the loop, while loops over the candidate array; the module's other jitted function adjust_elevation (which walks a flow-direction tree and needs pyflwdir.core's downstream_path) and its `from pyflwdir.core import downstream_path, _mv` import are left out
# -*- coding: utf-8 -*-
# Author: Dirk Eilander (contact: dirk.eilander@deltares.nl)
# August 2019

import numpy as np
from numba import njit

__all__ = []


@njit
def _adjust_elevation(elevtn):
    """fix elevation on single streamline based on minimum modification
    elevtn oderdered from up- to downstream
    """
    n = elevtn.size
    zmin = elevtn[0]
    zmax = elevtn[0]
    valid = True
    for i in range(elevtn.size):
        zi = elevtn[i]
        if valid:
            if zi <= zmin:  # sloping down. do nothing
                zmin = zi
            else:  # new pit: downstream z > upstream z
                valid = False
                zmax = zi
                imax = i
                imin = i - 1
        if not valid:
            if zi <= zmin or i + 1 == elevtn.size:  # end of pit area: FIX
                # option 1: dig -> zmod = zmin, for all values after pit
                idxs = np.arange(imin, min(n, i + 1))
                zmod = np.full(idxs.size, zmin, dtype=elevtn.dtype)
                cost = np.sum(elevtn[idxs] - zmod)
                if (imax - imin) > 1:  # all options are equal when imax = imin + 1
                    # option 2: fill -> zmod = zmax, for all values smaller than zmax, previous to zmax
                    idxs2 = np.where(elevtn[:imax] <= zmax)[0]
                    zmod2 = np.full(idxs2.size, zmax, dtype=elevtn.dtype)
                    cost2 = np.sum(zmod2 - elevtn[idxs2])
                    if cost2 < cost:
                        cost, idxs, zmod = cost2, idxs2, zmod2
                    # option 3: dig and fill -> zmin < zmod < zmax
                    idxs3 = np.where(
                        np.logical_and(elevtn[:i] >= zmin, elevtn[:i] <= zmax)
                    )[0]
                    zorg = elevtn[idxs3]
                    for z3 in np.unique(zorg):
                        if z3 > zmin and z3 < zmax:
                            zmod3 = np.full(idxs3.size, z3, dtype=elevtn.dtype)
                            i0 = 0
                            i1 = zorg.size - 1
                            while zorg[i0] > z3:  # elevtn > z3 from start can remain
                                zmod3[i0] = zorg[i0]
                                i0 += 1
                            while zorg[i1] < z3:  # elevtn < z3 from end can remain
                                zmod3[i1] = zorg[i1]
                                i1 -= 1
                            cost3 = np.sum(np.abs(zmod3 - elevtn[idxs3]))
                            if cost3 < cost:
                                cost, idxs, zmod = cost3, idxs3, zmod3
                # adjust elevtn
                elevtn[idxs] = zmod
                zmin = zi
                valid = True
            elif zi >= zmax:  # between zmin and zmax (slope up) # get last imax (!)
                zmax = zi
                imax = i
    return elevtn

# ---- harness (not part of the program) ----
ENTRY = "_adjust_elevation"


def inputs():
    # a 400-cell streamline descending from 500 m to 100 m with DEM noise
    # (float32, as pyflwdir's elevation rasters usually are) and a few
    # bumps such as bridges or embankments that create pits upstream of them
    rng = np.random.default_rng(0)
    n = 400
    z = np.linspace(500.0, 100.0, n) + rng.normal(0.0, 1.5, n)
    for start, height in ((60, 8.0), (150, 3.0), (240, 15.0), (330, 5.0)):
        z[start:start + 6] += height
    return (z.astype(np.float32),)
