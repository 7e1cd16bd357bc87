# Source: WFP-VAM/hdc-algo hdc/algo/ops/_helper.py, ws2d.py (commit a80f263d), ws2dgu.py (commit 9c78db79), ws2doptv.py (commit 1743a7b2), lroo.py (commit 377dca30), autocorr.py (commit 1743a7b2)
# Licence: MIT (hdc-algo, setup.cfg "license = MIT License" and classifier "License :: OSI Approved :: MIT License"; author and maintainer WFP-VAM)
# Notes: the per-pixel time-series kernels of WFP-VAM's hdc-algo (xarray tools for the seasonal monitor) (NDVI/rainfall smoothing and statistics). _helper.lazycompile wraps a numba decorator so that compilation happens on first call (a closure with `nonlocal`, functools.wraps). ws2d is the @njit Whittaker smoother with 2nd-order differences (a pentadiagonal Cholesky-style forward sweep and back substitution written with scalar index arithmetic and a reversed range). ws2dgu and ws2doptv are lazycompile(guvectorize(...)) gufuncs with explicit float64/int16 signatures and layouts "(n),(),() -> (n)" and "(n),(),(m) -> (n),()": weights from a list comprehension over the series turned into an array (`x == nodata or np.isnan(x) or np.isinf(x)`), np.round(z, 0, out) / np.round_(z, 0, out) into an int16 output, and the V-curve search over log10 lambdas (math.log/sqrt, pow, a scalar output written through lopt[0]). lroo is a uint8 gufunc for the longest run of ones (np.where(data.flatten() == 1)[0] and run counting). autocorr.py computes lag-1 autocorrelation skipping NaNs or an integer nodata value, with @njit helpers taking an optional nodata=None argument, numba type objects float64(...)/int64(...) used as constructors, and lazycompile(njit) drivers over (Y, X, T) and (T, Y, X) cubes writing a float32 result. Pasted as they are except for the package-relative imports between these modules (from ._helper import ..., from .ws2d import ...), which are satisfied by pasting the modules in dependency order. The harness follows tests/test_algos.py (a 10-sample gamma series scaled by 10, lambda 10 with nodata 0, V-curve over np.arange(-2, 2), lroo of (ts > 0.9), autocorr of the series reshaped to (1, 1, -1) and (-1, 1, 1)), with the random series drawn from np.random.default_rng(0), plus a small cube of series with NaN and nodata gaps
# ---- hdc/algo/ops/_helper.py ----
from functools import wraps


def lazycompile(internal_decorator):
    """Delay wrapper."""

    def _lazycompile(f):
        inner_decorated = None

        @wraps(f)
        def wrapper(*args, **kwds):
            nonlocal inner_decorated
            if inner_decorated is None:
                inner_decorated = internal_decorator(f)
            return inner_decorated(*args, **kwds)

        return wrapper

    return _lazycompile


# ---- hdc/algo/ops/ws2d.py ----
"""Whittaker filter with differences of 2nd order for a 1d array."""

from numba import njit
from numpy import zeros


@njit
def ws2d(y, lmda, w):
    """
    Whittaker filter with differences of 2nd order.

    Args:
        y (numpy.array): raw data array (1d, expected in float64)
        lmda (double): S value
        w (numpy.array): weights vector (1d, expected in float64)
    Returns:
        z (numpy.array): smoothed data array (1d)
    """
    n = y.shape[0]
    m = n - 1
    z = zeros(n)
    d = z.copy()
    c = z.copy()
    e = z.copy()

    d[0] = w[0] + lmda
    c[0] = (-2 * lmda) / d[0]
    e[0] = lmda / d[0]
    z[0] = w[0] * y[0]
    d[1] = w[1] + 5 * lmda - d[0] * (c[0] * c[0])
    c[1] = (-4 * lmda - d[0] * c[0] * e[0]) / d[1]
    e[1] = lmda / d[1]
    z[1] = w[1] * y[1] - c[0] * z[0]
    for i in range(2, m - 1):
        i1 = i - 1
        i2 = i - 2
        d[i] = w[i] + 6 * lmda - (c[i1] * c[i1]) * d[i1] - (e[i2] * e[i2]) * d[i2]
        c[i] = (-4 * lmda - d[i1] * c[i1] * e[i1]) / d[i]
        e[i] = lmda / d[i]
        z[i] = w[i] * y[i] - c[i1] * z[i1] - e[i2] * z[i2]
    i1 = m - 2
    i2 = m - 3
    d[m - 1] = w[m - 1] + 5 * lmda - (c[i1] * c[i1]) * d[i1] - (e[i2] * e[i2]) * d[i2]
    c[m - 1] = (-2 * lmda - d[i1] * c[i1] * e[i1]) / d[m - 1]
    z[m - 1] = w[m - 1] * y[m - 1] - c[i1] * z[i1] - e[i2] * z[i2]
    i1 = m - 1
    i2 = m - 2
    d[m] = w[m] + lmda - (c[i1] * c[i1]) * d[i1] - (e[i2] * e[i2]) * d[i2]
    z[m] = (w[m] * y[m] - c[i1] * z[i1] - e[i2] * z[i2]) / d[m]
    z[m - 1] = z[m - 1] / d[m - 1] - c[m - 1] * z[m]
    for i in range(m - 2, -1, -1):
        z[i] = z[i] / d[i] - c[i] * z[i + 1] - e[i] * z[i + 2]

    return z


# ---- hdc/algo/ops/ws2dgu.py ----
"""Whittaker smoother with fixed lambda (S)."""

import numpy as np
from numba import guvectorize
from numba.core.types import float64, int16


@lazycompile(
    guvectorize(
        [(float64[:], float64, float64, int16[:])], "(n),(),() -> (n)", nopython=True
    )
)
def ws2dgu(y, lmda, nodata, out):
    """
    Whittaker smoother with fixed lambda (S).

    Args:
        y: time-series numpy array
        l: smoothing parameter lambda (S)
        w: weights numpy array
        p: "Envelope" value
    Returns:
        Smoothed time-series array z
    """
    if lmda != 0.0:
        # Compute weights for nodata values
        w = 1 - np.array(
            [((x == nodata) or np.isnan(x) or np.isinf(x)) for x in y], dtype=float64
        )
        n = np.sum(w)

        if n > 1:
            z = ws2d(y, lmda, w)
            np.round(z, 0, out)
        else:
            out[:] = y[:]
    else:
        out[:] = y[:]


# ---- hdc/algo/ops/ws2doptv.py ----
"""Whittaker filter V-curve optimization os S."""

from math import log, sqrt

import numpy as np
from numba import guvectorize
from numba.core.types import float64, int16


@lazycompile(
    guvectorize(
        [(float64[:], float64, float64[:], int16[:], float64[:])],
        "(n),(),(m) -> (n),()",
        nopython=True,
    )
)
def ws2doptv(y, nodata, llas, out, lopt):
    """
    Whittaker filter V-curve optimization of S.

    Args:
        y (np.array): raw data array (1d, expected in float64)
        nodata (double, int): nodata value
        llas (np.array): 1d array of s values to use for optimization
    """
    m = y.shape[0]
    w = np.zeros(y.shape)
    n = 0
    for ii in range(m):
        if y[ii] == nodata:
            w[ii] = 0
        else:
            n += 1
            w[ii] = 1
    if n > 1:
        m1 = m - 1
        m2 = m - 2
        nl = len(llas)
        nl1 = nl - 1
        i = 0
        k = 0

        fits = np.zeros(nl)
        pens = np.zeros(nl)
        z = np.zeros(m)
        diff1 = np.zeros(m1)
        lamids = np.zeros(nl1)
        v = np.zeros(nl1)

        # Compute v-curve
        for lix in range(nl):
            lmda = pow(10, llas[lix])
            z[:] = ws2d(y, lmda, w)
            for i in range(m):
                w_tmp = w[i]
                y_tmp = y[i]
                z_tmp = z[i]
                fits[lix] += pow(w_tmp * (y_tmp - z_tmp), 2)
            fits[lix] = log(fits[lix])

            for i in range(m1):
                z_tmp = z[i]
                z2 = z[i + 1]
                diff1[i] = z2 - z_tmp
            for i in range(m2):
                z_tmp = diff1[i]
                z2 = diff1[i + 1]
                pens[lix] += pow(z2 - z_tmp, 2)
            pens[lix] = log(pens[lix])

        # Construct v-curve
        llastep = llas[1] - llas[0]

        for i in range(nl1):
            l1 = llas[i]
            l2 = llas[i + 1]
            f1 = fits[i]
            f2 = fits[i + 1]
            p1 = pens[i]
            p2 = pens[i + 1]
            v[i] = sqrt(pow(f2 - f1, 2) + pow(p2 - p1, 2)) / (log(10) * llastep)
            lamids[i] = (l1 + l2) / 2

        vmin = v[k]
        for i in range(1, nl1):
            if v[i] < vmin:
                vmin = v[i]
                k = i

        lopt[0] = pow(10, lamids[k])
        z = ws2d(y, lopt[0], w)
        np.round_(z, 0, out)
    else:
        out[:] = y[:]
        lopt[0] = 0.0


# ---- hdc/algo/ops/lroo.py ----
"""Calculate the longest run of ones inside a 1d array."""

import numpy as np
from numba import guvectorize


@lazycompile(guvectorize("(uint8[:], uint8[:])", "(n) -> ()", nopython=True))
def lroo(data, out):
    """
    Calculate the longest run of ones.

    Intended to be used with xarray and apply_ufunc
    """
    cr = 1
    mr = 0
    dots = np.where(data.flatten() == 1)[0]

    for ix in range(1, dots.size):
        d = dots[ix] - dots[ix - 1]
        if d == 1:
            cr += 1
            mr = max(mr, cr)
        else:
            cr = 1

    if mr > 1:
        out[0] = mr
    else:
        out[0] = 0


# ---- hdc/algo/ops/autocorr.py ----
"""Lag-1 autocorrelations."""

from numba import njit
from numba.core.types import float32, float64, int64
from numpy import isnan, zeros

# pyright: reportGeneralTypeIssues=false


@njit
def autocorr_1d_float(data):
    """
    Lag 1 autocorrelation on float data with nan values.

    X = data[:-1]
    Y = data[1:]

    mean( (X - X.mean()) * (Y - Y.mean()) )
    ---------------------------------------
              X.std()*Y.std()

    Args:
        data ([type]): Integer data with missing values
    """
    assert data.ndim == 1
    xx = data[:-1]
    yy = data[1:]

    N = xx.shape[0]

    # ((X-X.mean())*(Y-Y.mean())).mean()
    Sxy = float64(0)  # Sum(Xi*Yi) when Xi and Yi are both valid
    Sx_ = float64(0)  # Sum(Xi)   when Xi is valid and Yi is valid
    Sy_ = float64(0)  # Sum(Yi)   when Xi is valid and Yi is valid
    nxy = float64(0)  # number of valid Xi,Yi tuples (both non-nodata)

    # var(X)
    Sx = float64(0)  # Sum(Xi)    when Xi is valid
    Sxx = float64(0)  # Sum(Xi*Xi) when Xi is valid
    nx = float64(0)  # number of valid Xi

    # var(Y)
    Sy = float64(0)  # Sum(Yi)    when Yi is valid
    Syy = float64(0)  # Sum(Yi*Yi) when Yi is valid
    ny = float64(0)  # number of valid Yi

    for i in range(N):
        x = float64(xx[i])
        y = float64(yy[i])

        x_ok = not isnan(x)
        y_ok = not isnan(y)

        if x_ok:
            Sx += x
            Sxx += x * x
            nx += 1

        if y_ok:
            Sy += y
            Syy += y * y
            ny += 1

        if x_ok and y_ok:
            Sx_ += x
            Sy_ += y
            Sxy += x * y
            nxy += 1

    result = float64(0.0)  # or should this be nan?
    if nxy == 0:
        return result

    A = nxy * Sxy - Sx_ * Sy_

    # var(X[np.isfinite(X)]) Vairance of X excluding missing values
    var_X = nx * Sxx - Sx * Sx
    var_Y = ny * Syy - Sy * Sy

    # var(X) where missing values were replaced with mean,
    #   i.e. X[X==nodata] = mean(X[X!=nodata])
    var_X = var_X * nx / N
    var_Y = var_Y * ny / N

    if var_X < 1e-8 or var_Y < 1e-8:
        return result

    result = A * (var_X**-0.5) * (var_Y**-0.5)
    return result


@njit
def autocorr_1d_int(data, nodata):
    """
    Lag 1 autocorrelation on integer data with nodata marker.

    X = data[:-1]
    Y = data[1:]

    mean( (X - X.mean()) * (Y - Y.mean()) )
    ---------------------------------------
              std(X)*std(Y)

    Args:
        data ([type]): Integer data with missing values
        nodata ([type]): Missing value marker
    """
    assert data.ndim == 1
    assert data.dtype.kind in ("i", "u")
    xx = data[:-1]
    yy = data[1:]

    N = xx.shape[0]

    #   ((X - X.mean())*(Y - Y.mean())).mean()
    # =  Sxy*nxy - Sx_*Sy_
    Sx_ = int64(0)  # Sum(Xi)    when Xi is valid and Yi is valid
    Sy_ = int64(0)  # Sum(Yi)    when Xi is valid and Yi is valid
    Sxy = int64(0)  # Sum(Xi*Yi) when Xi and Yi are both valid
    nxy = int64(0)  # number of valid Xi,Yi tuples (both non-nodata)

    # var(X) = Sxx*nx - Sx*Sx
    Sx = int64(0)  # Sum(Xi)    when Xi is valid
    Sxx = int64(0)  # Sum(Xi*Xi) when Xi is valid
    nx = int64(0)  # number of valid Xi

    # var(Y) = Syy*ny - Sy*Sy
    Sy = int64(0)  # Sum(Yi)    when Yi is valid
    Syy = int64(0)  # Sum(Yi*Yi) when Yi is valid
    ny = int64(0)  # number of valid Yi

    for i in range(N):
        x = xx[i]
        y = yy[i]

        if x != nodata:
            Sx += x
            Sxx += x * x
            nx += 1

        if y != nodata:
            Sy += y
            Syy += y * y
            ny += 1

        if x != nodata and y != nodata:  # pylint: disable=consider-using-in
            Sx_ += x
            Sy_ += y
            Sxy += x * y
            nxy += 1

    result = float64(0.0)  # or should this be nan?
    if nxy == 0:
        return result

    A = nxy * float64(Sxy) - float64(Sx_) * float64(Sy_)

    # var(X[np.isfinite(X)]) Vairance of X excluding missing values
    var_X = nx * float64(Sxx) - float64(Sx) * float64(Sx)
    var_Y = ny * float64(Syy) - float64(Sy) * float64(Sy)

    # var(X) where missing values were replaced with mean,
    #   i.e. X[X==nodata] = mean(X[X!=nodata])
    var_X = var_X * nx / N
    var_Y = var_Y * ny / N

    if var_X < 1e-8 or var_Y < 1e-8:
        return result

    result = A * (var_X**-0.5) * (var_Y**-0.5)
    return result


@njit
def autocorr_1d(data, nodata=None):
    """Calculate Lag-1 autocorrelation on 1-d inputs."""
    result = float64(0)
    if nodata is None:
        result = autocorr_1d_float(data)
    else:
        result = autocorr_1d_int(data, nodata)
    return result


@lazycompile(njit)
def autocorr(x, nodata=None):
    """
    Calculate Lag-1 autocorrelation.

    Args:
        x: 3d data array (Y,X,T)
    Returns:
        Lag-1 autocorrelation array (Y,X)
    """
    r, c, _ = x.shape
    z = zeros((r, c), dtype="float32")

    for rr in range(r):
        for cc in range(c):
            data = x[rr, cc, :]
            z[rr, cc] = autocorr_1d(data, nodata)

    return z


@lazycompile(njit)
def autocorr_tyx(tyx, nodata=None):
    """
    Calculate Lag-1 autocorrelation.

    Args:
        tyx: 3d data array in T,Y,X order
    Returns:
        Lag-1 autocorrelation array Y,X order
    """
    _, nr, nc = tyx.shape
    z = zeros((nr, nc), dtype=float32)

    for rr in range(nr):
        for cc in range(nc):
            data = tyx[:, rr, cc]
            z[rr, cc] = autocorr_1d(data, nodata)

    return z


# ---- harness (not part of the program) ----
ENTRY = "hdc_algo_ops"


def hdc_algo_ops(ts, cube, icube):
    _ts = ts * 10
    out = [
        ws2dgu(_ts, 10, 0),
        ws2doptv(_ts, 0, np.arange(-2, 2)),
        lroo(np.array((ts > 0.9) * 1, dtype="uint8")),
        autocorr(ts.reshape(1, 1, -1)),
        autocorr_tyx(ts.reshape(-1, 1, 1)),
        autocorr_1d(ts),
        ws2d(_ts, 5.0, np.ones_like(_ts)),
        ws2dgu(cube, 3.0, -1.0),
        ws2doptv(cube, -1.0, np.linspace(-1.0, 2.0, 7)),
        autocorr(cube),
        autocorr(icube, -3000),
        autocorr_tyx(np.ascontiguousarray(np.moveaxis(icube, 2, 0)), -3000),
    ]
    return tuple(out)


def inputs():
    rng = np.random.default_rng(0)
    ts = rng.gamma(1, size=10)
    cube = 100 * (1 + np.sin(np.linspace(0, 6, 24)))[None, None, :] + rng.normal(0, 10, size=(3, 4, 24))
    cube[0, 1, 5] = -1.0           # nodata
    cube[2, 2, [3, 4, 9]] = np.nan  # gaps
    icube = np.round(cube * 10).astype(np.int16)
    icube[np.isnan(cube)] = -3000
    return ts, cube, icube
