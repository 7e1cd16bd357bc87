# Source: fatiando/verde verde/vector.py (at commit db5e6995)
# Licence: BSD-3-Clause (Verde, LICENSE.txt; Copyright (c) 2017-2019 The Verde Developers)
# Notes: prediction of VectorSpline2D, the elastically coupled interpolation of 2-component GPS/GNSS velocity data (Sandwell & Wessel 2016) — the numba engine of VectorSpline2D.predict: predict_2d_numba (@jit(nopython=True, fastmath=True, parallel=True), with `from numba import jit` and `numba.prange`) zeroes and fills the two output arrays it is given (vec_east, vec_north) point by point in a prange loop, summing over the point forces (stacked east-then-north in one array, nforces = forces.size // 2) the Green's functions returned as a 3-tuple by GREENS_FUNC_2D_JIT, a module-level constant made after the functions by jit(nopython=True, fastmath=True)(greens_func_2d) from the plain function greens_func_2d (which the numpy engine also calls on arrays; here on scalars: np.sqrt, np.log, the mindist fudge added with +=, powers); returns the tuple (vec_east, vec_north). Pasted: the module docstring, its imports of warnings, numpy and numba (the try/except ImportError fallback kept as it is; its except branch, a package-relative import of a dummy jit, does not run), the module's warnings.simplefilter line, greens_func_2d, predict_2d_numba and the GREENS_FUNC_2D_JIT line; left out: the imports of sklearn and of the package's base/spline/utils/coordinates modules (used only by the classes), the Vector and VectorSpline2D classes, predict_2d_numpy, jacobian_2d_numpy and jacobian_2d_numba
"""
Classes for dealing with vector data.
"""
import warnings

import numpy as np

try:
    import numba
    from numba import jit
except ImportError:
    numba = None
    from .utils import dummy_jit as jit


# Otherwise, DeprecationWarning won't be shown, kind of defeating the purpose.
warnings.simplefilter("default")


def greens_func_2d(east, north, mindist, poisson):
    "Calculate the Green's functions for the 2D elastic case."
    distance = np.sqrt(east ** 2 + north ** 2)
    # The mindist factor helps avoid singular matrices when the force and
    # computation point are too close
    distance += mindist
    # Pre-compute common terms for the Green's functions of each component
    ln_r = (3 - poisson) * np.log(distance)
    over_r2 = (1 + poisson) / distance ** 2
    green_ee = ln_r + over_r2 * north ** 2
    green_nn = ln_r + over_r2 * east ** 2
    green_ne = -over_r2 * east * north
    return green_ee, green_nn, green_ne


@jit(nopython=True, fastmath=True, parallel=True)
def predict_2d_numba(
    east, north, force_east, force_north, mindist, poisson, forces, vec_east, vec_north
):
    "Calculate the predicted data using numba to speed things up."
    nforces = forces.size // 2
    for i in numba.prange(east.size):  # pylint: disable=not-an-iterable
        vec_east[i] = 0
        vec_north[i] = 0
        for j in range(nforces):
            green_ee, green_nn, green_ne = GREENS_FUNC_2D_JIT(
                east[i] - force_east[j], north[i] - force_north[j], mindist, poisson
            )
            vec_east[i] += green_ee * forces[j] + green_ne * forces[j + nforces]
            vec_north[i] += green_ne * forces[j] + green_nn * forces[j + nforces]
    return vec_east, vec_north


# JIT compile the Greens functions for use in numba functions
GREENS_FUNC_2D_JIT = jit(nopython=True, fastmath=True)(greens_func_2d)

# ---- harness (not part of the program) ----
ENTRY = "predict_2d_numba"


def inputs():
    # what VectorSpline2D.predict hands over after a fit on 40 GPS stations
    # (projected coordinates in metres over a 400 km x 300 km region): the
    # 1-D easting/northing of 600 prediction points, the force locations
    # (the station coordinates), the default mindist 10 km and poisson 0.5,
    # the 80 fitted force coefficients (east block then north block) and
    # the two np.empty output arrays
    rng = np.random.default_rng(0)
    nsta, npts = 40, 600
    force_east = rng.uniform(0.0, 400e3, nsta)
    force_north = rng.uniform(0.0, 300e3, nsta)
    forces = rng.normal(0.0, 1e-3, 2 * nsta)
    east = rng.uniform(-20e3, 420e3, npts)
    north = rng.uniform(-20e3, 320e3, npts)
    vec_east = np.empty(npts)
    vec_north = np.empty(npts)
    return (east, north, force_east, force_north, 10e3, 0.5, forces, vec_east, vec_north)
