# Source: satellogic/orbit-predictor orbit_predictor/utils.py, orbit_predictor/angles.py, orbit_predictor/keplerian.py (release 1.15.0, as shipped in Debian's python3-orbit-predictor 1.15.0-2)
# Licence: MIT (orbit-predictor, file headers and debian/copyright; Copyright (c) 2017 Satellogic SA; angles.py, keplerian.py and parts of utils.py adapted from poliastro, Copyright (c) 2012-2017 Juan Luis Cano Rodríguez, MIT)
# Notes: the Numba part of Satellogic's orbit-predictor (satellite pass prediction). utils.py: njit imported inside try/except ImportError with an identity-decorator fallback, cross (np.array of a 3-tuple, so it also takes a Python list, as rv2coe passes `[0, 0, 1]`), rotate (np.eye(3), a slice object chosen per axis and used twice in `rot[sl, sl] = np.array(((c, -s), (s, c)))`, assert on a shape tuple, raise ValueError for a bad axis, np.dot with `.T` and vec.astype(rot.dtype)) and transform calling rotate with a negated angle. angles.py (whole): Kepler's equation and its derivative, true/eccentric/mean anomaly conversions with math.atan/tan/sqrt and a `while True` Newton iteration that breaks on an exact or relative convergence test. keplerian.py (whole): rv_pqw (a tuple of two arrays from np.array lists scaled by scalars), coe2rv (six chained transforms) and rv2coe (norm from numpy.linalg, np.dot, np.arccos, np.arctan2 with `%`, four branches on circular/equatorial flags giving int 0 or float angles, a 6-tuple return and a defaulted tol). From utils.py only the licence header, the math/numpy imports and the lines from the njit import to transform are pasted; its other helpers need sgp4 and the package's coordinate_systems/constants modules, and `from orbit_predictor.utils import ...` in angles.py and keplerian.py is served by the pasted utils part. The harness converts anomalies for several eccentricities, rotates vectors about each axis (and catches the invalid-axis error), and round-trips orbital elements through coe2rv/rv2coe for an inclined elliptic, an equatorial, a circular inclined and a circular equatorial orbit
# ---- orbit_predictor/utils.py (licence header, imports, and the njit import to transform) ----
# MIT License
#
# Copyright (c) 2017 Satellogic SA
#
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
# SOFTWARE.

from math import (
    acos, asin, atan2, cos, degrees, floor, radians, sin, sqrt, tan, modf, pi
)

import numpy as np

# Inspired in https://github.com/poliastro/poliastro/blob/88edda8/src/poliastro/jit.py
try:
    from numba import njit
except ImportError:
    import inspect

    def njit(first=None, *args, **kwargs):
        """Identity JIT, returns unchanged function."""
        def _jit(f):
            return f

        if inspect.isfunction(first):
            return first
        else:
            return _jit


@njit
def cross(a, b):
    """Computes cross product between two vectors"""
    # np.cross is not supported in numba nopython mode, see
    # https://github.com/numba/numba/issues/2978
    return np.array((
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0]
    ))


# Inspired by https://github.com/poliastro/poliastro/blob/aaa1bb2/poliastro/util.py
# and https://github.com/poliastro/poliastro/blob/06ef6ba/poliastro/util.py
# Copyright (c) 2012-2017 Juan Luis Cano Rodríguez, MIT license
@njit
def rotate(vec, ax, angle):
    """Rotates the coordinate system around axis x, y or z a CCW angle.

    Parameters
    ----------
    vec : ndarray
        Dimension 3 vector.
    ax : int
        Axis to be rotated.
    angle : float
        Angle of rotation (rad).

    Notes
    -----
    This performs a so-called active or alibi transformation: rotates the
    vector while the coordinate system remains unchanged. To do the opposite
    operation (passive or alias transformation) call the function as
    `rotate(vec, ax, -angle)` or use the convenience function `transform`,
    see `[1]_`.

    References
    ----------
    .. [1] http://en.wikipedia.org/wiki/Rotation_matrix#Ambiguities

    """
    assert vec.shape == (3,)

    rot = np.eye(3)
    if ax == 0:
        sl = slice(1, 3, 1)
    elif ax == 1:
        sl = slice(0, 3, 2)
    elif ax == 2:
        sl = slice(0, 2, 1)
    else:
        raise ValueError("Invalid axis: must be one of 0, 1 or 2")

    rot[sl, sl] = np.array((
        (cos(angle), -sin(angle)),
        (sin(angle), cos(angle))
    ))

    if ax == 1:
        return np.dot(rot.T, vec.astype(rot.dtype))
    else:
        return np.dot(rot, vec.astype(rot.dtype))


@njit
def transform(vec, ax, angle):
    """Rotates a coordinate system around axis a positive right-handed angle.

    Notes
    -----
    This is a convenience function, equivalent to `rotate(vec, ax, -angle)`.
    Refer to the documentation of that function for further information.

    """
    return rotate(vec, ax, -angle)


# ---- orbit_predictor/angles.py ----
#
# Inspired by https://github.com/poliastro/poliastro/blob/86f971c/src/poliastro/twobody/angles.py
# Copyright (c) 2012-2017 Juan Luis Cano Rodríguez, MIT license
"""Angles and anomalies.

"""
from math import sin, cos, tan, atan, sqrt

# from orbit_predictor.utils import njit  (served by the pasted utils.py part above)


@njit
def _kepler_equation(E, M, ecc):
    return E - ecc * sin(E) - M


@njit
def _kepler_equation_prime(E, _, ecc):
    return 1 - ecc * cos(E)


@njit
def ta_to_E(ta, ecc):
    """Eccentric anomaly from true anomaly.

    Parameters
    ----------
    ta : float
        True anomaly (rad).
    ecc : float
        Eccentricity.

    Returns
    -------
    E : float
        Eccentric anomaly.

    """
    E = 2 * atan(sqrt((1 - ecc) / (1 + ecc)) * tan(ta / 2))
    return E


@njit
def E_to_ta(E, ecc):
    """True anomaly from eccentric anomaly.

    Parameters
    ----------
    E : float
        Eccentric anomaly (rad).
    ecc : float
        Eccentricity.

    Returns
    -------
    ta : float
        True anomaly (rad).

    """
    ta = 2 * atan(sqrt((1 + ecc) / (1 - ecc)) * tan(E / 2))
    return ta


@njit
def M_to_E(M, ecc):
    """Eccentric anomaly from mean anomaly.

    Parameters
    ----------
    M : float
        Mean anomaly (rad).
    ecc : float
        Eccentricity.

    Returns
    -------
    E : float
        Eccentric anomaly.

    Note
    -----
    Algorithm taken from Vallado 2007, pp. 73.

    """
    E = M
    while True:
        E_new = E + (M - E + ecc * sin(E)) / (1 - ecc * cos(E))
        if (E_new == E) or (abs((E_new - E) / E) < 1e-15):
            break
        else:
            E = E_new

    return E_new


@njit
def E_to_M(E, ecc):
    """Mean anomaly from eccentric anomaly.

    Parameters
    ----------
    E : float
        Eccentric anomaly (rad).
    ecc : float
        Eccentricity.

    Returns
    -------
    M : float
        Mean anomaly (rad).

    """
    M = _kepler_equation(E, 0.0, ecc)
    return M


@njit
def M_to_ta(M, ecc):
    """True anomaly from mean anomaly.

    Parameters
    ----------
    M : float
        Mean anomaly (rad).
    ecc : float
        Eccentricity.

    Returns
    -------
    ta : float
        True anomaly (rad).

    Examples
    --------
    >>> ta = M_to_ta(radians(30.0), 0.06)
    >>> rad2deg(ta)
    33.673284930211658

    """
    E = M_to_E(M, ecc)
    ta = E_to_ta(E, ecc)
    return ta


@njit
def ta_to_M(ta, ecc):
    """Mean anomaly from true anomaly.

    Parameters
    ----------
    ta : float
        True anomaly (rad).
    ecc : float
        Eccentricity.

    Returns
    -------
    M : float
        Mean anomaly (rad).

    """
    E = ta_to_E(ta, ecc)
    M = E_to_M(E, ecc)
    return M


# ---- orbit_predictor/keplerian.py ----
#
# Inspired by
# https://github.com/poliastro/poliastro/blob/1d2f3ca/src/poliastro/twobody/classical.py
# https://github.com/poliastro/poliastro/blob/1d2f3ca/src/poliastro/twobody/rv.py
# Copyright (c) 2012-2017 Juan Luis Cano Rodríguez, MIT license

from math import cos, sin, sqrt

import numpy as np
from numpy.linalg import norm

# from orbit_predictor.utils import transform, njit, cross  (served by the pasted utils.py part above)


@njit
def rv_pqw(k, p, ecc, nu):
    """Returns r and v vectors in perifocal frame.

    """
    position_pqw = np.array([cos(nu), sin(nu), 0]) * p / (1 + ecc * cos(nu))
    velocity_pqw = np.array([-sin(nu), (ecc + cos(nu)), 0]) * sqrt(k / p)

    return position_pqw, velocity_pqw


@njit
def coe2rv(k, p, ecc, inc, raan, argp, ta):
    """Converts from classical orbital elements to vectors.

    Parameters
    ----------
    k : float
        Standard gravitational parameter (km^3 / s^2).
    p : float
        Semi-latus rectum or parameter (km).
    ecc : float
        Eccentricity.
    inc : float
        Inclination (rad).
    raan : float
        Longitude of ascending node (rad).
    argp : float
        Argument of perigee (rad).
    ta : float
        True anomaly (rad).

    """
    position_pqw, velocity_pqw = rv_pqw(k, p, ecc, ta)

    position_eci = transform(position_pqw, 2, -argp)
    position_eci = transform(position_eci, 0, -inc)
    position_eci = transform(position_eci, 2, -raan)

    velocity_eci = transform(velocity_pqw, 2, -argp)
    velocity_eci = transform(velocity_eci, 0, -inc)
    velocity_eci = transform(velocity_eci, 2, -raan)

    return position_eci, velocity_eci


@njit
def rv2coe(k, r, v, tol=1e-8):
    """Converts from vectors to classical orbital elements.

    Parameters
    ----------
    k : float
        Standard gravitational parameter (km^3 / s^2).
    r : ndarray
        Position vector (km).
    v : ndarray
        Velocity vector (km / s).
    tol : float, optional
        Tolerance for eccentricity and inclination checks, default to 1e-8.

    """
    h = cross(r, v)
    n = cross([0, 0, 1], h) / norm(h)
    e = ((np.dot(v, v) - k / (norm(r))) * r - np.dot(r, v) * v) / k
    ecc = norm(e)
    p = np.dot(h, h) / k
    inc = np.arccos(h[2] / norm(h))

    circular = ecc < tol
    equatorial = abs(inc) < tol

    if equatorial and not circular:
        raan = 0
        argp = np.arctan2(e[1], e[0]) % (2 * np.pi)  # Longitude of periapsis
        ta = (np.arctan2(np.dot(h, cross(e, r)) / norm(h), np.dot(r, e)) %
              (2 * np.pi))
    elif not equatorial and circular:
        raan = np.arctan2(n[1], n[0]) % (2 * np.pi)
        argp = 0
        # Argument of latitude
        ta = (np.arctan2(np.dot(r, cross(h, n)) / norm(h), np.dot(r, n)) %
              (2 * np.pi))
    elif equatorial and circular:
        raan = 0
        argp = 0
        ta = np.arctan2(r[1], r[0]) % (2 * np.pi)  # True longitude
    else:
        raan = np.arctan2(n[1], n[0]) % (2 * np.pi)
        argp = (np.arctan2(np.dot(e, cross(h, n)) / norm(h), np.dot(e, n)) %
                (2 * np.pi))
        ta = (np.arctan2(np.dot(r, cross(h, e)) / norm(h), np.dot(r, e))
              % (2 * np.pi))

    return p, ecc, inc, raan, argp, ta


# ---- harness (not part of the program) ----
ENTRY = "orbit_predictor_kernels"


def orbit_predictor_kernels(eccs, anomalies, vec):
    out = {}
    conv = np.zeros((len(eccs), len(anomalies), 6))
    for i, ecc in enumerate(eccs):
        for j, a in enumerate(anomalies):
            conv[i, j] = (ta_to_E(a, ecc), E_to_ta(a, ecc), M_to_E(a, ecc), E_to_M(a, ecc),
                          M_to_ta(a, ecc), ta_to_M(a, ecc))
    out["anomalies"] = conv
    out["kepler"] = (_kepler_equation(0.7, 0.5, 0.1), _kepler_equation_prime(0.7, 0.5, 0.1))
    out["cross"] = (cross(vec, np.array([0.5, -1.0, 2.0])), cross([0, 0, 1], vec))
    out["rotate"] = [rotate(vec, ax, 0.3) for ax in range(3)]
    out["transform"] = [transform(vec, ax, 0.3) for ax in range(3)]
    out["rotate_int"] = rotate(np.array([1, 2, 3]), 2, 1.0)
    try:
        rotate(vec, 3, 0.1)
        out["bad_axis"] = "no error"
    except ValueError as e:
        out["bad_axis"] = str(e)
    k = 398600.4418
    orbits = {
        "inclined": (11067.79, 0.83285, np.radians(87.87), np.radians(227.89), np.radians(53.38), np.radians(92.335)),
        "equatorial": (9000.0, 0.2, 0.0, 0.0, np.radians(30.0), np.radians(45.0)),
        "circular_inclined": (7000.0, 0.0, np.radians(51.6), np.radians(80.0), 0.0, np.radians(10.0)),
        "circular_equatorial": (7000.0, 0.0, 0.0, 0.0, 0.0, np.radians(200.0)),
    }
    for name, (p, ecc, inc, raan, argp, ta) in orbits.items():
        r, v = coe2rv(k, p, ecc, inc, raan, argp, ta)
        out[name + "_rv"] = (r, v)
        out[name + "_coe"] = rv2coe(k, r, v)
        out[name + "_coe_tol"] = rv2coe(k, r, v, 1e-3)
    out["rv_pqw"] = rv_pqw(k, 7000.0, 0.1, 0.4)
    return out


def inputs():
    eccs = np.array([0.0, 0.06, 0.3, 0.7])
    anomalies = np.array([0.1, 0.5236, 1.2, 2.5, 3.0])
    vec = np.array([1.0, -2.0, 0.5])
    return (eccs, anomalies, vec)
