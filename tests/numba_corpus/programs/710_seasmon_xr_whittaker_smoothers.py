# Source: WFP-VAM seasmon_xr (repository trenouard/seasmon_xr) seasmon_xr/ops/whit.py (at commit 02acf19f)
# Licence: MIT (seasmon_xr, LICENSE; Copyright (c) 2021 WFP-VAM)
# Notes: the World Food Programme's Whittaker smoothers for satellite vegetation-index (NDVI) time series: a jitted 2nd-order-difference Whittaker filter ws2d (pentadiagonal forward elimination/back substitution in explicit loops) called from numba gufuncs (@guvectorize with int16 output cores, '(n),(),() -> (n)' up to '(n),(),(),(m),() -> (n),()' with two outputs) for fixed smoothing, asymmetric-weight (envelope) smoothing, V-curve optimisation of the smoothing parameter (math.log/pow/sqrt) and generalised-cross-validation optimisation with robust reweighting (Python lists [1e15, 0] and [gcv_score, lmda] reassigned and appended inside nopython code, numpy.array of a list of lists, np.median of boolean-masked arrays, 10**llas), results rounded into the int16 output with numpy.round_(z, 0, out); an @njit lag-1 autocorrelation over a 3-D cube and a gufunc temporal interpolation to daily/dekadal labels. Pasted: the module without `import xarray` and its xarray.apply_ufunc wrappers (whits, whitsvc, whitswcv, whitint, lag1corr; xarray is not installed). The harness follows the project's tests (np.random.seed(42) gamma series times 10, nodata 0, llas = np.arange(-2, 2)) and adds a 3 x 112 slice of the tests' NDVI series (nodata -3000) through every gufunc, the GCV variants with and without robust weights, autocorr and tinterpolate
"""Numba accelerated Whittaker functions."""
# pyright: reportGeneralTypeIssues=false
# pylint: disable=C0103,C0301,E0401,R0912,R0913,R0914,R0915
from math import log, pow, sqrt  # pylint: disable=W0622
from typing import Union

import numpy
from numba import guvectorize, njit
from numba.core.types import float64, int16, int32, uint8, boolean


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
    z = numpy.zeros(n)
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


@guvectorize(
    [(float64[:], float64, float64, int16[:])], "(n),(),() -> (n)", nopython=True
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
    m = y.shape[0]
    w = numpy.zeros(y.shape, dtype=float64)

    n = 0
    for ii in range(m):
        if y[ii] == nodata:
            w[ii] = 0
        else:
            n += 1
            w[ii] = 1

    if n > 1:
        z = ws2d(y, lmda, w)
        numpy.round_(z, 0, out)
    else:
        out[:] = y[:]


@guvectorize(
    [(float64[:], float64, float64, float64, int16[:])],
    "(n),(),(),() -> (n)",
    nopython=True,
)
def ws2dpgu(y, lmda, nodata, p, out):
    """
    Whittaker smoother with asymmetric smoothing and fixed lambda (S).

    Args:
        y: time-series numpy array
        l: smoothing parameter lambda (S)
        w: weights numpy array
        p: "Envelope" value
    Returns:
        Smoothed time-series array z
    """
    w = numpy.zeros(y.shape, dtype=float64)
    m = y.shape[0]
    n = 0

    for ii in range(m):
        if y[ii] == nodata:
            w[ii] = 0
        else:
            n += 1
            w[ii] = 1

    if n > 1:
        p1 = 1 - p
        z = numpy.zeros(m)
        znew = numpy.zeros(m)
        wa = numpy.zeros(m)
        ww = numpy.zeros(m)

        # Calculate weights

        for _ in range(10):
            for j in range(m):
                y_tmp = y[j]
                z_tmp = z[j]

                if y_tmp > z_tmp:
                    wa[j] = p
                else:
                    wa[j] = p1
                ww[j] = w[j] * wa[j]

            znew[:] = ws2d(y, lmda, ww)
            z_tmp = 0.0
            j = 0
            for j in range(m):
                z_tmp += abs(znew[j] - z[j])

            if z_tmp == 0.0:
                break

            z[:] = znew[:]

        z = ws2d(y, lmda, ww)
        numpy.round_(z, 0, out)

    else:
        out[:] = y[:]


@guvectorize(
    [(float64[:], float64, float64[:], int16[:], float64[:])],
    "(n),(),(m) -> (n),()",
    nopython=True,
)
def ws2doptv(y, nodata, llas, out, lopt):
    """
    Whittaker filter V-curve optimization of S.

    Args:
        y (numpy.array): raw data array (1d, expected in float64)
        nodata (double, int): nodata value
        llas (numpy.array): 1d array of s values to use for optimization
    """
    m = y.shape[0]
    w = numpy.zeros(y.shape, dtype=float64)
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

        fits = numpy.zeros(nl)
        pens = numpy.zeros(nl)
        z = numpy.zeros(m)
        diff1 = numpy.zeros(m1)
        lamids = numpy.zeros(nl1)
        v = numpy.zeros(nl1)

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
        numpy.round_(z, 0, out)
    else:
        out[:] = y[:]
        lopt[0] = 0.0


@guvectorize(
    [(float64[:], float64, float64, float64[:], int16[:], float64[:])],
    "(n),(),(),(m) -> (n),()",
    nopython=True,
)
def ws2doptvp(y, nodata, p, llas, out, lopt):
    """
    Whittaker filter V-curve optimization of S and asymmetric weights.

    Args:
        y (numpy.array): raw data array (1d, expected in float64)
        nodata (double, int): nodata value
        p (float): Envelope value for asymmetric weights
        llas (numpy.array): 1d array of s values to use for optimization
    """
    m = y.shape[0]
    w = numpy.zeros(y.shape, dtype=float64)

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
        j = 0
        p1 = 1 - p

        fits = numpy.zeros(nl)
        pens = numpy.zeros(nl)
        z = numpy.zeros(m)
        znew = numpy.zeros(m)
        diff1 = numpy.zeros(m1)
        lamids = numpy.zeros(nl1)
        v = numpy.zeros(nl1)
        wa = numpy.zeros(m)
        ww = numpy.zeros(m)

        # Compute v-curve
        for lix in range(nl):
            lmda = pow(10, llas[lix])

            for i in range(10):
                for j in range(m):
                    y_tmp = y[j]
                    z_tmp = z[j]
                    if y_tmp > z_tmp:
                        wa[j] = p
                    else:
                        wa[j] = p1
                    ww[j] = w[j] * wa[j]

                znew[:] = ws2d(y, lmda, ww)
                z_tmp = 0.0
                j = 0
                for j in range(m):
                    z_tmp += abs(znew[j] - z[j])

                if z_tmp == 0.0:
                    break

                z[0:m] = znew[0:m]

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
            fit1 = fits[i]
            fit2 = fits[i + 1]
            pen1 = pens[i]
            pen2 = pens[i + 1]
            v[i] = sqrt(pow(fit2 - fit1, 2) + pow(pen2 - pen1, 2)) / (log(10) * llastep)
            lamids[i] = (l1 + l2) / 2

        vmin = v[k]
        for i in range(1, nl1):
            if v[i] < vmin:
                vmin = v[i]
                k = i

        lopt[0] = pow(10, lamids[k])

        z[:] = 0.0

        for i in range(10):
            for j in range(m):
                y_tmp = y[j]
                z_tmp = z[j]

                if y_tmp > z_tmp:
                    wa[j] = p
                else:
                    wa[j] = p1
                ww[j] = w[j] * wa[j]

            znew[0:m] = ws2d(y, lopt[0], ww)
            z_tmp = 0.0
            j = 0
            for j in range(m):
                z_tmp += abs(znew[j] - z[j])

            if z_tmp == 0.0:
                break

            z[0:m] = znew[0:m]

        z = ws2d(y, lopt[0], ww)
        numpy.round_(z, 0, out)

    else:
        out[:] = y[:]
        lopt[0] = 0.0


@guvectorize(
    [(int16[:], float64, float64, float64, int16[:], float64[:])],
    "(n),(),(),() -> (n),()",
    nopython=True,
)
def ws2doptvplc(y, nodata, p, lc, out, lopt):
    """
    Whittaker filter V-curve optimization.

    Whittaker filter V-curve optimization of S, asymmetric weights and
    srange determined by autocorrelation.

    Args:
        y (numpy.array): raw data array (1d, expected in float64)
        nodata (double, int): nodata value
        p (float): Envelope value for asymmetric weights
        lc (float): lag1 autocorrelation
    """
    m = y.shape[0]
    w = numpy.zeros(y.shape, dtype=float64)

    n = 0
    for ii in range(m):
        if y[ii] == nodata:
            w[ii] = 0
        else:
            n += 1
            w[ii] = 1

    if n > 1:
        if lc > 0.5:
            llas = numpy.arange(-2, 1.2, 0.2, dtype=float64)
        elif lc <= 0.5:
            llas = numpy.arange(0, 3.2, 0.2, dtype=float64)
        else:
            llas = numpy.arange(-1, 1.2, 0.2, dtype=float64)

        m1 = m - 1
        m2 = m - 2
        nl = len(llas)
        nl1 = nl - 1
        i = 0
        k = 0
        j = 0
        p1 = 1 - p

        fits = numpy.zeros(nl)
        pens = numpy.zeros(nl)
        z = numpy.zeros(m)
        znew = numpy.zeros(m)
        diff1 = numpy.zeros(m1)
        lamids = numpy.zeros(nl1)
        v = numpy.zeros(nl1)
        wa = numpy.zeros(m)
        ww = numpy.zeros(m)

        # Compute v-curve
        for lix in range(nl):
            lmda = pow(10, llas[lix])

            for i in range(10):
                for j in range(m):
                    y_tmp = y[j]
                    z_tmp = z[j]
                    if y_tmp > z_tmp:
                        wa[j] = p
                    else:
                        wa[j] = p1
                    ww[j] = w[j] * wa[j]

                znew[:] = ws2d(y, lmda, ww)
                z_tmp = 0.0
                j = 0
                for j in range(m):
                    z_tmp += abs(znew[j] - z[j])

                if z_tmp == 0.0:
                    break

                z[0:m] = znew[0:m]

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
            fit1 = fits[i]
            fit2 = fits[i + 1]
            pen1 = pens[i]
            pen2 = pens[i + 1]
            v[i] = sqrt(pow(fit2 - fit1, 2) + pow(pen2 - pen1, 2)) / (log(10) * llastep)
            lamids[i] = (l1 + l2) / 2

        vmin = v[k]
        for i in range(1, nl1):
            if v[i] < vmin:
                vmin = v[i]
                k = i

        lopt[0] = pow(10, lamids[k])

        z[:] = 0.0

        for i in range(10):
            for j in range(m):
                y_tmp = y[j]
                z_tmp = z[j]

                if y_tmp > z_tmp:
                    wa[j] = p
                else:
                    wa[j] = p1
                ww[j] = w[j] * wa[j]

            znew[0:m] = ws2d(y, lopt[0], ww)
            z_tmp = 0.0
            j = 0
            for j in range(m):
                z_tmp += abs(znew[j] - z[j])

            if z_tmp == 0.0:
                break

            z[0:m] = znew[0:m]

        z = ws2d(y, lopt[0], ww)
        numpy.round_(z, 0, out)

    else:
        out[:] = y[:]
        lopt[0] = 0.0


@guvectorize(
    [(float64[:], float64, float64[:], boolean, int16[:], float64[:])],
    "(n),(),(m),() -> (n),()",
    nopython=True,
)
def ws2dwcv(y, nodata, llas, robust, out, lopt):
    """
    Whittaker filter GCV optimization of S.

    Args:
        y (numpy.array): raw data array (1d, expected in float64)
        nodata (double, int): nodata value
        llas (numpy.array): 1d array of s values to use for optimization
        robust (boolean): performs a robust fitting by computing robust weights if True
    """

    m = y.shape[0]
    w = numpy.zeros(y.shape, dtype=float64)

    n = 0
    for ii in range(m):
        if (y[ii] == nodata) or numpy.isnan(y[ii]) or numpy.isinf(y[ii]):
            w[ii] = 0
        else:
            n += 1
            w[ii] = 1

    # Eigenvalues
    d_eigs = -2 + 2 * numpy.cos(numpy.arange(m) * numpy.pi / m)
    d_eigs[0] = 1e-15

    if n > 1:

        z = numpy.zeros(m)
        r_weights = numpy.ones(m)

        # Setting number of robust iterations to perform
        if not robust:
            r_its = 1
        else:
            r_its = 4

        # Initialising lists for writing to
        robust_gcv = []

        gcv_temp = [1e15, 0]
        for it in range(r_its):
            if it > 1:
                Sopt_Rog_val = robust_gcv[1][1]
            else:
                Sopt_Rog_val = 0.0

            if not Sopt_Rog_val:
                smoothing = 10**llas
            else:
                smoothing = numpy.array([Sopt_Rog_val])

            w_temp = w * r_weights
            for lmda in smoothing:

                NDVI_smoothed = ws2d(y, lmda, w_temp)

                gamma = w_temp / (w_temp + lmda * ((-1 * d_eigs) ** 2))
                tr_H = gamma.sum()
                wsse = (((w_temp**0.5) * (y - NDVI_smoothed)) ** 2).sum()
                denominator = w_temp.sum() * (1 - (tr_H / (w_temp.sum()))) ** 2
                gcv_score = wsse / denominator

                gcv, NDVIhat = ([gcv_score, lmda], NDVI_smoothed)

                if gcv[0] < gcv_temp[0]:
                    gcv_temp = gcv
                    tempNDVI_arr = NDVIhat

            best_gcv = gcv_temp
            s = best_gcv[1]

            if robust:
                gamma = w_temp / (w_temp + s * ((-1 * d_eigs) ** 2))
                r_arr = y - tempNDVI_arr

                MAD = numpy.median(
                    numpy.abs(
                        r_arr[r_weights != 0] - numpy.median(r_arr[r_weights != 0])
                    )
                )
                u_arr = r_arr / (1.4826 * MAD * numpy.sqrt(1 - gamma.sum() / n))

                r_weights = (1 - (u_arr / 4.685) ** 2) ** 2
                r_weights[(numpy.abs(u_arr / 4.685) > 1)] = 0

                r_weights[r_arr > 0] = 1

            robust_weights = w * r_weights

            robust_gcv.append(best_gcv)

        robust_gcv = numpy.array(robust_gcv)

        if robust:
            lopt[0] = robust_gcv[1, 1]
        else:
            lopt[0] = robust_gcv[0, 1]

        z[:] = 0.0
        z = ws2d(y, lopt[0], robust_weights)
        numpy.round_(z, 0, out)

    else:
        out[:] = y[:]
        lopt[0] = 0.0


@guvectorize(
    [(float64[:], float64, float64, float64[:], boolean, int16[:], float64[:])],
    "(n),(),(),(m),() -> (n),()",
    nopython=True,
)
def ws2dwcvp(y, nodata, p, llas, robust, out, lopt):
    """
    Whittaker filter GCV optimization of S and asymmetric weights.

    Args:
        y (numpy.array): raw data array (1d, expected in float64)
        nodata (double, int): nodata value
        p (float): Envelope value for asymmetric weights
        llas (numpy.array): 1d array of s values to use for optimization
        robust (boolean): performs a robust fitting by computing robust weights if True
    """

    m = y.shape[0]
    w = numpy.zeros(y.shape, dtype=float64)

    n = 0
    for ii in range(m):
        if (y[ii] == nodata) or numpy.isnan(y[ii]) or numpy.isinf(y[ii]):
            w[ii] = 0
        else:
            n += 1
            w[ii] = 1

    # Eigenvalues
    d_eigs = -2 + 2 * numpy.cos(numpy.arange(m) * numpy.pi / m)
    d_eigs[0] = 1e-15

    if n > 1:

        z = numpy.zeros(m)
        znew = numpy.zeros(m)
        wa = numpy.zeros(m)
        ww = numpy.zeros(m)
        r_weights = numpy.ones(m)

        # Setting number of robust iterations to perform
        if not robust:
            r_its = 1
        else:
            r_its = 4

        # Initialising lists for writing to
        robust_gcv = []

        gcv_temp = [1e15, 0]
        for it in range(r_its):
            if it > 1:
                Sopt_Rog_val = robust_gcv[1][1]
            else:
                Sopt_Rog_val = 0.0

            if not Sopt_Rog_val:
                smoothing = 10**llas
            else:
                smoothing = numpy.array([Sopt_Rog_val])

            w_temp = w * r_weights
            for lmda in smoothing:

                NDVI_smoothed = ws2d(y, lmda, w_temp)

                gamma = w_temp / (w_temp + lmda * ((-1 * d_eigs) ** 2))
                tr_H = gamma.sum()
                wsse = (((w_temp**0.5) * (y - NDVI_smoothed)) ** 2).sum()
                denominator = w_temp.sum() * (1 - (tr_H / (w_temp.sum()))) ** 2
                gcv_score = wsse / denominator

                gcv, NDVIhat = ([gcv_score, lmda], NDVI_smoothed)

                if gcv[0] < gcv_temp[0]:
                    gcv_temp = gcv
                    tempNDVI_arr = NDVIhat

            best_gcv = gcv_temp
            s = best_gcv[1]

            if robust:
                gamma = w_temp / (w_temp + s * ((-1 * d_eigs) ** 2))
                r_arr = y - tempNDVI_arr

                MAD = numpy.median(
                    numpy.abs(
                        r_arr[r_weights != 0] - numpy.median(r_arr[r_weights != 0])
                    )
                )
                u_arr = r_arr / (1.4826 * MAD * numpy.sqrt(1 - gamma.sum() / n))

                r_weights = (1 - (u_arr / 4.685) ** 2) ** 2
                r_weights[(numpy.abs(u_arr / 4.685) > 1)] = 0

                r_weights[r_arr > 0] = 1

            robust_weights = w * r_weights

            robust_gcv.append(best_gcv)

        robust_gcv = numpy.array(robust_gcv)

        if robust:
            lopt[0] = robust_gcv[1, 1]
        else:
            lopt[0] = robust_gcv[0, 1]

        z[:] = 0.0

        for i in range(10):
            for j in range(m):
                y_tmp = y[j]
                z_tmp = z[j]

                if y_tmp > z_tmp:
                    wa[j] = p
                else:
                    wa[j] = 1 - p
                ww[j] = robust_weights[j] * wa[j]

            znew[0:m] = ws2d(y, lopt[0], ww)
            z_tmp = 0.0
            j = 0
            for j in range(m):
                z_tmp += abs(znew[j] - z[j])

            if z_tmp == 0.0:
                break

            z[0:m] = znew[0:m]

        z = ws2d(y, lopt[0], ww)
        numpy.round_(z, 0, out)

    else:
        out[:] = y[:]
        lopt[0] = 0.0


@njit
def autocorr(x):
    """
    Calculate Lag-1 autocorrelation.

    Adapted from https://stackoverflow.com/a/29194624/5997555
    Args:
        x: 3d data array
    Returns:
        Lag-1 autocorrelation array
    """
    r, c, t = x.shape
    z = numpy.zeros((r, c), dtype="float32")

    M = t - 1

    for rr in range(r):
        for cc in range(c):

            data1 = x[rr, cc, 1:]
            data2 = x[rr, cc, :-1]

            sum1 = 0.0
            sum2 = 0.0
            for i in range(M):
                sum1 += data1[i]
                sum2 += data2[i]

            mean1 = sum1 / M
            mean2 = sum2 / M

            var_sum1 = 0.0
            var_sum2 = 0.0
            cross_sum = 0.0
            for i in range(M):
                var_sum1 += (data1[i] - mean1) ** 2
                var_sum2 += (data2[i] - mean2) ** 2
                cross_sum += data1[i] * data2[i]

            std1 = (var_sum1 / M) ** 0.5
            std2 = (var_sum2 / M) ** 0.5
            cross_mean = cross_sum / M

            if std1 != 0 and std2 != 0:

                lc = (cross_mean - mean1 * mean2) / (std1 * std2)
            else:
                lc = 0.0
            z[rr, cc] = lc
    return z


@guvectorize(
    [(int16[:], float64[:], int32[:], uint8[:], int16[:])],
    "(n),(m),(m),(l) -> (l)",
    nopython=True,
)
def tinterpolate(x, template, labels, template_out, out):  # pylint: disable=W0613
    """
    Temporal interpolation of smoothed data.

    Args:
        x: smoothed data
        template: zeros array in daily length with 1s marking smoothed data
        labels: array of labels for grouping of length equal to template
        template_out: helper array to determine the length of output array
    """
    temp = template.copy()
    w = template.copy()
    ii = 0
    jj = 0
    for tt in temp:
        if tt != 0:
            temp[ii] = x[jj]
            jj += 1
        ii += 1
    temp[-1] = x[-1]
    z = ws2d(temp, 0.00001, w)
    ii = 1
    jj = 1
    kk = 0
    v = z[0]

    for ll in labels[1:]:
        if ll == labels[ii - 1]:
            v += z[ii]
            jj += 1
        else:
            out[kk] = round(v / jj)
            kk += 1
            jj = 1
            v = z[ii]

        ii += 1

    out[kk] = round(v / jj)


# ---- harness (not part of the program) ----
ENTRY = "seasmon_whittaker"

_NDVI = [4965, 4423, 4521, 4115, 1957, 2175, 2440, 4564, 2370, 7200, 7312, 7414, 7785, 8035, 8621,
         7933, 5376, 2926, 8532, 8520, 8525, 8028, 8191, 8028, 9172, 1363, 8085, 8200, 7648, 7895,
         7500, 8001, 7903, 7663, 7399, 7723, 7328, 7224, 6693, 6557, 6033, 5859, 5244, 5074, 5158,
         5050, 2709, 2819, 2610, 2553, 2868, 4048, 4746, 3811, 6183, 6321, 6942, 6593, 6686, 6756,
         9502, 7385, 8098, 1763, 8168, 5811, 6827, 6927, 8216, -3000, 1007, 8077, 5562, 7864, 7699,
         7163, 7649, 7369, 7637, 4208, 7453, 7282, 8681, 7327, 6656, 6512, 6174, 5485, 5383, 5371,
         5069, 4841, 4597, 4379, 4542, 4450, 2128, 2239, 2586, 2892, 2120, 6171, 6822, 7847, 7385,
         7996, 8359, 8116, 4770, 8605, 7303, 8213, 8102, 8322, 8902, 1823, -3000, 7879, 8113, 7633,
         7962, 7719, 7720, 7896, 7768, 7587, 7359, 7579, 7497, 7067, 6900, 6763, 6240, 5590, 5395,
         5360, 5262, 4986, 4793, 4770, 4872, 2434, 2008, 2865, 2941, 3255, 4158, 6523, 5597, 7291,
         7642, 7786, 8246, 8291, 8617, 8189, 8026, 8417, 3220, 4516, 7683, 6987, 8240, 8085, 8213,
         7887, 5685, 9709, 7711, 7763, 7600, 7711, 7095, 7169, 7557, 7376, 7008, 6491, 6425, 5993,
         5400, 5315, 5008, 4961, 4852, 4644, 2403, 2208, 2649, 2532, 3183, 3099, 4644, 5876, 6283,
         6433, 7341, 8141, 8072, 1549, 7323, 7821, 8566, 8288, 6810, 7099, 7937, 7099, 8268, 8112,
         2212, 3126, 6722, 7019, 7315, 7381, 3498, 7785, 7849, 7367, 7399, 6833, 6396, 6023, 5905,
         5495, 5327, 5280, 5250, 2985, 3179, 3180, 3422, 3426, 3306, 4087, 4577, 4939, 5516, 6716,
         6080, 7223, 5233, 7124, 2823, 8376, 8425, 8115, 1963, 7829, 8722, 7663, 8410, 3727, 7826,
         7670, 6894, 7201, 3091, 3851, 7555, 7586, 6485, 7196, 7610, 7138, 7325, 7032, 6838, 6747,
         6475, 5590, 5405, 5453, 5253, 4411, 4607, 4386, 4505, 2209, 2402, 2121, 1884, 3793, 4995,
         6049, 6340, 6729, 7483, 7320, 7557, 8387, 6667, 8368, 8071, 8298, 7766, 8188, 8055, 4893,
         8662, 8316, 8368, 8055, 8370, 7794, 5687, 7769, 8244, 8165, 9693, 7620, -3000, 7283, 6851,
         6724, 6399, 6613, 5812, 5441, 5413, 5238, 5037, 4696, 4801, 4581, 4546, 4536, 2315, 2043,
         2640, 3755, 3441, 6592, 6798, 8002, 7926]


def seasmon_whittaker(ts, ndvi, llas):
    out = {}
    # the project's tests (tests/test_algos.py)
    _ts = ts * 10
    out["ws2dgu"] = ws2dgu(_ts, 10, 0)
    out["ws2dpgu"] = ws2dpgu(_ts, 10, 0, 0.9)
    out["ws2doptv"] = ws2doptv(_ts, 0, numpy.arange(-2, 2))
    out["ws2doptvp"] = ws2doptvp(_ts, 0, 0.9, numpy.arange(-2, 2))
    out["ws2doptvplc"] = ws2doptvplc((ts * 10).astype("int16"), 0, 0.9, 0.9)
    out["autocorr_ts"] = autocorr(ts.reshape(1, 1, -1))
    # NDVI rows, nodata -3000
    nodata = -3000.0
    y = ndvi.astype("float64")
    out["ndvi_ws2dgu"] = ws2dgu(y, 100.0, nodata)
    out["ndvi_ws2dpgu"] = ws2dpgu(y, 100.0, nodata, 0.9)
    out["ndvi_ws2doptv"] = ws2doptv(y, nodata, llas)
    out["ndvi_ws2doptvp"] = ws2doptvp(y, nodata, 0.9, llas)
    lc = autocorr(ndvi.reshape(1, ndvi.shape[0], -1).astype("float64"))
    out["ndvi_autocorr"] = lc
    out["ndvi_ws2doptvplc"] = ws2doptvplc(ndvi, nodata, 0.9, lc[0].astype("float64"))
    for robust in (False, True):
        out["ndvi_ws2dwcv_%s" % robust] = ws2dwcv(y, nodata, llas, robust)
        out["ndvi_ws2dwcvp_%s" % robust] = ws2dwcvp(y, nodata, 0.9, llas, robust)
    # temporal interpolation of 10-daily smoothed values to monthly-ish labels
    smoothed = out["ndvi_ws2dgu"][:, :36]
    template = numpy.zeros(360, dtype="float64")
    template[::10] = 1
    labels = (numpy.arange(360) // 30).astype("int32")
    template_out = numpy.zeros(12, dtype="uint8")
    out["tinterpolate"] = tinterpolate(smoothed, template, labels, template_out)
    # all-nodata row: the n <= 1 branch
    out["empty"] = (ws2dgu(numpy.full(8, nodata), 10.0, nodata),
                    ws2doptv(numpy.full(8, nodata), nodata, llas))
    return out


def inputs():
    rs = numpy.random.RandomState(42)
    ts = rs.gamma(1, size=10)
    ndvi = numpy.array(_NDVI[:336], dtype="int16").reshape(3, 112)
    llas = numpy.arange(-2, 4.2, 0.2)
    return (ts, ndvi, llas)
