# Source: s-bear/sun-position sunposition.py (at commit 0238d302)
# Licence: MIT (sunposition, LICENSE and the file header; Copyright (c) 2015 / 2023 Samuel Bear Powell)
# Notes: sunposition, Samuel Powell's single-module implementation of the NREL Solar Position Algorithm (Reda & Andreas 2004) with optional Numba acceleration. `njit = functools.partial(numba.njit, cache=True)` and `vectorize = functools.partial(numba.vectorize, cache=True)` are chosen at import when numba and scipy import; the kernels: _polyval (Horner over enumerate of a tuple or array), the Neri-Schneider calendar algorithms _date_to_rd/_rd_to_date written with explicit np.int32/np.uint32/np.uint64 casts, unsigned wrap-around arithmetic, divmod on unsigned integers and `if J:` on a bool, _julian_day as a lazily typed @vectorize (a DUFunc compiled on first call) that unpacks the tuple returned by a jitted function, _cos_sum summing a*cos(b + c*x) over module-level tuples of 2-D coefficient arrays of different lengths (read as globals and iterated with `for a,b,c in abc`), heliocentric longitude/latitude/radius, nutation from np.dot of a 63x5 global table with `a,b = _NLO_AB.T` unpacking, tuple-returning helpers unpacked with `L,B,R = helio_pos` and indexed with helio_pos[-1], np.arctan2/np.arcsin/np.rad2deg/% 360, defaulted keyword arguments, and _topo_pos/_pos which are @njit functions wrapped in np.vectorize (tuple results). Edits: the command-line parts that do not use Numba are dropped: the argparse parser definition and its `if __name__ == '__main__'` blocks, main() and test() (which reads an NREL reference file and prints RMS errors); everything else (imports, the jit selection, the date/time parsing, the public wrappers and all kernels and tables) is pasted in file order. The harness computes sun positions for POSIX timestamps, datetime objects, numpy datetime64 values and ISO-8601 strings (with time zones and a negative year) at several places including a latitude beyond 90 degrees and a longitude beyond 360, topocentric and observed positions in degrees and radians, arc distances, and the calendar round trips
import os, sys, argparse, re, functools
import numpy as np
import time,datetime

try:
    #scipy is required for numba's linear algebra routines to work
    import numba, scipy
    _ENABLE_JIT = True
except:
    numba = None
    _ENABLE_JIT = False

VERSION = '1.2.0'

# (edit: the argparse parser `_arg_parser` and its `if __name__ == '__main__'` block are dropped, see Notes)

def empty_decorator(f = None, *args, **kw):
    if callable(f):
        return f
    return empty_decorator

if _ENABLE_JIT and numba is not None:
    njit = functools.partial(numba.njit,cache=True)
    vectorize = functools.partial(numba.vectorize,cache=True)
else:
    njit = empty_decorator
    vectorize = np.vectorize

# (edit: main() is dropped, see Notes)

@njit
def _arcdist(p0,p1):
    a0,z0 = p0[...,0], p0[...,1]
    a1,z1 = p1[...,0], p1[...,1]
    return np.arccos(np.cos(z0)*np.cos(z1)+np.cos(a0-a1)*np.sin(z0)*np.sin(z1))

@njit
def _arcdist_deg(p0,p1):
    return np.rad2deg(_arcdist(np.deg2rad(p0),np.deg2rad(p1)))

def arcdist(p0,p1,radians=False):
    """Angular distance between azimuth,zenith pairs
    
    Parameters
    ----------
    p0 : array_like, shape (..., 2)
    p1 : array_like, shape (..., 2)
        p[...,0] = azimuth angles, p[...,1] = zenith angles
    radians : boolean (default False)
        If False, angles are in degrees, otherwise in radians

    Returns
    -------
    ad :  array_like, shape is broadcast(p0,p1).shape
        Arcdistances between corresponding pairs in p0,p1
        In degrees by default, in radians if radians=True
    """
    #formula comes from translating points into cartesian coordinates
    #taking the dot product to get the cosine between the two vectors
    #then arccos to return to angle, and simplify everything assuming real inputs
    p0,p1 = np.broadcast_arrays(p0, p1)
    if radians:
        return _arcdist(p0,p1)
    else:
        return _arcdist_deg(p0,p1)

def topocentric_sunpos(dt, latitude, longitude, elevation, delta_t=0, radians=False):
    """Compute the topocentric coordinates of the sun as viewed at the given time and location.

    Parameters
    ----------
    dt : array_like of datetime or float
        UTC datetime objects or UTC timestamps (as per datetime.utcfromtimestamp) representing the times of observations
    latitude, longitude : array_like of float
        decimal degrees, positive for north of the equator and east of Greenwich
    elevation : array_like of float
        meters, relative to the WGS-84 ellipsoid
    delta_t : array_like of float, optional
        seconds, default is 0, difference between the earth's rotation time (TT) and universal time (UT)
    radians : bool, optional
        return results in radians if True, degrees if False (default)

    Returns
    -------
    right_ascension : ndarray, topocentric
    declination : ndarray, topocentric
    hour_angle : ndarray, topocentric
    """
      
    jd = julian_day(dt)
    return _topo_pos(jd, latitude, longitude, elevation, delta_t, radians)

def sunpos(dt, latitude, longitude, elevation, temperature=None, pressure=None, atmos_refract=None, delta_t=0, radians=False):
    """Compute the observed and topocentric coordinates of the sun as viewed at the given time and location.

    Parameters
    ----------
    dt : array_like of datetime or float
        UTC datetime objects or UTC timestamps (as per datetime.utcfromtimestamp) representing the times of observations
    latitude, longitude : array_like of float
        decimal degrees, positive for north of the equator and east of Greenwich
    elevation : array_like of float
        meters, relative to the WGS-84 ellipsoid
    temperature : None or array_like of float, optional
        celcius, default is 14.6 (global average in 2013)
    pressure : None or array_like of float, optional
        millibar, default is 1013 (global average in ??)
    atmos_refract : None or array_like of float, optional
        Atmospheric refraction at sunrise and sunset, in degrees. Default is 0.5667
    delta_t : array_like of float, optional
        seconds, default is 0, difference between the earth's rotation time (TT) and universal time (UT)
    radians : bool, optional
        return results in radians if True, degrees if False (default)

    Returns
    -------
    azimuth_angle : ndarray, measured eastward from north
    zenith_angle : ndarray, measured down from vertical
    right_ascension : ndarray, topocentric
    declination : ndarray, topocentric
    hour_angle : ndarray, topocentric
    """

    if temperature is None:
        temperature = 14.6
    if pressure is None:
        pressure = 1013
    if atmos_refract is None:
        atmos_refract = 0.5667
    
    jd = julian_day(dt)
    return _pos(jd, latitude, longitude, elevation, temperature, pressure, atmos_refract, delta_t, radians)

def observed_sunpos(dt, latitude, longitude, elevation, temperature=None, pressure=None, atmos_refract=None, delta_t=0, radians=False):
    """Compute the observed coordinates of the sun as viewed at the given time and location.

    Parameters
    ----------
    dt : array_like of datetime or float
        UTC datetime objects or UTC timestamps (as per datetime.utcfromtimestamp) representing the times of observations
    latitude, longitude : array_like of float
        decimal degrees, positive for north of the equator and east of Greenwich
    elevation : array_like of float
        meters, relative to the WGS-84 ellipsoid
    temperature : None or array_like of float, optional
        celcius, default is 14.6 (global average in 2013)
    pressure : None or array_like of float, optional
        millibar, default is 1013 (global average in ??)
    atmos_refract : None or array_like of float, optional
        Atmospheric refraction at sunrise and sunset, in degrees. Default is 0.5667
    delta_t : array_like of float, optional
        seconds, default is 0, difference between the earth's rotation time (TT) and universal time (UT)
    radians : bool, optional
        return results in radians if True, degrees if False (default)

    Returns
    -------
    azimuth_angle : ndarray, measured eastward from north
    zenith_angle : ndarray, measured down from vertical
    """
    return sunpos(dt, latitude, longitude, elevation, temperature, pressure, atmos_refract, delta_t, radians)[:2]

# (edit: test() is dropped, see Notes)

#define the polval that we will use if jit is enabled
@njit
def _polyval(p, x):
    y = 0.0
    for i,v in enumerate(p):
        y = y*x + v
    return y

if not _ENABLE_JIT:
    #use numpy's polyval if not using jit
    _polyval = np.polyval


## Dates and times
# this application has unusual date/time requirements that are not supported by
# Python's time or datetime libraries. Specifically:
# 1. The subroutines use Julian days to represent time
# 2. The algorithm supports dates from year -2000 to 6000 (datetime supports years 1-9999)

# For that reason, we will use our own date & time codes
# The Julian Day conversion in Reda & Andreas's paper required the Gregorian
#  (year, month, day), with the time of day specified as a fractional day, all in UTC.
# We can use the algorithms in "Euclidean affine functions and their application to calendar algorithms" C. Neri, L. Schneider (2022) https://doi.org/10.1002/spe.3172
#  to convert rata die timestamps (day number since epoch) to Gregorian (year, month, day)
# We need to be able to convert the following to Julian days:
#  datetime.datetime
#  numpy.datetime64
#  int/float POSIX timestamp
#  ISO8601 string

@njit
def _date_to_rd(year, month, day):
    '''Convert year, month, day to rata die (day number)
    Based on the algorithm in: "Euclidean affine functions and their application to calendar algorithms" C. Neri, L. Schneider (2022) https://doi.org/10.1002/spe.3172
    day may be fractional, fractional part is added to return value
    '''
    # we include explicit types everywhere to match the reference implementation, which is all 32-bit
    # Python will still use 64-bit math for some of the intermediate calculations, but it shouldn't change the results
    Y_G = np.int32(year)
    M_G = np.uint32(month)
    D_G = np.uint32(day)
    tod = day - D_G #split fractional part

    s = np.uint32(82) #static uint32_t constexpr s = 82;
    K = np.uint32(719468 + 146097 * s) #static uint32_t constexpr K = 719468 + 146097 * s;
    L = np.uint32(400*s) #static uint32_t constexpr L = 400 * s;
    #  int32_t to_rata_die(int32_t Y_G, uint32_t M_G, uint32_t D_G) {
    # Map. (Notice the year correction, including type change.)
    J = (M_G <= 2) # uint32_t const J = M_G <= 2;
    Y = np.uint32(Y_G + L - J) # uint32_t const Y = (uint32_t(Y_G) + L) - J;
    # uint32_t const M = J ? M_G + 12 : M_G;
    if J: 
        M = np.uint32(M_G + 12)
    else:
        M = M_G
    
    D = np.uint32(D_G - 1) # uint32_t const D = D_G - 1;
    C = np.uint32(Y // 100) # uint32_t const C = Y / 100;

    # Rata die.
    y_star = np.uint32(1461 * Y // 4 - C + C // 4) # uint32_t const y_star = 1461 * Y / 4 - C + C / 4;
    m_star = np.uint32((979 * M - 2919) // 32) # uint32_t const m_star = (979 * M - 2919) / 32;
    N      = np.uint32(y_star + m_star + D) # uint32_t const N      = y_star + m_star + D;
    
    # Rata die shift.
    N_U = np.int32(N - K) # uint32_t const N_U = N - K; -- the original casts to int32 at return, we do it here
    return N_U + tod

@njit
def _date_to_posix_time(year, month, day):
    return _date_to_rd(year, month, day)*86400 # rata die (fractional day number) x 86400 seconds per day

@njit
def _rd_to_date(rd):
    '''convert integer rata die (day number) to year, month, day
    "Euclidean affine functions and their application to calendar algorithms" C. Neri, L. Schneider (2022) https://doi.org/10.1002/spe.3172
    '''
    #  date32_t to_date(int32_t N_U) {
    N_U = np.int32(rd)
    tod = rd - N_U #split fractional part

    s = np.uint32(82) #static uint32_t constexpr s = 82;
    K = np.uint32(719468 + 146097 * s) #static uint32_t constexpr K = 719468 + 146097 * s;
    L = np.uint32(400*s) #static uint32_t constexpr L = 400 * s;
    
    # Rata die shift.
    N = np.uint32(N_U + K) # uint32_t const N = N_U + K;

    # Century.
    N_1 = np.uint32(4 * N + 3) # uint32_t const N_1 = 4 * N + 3;
    # uint32_t const C   = N_1 / 146097;
    # uint32_t const N_C = N_1 % 146097 / 4;
    C, N_C = divmod(N_1, 146097)
    C, N_C = np.uint32(C), np.uint32(N_C // 4)

    # Year.
    N_2 = np.uint32(4 * N_C + 3) # uint32_t const N_2 = 4 * N_C + 3;
    P_2 = 2939745 * np.uint64(N_2) # uint64_t const P_2 = uint64_t(2939745) * N_2;
    # uint32_t const Z   = uint32_t(P_2 / 4294967296);
    # uint32_t const N_Y = uint32_t(P_2 % 4294967296) / 2939745 / 4;
    Z, N_Y = divmod(P_2, 4294967296)
    Z, N_Y = np.uint32(Z), np.uint32(N_Y)
    N_Y = np.uint32((N_Y // 2939745) // 4)
    Y   = np.uint32(100 * C + Z) # uint32_t const Y   = 100 * C + Z;

    # Month and day. 
    N_3 = np.uint32(2141 * N_Y + 197913) # uint32_t const N_3 = 2141 * N_Y + 197913;
    # uint32_t const M   = N_3 / 65536;
    # uint32_t const D   = N_3 % 65536 / 2141;
    M, D = divmod(N_3, 65536)
    M, D = np.uint32(M), np.uint32(D // 2141)

    # Map. (Notice the year correction, including type change.)
    J   = (N_Y >= 306) # uint32_t const J   = N_Y >= 306;
    Y_G = np.int32(Y - L + J) # int32_t  const Y_G = (Y - L) + J;
    # uint32_t const M_G = J ? M - 12 : M;
    if J:
        M_G = np.uint32(M - 12)
    else:
        M_G = M

    D_G = np.uint32(D + 1) # uint32_t const D_G = D + 1;
    # return { Y_G, M_G, D_G };
    return (Y_G, M_G, D_G + tod)

@njit
def _posix_time_to_date(t):
    '''POSIX timestamp to (year, month, day)'''
    return _rd_to_date(t/86400) # (timestamp in seconds)/86400 -> rata die (fractional day number)

_iso8601_re = re.compile(r'([+-]?\d{1,4})-?([01]\d)-?([0-3]\d)[T ]([012]\d):?([0-6]\d):?([0-6]\d(?:\.\d+)?)?(?:Z|(?:([+-]\d{2})(?::?(\d{2}))?))?')
def _string_to_posix_time(s):
    '''parse timestamp string to posix time, assumes UTC if timezone is not specified
    strings may be:
     - "now" -- which gets the current time
     - POSIX timestamp string
     - ISO 8601 formatted string (including negative years)
    '''
    if s == 'now':
        return time.time()
    try:
        return float(s)
    except ValueError: #
        pass
    m = _iso8601_re.match(s)
    if not m:
        raise ValueError('Could not parse timestamp string (must be "now" or float or ISO8601)')
    year,month,day,hour,minute,second,tz_hour,tz_minute = m.groups()
    if second is None: second = 0
    if tz_hour is None: tz_hour = 0
    if tz_minute is None: tz_minute = 0
    year, month, day = int(year),int(month),int(day)
    hour,minute,second = int(hour), int(minute), float(second)
    tod = (hour + (minute + second/60)/60)/24 # time of day, in days
    tz_hour, tz_minute = int(tz_hour), int(tz_minute)
    if tz_hour < 0:
        tz = tz_hour - tz_minute/60 # timezone offset, in hours
    else:
        tz = tz_hour + tz_minute/60 # timezone offset, in hours
    rd = _date_to_rd(year, month, day) #to rata die
    #validate the date using _rd_to_date(_date_to_rd()) round trip
    if _rd_to_date(rd) != (year, month, day):
        raise ValueError('Invalid date')
    if tod > 1:
        raise ValueError('Invalid time')
    # UTC offsets vary from -12:00 (US Minor Outlying Islands) to +14:00 (Kiribati)
    if tz < -12 or tz > 14:
        raise ValueError('Invalid timezone')
    #apply tod and tz to rd & multiply by seconds per day
    return 86400*(rd + tod - tz/24)

#we can't use numba to accelerate _string_to_posix_time, so use np.vectorize here
_string_to_posix_time_v = np.vectorize(_string_to_posix_time)

@vectorize(cache=_ENABLE_JIT)
def _julian_day(t):
    """Calculate the Julian Day from posix timestamp (seconds since epoch)"""
    year, month, day = _posix_time_to_date(t)
    # year and month numbers
    if month <= 2:  # From paper: "if M = 1 or 2, then Y = Y - 1 and M = M + 12"
        month += 12
        year -= 1
    # b is equal to 0 for the julian calendar and is equal to (2- A +
    # INT(A/4)), A = INT(Y/100), for the gregorian calendar
    a = int(year / 100)
    b = 2 - a + int(a / 4)
    jd = int(365.25 * (year + 4716)) + int(30.6001 * (month + 1)) + day + b - 1524.5
    return jd

#we can't use numba to accelerate _get_timestamp, so use np.vectorize here
@np.vectorize
def _get_timestamp(dt):
    return dt.timestamp()

def julian_day(dt):
    """Convert datetimes, datetime64s, or string timestamps, or posix timestamps to Julian days

    Parameters
    ----------
    dt : array_like
        UTC datetime objects or UTC timestamps (as per datetime.utcfromtimestamp)

    Returns
    -------
    jd : ndarray
        datetimes converted to fractional Julian days
    """
    dt = np.asarray(dt)

    if np.issubdtype(dt.dtype, str):
        t = _string_to_posix_time_v(dt)
    elif np.issubdtype(dt.dtype, datetime.datetime):
        t = _get_timestamp(dt)
    elif np.issubdtype(dt.dtype, np.datetime64):
        t = dt.astype('datetime64[us]').astype(np.int64)/1e6
    else:
        t = dt #assume it's a posix timestamp
    # use [()] to "unwrap" scalar values out of np.array
    return _julian_day(t)[()]

@njit
def _julian_ephemeris_day(jd, deltat):
    """Calculate the Julian Ephemeris Day from the Julian Day and delta-time = (terrestrial time - universal time) in seconds"""
    return jd + deltat / 86400.0

@njit
def _julian_century(jd):
    """Caluclate the Julian Century from Julian Day or Julian Ephemeris Day"""
    return (jd - 2451545.0) / 36525.0

@njit
def _julian_millennium(jc):
    """Calculate the Julian Millennium from Julian Ephemeris Century"""
    return jc / 10.0

@njit
def _cos_sum(x, coeffs):
    y = np.zeros(len(coeffs))
    for i, abc in enumerate(coeffs):
        for a,b,c in abc:
            y[i] += a*np.cos(b + c*x)
    return y

# Earth Heliocentric Longitude coefficients (L0, L1, L2, L3, L4, and L5 in paper)
_EHL = (
    #L5:
    np.array([(1.0, 3.14, 0.0)]),
    #L4:
    np.array([(114.0, 3.142, 0.0), (8.0, 4.13, 6283.08), (1.0, 3.84, 12566.15)]),
    #L3:
    np.array([(289.0, 5.844, 6283.076), (35.0, 0.0, 0.0,), (17.0, 5.49, 12566.15),
    (3.0, 5.2, 155.42), (1.0, 4.72, 3.52), (1.0, 5.3, 18849.23),
    (1.0, 5.97, 242.73)]),
    #L2:
    np.array([(52919.0, 0.0, 0.0), (8720.0, 1.0721, 6283.0758), (309.0, 0.867, 12566.152),
    (27.0, 0.05, 3.52), (16.0, 5.19, 26.3), (16.0, 3.68, 155.42),
    (10.0, 0.76, 18849.23), (9.0, 2.06, 77713.77), (7.0, 0.83, 775.52),
    (5.0, 4.66, 1577.34), (4.0, 1.03, 7.11), (4.0, 3.44, 5573.14),
    (3.0, 5.14, 796.3), (3.0, 6.05, 5507.55), (3.0, 1.19, 242.73),
    (3.0, 6.12, 529.69), (3.0, 0.31, 398.15), (3.0, 2.28, 553.57),
    (2.0, 4.38, 5223.69), (2.0, 3.75, 0.98)]),
    #L1:
    np.array([(628331966747.0, 0.0, 0.0), (206059.0, 2.678235, 6283.07585), (4303.0, 2.6351, 12566.1517),
    (425.0, 1.59, 3.523), (119.0, 5.796, 26.298), (109.0, 2.966, 1577.344),
    (93.0, 2.59, 18849.23), (72.0, 1.14, 529.69), (68.0, 1.87, 398.15),
    (67.0, 4.41, 5507.55), (59.0, 2.89, 5223.69), (56.0, 2.17, 155.42),
    (45.0, 0.4, 796.3), (36.0, 0.47, 775.52), (29.0, 2.65, 7.11),
    (21.0, 5.34, 0.98), (19.0, 1.85, 5486.78), (19.0, 4.97, 213.3),
    (17.0, 2.99, 6275.96), (16.0, 0.03, 2544.31), (16.0, 1.43, 2146.17),
    (15.0, 1.21, 10977.08), (12.0, 2.83, 1748.02), (12.0, 3.26, 5088.63),
    (12.0, 5.27, 1194.45), (12.0, 2.08, 4694), (11.0, 0.77, 553.57),
    (10.0, 1.3, 6286.6), (10.0, 4.24, 1349.87), (9.0, 2.7, 242.73),
    (9.0, 5.64, 951.72), (8.0, 5.3, 2352.87), (6.0, 2.65, 9437.76),
    (6.0, 4.67, 4690.48)]),
    #L0:
    np.array([(175347046.0, 0.0, 0.0), (3341656.0, 4.6692568, 6283.07585), (34894.0, 4.6261, 12566.1517),
    (3497.0, 2.7441, 5753.3849), (3418.0, 2.8289, 3.5231), (3136.0, 3.6277, 77713.7715),
    (2676.0, 4.4181, 7860.4194), (2343.0, 6.1352, 3930.2097), (1324.0, 0.7425, 11506.7698),
    (1273.0, 2.0371, 529.691), (1199.0, 1.1096, 1577.3435), (990.0, 5.233, 5884.927),
    (902.0, 2.045, 26.298), (857.0, 3.508, 398.149), (780.0, 1.179, 5223.694),
    (753.0, 2.533, 5507.553), (505.0, 4.583, 18849.228), (492.0, 4.205, 775.523),
    (357.0, 2.92, 0.067), (317.0, 5.849, 11790.629), (284.0, 1.899, 796.298),
    (271.0, 0.315, 10977.079), (243.0, 0.345, 5486.778), (206.0, 4.806, 2544.314),
    (205.0, 1.869, 5573.143), (202.0, 2.458, 6069.777), (156.0, 0.833, 213.299),
    (132.0, 3.411, 2942.463), (126.0, 1.083, 20.775), (115.0, 0.645, 0.98),
    (103.0, 0.636, 4694.003), (102.0, 0.976, 15720.839), (102.0, 4.267, 7.114),
    (99.0, 6.21, 2146.17), (98.0, 0.68, 155.42), (86.0, 5.98, 161000.69),
    (85.0, 1.3, 6275.96), (85.0, 3.67, 71430.7), (80.0, 1.81, 17260.15),
    (79.0, 3.04, 12036.46), (75.0, 1.76, 5088.63), (74.0, 3.5, 3154.69),
    (74.0, 4.68, 801.82), (70.0, 0.83, 9437.76), (62.0, 3.98, 8827.39),
    (61.0, 1.82, 7084.9), (57.0, 2.78, 6286.6), (56.0, 4.39, 14143.5),
    (56.0, 3.47, 6279.55), (52.0, 0.19, 12139.55), (52.0, 1.33, 1748.02),
    (51.0, 0.28, 5856.48), (49.0, 0.49, 1194.45), (41.0, 5.37, 8429.24),
    (41.0, 2.4, 19651.05), (39.0, 6.17, 10447.39), (37.0, 6.04, 10213.29),
    (37.0, 2.57, 1059.38), (36.0, 1.71, 2352.87), (36.0, 1.78, 6812.77),
    (33.0, 0.59, 17789.85), (30.0, 0.44, 83996.85), (30.0, 2.74, 1349.87),
    (25.0, 3.16, 4690.48)])
)

@njit
def _heliocentric_longitude(jme):
    """Compute the Earth Heliocentric Longitude (L) in degrees given the Julian Ephemeris Millennium"""
    #L5, ..., L0
    Li = _cos_sum(jme, _EHL)
    L = _polyval(Li, jme) / 1e8
    L = np.rad2deg(L) % 360
    return L

#Earth Heliocentric Latitude coefficients (B0 and B1 in paper)
_EHB = ( 
    #B1:
    np.array([(9.0, 3.9, 5507.55), (6.0, 1.73, 5223.69)]),
    #B0:
    np.array([(280.0, 3.199, 84334.662), (102.0, 5.422, 5507.553), (80.0, 3.88, 5223.69),
    (44.0, 3.7, 2352.87), (32.0, 4.0, 1577.34)])
)

@njit
def _heliocentric_latitude(jme):
    """Compute the Earth Heliocentric Latitude (B) in degrees given the Julian Ephemeris Millennium"""
    Bi = _cos_sum(jme, _EHB)
    B = _polyval(Bi, jme) / 1e8
    B = np.rad2deg(B) % 360
    return B

#Earth Heliocentric Radius coefficients (R0, R1, R2, R3, R4)
_EHR = (
    #R4:
    np.array([(4.0, 2.56, 6283.08)]),
    #R3:
    np.array([(145.0, 4.273, 6283.076), (7.0, 3.92, 12566.15)]),
    #R2:
    np.array([(4359.0, 5.7846, 6283.0758), (124.0, 5.579, 12566.152), (12.0, 3.14, 0.0),
    (9.0, 3.63, 77713.77), (6.0, 1.87, 5573.14), (3.0, 5.47, 18849.23)]),
    #R1:
    np.array([(103019.0, 1.10749, 6283.07585), (1721.0, 1.0644, 12566.1517), (702.0, 3.142, 0.0),
    (32.0, 1.02, 18849.23), (31.0, 2.84, 5507.55), (25.0, 1.32, 5223.69),
    (18.0, 1.42, 1577.34), (10.0, 5.91, 10977.08), (9.0, 1.42, 6275.96),
    (9.0, 0.27, 5486.78)]),
    #R0:
    np.array([(100013989.0, 0.0, 0.0), (1670700.0, 3.0984635, 6283.07585), (13956.0, 3.05525, 12566.1517),
    (3084.0, 5.1985, 77713.7715), (1628.0, 1.1739, 5753.3849), (1576.0, 2.8469, 7860.4194),
    (925.0, 5.453, 11506.77), (542.0, 4.564, 3930.21), (472.0, 3.661, 5884.927),
    (346.0, 0.964, 5507.553), (329.0, 5.9, 5223.694), (307.0, 0.299, 5573.143),
    (243.0, 4.273, 11790.629), (212.0, 5.847, 1577.344), (186.0, 5.022, 10977.079),
    (175.0, 3.012, 18849.228), (110.0, 5.055, 5486.778), (98.0, 0.89, 6069.78),
    (86.0, 5.69, 15720.84), (86.0, 1.27, 161000.69), (65.0, 0.27, 17260.15),
    (63.0, 0.92, 529.69), (57.0, 2.01, 83996.85), (56.0, 5.24, 71430.7),
    (49.0, 3.25, 2544.31), (47.0, 2.58, 775.52), (45.0, 5.54, 9437.76),
    (43.0, 6.01, 6275.96), (39.0, 5.36, 4694), (38.0, 2.39, 8827.39),
    (37.0, 0.83, 19651.05), (37.0, 4.9, 12139.55), (36.0, 1.67, 12036.46),
    (35.0, 1.84, 2942.46), (33.0, 0.24, 7084.9), (32.0, 0.18, 5088.63),
    (32.0, 1.78, 398.15), (28.0, 1.21, 6286.6), (28.0, 1.9, 6279.55),
    (26.0, 4.59, 10447.39)])
)

@njit
def _heliocentric_radius(jme):
    """Compute the Earth Heliocentric Radius (R) in astronimical units given the Julian Ephemeris Millennium"""
    
    Ri = _cos_sum(jme, _EHR)
    R = _polyval(Ri, jme) / 1e8
    return R

@njit
def _heliocentric_position(jme):
    """Compute the Earth Heliocentric Longitude, Latitude, and Radius given the Julian Ephemeris Millennium
        Returns (L, B, R) where L = longitude in degrees, B = latitude in degrees, and R = radius in astronimical units
    """
    return _heliocentric_longitude(jme), _heliocentric_latitude(jme), _heliocentric_radius(jme)

@njit
def _geocentric_position(helio_pos):
    """Compute the geocentric latitude (Theta) and longitude (beta) (in degrees) of the sun given the earth's heliocentric position (L, B, R)"""
    L,B,R = helio_pos
    th = L + 180
    b = -B
    return (th, b)

@njit
def _ecliptic_obliquity(jme, delta_epsilon):
    """Calculate the true obliquity of the ecliptic (epsilon, in degrees) given the Julian Ephemeris Millennium and the obliquity"""
    u = jme/10
    e0 = _polyval((2.45, 5.79, 27.87, 7.12, -39.05, -249.67, -51.38, 1999.25, -1.55, -4680.93, 84381.448), u)
    e = e0/3600.0 + delta_epsilon
    return e

#Nutation Longitude and Obliquity coefficients (Y)
_NLO_Y = np.array([(0.0,   0.0,   0.0,   0.0,   1.0), (-2.0,  0.0,   0.0,   2.0,   2.0), (0.0,   0.0,   0.0,   2.0,   2.0),
        (0.0,   0.0,   0.0,   0.0,   2.0), (0.0,   1.0,   0.0,   0.0,   0.0), (0.0,   0.0,   1.0,   0.0,   0.0),
        (-2.0,  1.0,   0.0,   2.0,   2.0), (0.0,   0.0,   0.0,   2.0,   1.0), (0.0,   0.0,   1.0,   2.0,   2.0),
        (-2.0,  -1.0,  0.0,   2.0,   2.0), (-2.0,  0.0,   1.0,   0.0,   0.0), (-2.0,  0.0,   0.0,   2.0,   1.0),
        (0.0,   0.0,   -1.0,  2.0,   2.0), (2.0,   0.0,   0.0,   0.0,   0.0), (0.0,   0.0,   1.0,   0.0,   1.0),
        (2.0,   0.0,   -1.0,  2.0,   2.0), (0.0,   0.0,   -1.0,  0.0,   1.0), (0.0,   0.0,   1.0,   2.0,   1.0),
        (-2.0,  0.0,   2.0,   0.0,   0.0), (0.0,   0.0,   -2.0,  2.0,   1.0), (2.0,   0.0,   0.0,   2.0,   2.0),
        (0.0,   0.0,   2.0,   2.0,   2.0), (0.0,   0.0,   2.0,   0.0,   0.0), (-2.0,  0.0,   1.0,   2.0,   2.0),
        (0.0,   0.0,   0.0,   2.0,   0.0), (-2.0,  0.0,   0.0,   2.0,   0.0), (0.0,   0.0,   -1.0,  2.0,   1.0),
        (0.0,   2.0,   0.0,   0.0,   0.0), (2.0,   0.0,   -1.0,  0.0,   1.0), (-2.0,  2.0,   0.0,   2.0,   2.0),
        (0.0,   1.0,   0.0,   0.0,   1.0), (-2.0,  0.0,   1.0,   0.0,   1.0), (0.0,   -1.0,  0.0,   0.0,   1.0),
        (0.0,   0.0,   2.0,   -2.0,  0.0), (2.0,   0.0,   -1.0,  2.0,   1.0), (2.0,   0.0,   1.0,   2.0,   2.0),
        (0.0,   1.0,   0.0,   2.0,   2.0), (-2.0,  1.0,   1.0,   0.0,   0.0), (0.0,   -1.0,  0.0,   2.0,   2.0),
        (2.0,   0.0,   0.0,   2.0,   1.0), (2.0,   0.0,   1.0,   0.0,   0.0), (-2.0,  0.0,   2.0,   2.0,   2.0),
        (-2.0,  0.0,   1.0,   2.0,   1.0), (2.0,   0.0,   -2.0,  0.0,   1.0), (2.0,   0.0,   0.0,   0.0,   1.0),
        (0.0,   -1.0,  1.0,   0.0,   0.0), (-2.0,  -1.0,  0.0,   2.0,   1.0), (-2.0,  0.0,   0.0,   0.0,   1.0),
        (0.0,   0.0,   2.0,   2.0,   1.0), (-2.0,  0.0,   2.0,   0.0,   1.0), (-2.0,  1.0,   0.0,   2.0,   1.0),
        (0.0,   0.0,   1.0,   -2.0,  0.0), (-1.0,  0.0,   1.0,   0.0,   0.0), (-2.0,  1.0,   0.0,   0.0,   0.0),
        (1.0,   0.0,   0.0,   0.0,   0.0), (0.0,   0.0,   1.0,   2.0,   0.0), (0.0,   0.0,   -2.0,  2.0,   2.0),
        (-1.0,  -1.0,  1.0,   0.0,   0.0), (0.0,   1.0,   1.0,   0.0,   0.0), (0.0,   -1.0,  1.0,   2.0,   2.0),
        (2.0,   -1.0,  -1.0,  2.0,   2.0), (0.0,   0.0,   3.0,   2.0,   2.0), (2.0,   -1.0,  0.0,   2.0,   2.0)])

#Nutation Longitude and Obliquity coefficients (a,b)
_NLO_AB = np.array([(-171996.0, -174.2), (-13187.0, -1.6), (-2274.0, -0.2), (2062.0, 0.2), (1426.0, -3.4), (712.0, 0.1),
        (-517.0, 1.2), (-386.0, -0.4), (-301.0, 0.0), (217.0, -0.5), (-158.0, 0.0), (129.0, 0.1),
        (123.0, 0.0), (63.0,  0.0), (63.0,  0.1), (-59.0, 0.0), (-58.0, -0.1), (-51.0, 0.0),
        (48.0,  0.0), (46.0,  0.0), (-38.0, 0.0), (-31.0, 0.0), (29.0,  0.0), (29.0,  0.0),
        (26.0,  0.0), (-22.0, 0.0), (21.0,  0.0), (17.0,  -0.1), (16.0,  0.0), (-16.0, 0.1),
        (-15.0, 0.0), (-13.0, 0.0), (-12.0, 0.0), (11.0,  0.0), (-10.0, 0.0), (-8.0,  0.0),
        (7.0,   0.0), (-7.0,  0.0), (-7.0,  0.0), (-7.0,  0.0), (6.0,   0.0), (6.0,   0.0),
        (6.0,   0.0), (-6.0,  0.0), (-6.0,  0.0), (5.0,   0.0), (-5.0,  0.0), (-5.0,  0.0),
        (-5.0,  0.0), (4.0,   0.0), (4.0,   0.0), (4.0,   0.0), (-4.0,  0.0), (-4.0,  0.0),
        (-4.0,  0.0), (3.0,   0.0), (-3.0,  0.0), (-3.0,  0.0), (-3.0,  0.0), (-3.0,  0.0),
        (-3.0,  0.0), (-3.0,  0.0), (-3.0,  0.0)])
#Nutation Longitude and Obliquity coefficients (c,d)
_NLO_CD = np.array([(92025.0,   8.9), (5736.0,    -3.1), (977.0, -0.5), (-895.0,    0.5),
        (54.0,  -0.1), (-7.0,  0.0), (224.0, -0.6), (200.0, 0.0),
        (129.0, -0.1), (-95.0, 0.3), (0.0,   0.0), (-70.0, 0.0),
        (-53.0, 0.0), (0.0,   0.0), (-33.0, 0.0), (26.0,  0.0),
        (32.0,  0.0), (27.0,  0.0), (0.0,   0.0), (-24.0, 0.0),
        (16.0,  0.0), (13.0,  0.0), (0.0,   0.0), (-12.0, 0.0),
        (0.0,   0.0), (0.0,   0.0), (-10.0, 0.0), (0.0,   0.0),
        (-8.0,  0.0), (7.0,   0.0), (9.0,   0.0), (7.0,   0.0),
        (6.0,   0.0), (0.0,   0.0), (5.0,   0.0), (3.0,   0.0),
        (-3.0,  0.0), (0.0,   0.0), (3.0,   0.0), (3.0,   0.0),
        (0.0,   0.0), (-3.0,  0.0), (-3.0,  0.0), (3.0,   0.0),
        (3.0,   0.0), (0.0,   0.0), (3.0,   0.0), (3.0,   0.0),
        (3.0,   0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0)])

@njit
def _nutation_obliquity(jce):
    """compute the nutation in longitude (delta_psi) and the true obliquity (epsilon) given the Julian Ephemeris Century"""
    #mean elongation of the moon from the sun, in radians:
    #x0 = 297.85036 + 445267.111480*jce - 0.0019142*(jce**2) + (jce**3)/189474
    x0 = np.deg2rad(_polyval((1./189474, -0.0019142, 445267.111480, 297.85036),jce))
    #mean anomaly of the sun (Earth), in radians:
    x1 = np.deg2rad(_polyval((-1/3e5, -0.0001603, 35999.050340, 357.52772), jce))
    #mean anomaly of the moon, in radians:
    x2 = np.deg2rad(_polyval((1./56250, 0.0086972, 477198.867398, 134.96298), jce))
    #moon's argument of latitude, in radians:
    x3 = np.deg2rad(_polyval((1./327270, -0.0036825, 483202.017538, 93.27191), jce))
    #Longitude of the ascending node of the moon's mean orbit on the ecliptic
    # measured from the mean equinox of the date, in radians
    x4 = np.deg2rad(_polyval((1./45e4, 0.0020708, -1934.136261, 125.04452), jce))

    x = np.array([x0, x1, x2, x3, x4])

    a,b = _NLO_AB.T
    c,d = _NLO_CD.T
    dp = np.sum((a + b*jce)*np.sin(np.dot(_NLO_Y, x)))/36e6
    de = np.sum((c + d*jce)*np.cos(np.dot(_NLO_Y, x)))/36e6
    
    e = _ecliptic_obliquity(_julian_millennium(jce), de)

    return dp, e

@njit
def _abberation_correction(R):
    """Calculate the abberation correction (delta_tau, in degrees) given the Earth Heliocentric Radius (in AU)"""
    return -20.4898/(3600*R)

@njit
def _sun_longitude(helio_pos, delta_psi):
    """Calculate the apparent sun longitude (lambda, in degrees) and geocentric latitude (beta, in degrees) given the earth heliocentric position and delta_psi"""
    L,B,R = helio_pos
    theta = L + 180 #geocentric longitude
    beta = -B #geocentric latitude
    ll = theta + delta_psi + _abberation_correction(R)
    return ll, beta

@njit
def _greenwich_sidereal_time(jd, delta_psi, epsilon):
    """Calculate the apparent Greenwich sidereal time (v, in degrees) given the Julian Day"""
    jc = _julian_century(jd)
    #mean sidereal time at greenwich, in degrees:
    v0 = (280.46061837 + 360.98564736629*(jd - 2451545) + 0.000387933*(jc**2) - (jc**3)/38710000) % 360
    v = v0 + delta_psi*np.cos(np.deg2rad(epsilon))
    return v

@njit
def _sun_ra_decl(llambda, epsilon, beta):
    """Calculate the sun's geocentric right ascension (alpha, in degrees) and declination (delta, in degrees)"""
    l = np.deg2rad(llambda)
    e = np.deg2rad(epsilon)
    b = np.deg2rad(beta)
    alpha = np.arctan2(np.sin(l)*np.cos(e) - np.tan(b)*np.sin(e), np.cos(l)) #x1 / x2
    alpha = np.rad2deg(alpha) % 360
    delta = np.arcsin(np.sin(b)*np.cos(e) + np.cos(b)*np.sin(e)*np.sin(l))
    delta = np.rad2deg(delta)
    return alpha, delta

@njit
def _sun_topo_ra_decl_hour(latitude, longitude, elevation, jd, delta_t = 0):
    """Calculate the sun's topocentric right ascension (alpha'), declination (delta'), and hour angle (H')"""
    
    jde = _julian_ephemeris_day(jd, delta_t)
    jce = _julian_century(jde)
    jme = _julian_millennium(jce)

    helio_pos = _heliocentric_position(jme)
    R = helio_pos[-1]
    phi, E = np.deg2rad(latitude), elevation
    #equatorial horizontal parallax of the sun, in radians
    xi = np.deg2rad(8.794/(3600*R)) #
    #rho = distance from center of earth in units of the equatorial radius
    #phi-prime = geocentric latitude
    #NB: These equations look like their based on WGS-84, but are rounded slightly
    # The WGS-84 reference ellipsoid has major axis a = 6378137 m, and flattening factor 1/f = 298.257223563
    # minor axis b = a*(1-f) = 6356752.3142 = 0.996647189335*a
    u = np.arctan(0.99664719*np.tan(phi)) #
    x = np.cos(u) + E*np.cos(phi)/6378140 #rho sin(phi-prime)
    y = 0.99664719*np.sin(u) + E*np.sin(phi)/6378140 #rho cos(phi-prime)

    delta_psi, epsilon = _nutation_obliquity(jce) #

    llambda, beta = _sun_longitude(helio_pos, delta_psi) #
    
    alpha, delta = _sun_ra_decl(llambda, epsilon, beta) #

    v = _greenwich_sidereal_time(jd, delta_psi, epsilon) #

    H = v + longitude - alpha #
    Hr, dr = np.deg2rad(H), np.deg2rad(delta)

    dar = np.arctan2(-x*np.sin(xi)*np.sin(Hr), np.cos(dr)-x*np.sin(xi)*np.cos(Hr))
    delta_alpha = np.rad2deg(dar) #
    
    alpha_prime = alpha + delta_alpha #
    delta_prime = np.rad2deg(np.arctan2((np.sin(dr) - y*np.sin(xi))*np.cos(dar), np.cos(dr) - y*np.sin(xi)*np.cos(Hr))) #
    H_prime = H - delta_alpha #

    return alpha_prime, delta_prime, H_prime

@njit
def _sun_topo_azimuth_zenith(latitude, delta_prime, H_prime, temperature=14.6, pressure=1013, atmos_refract=0.5667):
    """Compute the sun's topocentric azimuth and zenith angles
    azimuth is measured eastward from north, zenith from vertical
    temperature = average temperature in C (default is 14.6 = global average in 2013)
    pressure = average pressure in mBar (default 1013 = global average)
    """
    SUN_RADIUS = 0.26667
    phi = np.deg2rad(latitude)
    dr, Hr = np.deg2rad(delta_prime), np.deg2rad(H_prime)
    P, T = pressure, temperature
    e0 = np.rad2deg(np.arcsin(np.sin(phi)*np.sin(dr) + np.cos(phi)*np.cos(dr)*np.cos(Hr)))
    delta_e = 0.0
    if e0 >= -1*(SUN_RADIUS + atmos_refract):
        tmp = np.deg2rad(e0 + 10.3/(e0+5.11))
        delta_e = (P/1010.0)*(283.0/(273+T))*(1.02/(60*np.tan(tmp)))

    e = e0 + delta_e
    zenith = 90 - e

    gamma = np.rad2deg(np.arctan2(np.sin(Hr), np.cos(Hr)*np.sin(phi) - np.tan(dr)*np.cos(phi))) % 360
    Phi = (gamma + 180) % 360 #azimuth from north
    return Phi, zenith, delta_e

@njit
def _norm_lat_lon(lat,lon):
    if lat < -90 or lat > 90:
        #convert to cartesian and back
        x = np.cos(np.deg2rad(lon))*np.cos(np.deg2rad(lat))
        y = np.sin(np.deg2rad(lon))*np.cos(np.deg2rad(lat))
        z = np.sin(np.deg2rad(lat))
        r = np.sqrt(x**2 + y**2 + z**2)
        lon = np.rad2deg(np.arctan2(y,x)) % 360
        lat = np.rad2deg(np.arcsin(z/r))
    elif lon < 0 or lon > 360:
        lon = lon % 360
    return lat,lon

#we use np.vectorize because numba's vectorize can't handle tuple return
@np.vectorize
@njit
def _topo_pos(jd,lat,lon,elev,dt,radians):
    """compute RA,dec,H, all in degrees"""
    lat,lon = _norm_lat_lon(lat,lon)
    RA, dec, H = _sun_topo_ra_decl_hour(lat, lon, elev, jd, dt)
    if radians:
        return np.deg2rad(RA), np.deg2rad(dec), np.deg2rad(H)
    else:
        return RA, dec, H

#we use np.vectorize because numba's vectorize can't handle tuple return
@np.vectorize
@njit
def _pos(jd,lat,lon,elev,temp,press,atmos_refract,dt,radians):
    """Compute azimuth,zenith,RA,dec,H"""
    lat,lon = _norm_lat_lon(lat,lon)
    RA, dec, H = _sun_topo_ra_decl_hour(lat, lon, elev, jd, dt)
    azimuth, zenith, delta_e = _sun_topo_azimuth_zenith(lat, dec, H, temp, press, atmos_refract)
    if radians:
        return np.deg2rad(azimuth), np.deg2rad(zenith), np.deg2rad(RA), np.deg2rad(dec), np.deg2rad(H)
    else:
        return azimuth, zenith, RA, dec, H

# (edit: the closing `if __name__ == '__main__': sys.exit(main())` is dropped with main(), see Notes)


# ---- harness (not part of the program) ----
ENTRY = "sunposition_spa"


def sunposition_spa(ts, lats, lons, elevs, temps, press):
    out = {}
    out["jd_ts"] = julian_day(ts)
    dts = [datetime.datetime(2004, 10, 17, 12, 30, 30, tzinfo=datetime.timezone.utc),
           datetime.datetime(1999, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
           datetime.datetime(2024, 2, 29, 23, 59, 59, tzinfo=datetime.timezone.utc)]
    out["jd_datetime"] = julian_day(np.array(dts, dtype=object))
    out["jd_dt64"] = julian_day(np.array(["2003-10-17T12:30:30", "1970-01-01T00:00:00",
                                          "2100-03-01T06:00:00"], dtype="datetime64[s]"))
    strs = ["2003-10-17 12:30:30", "2003-10-17T12:30:30Z", "20031017T123030-07:00",
            "-1000-03-15T00:00:00", "1969-12-31T23:59:59.5+05:30", "1234567890.25"]
    out["posix_from_str"] = [_string_to_posix_time(s) for s in strs]
    out["jd_str"] = julian_day(np.array(strs[:4]))
    bad = []
    for s in ("2003-02-30T00:00:00", "garbage", "2003-01-01T00:00:00+15:00"):
        try:
            _string_to_posix_time(s)
            bad.append(None)
        except ValueError as e:
            bad.append(str(e))
    out["bad_strings"] = bad
    out["rd"] = [(_date_to_rd(y, m, d), _rd_to_date(_date_to_rd(y, m, d)))
                 for (y, m, d) in ((1970, 1, 1.0), (2000, 2, 29.5), (1600, 12, 31.25),
                                   (-2000, 3, 1.0), (6000, 1, 15.75))]
    out["posix_date"] = [(_posix_time_to_date(t), _date_to_posix_time(2020, 6, 21.5)) for t in ts]
    out["polyval"] = [_polyval((1.0, -2.0, 0.5, 3.0), x) for x in (-1.5, 0.0, 2.25)]

    out["sunpos"] = sunpos(ts, lats, lons, elevs, temps, press)
    out["sunpos_rad"] = sunpos(ts, lats, lons, elevs, radians=True, delta_t=67.0)
    out["sunpos_refract"] = sunpos(ts[:3], lats[:3], lons[:3], elevs[:3], atmos_refract=1.0)
    out["topo"] = topocentric_sunpos(ts, lats, lons, elevs)
    out["topo_rad"] = topocentric_sunpos(ts[:3], 10.0, -20.0, 0.0, delta_t=30.0, radians=True)
    out["observed"] = observed_sunpos(dts, 39.742476, -105.1786, 1830.14, 11.0, 820.0)
    az, zen = out["sunpos"][0], out["sunpos"][1]
    pts = np.stack([az, zen], axis=-1)
    out["arcdist"] = arcdist(pts, pts[::-1])
    out["arcdist_rad"] = arcdist(np.deg2rad(pts), np.deg2rad(pts[0]), radians=True)
    jme = _julian_millennium(_julian_century(_julian_ephemeris_day(2452930.312847, 67.0)))
    out["helio"] = _heliocentric_position(jme)
    out["geo"] = _geocentric_position(out["helio"])
    out["nutation"] = _nutation_obliquity(jme * 10.0)
    out["norm"] = [_norm_lat_lon(lat, lon) for (lat, lon) in ((95.0, 10.0), (-120.0, 400.0),
                                                             (45.0, -30.0), (10.0, 725.0))]
    return out


def inputs():
    ts = np.array([1066394430.0, 0.0, 946728000.0, 1718971200.0, -2208988800.0, 4102444800.5])
    lats = np.array([39.742476, 51.48, -33.86, 64.15, 95.0, -89.0])
    lons = np.array([-105.1786, 0.0, 151.21, -21.94, 10.0, 400.0])
    elevs = np.array([1830.14, 0.0, 58.0, 10.0, 0.0, 2800.0])
    temps = np.array([11.0, 14.6, 20.0, -5.0, 0.0, -40.0])
    press = np.array([820.0, 1013.0, 1010.0, 990.0, 1013.0, 700.0])
    return ts, lats, lons, elevs, temps, press
