# Source: gem/oq-engine openquake/baselib/performance.py (at commit 41c7de90) and openquake/hazardlib/geo/geodetic.py (the version with the Copyright (C) 2012-2025 header; the stored copy carries no commit id)
# Licence: AGPL-3.0-or-later (OpenQuake Engine, file headers; Copyright (C) 2015-2025 and 2012-2025 GEM Foundation)
# Notes: the numba helpers of the OpenQuake seismic hazard and risk engine. performance.py defines `compile(sigstr)` = numba.njit(sigstr, error_model='numpy', cache=True) and `jittable`, and compiles eagerly from signature strings and lists of signatures: idx_start_stop (runs of equal integers -> (value, start, stop) rows, built as a list of tuples with I64(prev) casts over enumerate(integers[1:], 1), turned into a 2-D int64 array), split_slices, and _split (a counting-sort scatter over zip(indices, uint32s) with asserts); get_slices and split_array are the Python callers. geodetic.py uses the same `compile` for its great-circle kernels: distances, distances_to_arc (unpacks np.radians(np.array([lon, lat, azi])) into three scalars and calls distances), fast_distance and fast_azimuth (signatures without return type), fast_spherical_to_cartesian and fast_point_at. Pasted: from performance.py the imports it needs (numpy, numba), the F16/F64/I64 aliases and the whole "numba helpers" section up to split_array (the profiling Monitor, hdf5 code and kollapse, which need psutil, decorator and openquake.baselib, are left out); from geodetic.py its imports and constants and the six compiled functions (the plain NumPy functions around them are left out, and with them the scipy cdist and python3compat round imports they use). The harness follows the engine's use: site ids of ruptures (uint32, sorted with repeats) split into slices, an unsorted index array split with numpy.unique counts, and distances/azimuths from a site to a set of points around it
import numpy
import numba

F16= numpy.float16
F64= numpy.float64
I64 = numpy.int64


# numba helpers
# NB: without cache=True the tests would take hours!!

def jittable(func):
    """Calls numba.njit with a cache"""
    jitfunc = numba.njit(func, error_model='numpy', cache=True)
    jitfunc.jittable = True
    return jitfunc

def compile(sigstr):
    """
    Compile a function Ahead-Of-Time using the given signature string
    """
    return numba.njit(sigstr, error_model='numpy', cache=True)


# used when reading _rates/sid
@compile(["int64[:, :](uint8[:])",
          "int64[:, :](uint16[:])",
          "int64[:, :](uint32[:])",
          "int64[:, :](int32[:])",
          "int64[:, :](int64[:])"])
def idx_start_stop(integers):
    # given an array of integers returns an array int64 of shape (n, 3)
    out = []
    start = i = 0
    prev = integers[0]
    for i, val in enumerate(integers[1:], 1):
        if val != prev:
            out.append((I64(prev), start, i))
            start = i
        prev = val
    out.append((I64(prev), start, i + 1))
    return numpy.array(out, I64)


@compile("int64[:, :](uint32[:], uint32)")
def split_slices(integers, size):
    # given an array of integers returns an array int64 of shape (n, 2)
    out = []
    start = i = 0
    prev = integers[0]
    totsize = 1
    for i, val in enumerate(integers[1:], 1):
        totsize += 1
        if val != prev and totsize >= size:
            out.append((start, i))
            totsize = 0
            start = i
        prev = val
    out.append((start, i + 1))
    return numpy.array(out, I64)


# this is absurdly fast if you have numba
def get_slices(uint32s):
    """
    :param uint32s: a sequence of uint32 integers (with repetitions)
    :returns: a dict integer -> [(start, stop), ...]

    >>> from pprint import pprint
    >>> pprint(get_slices(numpy.uint32([0, 0, 3, 3, 3, 2, 2, 0])))
    {0: [(0, 2), (7, 8)], 2: [(5, 7)], 3: [(2, 5)]}
    """
    if len(uint32s) == 0:
        return {}
    indices = {}  # idx -> [(start, stop), ...]
    for idx, start, stop in idx_start_stop(uint32s):
        if idx not in indices:
            indices[idx] = []
        indices[idx].append((start, stop))
    return indices


# this is used in split_array and it may dominate the performance
# of classical calculations, so it has to be fast
@compile(["uint32[:](uint32[:], int64[:], int64[:], int64[:])",
          "uint32[:](uint16[:], int64[:], int64[:], int64[:])"])
def _split(uint32s, indices, counts, cumcounts):
    n = len(uint32s)
    assert len(indices) == n
    assert len(counts) <= n
    out = numpy.zeros(n, numpy.uint32)
    for idx, val in zip(indices, uint32s):
        cumcounts[idx] -= 1
        out[cumcounts[idx]] = val
    return out


# 3-argument version tested in SplitArrayTestCase
def split_array(arr, indices, counts=None):
    """
    :param arr: an array with N elements
    :param indices: a set of integers with repetitions
    :param counts: if None the indices MUST be ordered
    :returns: a list of K arrays, split on the integers

    >>> arr = numpy.array([.1, .2, .3, .4, .5])
    >>> idx = numpy.array([1, 1, 2, 2, 3])
    >>> split_array(arr, idx)
    [array([0.1, 0.2]), array([0.3, 0.4]), array([0.5])]
    """
    if counts is None:  # ordered indices
        return [arr[s1:s2] for i, s1, s2 in idx_start_stop(indices)]
    # indices and counts coming from numpy.unique(arr)
    # this part can be slow, but it is still 10x faster than pandas for EUR!
    cumcounts = counts.cumsum()
    out = _split(arr, indices, counts, cumcounts)
    return [out[s1:s2][::-1] for s1, s2 in zip(cumcounts, cumcounts + counts)]


# ---- openquake/hazardlib/geo/geodetic.py ----
"""
Module :mod:`openquake.hazardlib.geo.geodetic` contains functions for geodetic
transformations, optimized for massive calculations.
"""
import math
import numpy as np

#: Earth radius in km.
EARTH_RADIUS = 6371.0

#: Maximum elevation on Earth in km.
EARTH_ELEVATION = -8.848


@compile("f8[:](f8, f8, f8[:], f8[:])")
def distances(lon, lat, lons, lats):
    """
    Calculate the geodetic distances between one point and a collection of
    points by using numba. Assume the parameters are in radians.
    """
    dists = np.arcsin(np.sqrt(
        np.sin((lat - lats) / 2.0) ** 2 +
        np.cos(lat) * np.cos(lats) * np.sin((lon - lons) / 2.0) ** 2
    ))
    return dists * 2. * EARTH_RADIUS


@compile("f8[:](f8, f8, f8, f8[:], f8[:])")
def distances_to_arc(lon, lat, azi, lons, lats):
    """
    Calculate the distances between one arc and a collection of
    points by using numba. Assume the parameters are in degrees.
    """
    lon, lat, azi = np.radians(np.array([lon, lat, azi]))
    lons, lats = np.radians(lons), np.radians(lats)
    coss = np.cos(lats)
    azi_to_target = - np.arctan2(
        np.sin(lon - lons) * coss,
        np.cos(lat) * np.sin(lats) - np.sin(lat) * coss * np.cos(lon - lons))
    distance_to_target = distances(lon, lat, lons, lats)
    sin = np.sin(azi_to_target - azi)
    angle = np.arccos(sin * np.sin(distance_to_target / EARTH_RADIUS))
    return (np.pi / 2. - angle) * EARTH_RADIUS


@compile("(f8, f8, f8[:], f8[:])")
def fast_distance(lon, lat, lons, lats):
    lon, lat = math.radians(lon), math.radians(lat)
    lons, lats = np.radians(lons), np.radians(lats)
    distance = np.arcsin(np.sqrt(
        np.sin((lat - lats) / 2.0) ** 2.0
        + np.cos(lat) * np.cos(lats)
        * np.sin((lon - lons) / 2.0) ** 2.0))
    return 2 * EARTH_RADIUS * distance


@compile("(f8, f8, f8[:], f8[:])")
def fast_azimuth(lon, lat, lons, lats):
    """
    Calculate the azimuths of a collection of points with respect to a
    reference point.
    """
    lon, lat = math.radians(lon), math.radians(lat)
    lons, lats = np.radians(lons), np.radians(lats)
    cos_lats = np.cos(lats)
    true_course = np.arctan2(
        np.sin(lon - lons) * cos_lats,
        math.cos(lat) * np.sin(lats) -
        math.sin(lat) * cos_lats * np.cos(lon - lons))
    return - np.degrees(true_course)


@compile("f8[:, :](f8[:], f8[:], f8[:])")
def fast_spherical_to_cartesian(lons, lats, deps):
    """
    Return the position vectors (in Cartesian coordinates) of list of spherical
    coordinates.

    For equations see: http://mathworld.wolfram.com/SphericalCoordinates.html.

    Parameters are components of spherical coordinates in a form of scalars,
    lists or numpy arrays. ``depths`` can be ``None`` in which case it's
    considered zero for all points.

    :returns:
        ``np.array`` of 3d vectors representing points' coordinates in
        Cartesian space in km. The array has shape `lons.shape + (3,)`.
        In particular, if ``lons`` and ``lats`` are scalars the result is a
        3D vector and if they are vectors the result is a matrix of shape
        (N, 3).

    See also :func:`cartesian_to_spherical`.
    """
    phi = np.radians(lons)
    theta = np.radians(lats)
    rr = EARTH_RADIUS - deps
    cos_theta_r = rr * np.cos(theta)
    arr = np.zeros((len(phi), 3))
    arr[:, 0] = cos_theta_r * np.cos(phi)
    arr[:, 1] = cos_theta_r * np.sin(phi)
    arr[:, 2] = rr * np.sin(theta)
    return arr


@compile('f8[:](f8, f8, f8, f8)')
def fast_point_at(lon, lat, azimuth, distance):
    """
    Perform a forward geodetic transformation: find points lying at a given
    distances from a given point on a great circle arc defined by azimuth.

    :param lon, lat:
        Coordinates of the reference point, in radians
    :param azimuth:
        An azimuth of a great circle arc of interest measured in a reference
        point in decimal degrees.
    :param distance:
        Distance to target point in km.
    :returns:
        Array of shape (2, N) with longitudes and latitudes

    Implements the same approach as :func:`npoints_towards`.
    """
    out = np.zeros(2)
    lon, lat = math.radians(lon), math.radians(lat)
    tc = - math.radians(azimuth)
    sin_dists = math.sin(distance / EARTH_RADIUS)
    cos_dists = math.cos(distance / EARTH_RADIUS)
    sin_lat = math.sin(lat)
    cos_lat = math.cos(lat)

    sin_lats = sin_lat * cos_dists + cos_lat * sin_dists * math.cos(tc)

    dlon = math.atan2(math.sin(tc) * sin_dists * cos_lat,
                      cos_dists - sin_lat * sin_lats)
    lons = (lon - dlon + math.pi) % (2 * math.pi) - math.pi
    out[0] = math.degrees(lons)
    out[1] = math.degrees(math.asin(sin_lats))

    return out


# ---- harness (not part of the program) ----
ENTRY = "openquake_helpers"


def openquake_helpers(sids, sids16, arr, idx, lons, lats, deps):
    out = {}
    out["start_stop"] = idx_start_stop(sids)
    out["start_stop16"] = idx_start_stop(sids16)
    out["split_slices"] = split_slices(sids, numpy.uint32(40))
    out["slices"] = get_slices(sids)
    out["ordered"] = split_array(numpy.arange(len(sids), dtype=float), sids)
    uniq, inv, counts = numpy.unique(idx, return_inverse=True, return_counts=True)
    out["unordered"] = split_array(arr, inv.astype(numpy.int64), counts.astype(numpy.int64))
    lon0, lat0 = 13.4, 42.35
    out["distances"] = distances(math.radians(lon0), math.radians(lat0), np.radians(lons), np.radians(lats))
    out["to_arc"] = distances_to_arc(lon0, lat0, 35.0, lons, lats)
    out["fast_distance"] = fast_distance(lon0, lat0, lons, lats)
    out["fast_azimuth"] = fast_azimuth(lon0, lat0, lons, lats)
    out["xyz"] = fast_spherical_to_cartesian(lons, lats, deps)
    out["points"] = np.array([fast_point_at(lon0, lat0, az, 25.0) for az in (0.0, 45.0, 135.0, 270.0)])
    return out


def inputs():
    rng = np.random.default_rng(0)
    sids = numpy.sort(rng.integers(0, 60, size=400)).astype(numpy.uint32)
    sids16 = rng.integers(0, 5, size=50).astype(numpy.uint16)
    arr = rng.integers(0, 1000, size=300).astype(numpy.uint32)
    idx = rng.integers(0, 25, size=300)
    lons = 13.4 + rng.uniform(-1.0, 1.0, size=200)
    lats = 42.35 + rng.uniform(-1.0, 1.0, size=200)
    deps = rng.uniform(0.0, 20.0, size=200)
    return (sids, sids16, arr, idx, lons, lats, deps)
