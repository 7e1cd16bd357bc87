# Source: hpparvi/PyTransit pytransit/models/numba/ma_uniform_nb.py (at commit e815c30b)
# Licence: GPL-3.0-or-later (PyTransit; the file's header: Copyright (C) 2010-2019 Hannu Parviainen, GNU General Public License version 3 or later)
# Notes: the Mandel & Agol (2002) transit light curve of a uniform (not limb-darkened) star, as a function of the projected planet-star distance: uniform_z_v (@njit(cache=False, fastmath=True)) fills np.zeros_like(zs) with, for each z (times zsign, default 1.0), 1 out of transit (copysign(1.0, z) < 0 or z >= 1 + k), 0 when a larger body covers the star, 1 - k*k in full transit, and in ingress/egress the area of the lens-shaped overlap from arccos of min(..., 1.0) of the two circle angles and sqrt of max(..., 0.0), divided by pi; the numpy functions are imported by name (from numpy import pi, sqrt, arccos, ...; abs imported twice, shadowing the builtin, as in the file). Pasted: the file's licence header, its imports and module constants and its first jitted function; left out: the import of vajs_from_paiew, z_taylor_st, vajs_from_paiew_eclipse from the package's orbits.taylor_z (used only by the other functions), and the other functions (uniform_z_s and the uniform_model_v/_s/_pv light curve drivers that compute z from orbits)
#  PyTransit: fast and easy exoplanet transit modelling in Python.
#  Copyright (C) 2010-2019  Hannu Parviainen
#
#  This program is free software: you can redistribute it and/or modify
#  it under the terms of the GNU General Public License as published by
#  the Free Software Foundation, either version 3 of the License, or
#  (at your option) any later version.
#
#  This program is distributed in the hope that it will be useful,
#  but WITHOUT ANY WARRANTY; without even the implied warranty of
#  MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
#  GNU General Public License for more details.
#
#  You should have received a copy of the GNU General Public License
#  along with this program.  If not, see <https://www.gnu.org/licenses/>.

from numba import njit, prange
from numpy import pi, sqrt, arccos, abs, zeros_like, sign, sin, cos, abs, atleast_2d, zeros, atleast_1d, isnan, inf, \
    nan, copysign, fmax, floor

TWO_PI = 2.0 * pi
HALF_PI = 0.5 * pi
FOUR_PI = 4.0 * pi
INV_PI = 1 / pi


@njit(cache=False, fastmath=True)
def uniform_z_v(zs, k, zsign=1.0):
    flux = zeros_like(zs)

    for i in range(len(zs)):
        z = zs[i] * zsign

        # Out of transit
        # --------------
        if (copysign(1.0, z) < 0.0) or z >= 1.0 + k:
            flux[i] = 1.0

        # Full transit by a larger object
        # -------------------------------
        elif k > 1.0 and z < k - 1.0:
            flux[i] = 0.0

        # Full transit
        # ------------
        elif z <= 1.0 - k:
            flux[i] = 1.0 - k * k

        # Ingress and egress
        # ------------------
        else:
            kap1 = arccos(min((1.0 - k * k + z * z) / 2.0 / z, 1.0))
            kap0 = arccos(min((k * k + z * z - 1.0) / 2.0 / k / z, 1.0))
            lambdae = k * k * kap0 + kap1
            lambdae = (lambdae - 0.5 * sqrt(max(4.0 * z * z - (1.0 + z * z - k * k) ** 2, 0.0))) / pi
            flux[i] = 1.0 - lambdae

    return flux

# ---- harness (not part of the program) ----
import numpy as np

ENTRY = "uniform_z_v"


def inputs():
    # projected distances (in stellar radii) of a planet with radius ratio
    # k = 0.12 across a transit: a grid from -1.5 to 1.5 (negative values
    # are the far side of the orbit) plus a few random points, and the
    # default zsign
    rng = np.random.default_rng(0)
    zs = np.concatenate([np.linspace(-1.5, 1.5, 301), rng.uniform(0.8, 1.2, 50)])
    return (zs, 0.12)

