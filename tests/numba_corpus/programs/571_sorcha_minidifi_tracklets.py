# Source: dirac-institute/sorcha src/sorcha/modules/PPMiniDifi.py (at commit 0a299009)
# Licence: GPL-3.0 (sorcha, pyproject.toml license file LICENSE.txt and classifier "GNU General Public License v3 (GPLv3)"; Meg Schwamb and the Sorcha developers)
# Notes: the deterministic part of Sorcha's miniDifi, which decides whether a solar-system object observed by the Rubin Observatory LSST would be linked by the Solar System Processing pipeline (astronomy): haversine_np, a great-circle distance whose four arguments are converted with map(np.radians, [...]) and tuple-unpacked, hasTracklet, which over all pairs of one night's observations collects the indices of pairs closer in time than maxdt and farther apart than minlen into a list, then compares len(set(list)) with the required number of observations (early returns of True/False), and trackletsInNights, which finds the unique nights with np.unique, splits the time-sorted observations with np.searchsorted(..., side="right") and calls hasTracklet on each night's slices inside an enumerate loop. Pasted: the file's imports and these three @njit(cache=True) functions as published; left out: discoveryOpportunities, which draws random numbers inside jitted code (np.random.rand and a Generator's uniform), and the plain-Python drivers linkObject/linkObservations (structured arrays, hashlib seeds). The harness does what linkObject does before the random step: sorts 3 objects' observations (a fast mover seen 1 to 4 times a night, sometimes more than 90 min apart, a slow one below the minimum separation, one seen once a night) by time, computes the integer night from a noon offset and calls trackletsInNights with Sorcha's default linking parameters (90 min, 0.5 arcsec, 2 observations), plus min_observations 1 and 3
import numpy as np
from numba import njit


@njit(cache=True)
def haversine_np(lon1, lat1, lon2, lat2):
    """
    Calculate the great circle distance between two points
    on the earth (specified in decimal degrees)

    Parameters
    -----------
    lon1 : float or array of floats
        longitude of point 1

    lat1 : float or array of floats
        latitude of point 1

    lon2 : float or array of floats
        longitude of point 2

    lat1 : float or array of floats
        latitude of point 1

    Returns
    --------
        : float or array of floats
        Great distance between the two points [Units: Decimal degrees]

    Notes
    ------
    All args must be of equal length.

    Because SkyCoord is slow AF.

    """
    lon1, lat1, lon2, lat2 = map(np.radians, [lon1, lat1, lon2, lat2])

    dlon = lon2 - lon1
    dlat = lat2 - lat1

    a = np.sin(dlat / 2.0) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin(dlon / 2.0) ** 2
    c = 2 * np.arcsin(np.sqrt(a))
    return np.degrees(c)


@njit(cache=True)
def hasTracklet(mjd, ra, dec, maxdt_minutes, minlen_arcsec, min_observations):
    """
    Given a set of observations in one night, calculate it has
    at least onedetectable tracklet.

    Parameters
    -----------
    mjd : float or array of floats
        Modified Julian date time

    ra : float or array of floats
        Object's RA at given mjd  [Units: degrees]

    dec : float or array of floats
        Object's dec at given mjd  [Units: degrees]

    maxdt_minutes: float
        Maximum allowable time between observations [Units: minutes]

    minlen_arcsec : float
        Minimum allowable distance separation between observations [Units: arcsec]

    min_observations (int):
        the minimum number of observations in a night required to form a tracklet.

    Returns
    --------
        : boolean
        True if tracklet can be made else False

    """
    ## a tracklet must be longer than some minimum separation (0.5arcsec)
    ## and shorter than some maximum time (90 minutes). We find
    ## tracklets by taking all observations in a night and computing
    ## all of theirs pairwise distances, then selecting on that.
    nobs = len(ra)
    if nobs < min_observations:
        return False

    if min_observations == 1:  # for edge case where one observation is needed for a tracklet
        return True
    maxdt = maxdt_minutes / (60 * 24)
    minlen = minlen_arcsec / 3600
    detection_indexes = []  # index of objects linked to eachother in pairs

    for i in range(nobs):
        for j in range(nobs):
            diff = mjd[i] - mjd[j]
            if diff > 0 and diff < maxdt:
                sep = haversine_np(ra[i], dec[i], ra[j], dec[j])
                if sep > minlen:
                    detection_indexes.append(i)
                    detection_indexes.append(j)  # store indexes of observations that are linked.

    if len(set(detection_indexes)) >= min_observations:
        return True
    else:
        return False


@njit(cache=True)
def trackletsInNights(night, mjd, ra, dec, maxdt_minutes, minlen_arcsec, min_observations):
    """
    Calculate, for a given set of observations sorted by observation time,
    whether or not it has at least one discoverable tracklet in each night.

    Parameters
    -----------
    night : float or array of floats
        Array of the integer night corresponding to each observation

    mjd : float or array of floats
        Modified Julian date time

    ra : float or array of floats
        Object's RA at given mjd  [Units: degrees]

    dec : float or array of floats
        Object's dec at given mjd  [Units: degrees]

    maxdt_minutes: float
        Maximum allowable time between observations [Units: minutes]

    minlen_arcsec : float
        Minimum allowable distance separation between observations [Units: arcsec]

    min_observations (int):
        the minimum number of observations in a night required to form a tracklet.

    Returns
    --------
    nights : float or array of floats
        Numpy array of the unique nights in the set of observations

    hasTrk : boolean or array of booleans
        Array denoting if each night has a discoverable tracklet

    """

    nights = np.unique(night)
    hasTrk = np.zeros(len(nights), dtype="bool")

    i = np.searchsorted(night, nights, side="right")

    # for each night, test if it has a tracklet
    b = 0
    for k, e in enumerate(i):
        hasTrk[k] = hasTracklet(mjd[b:e], ra[b:e], dec[b:e], maxdt_minutes, minlen_arcsec, min_observations)
        b = e

    return nights, hasTrk
# ---- harness (not part of the program) ----
ENTRY = "run_minidifi"


def run_minidifi(objects, night_start_utc_days):
    out = []
    for mjd, ra, dec in objects:
        order = np.argsort(mjd)
        mjd, ra, dec = mjd[order], ra[order], dec[order]
        tshift = mjd - night_start_utc_days
        night = tshift.astype(int)
        for min_obs in (2, 1, 3):
            out.append(trackletsInNights(night, mjd, ra, dec, 90.0, 0.5, min_obs))
        out.append(hasTracklet(mjd[:3], ra[:3], dec[:3], 30.0, 2.0, 2))
    out.append(haversine_np(10.0, -5.0, 10.5, -4.0))
    out.append(haversine_np(359.9, 89.0, 0.1, 89.5))
    return tuple(out)


def inputs():
    rng = np.random.default_rng(0)
    start = 0.17
    objects = []
    # a fast mover (1-4 visits a night), a slow one (below 0.5 arcsec), one seen once a night
    for rate_deg_per_day, per_night in ((0.25, 0), (2e-6, 3), (0.1, 1)):
        nights = np.sort(rng.choice(np.arange(60000, 60030), 12, replace=False))
        mjd = []
        for n in nights:
            t0 = n + start + 0.2 + 0.5 * rng.random()
            k = per_night if per_night else int(rng.integers(1, 5))
            span = 0.06 if rng.random() < 0.7 else 0.2
            mjd.extend(t0 + np.sort(rng.uniform(0.0, span, k)))
        mjd = np.array(mjd)
        ra = 150.0 + rate_deg_per_day * (mjd - mjd[0])
        dec = 10.0 + 0.3 * rate_deg_per_day * (mjd - mjd[0])
        perm = rng.permutation(mjd.size)
        objects.append((mjd[perm], ra[perm], dec[perm]))
    return (objects, start)
